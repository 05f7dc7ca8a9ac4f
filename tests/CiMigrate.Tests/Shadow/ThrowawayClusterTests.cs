using CiMigrate.Hosting;
using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;
using Npgsql;

namespace CiMigrate.Tests.Shadow;

public sealed class ThrowawayClusterTests
{
    string _parent = "";

    [SetUp]
    public void CreateParent()
    {
        // Under /tmp so the postgres user can enter it when the tests run as root.
        _parent = Path.Combine("/tmp", $"ci-migrate-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_parent);
    }

    [TearDown]
    public void DeleteParent() => Directory.Delete(_parent, recursive: true);

    [Test]
    public async Task A_started_cluster_answers_queries_and_dispose_stops_it_and_removes_its_folder()
    {
        var cluster = await ThrowawayCluster.StartAsync(Options(createTemplate: false));
        string folder;
        int pid;
        await using (cluster)
        {
            folder = cluster.Folder;
            Assert.That(Path.GetDirectoryName(folder), Is.EqualTo(_parent));
            await using var command = cluster.DataSource().CreateCommand("SELECT current_user || ' ' || pg_backend_pid()");
            var answer = ((string)(await command.ExecuteScalarAsync())!).Split(' ');
            Assert.That(answer[0], Is.EqualTo("postgres"));
            Assert.That(cluster.Version, Is.GreaterThanOrEqualTo(150000));
            pid = PostmasterPid(folder);
            Assert.That(ProcessIsRunning(pid), Is.True);
        }

        Assert.That(Directory.Exists(folder), Is.False);
        Assert.That(ProcessIsRunning(pid), Is.False);
        await using var after = new NpgsqlConnection(cluster.ConnectionString());
        Assert.ThrowsAsync<NpgsqlException>(async () => await after.OpenAsync());
    }

    [Test]
    public async Task A_server_that_fails_to_start_leaves_no_folder_behind_and_the_error_quotes_its_log()
    {
        var options = Options(createTemplate: false, new Dictionary<string, string> { ["shared_buffers"] = "lots" });
        var error = Assert.ThrowsAsync<ExecutionException>(async () => await ThrowawayCluster.StartAsync(options));
        Assert.That(error!.Message, Does.StartWith("The throwaway PostgreSQL failed to start: the server exited."));
        Assert.That(error.Message, Does.Contain("shared_buffers"));
        Assert.That(Directory.GetFileSystemEntries(_parent), Is.Empty);
        await Task.CompletedTask;
    }

    [Test]
    public async Task Cancelling_the_start_leaves_no_folder_behind()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.CatchAsync<OperationCanceledException>(async () => await ThrowawayCluster.StartAsync(Options(createTemplate: true), cancel.Token));
        Assert.That(Directory.GetFileSystemEntries(_parent), Is.Empty);
        await Task.CompletedTask;
    }

    [Test]
    public async Task A_cluster_left_by_a_dead_process_is_stopped_and_removed_at_the_next_start()
    {
        var abandoned = await ThrowawayCluster.StartAsync(Options(createTemplate: false));
        var pid = PostmasterPid(abandoned.Folder);
        // As if its owner had been killed: no process has this pid. The server keeps running (it works in its
        // data directory by relative paths).
        var orphan = Path.Combine(_parent, $"ci-migrate-{int.MaxValue}-deadbeef");
        Directory.Move(abandoned.Folder, orphan);

        await using (await ThrowawayCluster.StartAsync(Options(createTemplate: false)))
        {
            Assert.That(Directory.Exists(orphan), Is.False);
            Assert.That(ProcessIsRunning(pid), Is.False);
        }

        await abandoned.DisposeAsync();
    }

    [Test]
    public async Task When_the_owning_process_dies_its_watchdog_stops_the_server_and_removes_the_folder()
    {
        await using var cluster = await ThrowawayCluster.StartAsync(Options(createTemplate: false));
        var pid = PostmasterPid(cluster.Folder);
        // An owner that lives until the test ends it, once the watchdog watches it.
        using var owner = System.Diagnostics.Process.Start("sleep", "600");
        await Watchdog.StartAsync(owner.Id, cluster.Folder, CancellationToken.None);
        owner.Kill();
        await owner.WaitForExitAsync();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Directory.Exists(cluster.Folder) && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.That(Directory.Exists(cluster.Folder), Is.False);
        Assert.That(ProcessIsRunning(pid), Is.False);
    }

    [Test]
    public async Task A_database_copied_from_the_Supabase_template_has_the_baseline_and_its_search_path()
    {
        var cluster = await PostgresServer.GetClusterAsync();
        await using var database = await PostgresServer.CreateDatabaseAsync();
        Assert.That(await database.ScalarAsync("SELECT to_regclass('auth.users')::text"), Is.EqualTo("auth.users"));
        Assert.That(await database.ScalarAsync("SHOW search_path"), Is.EqualTo("\"$user\", public, extensions"));
        Assert.That(cluster.ConnectionString(database.Name), Does.Contain($"Database={database.Name}"));
    }

    [Test]
    public async Task Parallel_tests_get_distinct_databases_and_a_dropped_one_is_gone()
    {
        var databases = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresServer.CreateDatabaseAsync()));
        Assert.That(databases.Select(d => d.Name).Distinct().Count(), Is.EqualTo(4));
        await databases[0].ExecuteAsync("CREATE TABLE mine (id int)");
        Assert.That(await databases[1].ScalarAsync("SELECT to_regclass('public.mine') IS NULL"), Is.True);

        foreach (var database in databases)
            await database.DisposeAsync();
        var cluster = await PostgresServer.GetClusterAsync();
        await using var count = cluster.DataSource().CreateCommand(
            $"SELECT count(*) FROM pg_database WHERE datname IN ({string.Join(", ", databases.Select(d => $"'{d.Name}'"))})");
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(0L));
    }

    [Test]
    public async Task The_shared_cluster_also_listens_on_a_loopback_port()
    {
        var cluster = await PostgresServer.GetClusterAsync();
        Assert.That(cluster.TcpPort, Is.Not.Null);
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={cluster.TcpPort};Username=postgres;Database=postgres");
        await connection.OpenAsync();
        Assert.That(connection.PostgreSqlVersion.Major, Is.EqualTo(cluster.Version / 10000));
    }

    ThrowawayClusterOptions Options(bool createTemplate, Dictionary<string, string>? settings = null) => new()
    {
        ParentDirectory = _parent,
        CreateSupabaseTemplate = createTemplate,
        Settings = settings ?? [],
    };

    static int PostmasterPid(string folder) =>
        int.Parse(File.ReadLines(Path.Combine(folder, "data", "postmaster.pid")).First());

    static bool ProcessIsRunning(int pid) => Directory.Exists($"/proc/{pid}") &&
        !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);
}
