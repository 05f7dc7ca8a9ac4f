using Npgsql;

namespace CiMigrate.Planning;

/// <summary>
/// The versions and checksums of the app's rows in the target's ledger (<c>ci_migrate.applied_migrations</c>),
/// read only; empty when the target has no ledger yet. Other apps' rows are not read.
/// </summary>
public static class TargetHistory
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(NpgsqlDataSource target, string app,
        CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenConnectionAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('ci_migrate.applied_migrations') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                return new Dictionary<string, string>();
        }

        await using var command = new NpgsqlCommand(
            "SELECT version, checksum FROM ci_migrate.applied_migrations WHERE app = $1 ORDER BY version", connection);
        command.Parameters.Add(new() { Value = app });
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows[reader.GetString(0)] = reader.GetString(1);
        return rows;
    }
}
