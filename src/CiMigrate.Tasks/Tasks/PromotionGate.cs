using CiMigrate.Execution;
using CiMigrate.Hosting;
using CiMigrate.Migrations;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>requires: staging</c>: every migration about to be applied must already be in the required environment's
/// ledger with the same checksum: production only ever runs what staging ran. Reads that ledger, changes nothing.
/// </summary>
static class PromotionGate
{
    /// <summary>Null when the gate passes; else why it refuses.</summary>
    public static async Task<string?> CheckAsync(TaskContext context, TaskTarget target, string required,
        IReadOnlyList<Migration> pending, CancellationToken cancellationToken)
    {
        var requiredEnvironment = context.Workspace.Settings.Environments.TryGetValue(required, out var configured)
            ? configured
            : throw new UsageException($"Environment '{target.Environment.Name}' requires '{required}', which is not configured.");
        var requiredTarget = target with { Environment = requiredEnvironment, Database = RequiredDatabase(context, requiredEnvironment) };
        await using var session = await requiredTarget.OpenAsync(SessionMode.Read, new ExecutionLog(), cancellationToken);
        var applied = (await session.Ledger.ReadAsync(cancellationToken)).ToDictionary(a => a.Version, StringComparer.Ordinal);
        var problems = pending
            .Select(m => !applied.TryGetValue(m.Version, out var row) ? $"{m.Up.DisplayPath} is not applied to {required}"
                : row.Checksum != m.Checksum ? $"{m.Up.DisplayPath} was applied to {required} with different content" : null)
            .OfType<string>()
            .ToList();
        return problems.Count == 0
            ? null
            : $"{target.Environment.Name} requires every migration to pass through {required} first: {string.Join("; ", problems)}.";
    }

    // --database-url names the target of this run, not the required environment's database.
    static IDatabaseTarget RequiredDatabase(TaskContext context, Configuration.EnvironmentSettings environment) =>
        context.Workspace.Settings.DatabaseUrl is null || environment.Kubernetes is not null
            ? DatabaseTargets.Configured(environment, context)
            : new ConnectionStringTarget(Configuration.DatabaseUrl.ToConnectionString(
                environment.DatabaseUrl ?? Variable(context, environment), context.Secrets));

    static string Variable(TaskContext context, Configuration.EnvironmentSettings environment) =>
        environment.DatabaseUrlEnv is { } name && context.Environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new UsageException($"The promotion gate reads the ledger of '{environment.Name}', which has no connection in settings.");
}
