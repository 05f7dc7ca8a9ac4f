using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Migrations;

namespace CiMigrate.Copying;

/// <summary>A <c>copy-schema</c>: from which environment to which, which app under which schema, and how.</summary>
public sealed record CopyRequest
{
    public required IDatabaseTarget Source { get; init; }
    public required EnvironmentSettings SourceEnvironment { get; init; }
    public required IDatabaseTarget Target { get; init; }
    public required EnvironmentSettings TargetEnvironment { get; init; }

    /// <summary>The app and its schema on the source.</summary>
    public required AppSettings App { get; init; }

    /// <summary>The app and schema on the target: <see cref="App"/> itself, or the renamed one.</summary>
    public required AppSettings TargetApp { get; init; }

    public required MigrationSet Migrations { get; init; }
    public required RunProvenance Provenance { get; init; }

    /// <summary>The process environment, for finding pg_dump (<c>PG_BIN</c>, <c>PATH</c>).</summary>
    public required IReadOnlyDictionary<string, string?> Variables { get; init; }

    /// <summary>The work after the commit, as the task chose it for the target (<c>AfterApply.Standard</c> and friends).</summary>
    public IReadOnlyList<IAfterApplyHook> AfterCommit { get; init; } = [];

    public bool Data { get; init; }
    public bool DryRun { get; init; }
    public bool Replace { get; init; }
}
