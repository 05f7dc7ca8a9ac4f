using CiMigrate.Migrations;

namespace CiMigrate.History;

/// <summary>
/// The local migrations of an app set against its ledger rows: what is applied, pending, edited, out of order or
/// missing locally. The filter of DbUp's sentence (providers → scripts minus the journal): apply, status and diff
/// all read the pending set from here.
/// </summary>
public sealed class HistoryComparison
{
    HistoryComparison(IReadOnlyList<MigrationStatus> entries) => Entries = entries;

    /// <summary>Every migration known locally or in the ledger, by version.</summary>
    public IReadOnlyList<MigrationStatus> Entries { get; }

    /// <summary>What an apply would run, in version order (out-of-order ones included, marked in <see cref="OutOfOrder"/>).</summary>
    public IReadOnlyList<Migration> Pending =>
        [.. Entries.Where(e => e.State is MigrationState.Pending or MigrationState.OutOfOrder or MigrationState.PartlyApplied).Select(e => e.Local!)];

    /// <summary>
    /// The local files of the applied migrations, in version order: the history a shadow replays before the pending ones,
    /// and the one the plan hash covers (<see cref="Planning.PlanHash"/>).
    /// </summary>
    public IReadOnlyList<Migration> History =>
        [.. Entries.Where(e => e.State is MigrationState.Applied or MigrationState.Edited).Select(e => e.Local!)];

    /// <summary>The migrations an earlier run left partly applied: an apply resumes each at its first segment not committed.</summary>
    public IReadOnlyList<MigrationStatus> PartlyApplied => [.. Entries.Where(e => e.State == MigrationState.PartlyApplied)];

    /// <summary>
    /// The applied migrations an earlier rollback left part-way (segments of their down file committed): a rollback
    /// resumes each; nothing may be applied on top of one.
    /// </summary>
    public IReadOnlyList<MigrationStatus> PartlyRolledBack => [.. Entries.Where(e => e.Applied is not null && e.Progress.Count > 0)];

    public IReadOnlyList<MigrationStatus> Edited => [.. Entries.Where(e => e.State == MigrationState.Edited)];

    public IReadOnlyList<MigrationStatus> OutOfOrder => [.. Entries.Where(e => e.State == MigrationState.OutOfOrder)];

    public IReadOnlyList<MigrationStatus> MissingLocally => [.. Entries.Where(e => e.State == MigrationState.MissingLocally)];

    /// <summary>The applied rows, newest version first: what a rollback takes from.</summary>
    public IReadOnlyList<MigrationStatus> AppliedNewestFirst =>
        [.. Entries.Where(e => e.Applied is not null).OrderByDescending(e => e.Version, StringComparer.Ordinal)];

    /// <summary>
    /// The local migrations against <paramref name="ledger"/>: its rows and its progress rows (a partly applied migration
    /// is pending; a partly rolled back one is applied, and stops an apply on top of it).
    /// </summary>
    public static async Task<HistoryComparison> CompareAsync(MigrationSet migrations, Ledger ledger, CancellationToken cancellationToken) =>
        Compare(migrations, await ledger.ReadAsync(cancellationToken), await ledger.ReadProgressAsync(tableExists: false, cancellationToken));

    /// <summary>The local migrations against the ledger's rows and, when given, its progress rows of partly applied migrations.</summary>
    public static HistoryComparison Compare(MigrationSet migrations, IReadOnlyList<AppliedMigration> applied,
        IReadOnlyList<SegmentProgress>? progress = null)
    {
        var progressByVersion = (progress ?? []).GroupBy(p => p.Version, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SegmentProgress>)[.. g], StringComparer.Ordinal);
        var appliedByVersion = applied.ToDictionary(a => a.Version, StringComparer.Ordinal);
        var newestApplied = applied.Select(a => a.Version).Order(StringComparer.Ordinal).LastOrDefault();
        var entries = new List<MigrationStatus>();
        foreach (var migration in migrations.Migrations)
        {
            if (appliedByVersion.Remove(migration.Version, out var row))
            {
                var state = row.Checksum == migration.Checksum ? MigrationState.Applied : MigrationState.Edited;
                entries.Add(new MigrationStatus(migration.Version, migration.Name, state, migration, row)
                {
                    Progress = progressByVersion.TryGetValue(migration.Version, out var undone) && undone[0].RollingBack ? undone : [],
                });
            }
            else if (progressByVersion.TryGetValue(migration.Version, out var committed) && !committed[0].RollingBack)
            {
                entries.Add(new MigrationStatus(migration.Version, migration.Name, MigrationState.PartlyApplied, migration, null) { Progress = committed });
            }
            else
            {
                var state = newestApplied is not null && string.CompareOrdinal(migration.Version, newestApplied) < 0
                    ? MigrationState.OutOfOrder
                    : MigrationState.Pending;
                entries.Add(new MigrationStatus(migration.Version, migration.Name, state, migration, null));
            }
        }

        entries.AddRange(appliedByVersion.Values.Select(row =>
            new MigrationStatus(row.Version, row.Name, MigrationState.MissingLocally, null, row)));
        return new HistoryComparison([.. entries.OrderBy(e => e.Version, StringComparer.Ordinal)]);
    }
}
