using System.Runtime.Versioning;
using System.Text;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;

namespace CiMigrate.Tests.Kubernetes;

public sealed class KubeconfigResolverTests
{
    string _folder = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"ci-migrate-kubeconfig-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    string Kubeconfig(string server, string name = "config", string context = "prod")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, Yaml(server, context));
        return path;
    }

    static string Yaml(string server, string context = "prod") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: {server}
        users:
        - name: u
          user:
            token: t
        contexts:
        - name: {context}
          context:
            cluster: c
            user: u
            namespace: supabase
        current-context: {context}
        """;

    static KubeconfigSource Resolve(Dictionary<string, string?> environment, string? path = null, string? context = null) =>
        new KubeconfigResolver(environment, "/nonexistent/serviceaccount").Resolve(path, context);

    [Test]
    public void An_explicit_path_wins_over_every_variable()
    {
        var explicitPath = Kubeconfig("http://explicit:1", "explicit");
        var environment = new Dictionary<string, string?>
        {
            ["INPUT_KUBECONFIG"] = Yaml("http://input:2"),
            ["KUBECONFIG"] = Kubeconfig("http://variable:3", "variable"),
        };

        using var source = Resolve(environment, explicitPath);

        Assert.That((source.Configuration.Host, source.Origin, source.Context, source.DefaultNamespace),
            Is.EqualTo(("http://explicit:1", explicitPath, "prod", "supabase")));
    }

    [TestCase(false)]
    [TestCase(true)]
    [UnsupportedOSPlatform("windows")]
    public void The_action_input_is_written_to_a_private_file_that_is_deleted_afterwards(bool base64)
    {
        var yaml = Yaml("http://input:2");
        var input = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(yaml)) : yaml;
        var environment = new Dictionary<string, string?>
        {
            ["INPUT_KUBECONFIG"] = input,
            ["KUBECONFIG"] = Kubeconfig("http://variable:3"),
        };
        var before = Directory.GetFiles(Path.GetTempPath(), "ci-migrate-kubeconfig-*.yaml").ToHashSet();

        string written;
        using (var source = Resolve(environment))
        {
            Assert.That((source.Configuration.Host, source.Origin), Is.EqualTo(("http://input:2", "the action input kubeconfig")));
            written = Directory.GetFiles(Path.GetTempPath(), "ci-migrate-kubeconfig-*.yaml").Single(f => !before.Contains(f));
            Assert.That(File.GetUnixFileMode(written), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        Assert.That(File.Exists(written), Is.False);
    }

    [Test]
    public void KUBECONFIG_is_used_before_the_home_folder()
    {
        var home = Path.Combine(_folder, "home");
        Directory.CreateDirectory(Path.Combine(home, ".kube"));
        File.WriteAllText(Path.Combine(home, ".kube", "config"), Yaml("http://home:4"));
        var variable = Kubeconfig("http://variable:3", "variable");

        using var fromVariable = Resolve(new() { ["KUBECONFIG"] = variable, ["HOME"] = home });
        using var fromHome = Resolve(new() { ["HOME"] = home });

        Assert.That(fromVariable.Configuration.Host, Is.EqualTo("http://variable:3"));
        Assert.That(fromHome.Configuration.Host, Is.EqualTo("http://home:4"));
    }

    [Test]
    public void KUBECONFIG_with_several_files_takes_the_one_that_defines_the_context()
    {
        var first = Kubeconfig("http://first:1", "first", context: "staging");
        var second = Kubeconfig("http://second:2", "second", context: "prod");

        using var source = Resolve(new() { ["KUBECONFIG"] = $"{first}:{second}" }, context: "prod");

        Assert.That(source.Configuration.Host, Is.EqualTo("http://second:2"));
    }

    [Test]
    public void A_context_the_kubeconfig_lacks_is_a_clear_error()
    {
        var path = Kubeconfig("http://explicit:1");

        var error = Assert.Throws<UsageException>(() => Resolve(new(), path, "missing"));

        Assert.That(error!.Message, Does.StartWith($"The kubeconfig {path} cannot be used:").And.Contain("missing"));
    }

    [Test]
    public void Nothing_to_use_says_every_place_that_was_looked_at()
    {
        var error = Assert.Throws<UsageException>(() => Resolve(new() { ["HOME"] = _folder }));

        Assert.That(error!.Message, Does.Contain("--kubeconfig").And.Contain("KUBECONFIG").And.Contain("~/.kube/config")
            .And.Contain("service account"));
    }
}
