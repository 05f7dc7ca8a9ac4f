using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CiMigrate.Hosting;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Shadow;

/// <summary>
/// A PostgreSQL cluster made for one run in a temp folder: initdb, start, hand out databases, then stop and delete,
/// also after a failure, a failed start or Ctrl-C. Superuser <c>postgres</c>, trust authentication, reached through a
/// unix socket inside its folder (so clusters never compete for a port).
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    /// <summary>The database holding <see cref="SupabaseBaseline"/>; new databases copy it in one CREATE DATABASE.</summary>
    public const string SupabaseTemplate = "supabase_template";

    /// <summary>The superuser initdb creates.</summary>
    public const string Superuser = "postgres";

    /// <summary>The database every cluster has; administrative commands run there.</summary>
    public const string AdminDatabase = "postgres";

    // The socket file is named after the port; inside our own folder any number is free.
    const int SocketPort = 5432;
    const int TcpStartAttempts = 3;
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    static readonly TimeSpan ServerStartTimeout = TimeSpan.FromSeconds(60);

    readonly PostgresBinaries _binaries;
    readonly ConcurrentDictionary<string, NpgsqlDataSource> _dataSources = new(StringComparer.Ordinal);
    int _stopped;

    ThrowawayCluster(string folder, PostgresBinaries binaries)
    {
        Folder = folder;
        _binaries = binaries;
    }

    /// <summary>The cluster's temp folder (data directory, socket, server log); gone after dispose.</summary>
    public string Folder { get; }

    /// <summary>The port on 127.0.0.1 when started with <see cref="ThrowawayClusterOptions.ListenOnTcp"/>.</summary>
    public int? TcpPort { get; private set; }

    /// <summary>The server's <c>server_version_num</c>, e.g. 150014.</summary>
    public int Version { get; private set; }

    /// <summary>How long each start-up step took, for bench/ and <c>--verbose</c>.</summary>
    public ClusterTimings Timings { get; private set; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    internal string DataDirectory => Path.Combine(Folder, "data");

    string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>Creates and starts a cluster; on any failure the half-made cluster is stopped and deleted.</summary>
    /// <exception cref="UsageException">No server binaries, or root without a <c>postgres</c> user.</exception>
    /// <exception cref="ExecutionException">initdb or the server failed; the message carries their output.</exception>
    public static async Task<ThrowawayCluster> StartAsync(ThrowawayClusterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ThrowawayClusterOptions();
        var binaries = options.Binaries ?? PostgresBinaries.Find(ProcessEnvironment());
        var temp = ServerUser.IsRoot ? "/tmp" : Path.GetTempPath();
        var parent = options.ParentDirectory ?? temp;
        OrphanedClusters.Reap(parent);
        if (options.ExtensionStandIns)
            binaries = await Extensions.ExtensionInstallation.PrepareAsync(binaries, temp, cancellationToken);

        var folder = Path.Combine(parent, OrphanedClusters.NewFolderName());
        CreatePrivateDirectory(folder);
        var cluster = new ThrowawayCluster(folder, binaries);
        RunningClusters.Add(cluster);
        try
        {
            await cluster.InitializeAsync(options, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser, through the socket.</summary>
    public string ConnectionString(string database = AdminDatabase) => new NpgsqlConnectionStringBuilder
    {
        Host = Folder,
        // The socket file is named after the port, the TCP one included.
        Port = TcpPort ?? SocketPort,
        Username = Superuser,
        Database = database,
        // A throwaway server holds no secrets; PostgreSQL's detail lines make replay errors readable.
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>A pooled data source for <paramref name="database"/>, owned by the cluster (disposed with it).</summary>
    public NpgsqlDataSource DataSource(string database = AdminDatabase) =>
        _dataSources.GetOrAdd(database, name => NpgsqlDataSource.Create(ConnectionString(name)));

    /// <summary>
    /// Creates a database, copying <paramref name="template"/> when given (with its database-level settings, which
    /// CREATE DATABASE does not copy).
    /// </summary>
    public async Task CreateDatabaseAsync(string name, string? template = null, CancellationToken cancellationToken = default)
    {
        var admin = DataSource();
        var sql = $"CREATE DATABASE {Identifiers.Quote(name)}" + (template is null ? "" : $" TEMPLATE {Identifiers.Quote(template)}");
        await using (var create = admin.CreateCommand(sql))
            await create.ExecuteNonQueryAsync(cancellationToken);
        if (template is not null)
            await DatabaseSettings.CopyAsync(DataSource(), template, name, cancellationToken);
    }

    /// <summary>Drops a database, closing our pooled connections and ending anyone else's.</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (_dataSources.TryRemove(name, out var dataSource))
            await dataSource.DisposeAsync();
        await using var drop = DataSource().CreateCommand($"DROP DATABASE IF EXISTS {Identifiers.Quote(name)} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the server at once and deletes the folder. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;

        foreach (var dataSource in _dataSources.Values)
            await dataSource.DisposeAsync();
        _dataSources.Clear();
        await Task.Run(() => StopAndDelete(Folder));
        RunningClusters.Remove(this);
    }

    /// <summary>
    /// The stop for process-exit and signal handlers. If the program crashes meanwhile (its queries fail once the
    /// server is gone), the <see cref="Watchdog"/> finishes the job.
    /// </summary>
    internal void StopNow()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
            StopAndDelete(Folder);
    }

    /// <summary>Stops the server of a cluster folder, if one runs, and deletes the folder.</summary>
    internal static void StopAndDelete(string folder)
    {
        var data = Path.Combine(folder, "data");
        using (var postmaster = Postmaster.Find(data))
        {
            // Immediate: nothing in a throwaway cluster is worth a checkpoint.
            if (postmaster is not null)
                Postmaster.StopImmediately(postmaster, data, StopTimeout);
        }

        TryDelete(folder);
    }

    /// <summary>Deletes the folder, never throwing: one left behind is reaped at the next start, its owner being gone.</summary>
    static void TryDelete(string folder)
    {
        // A server shutting down may still add or remove a file while we delete: try again a few times.
        for (var attempt = 1; attempt <= 5 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(20 * attempt);
            }
        }
    }

    async Task InitializeAsync(ThrowawayClusterOptions options, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
            await Watchdog.StartAsync(Environment.ProcessId, Folder, cancellationToken);
        await ServerUser.HandOverAsync(Folder, cancellationToken);

        var clock = Stopwatch.StartNew();
        if (options.CopyDataFrom is { } snapshot)
        {
            await DataDirectoryCopy.CopyAsync(snapshot, DataDirectory, cancellationToken);
            DataDirectoryCopy.MakePrivate(DataDirectory);
            await ServerUser.HandOverAsync(Folder, cancellationToken);
        }
        else
        {
            // --no-sync and fsync=off below: durability is worthless here and costs most of the start time.
            // 1 MiB WAL segments instead of 16: a snapshot of the cluster copies less.
            await RunServerProgramAsync("initdb", _binaries.InitDb,
                ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions",
                    "--wal-segsize=1"],
                cancellationToken);
        }

        var initDb = clock.Elapsed;

        clock.Restart();
        await StartServerAsync(options, cancellationToken);
        var start = clock.Elapsed;

        await using (var version = DataSource().CreateCommand("SELECT current_setting('server_version_num')::int"))
            Version = (int)(await version.ExecuteScalarAsync(cancellationToken))!;

        clock.Restart();
        if (options.CreateSupabaseTemplate && options.CopyDataFrom is null)
            await CreateSupabaseTemplateAsync(cancellationToken);
        Timings = new ClusterTimings(initDb, start, clock.Elapsed);
    }

    async Task StartServerAsync(ThrowawayClusterOptions options, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TcpPort = options.ListenOnTcp ? FreeTcpPort() : null;
            await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), ClusterSettings.Text(options, Folder, TcpPort, SocketPort), cancellationToken);
            try
            {
                await Postmaster.StartAsync(_binaries.Postgres, DataDirectory, LogFile, Folder, ServerStartTimeout, cancellationToken);
                return;
            }
            catch (ExecutionException) when (options.ListenOnTcp && attempt < TcpStartAttempts)
            {
                // Another process may have taken the free port between our probe and the server's bind.
            }
        }
    }

    async Task CreateSupabaseTemplateAsync(CancellationToken cancellationToken)
    {
        await CreateDatabaseAsync(SupabaseTemplate, cancellationToken: cancellationToken);
        await SupabaseBaseline.ApplyAsync(DataSource(SupabaseTemplate), cancellationToken);
        // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template: close our pool first.
        if (_dataSources.TryRemove(SupabaseTemplate, out var dataSource))
            await dataSource.DisposeAsync();
        await using var mark = DataSource().CreateCommand($"ALTER DATABASE {Identifiers.Quote(SupabaseTemplate)} IS_TEMPLATE true");
        await mark.ExecuteNonQueryAsync(cancellationToken);
    }

    async Task RunServerProgramAsync(string step, string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (fileName, wrapped) = ServerUser.Wrap(program, arguments);
        var result = await ProcessRunner.RunAsync(fileName, wrapped, Folder, cancellationToken);
        if (result.ExitCode == 0)
            return;

        throw new ExecutionException(
            $"The throwaway PostgreSQL failed to start: {step} exited with {result.ExitCode}.\n{result.Output.Trim()}\n{Postmaster.LogTail(LogFile)}".TrimEnd());
    }

    static void CreatePrivateDirectory(string folder)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static Dictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
}
