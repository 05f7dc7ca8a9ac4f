using System.CommandLine;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;
using CiMigrate.Reporting;
using Npgsql;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>baseline --env &lt;name&gt; [--to &lt;version&gt;] [--from-supabase]</c>: adopts a database whose migrations
/// were applied by hand, marking local migrations as applied without running them, each with an event.
/// </summary>
sealed class BaselineTask : ITask
{
    readonly Option<string?> _to = new("--to") { Description = "Mark migrations up to and including this version (default: all local)" };

    readonly Option<bool> _fromSupabase = new("--from-supabase")
    {
        Description = "Mark the migrations whose version and name supabase_migrations.schema_migrations holds (read only)",
    };

    public string Name => "baseline";
    public string Description => "Adopt a database whose migrations were applied by hand";
    public bool RunsPerApp(TaskContext context) => true;
    public IReadOnlyList<Option> Options => [_to, _fromSupabase, KubernetesOptions.Kubeconfig];

    public async Task<int> RunAsync(TaskContext context)
    {
        var cancellationToken = context.CancellationToken;
        var target = TaskTarget.Resolve(context, null);
        var to = context.Get(_to);
        if (to is not null && target.Migrations.Find(to) is null)
            throw new UsageException($"--to {to}: there is no local migration with that version.");

        var writer = new ExecutionReportWriter(context);
        var log = writer.CreateLog();
        await using var session = await target.OpenAsync(SessionMode.Write, log, cancellationToken);
        var comparison = await session.CompareAsync(target.Migrations, cancellationToken);
        if (HistoryChecks.Edited(comparison, target.Environment.Name) is { Count: > 0 } edited)
        {
            foreach (var refusal in edited)
                log.Add(refusal);
            return await writer.FinishAsync(new ExecutionReport(Name, target.App.Name, target.Environment.Name, session.Target,
                false, false, null, comparison.Pending.Count, log.Events));
        }

        var fromSupabase = context.Get(_fromSupabase);
        var supabase = fromSupabase ? await SupabaseNamesAsync(session.Connection, cancellationToken) : null;
        var candidates = comparison.Pending.Where(m => to is null || string.CompareOrdinal(m.Version, to) <= 0).ToList();
        var chosen = candidates
            .Where(m => supabase is null || supabase.TryGetValue(m.Version, out var name) && name == m.Name)
            .ToList();
        foreach (var collision in candidates.Where(m => supabase is not null && supabase.TryGetValue(m.Version, out var name) && name != m.Name))
            log.Add(new SupabaseVersionTaken(collision.Version, collision.Name, supabase![collision.Version]));

        var provenance = RunProvenance.From(context.Environment, target.Environment.Name);
        var detail = fromSupabase ? "baseline --from-supabase" : to is null ? "baseline" : $"baseline --to {to}";
        if (chosen.Count > 0)
            await session.Ledger.WriteAsync(chosen.Select(m => session.Ledger.RecordBaselined(m, provenance, detail)), cancellationToken);
        foreach (var migration in chosen)
            log.Add(new MigrationBaselined(migration.Version, migration.Name));

        var report = new ExecutionReport(Name, target.App.Name, target.Environment.Name, session.Target, false, true, null,
            chosen.Count, log.Events);
        return await writer.FinishAsync(report);
    }

    /// <summary>
    /// The Supabase CLI's history, version to name. Its key is the version alone, so on a shared database a version can
    /// be another app's: only rows whose version and name both match a local file are adopted.
    /// </summary>
    static async Task<IReadOnlyDictionary<string, string?>> SupabaseNamesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await SupabaseHistory.ExistsAsync(connection, cancellationToken))
            throw new UsageException("--from-supabase: the target has no supabase_migrations.schema_migrations table to read.");
        return await SupabaseHistory.NamesAsync(connection, null, cancellationToken);
    }
}
