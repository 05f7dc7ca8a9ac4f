using Npgsql;
using CiMigrate.Sql;

namespace CiMigrate.Shadow;

/// <summary>A database's own settings (<c>ALTER DATABASE ... SET</c>), which CREATE DATABASE ... TEMPLATE does not copy.</summary>
static class DatabaseSettings
{
    /// <summary>Gives <paramref name="database"/> the settings <paramref name="template"/> has, through the admin connection.</summary>
    public static async Task CopyAsync(NpgsqlDataSource admin, string template, string database, CancellationToken cancellationToken)
    {
        await using var connection = await admin.OpenConnectionAsync(cancellationToken);
        var settings = new List<(string Name, string Value)>();
        await using (var read = new NpgsqlCommand(
            """
            SELECT split_part(setting, '=', 1), substr(setting, strpos(setting, '=') + 1)
            FROM pg_db_role_setting s
            JOIN pg_database d ON d.oid = s.setdatabase
            CROSS JOIN unnest(s.setconfig) AS setting
            WHERE d.datname = $1 AND s.setrole = 0
            """, connection))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = template });
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                settings.Add((reader.GetString(0), reader.GetString(1)));
        }

        foreach (var (name, value) in settings)
        {
            // set_config parses the stored text the way the server stored it (lists such as search_path included);
            // FROM CURRENT then saves it without us re-quoting values.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var set = new NpgsqlCommand("SELECT set_config($1, $2, true)", connection, transaction))
            {
                set.Parameters.Add(new NpgsqlParameter { Value = name });
                set.Parameters.Add(new NpgsqlParameter { Value = value });
                await set.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var save = new NpgsqlCommand(
                $"ALTER DATABASE {Identifiers.Quote(database)} SET {Identifiers.Quote(name)} FROM CURRENT", connection, transaction))
                await save.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
