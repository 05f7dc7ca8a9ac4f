using System.CommandLine;
using System.Text;
using System.Text.Json;
using CiMigrate.Cli;
using CiMigrate.Execution;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;
using CiMigrate.Planning;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>status --env &lt;name&gt;</c>: every migration of the app with its state on the target (applied, pending,
/// edited since applied, applied but missing locally, out of order). Reads only: no lock, no ledger created.
/// </summary>
sealed class StatusTask : ITask
{
    public string Name => "status";
    public string Description => "Every migration of the app with its state on a target";
    public IReadOnlyList<Option> Options => [KubernetesOptions.Kubeconfig];

    public async Task<int> RunAsync(TaskContext context)
    {
        var target = TaskTarget.Resolve(context, null);
        await using var session = await target.OpenAsync(SessionMode.Read, new ExecutionLog(), context.CancellationToken);
        var comparison = await session.CompareAsync(target.Migrations, context.CancellationToken);
        var report = new StatusReport(target.App.Name, target.Environment.Name, session.Target,
            PlanHash.Of(target.App.Name, target.Environment.Name, comparison.Pending),
            [.. comparison.Entries.Select(e => new StatusEntry(e.Version, e.Name, e.State, e.Local?.Up.DisplayPath, e.Local?.Checksum,
                e.Applied?.Checksum, e.Applied?.AppliedAt, e.Applied?.AppliedBy))],
            await InvalidIndexes.FindAsync(session.Connection, target.App.Schema, context.CancellationToken));
        await context.Output.WriteAsync(context.Options.Format switch
        {
            OutputFormat.Json => JsonSerializer.Serialize(report, ReportJsonContext.Default.StatusReport) + System.Environment.NewLine,
            OutputFormat.Markdown => Markdown(report),
            _ => Text(report),
        });
        return ExitCodes.Ok;
    }

    static string Text(StatusReport report)
    {
        var text = new StringBuilder($"{report.App} on {report.Environment} ({report.Target}):\n");
        foreach (var entry in report.Migrations)
        {
            var when = entry.AppliedAt is { } at ? $"  {at.UtcDateTime:yyyy-MM-dd HH:mm}Z by {entry.AppliedBy}" : "";
            text.Append($"  {State(entry.State),-16} {entry.Version}_{entry.Name}{when}\n");
        }

        var counts = report.Migrations.GroupBy(e => e.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {State(g.Key)}");
        text.Append($"{string.Join(", ", counts.DefaultIfEmpty("no migrations"))}; plan {report.PlanHash}\n");
        if (report.InvalidIndexes.Count > 0)
        {
            text.Append($"invalid indexes in {report.App}'s schema (indisvalid = false, a failed CREATE INDEX CONCURRENTLY): " +
                $"{string.Join(", ", report.InvalidIndexes)}; drop each (DROP INDEX CONCURRENTLY IF EXISTS) and build it again\n");
        }

        return text.ToString();
    }

    static string Markdown(StatusReport report)
    {
        var text = new StringBuilder($"### `{report.App}` on `{report.Environment}`\n\n| version | name | state | applied |\n| --- | --- | --- | --- |\n");
        foreach (var entry in report.Migrations)
            text.Append($"| {entry.Version} | {entry.Name} | {State(entry.State)} | {entry.AppliedAt?.UtcDateTime:yyyy-MM-dd HH:mm} |\n");
        if (report.InvalidIndexes.Count > 0)
            text.Append($"\n**Invalid indexes** (drop and build again): {string.Join(", ", report.InvalidIndexes.Select(i => $"`{i}`"))}\n");
        return text.Append('\n').ToString();
    }

    static string State(History.MigrationState state) => state switch
    {
        History.MigrationState.Applied => "applied",
        History.MigrationState.Pending => "pending",
        History.MigrationState.Edited => "edited",
        History.MigrationState.MissingLocally => "missing locally",
        History.MigrationState.OutOfOrder => "out of order",
        _ => state.ToString(),
    };
}
