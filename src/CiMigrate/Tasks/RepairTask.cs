using System.CommandLine;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>repair --env &lt;name&gt; --accept-checksum &lt;version&gt; | --forget &lt;version&gt;</c>: deliberate fixes to
/// the ledger, each kept as an event. Neither touches the app's objects.
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

    public string Name => "repair";
    public string Description => "Deliberate fixes to the history: accept a checksum, forget a version";
    public IReadOnlyList<Option> Options => [_acceptChecksum, _forget, KubernetesOptions.Kubeconfig];

    public async Task<int> RunAsync(TaskContext context)
    {
        var accept = context.Get(_acceptChecksum);
        var forget = context.Get(_forget);
        if ((accept is null) == (forget is null))
            throw new UsageException("repair needs exactly one of --accept-checksum <version> or --forget <version>.");

        var cancellationToken = context.CancellationToken;
        var target = TaskTarget.Resolve(context, null);
        var writer = new ExecutionReportWriter(context);
        var log = writer.CreateLog();
        await using var session = await target.OpenAsync(SessionMode.Write, log, cancellationToken);
        var comparison = await session.CompareAsync(target.Migrations, cancellationToken);
        var version = accept ?? forget!;
        var entry = comparison.Entries.FirstOrDefault(e => e.Version == version && e.Applied is not null)
            ?? throw new UsageException($"{version} is not applied to {target.Environment.Name}: there is nothing to repair.");
        var provenance = RunProvenance.From(context.Environment, target.Environment.Name);
        var ledger = session.Ledger;

        if (accept is not null)
        {
            var local = entry.Local ?? throw new UsageException($"{version} has no local file whose checksum could be accepted.");
            if (local.Checksum != entry.Applied!.Checksum)
            {
                await ledger.WriteAsync([ledger.RecordChecksumAccepted(version, local.Checksum, provenance,
                    $"{local.Up.DisplayPath}: {entry.Applied.Checksum} -> {local.Checksum}")], cancellationToken);
                log.Add(new ChecksumAccepted(version, entry.Applied.Checksum, local.Checksum));
            }
        }
        else
        {
            await ledger.WriteAsync([ledger.RecordRemoved(version, LedgerEventKind.Forget, provenance,
                $"forgotten; recorded checksum {entry.Applied!.Checksum}")], cancellationToken);
            log.Add(new MigrationForgotten(version, entry.Name));
        }

        var report = new ExecutionReport(Name, target.App.Name, target.Environment.Name, session.Target, false, true, null, 0, log.Events);
        await writer.WriteAsync(report);
        return ExitCodes.Ok;
    }
}
