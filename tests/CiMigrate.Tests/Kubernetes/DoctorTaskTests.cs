using System.Text.RegularExpressions;
using CiMigrate.Cli;
using CiMigrate.Tests.Kubernetes.Support;

namespace CiMigrate.Tests.Kubernetes;

public sealed class DoctorTaskTests
{
    string _folder = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"ci-migrate-doctor-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await new CliApp().RunAsync(args, output, error, new Dictionary<string, string?>());
        // Names are padded to the longest one in the list; two spaces are enough for the tests.
        return (exitCode, Regex.Replace(output.ToString(), " {2,}", "  "), error.ToString());
    }

    /// <summary>The runbook's cluster: postgres-0 in supabase, its password in the Secret supabase-db.</summary>
    static async Task<FakeKubernetesApi> ClusterAsync()
    {
        var api = await FakeKubernetesApi.StartAsync();
        api.BackendPort = SharedPostgres.Server.Port;
        api.AddPod("postgres-0");
        api.AddSecret("supabase-db", new() { ["password"] = LocalPostgres.Password });
        return api;
    }

    static string Url(string password, int port) => $"postgresql://postgres:{password}@127.0.0.1:{port}/postgres?sslmode=disable";

    /// <summary>The mark and name of each check line, in order: <c>✓ tcp</c>.</summary>
    static string[] Checks(string output) =>
        Lines(output).Where(l => "✓✗!-".Contains(l[0], StringComparison.Ordinal)).Select(l => $"{l[0]} {l[2..].Split("  ")[0].Trim()}").ToArray();

    static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Test]
    public async Task A_healthy_database_url_passes_and_the_missing_ledger_is_only_a_warning()
    {
        var (exitCode, output, _) = await RunAsync("doctor", "--database-url", Url(LocalPostgres.Password, SharedPostgres.Server.Port));

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(Checks(output), Is.EqualTo(new[]
        {
            "✓ tcp", "✓ tls", "✓ authentication", "✓ server version", "! ledger", "✓ partly applied", "✓ advisory locks",
        }));
        Assert.That(output, Does.Contain($"✓ tcp  PostgreSQL answers on 127.0.0.1:{SharedPostgres.Server.Port}"));
        Assert.That(output, Does.Contain("✓ authentication  logged in as postgres to database postgres"));
        Assert.That(output, Does.Contain("✓ advisory locks  a session lock holds across transactions and keeps other sessions out"));
        Assert.That(output, Does.Contain("! ledger  the ci_migrate schema is not there yet"));
        Assert.That(Lines(output)[^1], Is.EqualTo("6 passed, 0 failed, 1 warnings, 0 skipped"));
        Assert.That(output, Does.Not.Contain(LocalPostgres.Password));
    }

    [Test]
    public async Task A_wrong_password_fails_authentication_and_skips_what_needs_a_login()
    {
        var (exitCode, output, _) = await RunAsync("doctor", "--database-url", Url("wrong-password", SharedPostgres.Server.Port));

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("✗ authentication  the server refused postgres: password authentication failed for user \"postgres\""));
        Assert.That(output, Does.Contain("- advisory locks  skipped: an earlier check failed"));
        Assert.That(output, Does.Not.Contain("wrong-password"));
    }

    [Test]
    public async Task The_transaction_pooler_port_is_named_as_breaking_advisory_locks()
    {
        var (exitCode, output, _) = await RunAsync("doctor", "--database-url", Url("pw", 6543).Replace("127.0.0.1", "127.0.0.9"));

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain(
            "✗ advisory locks  port 6543 is Supavisor's transaction-mode pooler: session advisory locks do not hold there"));
        Assert.That(output, Does.Contain("what to do: Connect to the session port (5432, direct or Supavisor session mode)"));
    }

    [Test]
    public async Task Through_Kubernetes_every_step_is_checked_up_to_the_advisory_locks()
    {
        await using var api = await ClusterAsync();
        var kubeconfig = api.WriteKubeconfig(_folder);

        var (exitCode, output, _) = await RunAsync("doctor", "--kubeconfig", kubeconfig, "--pod", "postgres-0", "--secret", "supabase-db");

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(Checks(output), Is.EqualTo(new[]
        {
            "✓ kubeconfig", "✓ rbac", "✓ rbac", "✓ rbac", "✓ pod", "✓ secret", "✓ port-forward", "✓ tcp", "✓ tls",
            "✓ authentication", "✓ server version", "! ledger", "✓ partly applied", "✓ advisory locks",
        }));
        Assert.That(output, Does.Contain($"✓ kubeconfig  {kubeconfig}, context fake, server {api.Url}, namespace supabase"));
        Assert.That(output, Does.Contain("✓ rbac  may create pods/portforward \"postgres-0\" in namespace supabase"));
        Assert.That(output, Does.Contain("✓ tls  SSL off through the port-forward"));
        Assert.That(output, Does.Contain("✓ advisory locks  a session lock holds across transactions"));
        Assert.That(Lines(output)[^1], Is.EqualTo("13 passed, 0 failed, 1 warnings, 0 skipped"));
        Assert.That(output, Does.Not.Contain(LocalPostgres.Password));
        Assert.That(api.ServerErrors, Is.Empty);
    }

    [Test]
    public async Task Through_Kubernetes_a_missing_permission_is_named_with_its_verb_and_resource()
    {
        await using var api = await ClusterAsync();
        api.Denied.Add("patch deployments");
        var kubeconfig = api.WriteKubeconfig(_folder);

        var (exitCode, output, _) = await RunAsync("doctor", "--kubeconfig", kubeconfig, "--pod", "postgres-0", "--secret",
            "supabase-db", "--restart-deployment", "rest");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("✗ rbac  cannot patch deployments \"rest\" in namespace supabase"));
        Assert.That(output, Does.Contain("what to do: Grant 'patch' on 'deployments' to the kubeconfig's user; see docs/kubernetes/rbac.yaml."));
        var review = api.Requests.Single(r => r.Body.Contains("\"patch\"", StringComparison.Ordinal));
        Assert.That(review.Path, Is.EqualTo("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"));
        Assert.That(review.Body, Does.Contain("\"group\":\"apps\"").And.Contain("\"resource\":\"deployments\"").And.Contain("\"name\":\"rest\""));
    }

    [Test]
    public async Task Through_Kubernetes_a_pod_that_is_not_ready_stops_the_checks_that_need_it()
    {
        await using var api = await ClusterAsync();
        api.AddPod("postgres-0", phase: "Pending", ready: false);
        var kubeconfig = api.WriteKubeconfig(_folder);

        var (exitCode, output, _) = await RunAsync("doctor", "--kubeconfig", kubeconfig, "--pod", "postgres-0", "--secret", "supabase-db");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("✗ pod  The pod supabase/postgres-0 is not ready: phase Pending"));
        Assert.That(output, Does.Contain("- port-forward  skipped: an earlier check failed"));
        Assert.That(api.TunnelsOpened, Is.EqualTo(0));
    }

    [Test]
    public async Task Without_a_target_doctor_says_what_it_needs()
    {
        var (exitCode, _, error) = await RunAsync("doctor");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("doctor needs a target: --env <name>, --database-url <url>, or --pod/--selector with --secret"));
    }
}
