using CiMigrate.Planning.Catalog;
using Npgsql;

namespace CiMigrate.Generation;

/// <summary>
/// The plan's catalog snapshot of every user schema, with the detail the generator writes DDL from and proves
/// equality on added as attributes: <c>definition</c> of functions, <c>comment</c> of every object that has one,
/// <c>check:&lt;name&gt;</c> of domains; and each schema's default privileges as objects of their own. Two snapshots read this way compare with <see cref="CatalogComparer"/>.
/// </summary>
public static class DetailedCatalogReader
{
    public static async Task<CatalogSnapshot> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var snapshot = await CatalogReader.ReadAllAsync(dataSource, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var details = new Dictionary<(ObjectKind, string, string?, string), List<KeyValuePair<string, string?>>>();
        var defaultPrivileges = new List<CatalogObject>();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using (var path = new NpgsqlCommand(CatalogQueries.QualifiedNames, connection, transaction))
                await path.ExecuteNonQueryAsync(cancellationToken);
            await using var command = new NpgsqlCommand(DetailQueries.All, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = snapshot.Schemas.ToArray() });
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var kind = Enum.Parse<ObjectKind>(reader.GetString(0), ignoreCase: true);
                    // A sequence's parent (the table owning it) is not needed to find it: names are unique per schema.
                    var parent = kind == ObjectKind.Sequence || reader.IsDBNull(2) ? null : reader.GetString(2);
                    var key = (kind, reader.GetString(1), parent, reader.GetString(3));
                    if (!details.TryGetValue(key, out var list))
                        details[key] = list = [];
                    list.Add(KeyValuePair.Create(reader.GetString(4), reader.IsDBNull(5) ? null : (string?)reader.GetString(5)));
                }
            }

            await using (var privileges = new NpgsqlCommand(DetailQueries.DefaultPrivileges, connection, transaction))
            {
                privileges.Parameters.Add(new NpgsqlParameter { Value = snapshot.Schemas.ToArray() });
                await using var reader = await privileges.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    defaultPrivileges.Add(new CatalogObject(ObjectKind.DefaultPrivilege, reader.GetString(0), null, null, reader.GetString(1), null,
                    [
                        KeyValuePair.Create("role", (string?)reader.GetString(2)), KeyValuePair.Create("on", (string?)reader.GetString(3)),
                        KeyValuePair.Create("grantee", (string?)reader.GetString(4)), KeyValuePair.Create("privileges", (string?)reader.GetString(5)),
                    ]));
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return snapshot with
        {
            Objects =
            [
                .. snapshot.Objects.Select(o =>
                    details.TryGetValue((o.Kind, o.Schema, o.Kind == ObjectKind.Sequence ? null : o.Parent, o.Name), out var extra)
                        ? o with { Attributes = [.. o.Attributes, .. extra] }
                        : o),
                .. defaultPrivileges,
            ],
        };
    }
}
