using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Hosting;
using CiMigrate.Planning;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>status --env &lt;name&gt;</c>: every migration of the app with its state on the target (applied, pending,
/// edited since applied, applied but missing locally, out of order), and the open expand-contract changes with whether
/// each may contract now. Reads only: no lock, no ledger created.
/// </summary>
sealed class StatusTask(TimeProvider? clock = null) : ITask
{
    readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public string Name => "status";
    public string Description => "Every migration of the app with its state on a target";
    public bool RunsPerApp(TaskContext context) => true;

    public async Task<int> RunAsync(TaskContext context)
    {
        var target = TaskTarget.Resolve(context, null);
        await using var session = await target.OpenAsync(SessionMode.Read, new ExecutionLog(), context.CancellationToken);
        var comparison = await session.CompareAsync(target.Migrations, context.CancellationToken);
        var report = new StatusReport(target.App.Name, target.Environment.Name, session.Target,
            PlanHash.Of(target.App.Name, target.Environment.Name, comparison.History, comparison.Pending),
            [.. comparison.Entries.Select(e => new StatusEntry(e.Version, e.Name, e.State, e.Local?.Up.DisplayPath, e.Local?.Checksum,
                e.Applied?.Checksum, e.Applied?.AppliedAt, e.Applied?.AppliedBy)
            {
                SegmentsCommitted = e.Progress.Count > 0 ? e.Progress.Count : null,
                Segments = e.Progress.Count > 0 ? e.Progress[^1].Segments : null,
                RollingBack = e.Applied is not null && e.Progress.Count > 0 ? true : null,
            })],
            await InvalidIndexes.FindAsync(session.Connection, target.App.Schema, context.CancellationToken))
        {
            OpenExpandContract = [.. ExpandContractPairs.Of(comparison, target.Environment.ContractAfter).Where(p => p.IsOpen)
                .Select(p => new OpenExpandContract(p.ExpandVersion, p.ContractVersion, p.ExpandedAt, p.ContractOpensAt,
                    p.MayContract(_clock.GetUtcNow())))],
        };
        await context.Output.WriteAsync(StatusRenderer.Render(report, context.Options.Format));
        return ExitCodes.Ok;
    }
}
