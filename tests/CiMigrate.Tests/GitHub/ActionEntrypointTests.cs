using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.GitHub;

/// <summary>
/// Runs docker/entrypoint.sh as the container would, with a stand-in <c>ci-migrate</c> first on PATH that records
/// the arguments it receives.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ActionEntrypointTests
{
    string _folder = null!;

    [SetUp]
    public void CreateFakeTool()
    {
        _folder = Directory.CreateTempSubdirectory("ci-migrate-entrypoint-").FullName;
        var bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        var fake = Path.Combine(bin, "ci-migrate");
        File.WriteAllText(fake, """
            #!/usr/bin/env bash
            printf '%s\0' "$@" > "$RECORD/argv"
            printf '%s' "${KUBECONFIG:-}" > "$RECORD/kubeconfig-path"
            if [[ -n "${KUBECONFIG:-}" ]]; then cp "$KUBECONFIG" "$RECORD/kubeconfig"; stat -c %a "$KUBECONFIG" > "$RECORD/kubeconfig-mode"; fi
            exit 5
            """.Replace("\r", ""));
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [TearDown]
    public void DeleteFakeTool() => Directory.Delete(_folder, recursive: true);

    async Task<(ProcessRun Run, string[] Argv)> RunAsync(Dictionary<string, string?> inputs)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = $"{Path.Combine(_folder, "bin")}:/usr/local/bin:/usr/bin:/bin",
            ["RECORD"] = _folder,
            ["TMPDIR"] = _folder,
        };
        foreach (var (name, value) in inputs)
            environment[$"INPUT_{name.ToUpperInvariant()}"] = value;
        var run = await ProcessRun.StartAsync("bash", [TestRepository.Combine("docker", "entrypoint.sh")], _folder, environment,
            clearEnvironment: true);
        var record = Path.Combine(_folder, "argv");
        var argv = File.Exists(record) ? File.ReadAllText(record).Split('\0')[..^1] : [];
        return (run, argv);
    }

    [Test]
    public async Task Diff_inputs_become_flags_and_the_comment_switch()
    {
        var (run, argv) = await RunAsync(new()
        {
            ["command"] = "diff",
            ["app"] = "money-tracker",
            ["config"] = "ci-migrate.json",
            ["environment"] = "staging",
            ["comment"] = "true",
            ["github-token"] = "ghs_secret_token_value",
            ["args"] = "--verbose --schema \"money tracker\" --migrations 'apps/a b/migrations'",
        });

        Assert.That(run.ExitCode, Is.EqualTo(5), run.ToString());
        Assert.That(argv, Is.EqualTo(new[]
        {
            "diff", "--app", "money-tracker", "--config", "ci-migrate.json", "--env", "staging", "--comment",
            "--format", "github", "--verbose", "--schema", "money tracker", "--migrations", "apps/a b/migrations",
        }));
    }

    [Test]
    public async Task Apply_gets_the_expected_plan_but_never_the_database_url_nor_the_comment_switch()
    {
        var (run, argv) = await RunAsync(new()
        {
            ["command"] = "prod-apply",
            ["database-url"] = "postgres://u:p@db/postgres",
            ["expect-plan"] = "sha256:0a1b",
            ["comment"] = "true",
            ["args"] = "--format=json",
        });

        Assert.That(run.ExitCode, Is.EqualTo(5), run.ToString());
        // The tool reads INPUT_DATABASE-URL itself: a command line is readable by every process (/proc/<pid>/cmdline).
        Assert.That(argv, Is.EqualTo(new[] { "prod-apply", "--expect-plan=sha256:0a1b", "--format=json" }));
    }

    [TestCase("", new[] { "prod-apply", "--expect-plan=", "--format", "github" })]
    [TestCase("none", new[] { "prod-apply", "--format", "github" })]
    public async Task An_empty_expected_plan_reaches_the_tool_and_none_passes_nothing(string expectPlan, string[] expected)
    {
        var (run, argv) = await RunAsync(new() { ["command"] = "prod-apply", ["expect-plan"] = expectPlan });

        Assert.That(run.ExitCode, Is.EqualTo(5), run.ToString());
        Assert.That(argv, Is.EqualTo(expected));
    }

    [Test]
    public async Task Kubeconfig_content_is_written_to_a_private_file()
    {
        var (run, _) = await RunAsync(new() { ["command"] = "status", ["kubeconfig"] = "apiVersion: v1\nkind: Config" });

        Assert.That(run.ExitCode, Is.EqualTo(5), run.ToString());
        Assert.That(File.ReadAllText(Path.Combine(_folder, "kubeconfig")), Is.EqualTo("apiVersion: v1\nkind: Config\n"));
        Assert.That(File.ReadAllText(Path.Combine(_folder, "kubeconfig-mode")).Trim(), Is.EqualTo("600"));
    }

    [Test]
    public async Task Kubeconfig_path_in_the_workspace_is_used_as_it_is()
    {
        var path = Path.Combine(_folder, "kube.yaml");
        File.WriteAllText(path, "kind: Config\n");

        await RunAsync(new() { ["command"] = "status", ["kubeconfig"] = path });

        Assert.That(File.ReadAllText(Path.Combine(_folder, "kubeconfig-path")), Is.EqualTo(path));
    }

    [TestCase("", "the input 'command' is required")]
    [TestCase("deploy", "the input 'command' is 'deploy'; it must be apps, lint, diff")]
    public async Task Bad_command_stops_before_the_tool_runs(string command, string message)
    {
        var (run, argv) = await RunAsync(new() { ["command"] = command });

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("::error title=ci-migrate action::" + message));
        Assert.That(argv, Is.Empty);
    }

    [Test]
    public async Task Unbalanced_quote_in_args_is_a_clear_error()
    {
        var (run, argv) = await RunAsync(new() { ["command"] = "lint", ["args"] = "--schema \"open" });

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("the input 'args' could not be split into words"));
        Assert.That(argv, Is.Empty);
    }
}
