using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Migrations;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>requires: staging</c> proven by the required environment's ledger: every migration about to be applied must
/// already be there with the same checksum and with the <c>apply</c> event ci-migrate writes beside the row, so
/// production only ever runs what staging ran (a row inserted by hand is no proof). Reads that ledger, changes nothing.
/// </summary>
/// <param name="reach">The way in to the required environment, made when the gate reads it.</param>
sealed class PromotionGate(EnvironmentSettings required, Func<IDatabaseTarget> reach) : IPromotionEvidence
{
    public string Required => required.Name;

    public async Task<IReadOnlyList<string>> MissingAsync(AppSettings app, IReadOnlyList<Migration> pending,
        CancellationToken cancellationToken)
    {
        await using var session = await MigrationSession.OpenAsync(reach(), app, required, SessionMode.Read, new ExecutionLog(),
            cancellationToken);
        var applied = (await session.Ledger.ReadAsync(cancellationToken)).ToDictionary(a => a.Version, StringComparer.Ordinal);
        var appliedEvents = applied.Count == 0
            ? Enumerable.Empty<string>().ToLookup(v => v, StringComparer.Ordinal)
            : await session.Ledger.ReadAppliedChecksumsAsync(Required, cancellationToken);
        return pending.Select(m => Why(m, applied, appliedEvents)).OfType<string>().ToList();
    }

    string? Why(Migration migration, Dictionary<string, AppliedMigration> applied, ILookup<string, string> appliedEvents) =>
        !applied.TryGetValue(migration.Version, out var row) ? $"{migration.Up.DisplayPath} is not applied to {Required}"
        : row.Checksum != migration.Checksum ? $"{migration.Up.DisplayPath} was applied to {Required} with different content"
        : !appliedEvents[migration.Version].Contains(migration.Checksum, StringComparer.Ordinal)
            ? $"{migration.Up.DisplayPath} has a ledger row on {Required} but no apply event of ci-migrate with its checksum " +
              $"({LedgerSchema.Events}), so it was recorded, not applied there"
        : null;
}
