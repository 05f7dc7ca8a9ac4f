using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Kubernetes.Support;
using CiMigrate.Tests.Support;
using k8s.Models;

namespace CiMigrate.Tests.Kubernetes;

/// <summary>
/// The tool end to end through an environment's <c>kubernetes</c> block: the fake API server's port-forward relays
/// to a fresh database of the shared cluster (trust authentication, so the Secret's password is only carried along).
/// </summary>
public sealed class KubernetesApplyTests
{
    const string SecretPassword = "pod-secret-password";
    const string Budgets = "SET search_path TO money_tracker;\nCREATE TABLE budgets (id int PRIMARY KEY, amount numeric);\n";

    FakeKubernetesApi _api = null!;
    TestDatabase _database = null!;
    TempDirectory _repo = null!;
    Dictionary<string, string?> _variables = null!;

    [SetUp]
    public async Task StartAsync()
    {
        var cluster = await PostgresServer.GetClusterAsync();
        _database = await PostgresServer.CreateDatabaseAsync();
        _api = await FakeKubernetesApi.StartAsync();
        _api.BackendPort = cluster.TcpPort!.Value;
        _api.AddPod("postgres-0");
        _api.AddSecret("supabase-db", new() { ["password"] = SecretPassword });
        _api.Deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = "rest", NamespaceProperty = "supabase", Generation = 4 },
            Spec = new V1DeploymentSpec { Replicas = 1, Selector = new V1LabelSelector(), Template = new V1PodTemplateSpec() },
            Status = new V1DeploymentStatus { ObservedGeneration = 4, Replicas = 1, UpdatedReplicas = 1, AvailableReplicas = 1 },
        };
        _api.RolloutStatuses.Add(new V1DeploymentStatus { ObservedGeneration = 5, Replicas = 1, UpdatedReplicas = 1, AvailableReplicas = 1 });
        _repo = new TempDirectory();
        _variables = new Dictionary<string, string?> { ["KUBECONFIG"] = _api.WriteKubeconfig(_repo.Folder(".kube")) };
    }

    [TearDown]
    public async Task StopAsync()
    {
        Assert.That(_api.ServerErrors, Is.Empty, "the fake API server itself failed");
        await _api.DisposeAsync();
        await _database.DisposeAsync();
        _repo.Dispose();
    }

    void WriteSettings(string? restartDeployment = null)
    {
        var restart = restartDeployment is null ? "" : $""", "restartDeployment": "{restartDeployment}" """;
        _repo.File("ci-migrate.json", $$"""
            {
              "apps": { "money-tracker": { "schema": "money_tracker", "migrations": "supabase/migrations" } },
              "environments": {
                "staging": {
                  "lockWait": "5s",
                  "kubernetes": {
                    "namespace": "supabase",
                    "pod": "postgres-0",
                    "passwordSecret": { "name": "supabase-db", "key": "password" },
                    "database": "{{_database.Name}}"{{restart}}
                  }
                }
              },
              "lint": {{LenientLint.SettingsJson}}
            }
            """);
    }

    string Up(string version, string name, string sql) => _repo.File($"supabase/migrations/{version}_{name}.sql", sql);

    Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(_repo.Path, _variables, args);

    [Test]
    public async Task Stage_apply_runs_through_the_port_forward_and_records_the_ledger()
    {
        WriteSettings();
        Up("20250208000001", "create_budgets", Budgets);
        Up("20250208000002", "seed_budgets", "INSERT INTO money_tracker.budgets VALUES (1, 10);\n");

        var run = await RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("stage-apply: money-tracker -> staging (supabase/postgres-0 (Kubernetes port-forward)): applied 2 migration(s)"));
        Assert.That(await _database.ScalarAsync("SELECT string_agg(version || ' ' || environment, ', ' ORDER BY version) FROM ci_migrate.applied_migrations"),
            Is.EqualTo("20250208000001 staging, 20250208000002 staging"));
        Assert.That(await _database.ScalarAsync("SELECT amount FROM money_tracker.budgets"), Is.EqualTo(10m));
        Assert.That(_api.Requests.Select(r => $"{r.Method} {r.Path}").Take(3), Is.EqualTo(new[]
        {
            "GET /api/v1/namespaces/supabase/pods/postgres-0",
            "GET /api/v1/namespaces/supabase/secrets/supabase-db",
            "GET /api/v1/namespaces/supabase/pods/postgres-0/portforward",
        }));
        Assert.That(_api.Requests.Any(r => r.Path.Contains("/deployments/", StringComparison.Ordinal)), Is.False,
            "no restartDeployment, no rollout restart");
        Assert.That(run.Output + run.Error, Does.Not.Contain(SecretPassword));
    }

    [Test]
    public async Task After_DDL_the_configured_PostgREST_deployment_is_restarted_and_reported()
    {
        WriteSettings(restartDeployment: "rest");
        Up("20250208000001", "create_budgets", Budgets);

        var run = await RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        var patch = _api.Requests.Single(r => r.Method == "PATCH");
        Assert.That(patch.Path, Is.EqualTo("/apis/apps/v1/namespaces/supabase/deployments/rest"));
        Assert.That(patch.Body, Does.Contain("\"kubectl.kubernetes.io/restartedAt\""));
        Assert.That(run.Output, Does.Contain("restarted PostgREST: deployment supabase/rest rolled out"));
        Assert.That(await _database.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(1L));
    }

    [Test]
    public async Task Nothing_pending_restarts_nothing()
    {
        WriteSettings(restartDeployment: "rest");
        Up("20250208000001", "create_budgets", Budgets);
        await RunAsync("stage-apply");
        var patches = _api.Requests.Count(r => r.Method == "PATCH");

        var run = await RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("nothing to do"));
        Assert.That(_api.Requests.Count(r => r.Method == "PATCH"), Is.EqualTo(patches));
    }

    [Test]
    public async Task A_rollout_that_does_not_complete_fails_the_run_but_keeps_the_applied_migrations()
    {
        WriteSettings(restartDeployment: "rest");
        _repo.File("ci-migrate.json", File.ReadAllText(Path.Combine(_repo.Path, "ci-migrate.json"))
            .Replace("\"restartDeployment\": \"rest\"", "\"restartDeployment\": \"rest\", \"rolloutTimeout\": \"1s\"", StringComparison.Ordinal));
        _api.RolloutStatuses.Clear();
        _api.RolloutStatuses.Add(new V1DeploymentStatus { ObservedGeneration = 5, Replicas = 2, UpdatedReplicas = 1, AvailableReplicas = 1 });
        Up("20250208000001", "create_budgets", Budgets);

        var run = await RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Does.Contain(
            "error: The migrations are applied and recorded, but the rollout restart of deployment supabase/rest did not complete within 1s"));
        Assert.That(await _database.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(1L));
    }

    [Test]
    public async Task A_relay_cut_mid_migration_is_explained_and_nothing_is_recorded_or_rerun()
    {
        WriteSettings();
        Up("20250208000001", "create_budgets", Budgets);
        Assert.That((await RunAsync("stage-apply")).ExitCode, Is.EqualTo(0));
        Up("20250208000002", "add_categories",
            "SET search_path TO money_tracker;\nCREATE TABLE categories (id int /* cut here */ PRIMARY KEY);\n");
        _api.CutMarker = "/* cut here */";
        var tunnelsBefore = _api.TunnelsOpened;

        var run = await RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output + run.Error);
        Assert.That(run.Output + run.Error, Does.Contain(
            "The port-forward to supabase/postgres-0 closed during supabase/migrations/20250208000002_add_categories.sql."));
        Assert.That(run.Output + run.Error, Does.Contain("nothing was re-run"));
        Assert.That(await _database.ScalarAsync("SELECT string_agg(version, ', ') FROM ci_migrate.applied_migrations"),
            Is.EqualTo("20250208000001"));
        Assert.That(await _database.ScalarAsync("SELECT to_regclass('money_tracker.categories') IS NULL"), Is.True);
        Assert.That(_api.TunnelsOpened - tunnelsBefore, Is.EqualTo(1), "no tunnel was reopened to replay the migration");
    }

    [Test]
    public async Task Status_reads_the_ledger_through_the_port_forward()
    {
        WriteSettings();
        Up("20250208000001", "create_budgets", Budgets);
        await RunAsync("stage-apply");
        Up("20250208000002", "add_categories", "CREATE TABLE money_tracker.categories (id int);\n");

        var run = await RunAsync("status", "--env", "staging");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.StartWith("money-tracker on staging (supabase/postgres-0 (Kubernetes port-forward)):"));
        Assert.That(run.Output, Does.Match(@"\n  applied\s+20250208000001  create_budgets\b"));
        Assert.That(run.Output, Does.Match(@"\n  pending\s+20250208000002  add_categories\b"));
    }

    [Test]
    public async Task Database_url_overrides_the_kubernetes_block()
    {
        WriteSettings();
        Up("20250208000001", "create_budgets", Budgets);

        var run = await RunAsync("status", "--env", "staging", "--database-url", _database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Match(@"\n  pending\s+20250208000001  create_budgets\b"));
        Assert.That(_api.Requests, Is.Empty, "the cluster is not contacted when --database-url names the target");
    }

    [Test]
    public async Task Kubeconfig_option_wins_over_KUBECONFIG()
    {
        WriteSettings();
        Up("20250208000001", "create_budgets", Budgets);
        var explicitPath = _api.WriteKubeconfig(_repo.Folder("explicit"));
        _variables["KUBECONFIG"] = Path.Combine(_repo.Path, "missing", "config");

        var run = await RunAsync("status", "--env", "staging", "--kubeconfig", explicitPath);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Match(@"\n  pending\s+20250208000001  create_budgets\b"));
    }
}
