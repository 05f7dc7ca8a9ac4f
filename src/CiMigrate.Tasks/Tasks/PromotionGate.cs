using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Migrations;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>requires: staging</c> proven by the required environment's ledger: every migration about to be applied must
/// already be there with the same checksum, so production only ever runs what staging ran. Reads that ledger,
/// changes nothing.
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
        return pending
            .Select(m => !applied.TryGetValue(m.Version, out var row) ? $"{m.Up.DisplayPath} is not applied to {Required}"
                : row.Checksum != m.Checksum ? $"{m.Up.DisplayPath} was applied to {Required} with different content" : null)
            .OfType<string>()
            .ToList();
    }
}
