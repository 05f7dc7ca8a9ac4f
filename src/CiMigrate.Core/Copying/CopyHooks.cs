using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// Defined points inside a copy where a test can act on the target's open transaction (change a row, say) to show
/// what the proof catches. The tool itself passes none.
/// </summary>
public sealed class CopyHooks
{
    /// <summary>After the source's snapshot is taken and the copy planned, before anything is written to the target.</summary>
    public Func<CancellationToken, Task>? AfterPlanned { get; init; }

    /// <summary>After a table's rows were imported and before any proof is taken: the table's target name and the
    /// target's connection, inside the copy's transaction.</summary>
    public Func<string, NpgsqlConnection, CancellationToken, Task>? AfterTableCopied { get; init; }
}
