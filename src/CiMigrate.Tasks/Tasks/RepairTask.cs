using System.CommandLine;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;
using CiMigrate.Migrations;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>repair --env &lt;name&gt; --accept-checksum &lt;version&gt; | --forget &lt;version&gt; | --restore-lost</c>:
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

    public string Name => "repair";
    public string Description => "Deliberate fixes to the history: accept a checksum, forget a version, restore lost rows";
    public IReadOnlyList<Option> Options => [_acceptChecksum, _forget, _restoreLost, KubernetesOptions.Kubeconfig];

    public async Task<int> RunAsync(TaskContext context)
    {
        var accept = context.Get(_acceptChecksum);
        var forget = context.Get(_forget);
        var restore = context.Get(_restoreLost);
        if ((accept is null ? 0 : 1) + (forget is null ? 0 : 1) + (restore ? 1 : 0) != 1)
            throw new UsageException("repair needs exactly one of --accept-checksum <version>, --forget <version> or --restore-lost.");

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

    /// <summary>Puts back each lost row with the checksum its apply recorded; the local file must still exist.</summary>
    static async Task RestoreLostAsync(MigrationSession session, TaskTarget target, IReadOnlyList<(string Version, string Checksum)> lost,
        RunProvenance provenance, ExecutionLog log, CancellationToken cancellationToken)
    {
        if (lost.Count == 0)
            throw new UsageException($"The ledger of {target.App.Name} on {target.Environment.Name} has lost no row its events record: there is nothing to restore.");
        var missing = lost.Where(l => target.Migrations.Find(l.Version) is null).Select(l => l.Version).ToList();
        if (missing.Count > 0)
            throw new UsageException($"Cannot restore {string.Join(", ", missing)}: no local file. Nothing was restored.");
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
