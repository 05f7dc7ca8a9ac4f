using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.GitHub;

/// <summary>prod-apply in GitHub Actions behind the environment approval, against a fake GitHub REST API.</summary>
public sealed class ProdApplyApprovalTests
{
    const string Budgets = "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n";

    FakeGitHub _github = null!;
    MigrationRepository _repo = null!;

    string ApprovalsPath => $"{_github.Prefix}/repos/{FakeGitHub.Owner}/{FakeGitHub.Repo}/actions/runs/{FakeGitHub.RunId}/approvals";

    [SetUp]
    public async Task StartAsync()
    {
        _github = new FakeGitHub(enterprise: true);
        _repo = await MigrationRepository.CreateAsync();
        _repo.Up("20250208000001", "create_budgets", Budgets);
        Assert.That((await _repo.RunAsync("stage-apply")).ExitCode, Is.EqualTo(0));
    }

    [TearDown]
    public async Task StopAsync()
    {
        _github.Dispose();
        await _repo.DisposeAsync();
    }

    /// <summary>A push run on Enterprise Server (the API under /api/v3), without a token unless one is passed.</summary>
    void InActions(string? token = FakeGitHub.Token)
    {
        _repo.Variables["GITHUB_ACTIONS"] = "true";
        _repo.Variables["GITHUB_REPOSITORY"] = $"{FakeGitHub.Owner}/{FakeGitHub.Repo}";
        _repo.Variables["GITHUB_RUN_ID"] = FakeGitHub.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _repo.Variables["GITHUB_SERVER_URL"] = _github.Url;
        _repo.Variables["GITHUB_API_URL"] = $"{_github.Url}/api/v3";
        _repo.Variables["GITHUB_TOKEN"] = token;
    }

    static object Review(string state, string login, params string[] environments) => new
    {
        state,
        comment = "",
        user = new { login, id = 3, type = "User" },
        environments = environments.Select((name, i) => new { id = 100 + i, name }).ToArray(),
    };

    // A refused run leaves no ledger behind, and PostgreSQL resolves a table even in a branch it never takes: two queries.
    async Task<long> ProductionLedgerRowsAsync() =>
        (bool)(await _repo.Production.ScalarAsync("SELECT to_regclass('ci_migrate.applied_migrations') IS NULL"))!
            ? 0
            : (long)(await _repo.Production.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"))!;

    [Test]
    public async Task Production_in_Actions_without_an_approval_is_refused_and_nothing_applied()
    {
        InActions();
        _github.Stub("GET", ApprovalsPath, 200, new[] { Review("approved", "carol", "staging") });

        var run = await _repo.RunAsync("prod-apply");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain(
            "refused (not-approved): prod-apply needs an approval of environment 'production' for run 123; found only 'staging' approved by carol."));
        Assert.That(await ProductionLedgerRowsAsync(), Is.EqualTo(0));
        Assert.That(await _repo.Production.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
        Assert.That(_github.Single("GET").Path, Is.EqualTo(ApprovalsPath));
    }

    [Test]
    public async Task Production_in_Actions_with_an_approval_applies_and_records_the_approver()
    {
        InActions();
        _github.Stub("GET", ApprovalsPath, 200, new[] { Review("approved", "dave", "production") });

        var run = await _repo.RunAsync("prod-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(await _repo.Production.ScalarAsync("SELECT approver FROM ci_migrate.applied_migrations"), Is.EqualTo("dave"));
        Assert.That(_github.Single("GET").Headers!["Authorization"].Single(), Is.EqualTo($"Bearer {FakeGitHub.Token}"));
    }

    [Test]
    public async Task The_github_token_option_is_the_token_sent()
    {
        const string optionToken = "ghs_FromTheCommandLine0123456789abcdefgh";
        InActions(token: null);
        _github.Stub("GET", ApprovalsPath, 200, new[] { Review("approved", "dave", "production") });

        var run = await _repo.RunAsync("prod-apply", "--github-token", optionToken);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(_github.Single("GET").Headers!["Authorization"].Single(), Is.EqualTo($"Bearer {optionToken}"));
        Assert.That(run.Output + run.Error, Does.Not.Contain(optionToken));
    }

    [Test]
    public async Task Without_a_token_the_gate_says_what_it_needs()
    {
        InActions(token: null);

        var run = await _repo.RunAsync("prod-apply");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("a token (--github-token, the action input github-token, or GITHUB_TOKEN)"));
        Assert.That(await _repo.Production.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
    }

    [Test]
    public async Task RequireApproval_false_turns_the_gate_off_in_Actions()
    {
        InActions();
        _repo.Environment("production",
            """{ "databaseUrlEnv": "PRODUCTION_DATABASE_URL", "requires": "staging", "lockWait": "5s", "requireApproval": false }""");

        var run = await _repo.RunAsync("prod-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(_github.Requests, Is.Empty);
        Assert.That(await _repo.Production.ScalarAsync("SELECT approver IS NULL FROM ci_migrate.applied_migrations"), Is.True);
    }

    [Test]
    public async Task RequireApproval_true_gates_an_environment_not_named_production()
    {
        InActions();
        _repo.Environment("staging", """{ "databaseUrlEnv": "STAGING_DATABASE_URL", "lockWait": "5s", "requireApproval": true }""");
        _repo.Up("20250208000002", "more", "CREATE TABLE money_tracker.more (id int);\n");
        _github.Stub("GET", ApprovalsPath, 200, Array.Empty<object>());

        var run = await _repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("refused (not-approved): stage-apply needs an approval of environment 'staging' for run 123; none found."));
        Assert.That(await _repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(1L));
    }

    [Test]
    public async Task Stage_apply_to_production_in_Actions_needs_the_approval_too()
    {
        InActions();
        _github.Stub("GET", ApprovalsPath, 200, new[] { Review("approved", "carol", "staging") });

        var run = await _repo.RunAsync("stage-apply", "--env", "production");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("refused (not-approved): stage-apply needs an approval of environment 'production' for run 123"));
        Assert.That(await ProductionLedgerRowsAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task Outside_Actions_production_needs_no_approval()
    {
        var run = await _repo.RunAsync("prod-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(_github.Requests, Is.Empty);
    }
}
