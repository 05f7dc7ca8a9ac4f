using CiMigrate.Cli;
using CiMigrate.Reporting;

namespace CiMigrate.Configuration;

public sealed class Workspace
{
    public required string Root { get; init; }

    public static Workspace Load(GlobalOptions options, IReadOnlyDictionary<string, string?> environment, SecretMasker secrets) =>
        new() { Root = options.WorkingDirectory };
}
