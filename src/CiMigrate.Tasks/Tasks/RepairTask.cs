using System.CommandLine;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>repair --env &lt;name&gt; --accept-checksum &lt;version&gt; | --forget &lt;version&gt; | --restore-lost |
/// --partial &lt;version&gt; --to applied|not-applied --reason &lt;why&gt;</c>:
/// deliberate fixes to the ledger, each kept as an event. None touches the app's objects.
/// </summary>
sealed class RepairTask : ITask
{
    readonly Option<string?> _acceptChecksum = new("--accept-checksum")
    {
        Description = "Record the local file's checksum for this applied version (after a harmless edit)",
    };

    readonly Option<string?> _forget = new("--forget")
    {
        Description = "Remove this version's ledger row so that it counts as not applied",
    };

    readonly Option<bool> _restoreLost = new("--restore-lost")
    {
        Description = "Put back the ledger rows that were lost while the events record their apply",
    };

    readonly Option<string?> _partial = new("--partial")
    {
        Description = "Settle the record of this partly applied version (with --to and --reason)",
    };

    readonly Option<string?> _to = new("--to")
    {
        Description = "With --partial: applied (the rest was done by hand) or not-applied (the committed segments were undone; the next apply runs it whole)",
    };

    readonly Option<string?> _reason = new("--reason")
    {
        Description = "With --partial: why, kept in the ledger's events",
    };

    public string Name => "repair";
    public string Description => "Deliberate fixes to the history: accept a checksum, forget a version, restore lost rows, settle a partly applied one";
    public IReadOnlyList<Option> Options => [_acceptChecksum, _forget, _restoreLost, _partial, _to, _reason];

    public async Task<int> RunAsync(TaskContext context)
    {
        var accept = context.Get(_acceptChecksum);
        var forget = context.Get(_forget);
        var restore = context.Get(_restoreLost);
        var partial = context.Get(_partial);
        if ((accept is null ? 0 : 1) + (forget is null ? 0 : 1) + (restore ? 1 : 0) + (partial is null ? 0 : 1) != 1)
        {
            throw new UsageException("repair needs exactly one of --accept-checksum <version>, --forget <version>, --restore-lost " +
                "or --partial <version> --to applied|not-applied --reason <why>.");
        }

        var to = context.Get(_to);
        var reason = context.Get(_reason);
        if (partial is not null && (to is not ("applied" or "not-applied") || string.IsNullOrWhiteSpace(reason)))
            throw new UsageException("repair --partial <version> needs --to applied|not-applied and --reason <why>: the reason is kept in the ledger's events.");
        if (partial is null && (to is not null || reason is not null))
            throw new UsageException("--to and --reason go with repair --partial <version>.");

        var cancellationToken = context.CancellationToken;
        var target = TaskTarget.Resolve(context, null);
        var writer = new ExecutionReportWriter(context);
        var log = writer.CreateLog();
        await using var session = await target.OpenAsync(SessionMode.Write, log, cancellationToken);
        var comparison = await session.CompareAsync(target.Migrations, cancellationToken);
        var provenance = RunProvenance.From(context.Environment, target.Environment.Name);
        var lost = await LostHistory.LostRowsAsync(session.Connection, target.App.Name, cancellationToken);
        if (restore)
            await RestoreLostAsync(session, target, lost, provenance, log, cancellationToken);
        else if (partial is not null)
            await SettlePartialAsync(session, target, comparison, partial, to == "applied", reason!, provenance, log, cancellationToken);
        else if (accept is not null)
            await AcceptChecksumAsync(session, target, comparison, accept, provenance, log, cancellationToken);
        else
            await ForgetAsync(session, target, comparison, lost, forget!, provenance, log, cancellationToken);

        return await writer.FinishAsync(new ExecutionReport(Name, target.App.Name, target.Environment.Name, session.Target, false,
            null, 0, log.Events));
    }

    static async Task AcceptChecksumAsync(MigrationSession session, TaskTarget target, HistoryComparison comparison, string version,
        RunProvenance provenance, ExecutionLog log, CancellationToken cancellationToken)
    {
        var entry = Applied(comparison, version, target);
        var local = entry.Local ?? throw new UsageException($"{version} has no local file whose checksum could be accepted.");
        if (local.Checksum == entry.Applied!.Checksum)
            return;
        await session.Ledger.WriteAsync([session.Ledger.RecordChecksumAccepted(version, local.Checksum, provenance,
            $"{local.Up.DisplayPath}: {entry.Applied.Checksum} -> {local.Checksum}")], cancellationToken);
        log.Add(new ChecksumAccepted(version, entry.Applied.Checksum, local.Checksum));
    }

    /// <summary>Removes a version's row; a version whose row is already lost gets the event that says it is not applied.</summary>
    static async Task ForgetAsync(MigrationSession session, TaskTarget target, HistoryComparison comparison,
        IReadOnlyList<(string Version, string Checksum)> lost, string version, RunProvenance provenance, ExecutionLog log,
        CancellationToken cancellationToken)
    {
        var ledger = session.Ledger;
        if (lost.Any(l => l.Version == version))
        {
            await ledger.WriteAsync([ledger.RecordEvent(version, LedgerEventKind.Forget, provenance, "forgotten; its ledger row was already lost")],
                cancellationToken);
            log.Add(new MigrationForgotten(version, target.Migrations.Find(version)?.Name ?? ""));
            return;
        }

        var entry = Applied(comparison, version, target);
        await ledger.WriteAsync([ledger.RecordRemoved(version, LedgerEventKind.Forget, provenance,
            $"forgotten; recorded checksum {entry.Applied!.Checksum}")], cancellationToken);
        log.Add(new MigrationForgotten(version, entry.Name));
    }

    /// <summary>
    /// Settles a partly applied migration: a ledger row (the rest of the file was done by hand), or none (its committed
    /// segments were undone); either way its progress rows go, in one transaction with the event that keeps the reason.
    /// </summary>
    static async Task SettlePartialAsync(MigrationSession session, TaskTarget target, HistoryComparison comparison, string version,
        bool asApplied, string reason, RunProvenance provenance, ExecutionLog log, CancellationToken cancellationToken)
    {
        var entry = comparison.PartlyApplied.FirstOrDefault(e => e.Version == version)
            ?? throw new UsageException($"{version} is not partly applied to {target.Environment.Name}: there is nothing to settle " +
                "(ci-migrate status shows partly applied migrations).");
        var (committed, segments) = (entry.Progress.Count, entry.Progress[^1].Segments);
        var detail = $"{entry.Local!.Up.DisplayPath}: {committed} of {segments} segments had committed (lines " +
            $"{string.Join(", ", entry.Progress.Select(p => p.Lines))}); {reason}";
        var ledger = session.Ledger;
        await ledger.WriteAsync(asApplied
            ? [ledger.RecordPartialApplied(entry.Local, provenance, detail), ledger.ClearProgress(version)]
            : [ledger.RecordEvent(version, LedgerEventKind.PartialNotApplied, provenance, detail), ledger.ClearProgress(version)],
            cancellationToken);
        log.Add(new PartialSettled(version, entry.Name, asApplied, committed, segments, reason));
    }

    /// <summary>Puts back each lost row with the checksum its apply recorded; the local file and the app's schema must still exist.</summary>
    static async Task RestoreLostAsync(MigrationSession session, TaskTarget target, IReadOnlyList<(string Version, string Checksum)> lost,
        RunProvenance provenance, ExecutionLog log, CancellationToken cancellationToken)
    {
        if (lost.Count == 0)
            throw new UsageException($"The ledger of {target.App.Name} on {target.Environment.Name} has lost no row its events record: there is nothing to restore.");
        var missing = lost.Where(l => target.Migrations.Find(l.Version) is null).Select(l => l.Version).ToList();
        if (missing.Count > 0)
            throw new UsageException($"Cannot restore {string.Join(", ", missing)}: no local file. Nothing was restored.");
        // The rows would say objects exist that went with the schema; the next apply would then build on nothing.
        if (!await session.SchemaExistsAsync(cancellationToken))
        {
            throw new UsageException(
                $"Cannot restore {string.Join(", ", lost.Select(l => l.Version))}: the schema {target.App.Schema} no longer exists on " +
                $"{target.Environment.Name}, so the rows would record objects that are not there. Nothing was restored. If the schema " +
                $"was dropped on purpose, say so for each version (ci-migrate repair --env {target.Environment.Name} --forget <version>), " +
                "then apply again to rebuild it; if it was dropped by mistake, restore the schema from a backup first.");
        }

        var ledger = session.Ledger;
        var migrations = lost.Select(l => (Migration: target.Migrations.Find(l.Version)!, l.Checksum)).ToList();
        await ledger.WriteAsync(migrations.Select(m => ledger.RecordRestored(m.Migration, m.Checksum, provenance,
            $"restored from its apply event; checksum {m.Checksum}")), cancellationToken);
        foreach (var (migration, checksum) in migrations)
            log.Add(new LedgerRowRestored(migration.Version, migration.Name, checksum));
    }

    static MigrationStatus Applied(HistoryComparison comparison, string version, TaskTarget target) =>
        comparison.Entries.FirstOrDefault(e => e.Version == version && e.Applied is not null)
        ?? throw new UsageException($"{version} is not applied to {target.Environment.Name}: there is nothing to repair.");
}
