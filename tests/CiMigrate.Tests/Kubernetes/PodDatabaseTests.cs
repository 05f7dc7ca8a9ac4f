using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;
using CiMigrate.Reporting;
using CiMigrate.Secrets;
using CiMigrate.Tests.Kubernetes.Support;
using Npgsql;

namespace CiMigrate.Tests.Kubernetes;

public sealed class PodDatabaseTests
{
    FakeKubernetesApi _api = null!;
    KubernetesSession _session = null!;
    SecretMasker _secrets = null!;
    StringWriter _output = null!;

    static readonly KubernetesSettings Settings = new()
    {
        Namespace = "supabase",
        Pod = "postgres-0",
        PasswordSecret = new PasswordSecretReference("supabase-db", "password"),
    };

    [SetUp]
    public async Task StartApiAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _api.BackendPort = SharedPostgres.Server.Port;
        _api.AddPod("postgres-0");
        _api.AddSecret("supabase-db", new() { ["password"] = LocalPostgres.Password, ["username"] = "postgres" });
        _session = KubernetesSession.Open(new KubeconfigSource(_api.Configuration(), "test"), "supabase");
        _secrets = new SecretMasker();
        _output = new StringWriter();
    }

    [TearDown]
    public async Task StopApiAsync()
    {
        Assert.That(_api.ServerErrors, Is.Empty, "the fake API server itself failed");
        _session.Dispose();
        await _api.DisposeAsync();
    }

    PodDatabase Target(KubernetesSettings? settings = null, Dictionary<string, string?>? environment = null) =>
        new(settings ?? Settings, _session, _secrets, _output, environment ?? new());

    static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task Queries_run_through_the_port_forward_with_the_password_from_the_Secret()
    {
        await using var connection = await Target().OpenAsync(CancellationToken.None);

        var port = await ScalarAsync<int>(connection.ConnectionString, "SELECT inet_server_port()");

        Assert.That(port, Is.EqualTo(SharedPostgres.Server.Port), "the query reached the real server behind the fake pod");
        Assert.That(new NpgsqlConnectionStringBuilder(connection.ConnectionString).SslMode, Is.EqualTo(SslMode.Disable));
        var forward = _api.Requests.Single(r => r.Path.EndsWith("/portforward", StringComparison.Ordinal));
        Assert.That((forward.Method, forward.Path, forward.Query, forward.Authorization),
            Is.EqualTo(("GET", "/api/v1/namespaces/supabase/pods/postgres-0/portforward", "?ports=5432", $"Bearer {FakeKubernetesApi.Token}")));
        Assert.That(_api.RequestedSubProtocols, Is.EqualTo(new[] { "v4.channel.k8s.io" }));
        Assert.That(_api.ProtocolViolations, Is.Empty);
        Assert.That(_api.Requests.Select(r => $"{r.Method} {r.Path}").Take(2), Is.EqualTo(new[]
        {
            "GET /api/v1/namespaces/supabase/pods/postgres-0",
            "GET /api/v1/namespaces/supabase/secrets/supabase-db",
        }));
    }

    [Test]
    public async Task Several_connections_at_once_each_get_their_own_tunnel()
    {
        await using var connection = await Target().OpenAsync(CancellationToken.None);

        // All three open at the same time, each through its own tunnel to its own backend.
        var open = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            var npgsql = new NpgsqlConnection(connection.ConnectionString + ";Pooling=false");
            await npgsql.OpenAsync();
            return npgsql;
        }));
        var pids = new List<int>();
        foreach (var npgsql in open)
        {
            await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", npgsql);
            pids.Add((int)(await command.ExecuteScalarAsync())!);
        }

        foreach (var npgsql in open)
            await npgsql.DisposeAsync();

        Assert.That(pids.Distinct().Count(), Is.EqualTo(3));
        Assert.That(_api.TunnelsOpened, Is.EqualTo(3));
    }

    [Test]
    public async Task The_password_is_masked_and_announced_to_GitHub_Actions()
    {
        await using var connection = await Target(environment: new() { ["GITHUB_ACTIONS"] = "true" }).OpenAsync(CancellationToken.None);

        Assert.That(_output.ToString(), Is.EqualTo($"::add-mask::{LocalPostgres.Password}{Environment.NewLine}"));
        Assert.That(_secrets.Apply($"password={LocalPostgres.Password}"), Is.EqualTo("password=***"));
    }

    [Test]
    public async Task Outside_GitHub_Actions_the_password_is_masked_but_never_printed()
    {
        await using var connection = await Target().OpenAsync(CancellationToken.None);

        Assert.That(_output.ToString(), Is.Empty);
        Assert.That(_secrets.Secrets, Does.Contain(LocalPostgres.Password));
    }

    [Test]
    public async Task A_tunnel_dropped_mid_transaction_rolls_back_and_nothing_is_rerun()
    {
        await using (var setup = new NpgsqlConnection(SharedPostgres.Server.ConnectionString()))
        {
            await setup.OpenAsync();
            await new NpgsqlCommand("DROP TABLE IF EXISTS relay_cut; CREATE TABLE relay_cut (n int)", setup).ExecuteNonQueryAsync();
        }

        _api.CutMarker = "/* cut here */";
        await using var connection = await Target().OpenAsync(CancellationToken.None);
        await using var npgsql = new NpgsqlConnection(connection.ConnectionString);
        await npgsql.OpenAsync();
        await using var transaction = await npgsql.BeginTransactionAsync();
        await new NpgsqlCommand("INSERT INTO relay_cut VALUES (1)", npgsql, transaction).ExecuteNonQueryAsync();

        var failure = Assert.CatchAsync<NpgsqlException>(() =>
            new NpgsqlCommand("INSERT INTO relay_cut VALUES (2) /* cut here */", npgsql, transaction).ExecuteNonQueryAsync());

        var explained = connection.ExplainFailure(failure!, "20250208000004_add_categories.sql");
        Assert.That(explained!.Message, Does.StartWith(
            "The port-forward to supabase/postgres-0 closed during 20250208000004_add_categories.sql."));
        Assert.That(explained.Message, Does.Not.Contain(LocalPostgres.Password));
        Assert.That(await ScalarAsync<long>(SharedPostgres.Server.ConnectionString(), "SELECT count(*) FROM relay_cut"), Is.EqualTo(0));
        Assert.That(_api.TunnelsOpened, Is.EqualTo(1), "no tunnel was reopened to replay anything");
    }

    [Test]
    public async Task A_server_error_is_not_blamed_on_the_port_forward()
    {
        _api.CutMarker = "/* cut here */";
        await using var connection = await Target().OpenAsync(CancellationToken.None);
        await using (var first = new NpgsqlConnection(connection.ConnectionString))
        {
            await first.OpenAsync();
            Assert.CatchAsync<NpgsqlException>(() => new NpgsqlCommand("SELECT 1 /* cut here */", first).ExecuteScalarAsync());
        }

        var serverError = Assert.CatchAsync<PostgresException>(() => ScalarAsync<int>(connection.ConnectionString, "SELECT 1/0"));

        Assert.That(connection.ExplainFailure(serverError!, "a migration"), Is.Null);
    }

    [Test]
    public async Task What_the_pod_reports_on_the_error_channel_is_in_the_message()
    {
        _api.PortForwardError = "error forwarding port 5432 to pod 1234, uid : failed to connect to localhost:5432: connection refused";
        await using var connection = await Target().OpenAsync(CancellationToken.None);

        var failure = Assert.CatchAsync<NpgsqlException>(() => ScalarAsync<int>(connection.ConnectionString, "SELECT 1"));

        Assert.That(connection.ExplainFailure(failure!, "opening the connection")!.Message, Is.EqualTo(
            "The port-forward to supabase/postgres-0 closed (error forwarding port 5432 to pod 1234, uid : failed to " +
            "connect to localhost:5432: connection refused) during opening the connection. PostgreSQL rolls back the open " +
            "transaction of a lost connection; nothing was re-run. Run the command again once the connection works " +
            "(ci-migrate doctor helps)."));
    }

    [Test]
    public async Task A_forbidden_port_forward_names_the_verb_and_the_resource()
    {
        _api.Denied.Add("create pods/portforward");
        await using var connection = await Target().OpenAsync(CancellationToken.None);

        var failure = Assert.CatchAsync<NpgsqlException>(() => ScalarAsync<int>(connection.ConnectionString, "SELECT 1"));

        Assert.That(connection.ExplainFailure(failure!, "opening the connection")!.Message, Does.StartWith(
            "The port-forward to supabase/postgres-0 could not be opened: Kubernetes refused to create pods/portforward " +
            "\"postgres-0\" in namespace supabase (403 Forbidden): the credentials lack 'create' on 'pods/portforward' in " +
            "namespace supabase. Grant it with a Role and RoleBinding like docs/kubernetes/rbac.yaml. during opening the connection."));
    }

    [Test]
    public void A_forbidden_Secret_names_the_verb_and_the_resource()
    {
        _api.Denied.Add("get secrets");

        var error = Assert.ThrowsAsync<ExecutionException>(() => Target().OpenAsync(CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo(
            "Kubernetes refused to get secrets \"supabase-db\" in namespace supabase (403 Forbidden): the credentials lack " +
            "'get' on 'secrets' in namespace supabase. Grant it with a Role and RoleBinding like docs/kubernetes/rbac.yaml."));
    }

    [Test]
    public void A_missing_Secret_key_names_the_keys_there_are_and_no_value()
    {
        var settings = Settings with { PasswordSecret = new PasswordSecretReference("supabase-db", "postgres-password") };

        var error = Assert.ThrowsAsync<ExecutionException>(() => Target(settings).OpenAsync(CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo(
            "The Secret supabase/supabase-db has no key 'postgres-password' (its keys are password, username). " +
            "Set passwordSecret.key to the key that holds the database password."));
    }

    [Test]
    public void A_pod_that_is_not_ready_is_named_with_its_conditions()
    {
        _api.AddPod("postgres-0", phase: "Running", ready: false);

        var error = Assert.ThrowsAsync<ExecutionException>(() => Target().OpenAsync(CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo(
            "The pod supabase/postgres-0 is not ready: phase Running, PodScheduled=True, Ready=False (ContainersNotReady). " +
            "Wait until it is Ready, or look at 'kubectl describe pod -n supabase postgres-0'."));
        Assert.That(_api.TunnelsOpened, Is.EqualTo(0));
    }

    [Test]
    public async Task A_selector_picks_the_pod_that_is_Running_and_Ready()
    {
        var labels = new Dictionary<string, string> { ["app"] = "postgres" };
        _api.Pods.Clear();
        _api.AddPod("postgres-0", phase: "Pending", ready: false, labels: labels);
        _api.AddPod("postgres-1", labels: labels);
        _api.AddPod("unrelated");
        var settings = Settings with { Pod = null, Selector = "app=postgres" };

        await using var connection = await Target(settings).OpenAsync(CancellationToken.None);
        await ScalarAsync<int>(connection.ConnectionString, "SELECT 1");

        var list = _api.Requests.First();
        Assert.That((list.Path, list.Query), Is.EqualTo(("/api/v1/namespaces/supabase/pods", "?labelSelector=app%3Dpostgres&watch=false")));
        Assert.That(_api.Requests.Single(r => r.Path.EndsWith("/portforward", StringComparison.Ordinal)).Path,
            Is.EqualTo("/api/v1/namespaces/supabase/pods/postgres-1/portforward"));
    }

    [Test]
    public void A_selector_without_a_ready_pod_lists_each_pod_and_why()
    {
        var labels = new Dictionary<string, string> { ["app"] = "postgres" };
        _api.Pods.Clear();
        _api.AddPod("postgres-0", phase: "Pending", ready: false, labels: labels);
        var settings = Settings with { Pod = null, Selector = "app=postgres" };

        var error = Assert.ThrowsAsync<ExecutionException>(() => Target(settings).OpenAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith(
            "No pod matching app=postgres is Running and Ready: supabase/postgres-0: phase Pending, PodScheduled=True, " +
            "Ready=False (ContainersNotReady)."));
    }
}
