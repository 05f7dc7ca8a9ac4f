using CiMigrate.Hosting;

namespace CiMigrate.Migrations;

/// <summary>Bad files in a migrations folder, each named with what is wrong; nothing is applied when this is thrown.</summary>
public sealed class MigrationSetException(IReadOnlyList<string> problems)
    : UsageException(problems.Count == 1
        ? problems[0]
        : $"{problems.Count} problems in the migration files:{System.Environment.NewLine}  " +
          string.Join(System.Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
