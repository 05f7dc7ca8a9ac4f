using CiMigrate.Diagnostics;

namespace CiMigrate.Execution;

/// <summary>
/// What stopped a run, as a <see cref="Finding"/> of error severity: its rule is a refusal code
/// (<see cref="RefusalCodes"/>), <see cref="MigrationFailedCode"/> or <see cref="RunFailedCode"/>, each explained in
/// <see cref="DocsPage"/>.
/// </summary>
public sealed record RunFinding(string? File, int Line, int Column, string Rule, string Message, string? Help)
    : Finding(File, Line, Column, Rule, Severity.Error, Message, Help)
{
    public const string MigrationFailedCode = "migration-failed";

    public const string RunFailedCode = "run-failed";

    /// <summary>The one page of every code a run stops with, a section per code.</summary>
    public const string DocsPage = "docs/refusals.md";

    public override string DocsPath => $"{DocsPage}#{Rule}";
}
