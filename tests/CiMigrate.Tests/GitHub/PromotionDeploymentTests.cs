using System.Text.Json;
using System.Text.Json.Nodes;
using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.GitHub;

/// <summary>
/// Promotion without staging's secret: stage-apply in Actions records a GitHub deployment of the commit, and prod-apply,
/// which cannot reach staging's database, checks it through a fake GitHub REST API.
/// </summary>
public sealed class PromotionDeploymentTests
{
    const string Budgets = "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n";
    const string Sha = "0123456789abcdef0123456789abcdef01234567";
    const long DeploymentId = 42;

    FakeGitHub _github = null!;
    MigrationRepository _repo = null!;

    string DeploymentsPath => $"{_github.Prefix}/repos/{FakeGitHub.Owner}/{FakeGitHub.Repo}/deployments";
    string StatusesPath => $"{DeploymentsPath}/{DeploymentId}/statuses";

    [SetUp]
    public async Task StartAsync()
    {
        _github = new FakeGitHub(enterprise: true);
        _repo = await MigrationRepository.CreateAsync();
        _repo.Environment("production", """{ "databaseUrlEnv": "PRODUCTION_DATABASE_URL", "requires": "staging", "lockWait": "5s", "requireApproval": false }""");
        _repo.Up("20250208000001", "create_budgets", Budgets);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _github.Dispose();
        await _repo.DisposeAsync();
    }

    /// <summary>A push run on Enterprise Server (the API under /api/v3) for commit <see cref="Sha"/>.</summary>
    void InActions()
    {
        _repo.Variables["GITHUB_ACTIONS"] = "true";
        _repo.Variables["GITHUB_REPOSITORY"] = $"{FakeGitHub.Owner}/{FakeGitHub.Repo}";
        _repo.Variables["GITHUB_RUN_ID"] = FakeGitHub.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _repo.Variables["GITHUB_SERVER_URL"] = _github.Url;
        _repo.Variables["GITHUB_API_URL"] = $"{_github.Url}/api/v3";
        _repo.Variables["GITHUB_SHA"] = Sha;
        _repo.Variables["GITHUB_TOKEN"] = FakeGitHub.Token;
    }

    /// <summary>The production job: it holds production's secret only.</summary>
    void WithoutStagingSecret() => _repo.Variables["STAGING_DATABASE_URL"] = null;

    /// <summary>stage-apply in Actions against GitHub accepting the deployment; returns the deployment's request body.</summary>
    async Task<JsonObject> StageAsync()
    {
        InActions();
        _github.Stub("POST", DeploymentsPath, 201, new { id = DeploymentId, sha = Sha, environment = "staging" });
        _github.Stub("POST", StatusesPath, 201, new { id = 7, state = "success" });
        var staged = await _repo.RunAsync("stage-apply");
        Assert.That(staged.ExitCode, Is.EqualTo(0), staged.Output + staged.Error);
        Assert.That(staged.Output + staged.Error, Does.Not.Contain(FakeGitHub.Token));
        var posted = _github.Requests.First(r => r.Method == "POST" && r.Path == DeploymentsPath);
        return JsonNode.Parse(posted.Body!)!.AsObject();
    }

    /// <summary>GitHub's answer to the production job's reads: the deployments of the commit and deployment 42's statuses.</summary>
    void Deployments(object[] deployments, params string[] statesNewestFirst)
    {
        _github.Stub("GET", DeploymentsPath, 200, deployments);
        _github.Stub("GET", StatusesPath, 200, statesNewestFirst.Select((state, i) => new { id = 100 - i, state }).ToArray());
    }

    static object Deployment(long id, JsonNode? payload) =>
        new { id, sha = Sha, environment = "staging", payload = JsonSerializer.Deserialize<JsonElement>(payload!.ToJsonString()) };

    async Task<bool> ProductionHasBudgetsAsync() =>
        (bool)(await _repo.Production.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NOT NULL"))!;

    [Test]
    public async Task Stage_apply_in_Actions_records_a_successful_deployment_of_the_commit_naming_the_versions()
    {
        var body = await StageAsync();

        var posts = _github.Requests.Where(r => r.Method == "POST").ToList();
        Assert.That(posts.Select(r => r.Path), Is.EqualTo(new[] { DeploymentsPath, StatusesPath }));
        Assert.That(posts.Select(r => r.Headers!["Authorization"].Single()), Is.All.EqualTo($"Bearer {FakeGitHub.Token}"));
        Assert.That(body["ref"]!.GetValue<string>(), Is.EqualTo(Sha));
        Assert.That(body["environment"]!.GetValue<string>(), Is.EqualTo("staging"));
        Assert.That(body["auto_merge"]!.GetValue<bool>(), Is.False);
        Assert.That(body["required_contexts"]!.AsArray(), Is.Empty);
        Assert.That(body["payload"]!["tool"]!.GetValue<string>(), Is.EqualTo("ci-migrate"));
        var app = body["payload"]!["apps"]!["money-tracker"]!;
        Assert.That(app["versions"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(new[] { "20250208000001" }));
        var status = JsonNode.Parse(posts[1].Body!)!;
        Assert.That(status["state"]!.GetValue<string>(), Is.EqualTo("success"));
        Assert.That(status["log_url"]!.GetValue<string>(), Is.EqualTo($"{_github.Url}/{FakeGitHub.Owner}/{FakeGitHub.Repo}/actions/runs/{FakeGitHub.RunId}"));

        // The payload's plan hash is the one production computes for the same pending set: its --expect-plan passes.
        _github.Server.Reset();
        WithoutStagingSecret();
        Deployments([Deployment(DeploymentId, body["payload"])], "success");
        var promoted = await _repo.RunAsync("prod-apply", "--expect-plan", app["planHash"]!.GetValue<string>());
        Assert.That(promoted.ExitCode, Is.EqualTo(0), promoted.Output + promoted.Error);
    }

    [Test]
    public async Task Production_without_staging_secret_applies_with_the_recorded_deployment()
    {
        var body = await StageAsync();
        _github.Server.Reset();
        WithoutStagingSecret();
        Deployments([Deployment(DeploymentId, body["payload"])], "success");

        var run = await _repo.RunAsync("prod-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(await ProductionHasBudgetsAsync(), Is.True);
        var list = _github.Requests.First(r => r.Method == "GET" && r.Path == DeploymentsPath);
        Assert.That(list.Query!["sha"].Single(), Is.EqualTo(Sha));
        Assert.That(list.Query!["environment"].Single(), Is.EqualTo("staging"));
        Assert.That(_github.Requests.Select(r => $"{r.Method} {r.Path}"),
            Is.EqualTo(new[] { $"GET {DeploymentsPath}", $"GET {StatusesPath}" }));
        Assert.That(run.Output + run.Error, Does.Not.Contain(FakeGitHub.Token));
    }

    [Test]
    public async Task Production_refuses_when_the_commit_has_no_deployment_of_ci_migrate()
    {
        await StageAsync();
        _github.Server.Reset();
        WithoutStagingSecret();
        var foreign = JsonNode.Parse("""{ "tool": "another-deployer", "apps": { "money-tracker": { "versions": ["20250208000001"] } } }""");
        Deployments([Deployment(DeploymentId, foreign)], "success");

        var run = await _repo.RunAsync("prod-apply");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain(
            $"refused (not-promoted): production requires every migration to pass through staging first: commit {Sha} has no " +
            $"successful ci-migrate deployment to staging on GitHub; run the deploy workflow's staging job for commit {Sha}"));
        Assert.That(await ProductionHasBudgetsAsync(), Is.False);
        Assert.That(run.Output + run.Error, Does.Not.Contain(FakeGitHub.Token));
    }

    [Test]
    public async Task Production_refuses_when_the_deployments_newest_status_is_a_failure()
    {
        var body = await StageAsync();
        _github.Server.Reset();
        WithoutStagingSecret();
        Deployments([Deployment(DeploymentId, body["payload"])], "failure", "success");

        var run = await _repo.RunAsync("prod-apply");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain($"commit {Sha} has no successful ci-migrate deployment to staging"));
        Assert.That(await ProductionHasBudgetsAsync(), Is.False);
    }

    [Test]
    public async Task Production_refuses_a_pending_version_the_deployment_does_not_name()
    {
        var body = await StageAsync();
        _github.Server.Reset();
        WithoutStagingSecret();
        _repo.Up("20250208000002", "create_goals", "SET search_path TO money_tracker;\nCREATE TABLE goals (id int);\n");
        Deployments([Deployment(DeploymentId, body["payload"])], "success");

        var run = await _repo.RunAsync("prod-apply");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain(
            $"deployment {DeploymentId} of commit {Sha} to staging does not name apps/money-tracker/supabase/migrations/" +
            "20250208000002_create_goals.sql for money-tracker; run the deploy workflow's staging job"));
        Assert.That(run.Error, Does.Not.Contain("20250208000001_create_budgets.sql"));
        Assert.That(await ProductionHasBudgetsAsync(), Is.False);
    }

    [Test]
    public async Task A_token_that_may_not_write_deployments_leaves_the_apply_standing_with_a_warning()
    {
        InActions();
        _github.Stub("POST", DeploymentsPath, 403, new { message = "Resource not accessible by integration" });

        var run = await _repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("::warning::").And.Contain("permissions: deployments: write"));
        Assert.That(run.Output + run.Error, Does.Not.Contain(FakeGitHub.Token));
        Assert.That(await _repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(1L));
    }

    [Test]
    public async Task Production_reads_staging_ledger_when_it_holds_staging_secret()
    {
        await StageAsync();
        _github.Server.Reset();

        var run = await _repo.RunAsync("prod-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(_github.Requests, Is.Empty);
    }
}
