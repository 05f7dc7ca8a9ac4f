namespace CiMigrate.Copying;

/// <summary>What a copy will do, known before anything changes: printed by <c>--dry-run</c> and at the top of a run.</summary>
public sealed record CopyPlan
{
    public required string From { get; init; }
    public required string To { get; init; }
    public required string App { get; init; }

    /// <summary>The app the target's ledger rows are written for (the same app unless the schema is renamed).</summary>
    public required string TargetApp { get; init; }

    public required string Schema { get; init; }
    public required string TargetSchema { get; init; }

    /// <summary>The migrations replayed for the structure (<c>20250208000001_create_budgets</c>); empty when from the catalog.</summary>
    public required IReadOnlyList<string> Migrations { get; init; }

    /// <summary>The structure comes from the source's catalog (pg_dump --schema-only): the app has no ledger rows there.</summary>
    public bool FromCatalog => Migrations.Count == 0;

    /// <summary>Whether rows are copied (<c>--data</c>), or only the structure.</summary>
    public required bool Data { get; init; }

    /// <summary>Tables in load order, with their rows on the source.</summary>
    public required IReadOnlyList<CopyTable> Tables { get; init; }

    public required IReadOnlyList<SequenceValue> Sequences { get; init; }
    public required ConstraintHandling Handling { get; init; }

    /// <summary>The tables on a cycle of foreign keys that are not deferrable and stay on their tables during the load
    /// (why <see cref="ConstraintHandling.ReplicationRole"/>).</summary>
    public required IReadOnlyList<string> Cycle { get; init; }

    /// <summary>What the target schema holds now, and the target app's ledger rows: dropped with <c>--replace</c>.</summary>
    public required IReadOnlyList<string> Existing { get; init; }

    /// <summary>Things the user should know: keys to tables outside the schema, migrations not applied on the source.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    public long Rows => Tables.Sum(t => t.Rows);

    public bool Renamed => Schema != TargetSchema;
}
