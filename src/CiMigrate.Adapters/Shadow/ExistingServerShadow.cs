using System.Collections.Concurrent;
using CiMigrate.Execution;
using CiMigrate.Hosting;
using CiMigrate.Planning;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Shadow;

/// <summary>
/// A shadow on a server the user already runs (a local Supabase, a CI service container): each database is a
/// uniquely named scratch database created there, given the Supabase baseline, and dropped afterwards.
/// The connecting user needs CREATEDB (and CREATEROLE where the Supabase roles are missing).
/// </summary>
public sealed class ExistingServerShadow : IShadowDatabase
{
    readonly NpgsqlConnectionStringBuilder _server;
    readonly NpgsqlDataSource _admin;
    readonly ConcurrentDictionary<string, ShadowDatabase> _databases = new(StringComparer.Ordinal);
    readonly DatabaseConnection? _wayIn;

    /// <param name="connectionString">An Npgsql connection string to any database on the server (usually postgres).</param>
    public ExistingServerShadow(string connectionString)
        : this(connectionString, null)
    {
    }

    ExistingServerShadow(string connectionString, DatabaseConnection? wayIn)
    {
        _server = new NpgsqlConnectionStringBuilder(connectionString);
        _admin = NpgsqlDataSource.Create(_server.ConnectionString);
        _wayIn = wayIn;
    }

    /// <summary>
    /// A shadow on an environment's own server, reached the way apply reaches it (a connection string, or a Kubernetes
    /// port-forward that stays open until the shadow is disposed): <c>environments.&lt;name&gt;.shadow = "scratch"</c>.
    /// </summary>
    public static async Task<ExistingServerShadow> OpenAsync(IDatabaseTarget target, CancellationToken cancellationToken)
    {
        var wayIn = await target.OpenAsync(cancellationToken);
        return new ExistingServerShadow(wayIn.ConnectionString, wayIn);
    }

    public async Task<ShadowDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = ScratchDatabaseName.New("ci_migrate_shadow");
        await ExecuteAsync($"CREATE DATABASE {Identifiers.Quote(name)}", name, cancellationToken);

        var builder = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = name };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        var database = new ShadowDatabase(name, builder.ConnectionString, dataSource, async () =>
        {
            _databases.TryRemove(name, out _);
            await dataSource.DisposeAsync();
            await ExecuteAsync($"DROP DATABASE IF EXISTS {Identifiers.Quote(name)} WITH (FORCE)", name, CancellationToken.None);
        });
        _databases[name] = database;

        try
        {
            await SupabaseBaseline.ApplyAsync(dataSource, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            await database.DisposeAsync();
            if (e is NpgsqlException npgsql)
                throw new ExecutionException($"Could not apply the Supabase baseline to scratch database {name} on {Describe()}: {npgsql.Message}", e);
            throw;
        }

        return database;
    }

    /// <summary>Drops every scratch database still there, then closes the way in.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var database in _databases.Values)
                await database.DisposeAsync();
        }
        finally
        {
            await _admin.DisposeAsync();
            if (_wayIn is not null)
                await _wayIn.DisposeAsync();
        }
    }

    async Task ExecuteAsync(string sql, string database, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _admin.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new ExecutionException($"Shadow server {Describe()}: could not run '{sql}' for scratch database {database}: {e.Message}", e);
        }
    }

    // Host, port and database only: the connection string may carry a password.
    string Describe() => $"{_server.Host}:{_server.Port}/{_server.Database}";
}
