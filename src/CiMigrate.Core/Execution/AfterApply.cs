using CiMigrate.Execution.Events;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>Runs the hooks after a run that changed the schema; a failing hook is reported and the others still run.</summary>
public static class AfterApply
{
    /// <summary>The hooks every environment gets: PostgREST's reload and the grant check (each obeys its own setting).</summary>
    public static IReadOnlyList<IAfterApplyHook> Standard { get; } = [new PostgrestReload(), new GrantReview()];

    /// <summary>Runs <paramref name="hooks"/> in order when <paramref name="outcome"/> succeeded and changed something.</summary>
    public static async Task RunAsync(IEnumerable<IAfterApplyHook> hooks, ExecutionOutcome outcome, MigrationSession session,
        ExecutionLog log, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded && outcome.Events.Any(e => e is MigrationApplied or MigrationRolledBack))
            await RunHooksAsync(hooks, session, log, cancellationToken);
    }

    /// <summary>Runs <paramref name="hooks"/> in order after any committed change of the schema (a copy-schema, say).</summary>
    public static async Task RunHooksAsync(IEnumerable<IAfterApplyHook> hooks, MigrationSession session, ExecutionLog log,
        CancellationToken cancellationToken)
    {
        foreach (var hook in hooks)
        {
            try
            {
                await hook.RunAsync(session, log, cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                log.Add(new RunFailed(
                    $"The migrations are applied and recorded, but the checks after them failed on {session.Target}: " +
                    $"{(ex is PostgresException pg ? pg.MessageText : ex.Message)}.", null));
            }
            catch (ExecutionException ex)
            {
                log.Add(new RunFailed($"The migrations are applied and recorded, but {Lowered(ex.Message)}", null));
            }
        }
    }

    static string Lowered(string message) => message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..];
}
