using System.CommandLine;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Hosting;
using CiMigrate.Reporting;

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
    public IReadOnlyList<Option> Options => [_to, _fromSupabase];

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
                false, null, comparison.Pending.Count, log.Events));
        }

        var candidates = comparison.Pending.Where(m => to is null || string.CompareOrdinal(m.Version, to) <= 0).ToList();
        var fromSupabase = context.Get(_fromSupabase);
        var chosen = fromSupabase ? await AdoptFromSupabaseAsync(session, target, candidates, log, cancellationToken) : candidates;

        var provenance = RunProvenance.From(context.Environment, target.Environment.Name);
        var detail = fromSupabase ? "baseline --from-supabase" : to is null ? "baseline" : $"baseline --to {to}";
        if (chosen.Count > 0)
            await session.Ledger.WriteAsync(chosen.Select(m => session.Ledger.RecordBaselined(m, provenance, detail)), cancellationToken);
        foreach (var migration in chosen)
            log.Add(new MigrationBaselined(migration.Version, migration.Name));

        var report = new ExecutionReport(Name, target.App.Name, target.Environment.Name, session.Target, false, null,
            chosen.Count, log.Events);
        return await writer.FinishAsync(report);
    }

    /// <summary>
    /// The files the Supabase CLI's history says are applied: a row matches a file by version and name or by its
    /// statements, never when another app owns its version, and only when the app's schema holds what the file creates.
    /// Every adopted row says which file it matched and how; every row left says why.
    /// </summary>
    static async Task<List<Migrations.Migration>> AdoptFromSupabaseAsync(MigrationSession session, TaskTarget target,
        IReadOnlyList<Migrations.Migration> candidates, ExecutionLog log, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        if (!await SupabaseHistory.ExistsAsync(connection, cancellationToken))
            throw new UsageException("--from-supabase: the target has no supabase_migrations.schema_migrations table to read.");
        var rows = await SupabaseHistory.RowsAsync(connection, cancellationToken);
        var others = await SupabaseHistory.OtherAppsAsync(connection, target.App.Name, cancellationToken);
        var local = target.Migrations.Migrations.Select(m => m.Version).ToHashSet(StringComparer.Ordinal);
        var (matches, left) = SupabaseAdoption.Of(rows, candidates, local, others);
        var chosen = new List<Migrations.Migration>();
        foreach (var match in matches)
        {
            if (await CreatedObjects.MissingAsync(connection, target.App.Schema, match.Migration, cancellationToken) is { Count: > 0 } missing)
            {
                log.Add(new SupabaseRowLeft(match.Row.Version, match.Row.Name,
                    $"it matches {match.Migration.Id} {match.How}, but the database lacks {string.Join(", ", missing)} that the file creates"));
                continue;
            }

            log.Add(new SupabaseRowAdopted(match.Row.Version, match.Row.Name, match.Migration.Version, match.Migration.Name, match.How));
            chosen.Add(match.Migration);
        }

        foreach (var row in left)
            log.Add(new SupabaseRowLeft(row.Row.Version, row.Row.Name, row.Reason));
        return [.. chosen.OrderBy(m => m.Version, StringComparer.Ordinal)];
    }
}
