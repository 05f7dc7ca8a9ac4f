using CiMigrate.GitHub;

namespace CiMigrate.Tests.GitHub;

public sealed class ApprovalGateTests
{
    const string ApprovalsPath = "/repos/tower-fleet/apps/actions/runs/123/approvals";

    FakeGitHub _github = null!;

    [SetUp]
    public void StartServer() => _github = new FakeGitHub();

    [TearDown]
    public void StopServer() => _github.Dispose();

    static object Review(string state, string login, string comment, params string[] environments) => new
    {
        state,
        comment,
        user = new { login, id = 3, type = "User" },
        environments = environments.Select((name, i) => new { id = 100 + i, name }).ToArray(),
    };

    [Test]
    public async Task Approval_of_the_environment_names_the_approver()
    {
        _github.Stub("GET", ApprovalsPath, 200, new[]
        {
            Review("approved", "carol", "staging looked fine", "staging"),
            Review("approved", "dave", "ship it", "Production"),
        });

        var approval = await _github.Integration(TextWriter.Null).CreateApprovals().RequireApprovalAsync("production", "prod-apply");

        Assert.That(approval, Is.EqualTo(new RunApproval("production", "dave", "ship it")));
        var request = _github.Single("GET");
        Assert.That(request.Path, Is.EqualTo(ApprovalsPath));
        Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo($"Bearer {FakeGitHub.Token}"));
    }

    [Test]
    public void Run_without_approvals_is_refused()
    {
        _github.Stub("GET", ApprovalsPath, 200, Array.Empty<object>());

        var refusal = Assert.ThrowsAsync<ApprovalMissingException>(() =>
            _github.Integration(TextWriter.Null).CreateApprovals().RequireApprovalAsync("production", "prod-apply"));

        Assert.That(refusal!.Message, Does.StartWith(
            "prod-apply needs an approval of environment 'production' for run 123; none found. "));
        Assert.That(refusal.Environment, Is.EqualTo("production"));
    }

    [Test]
    public void Approval_of_another_environment_does_not_count()
    {
        _github.Stub("GET", ApprovalsPath, 200, new[]
        {
            Review("approved", "carol", "", "staging"),
            Review("rejected", "erin", "not today", "production"),
        });

        var refusal = Assert.ThrowsAsync<ApprovalMissingException>(() =>
            _github.Integration(TextWriter.Null).CreateApprovals().RequireApprovalAsync("production", "prod-apply"));

        Assert.That(refusal!.Message, Does.StartWith(
            "prod-apply needs an approval of environment 'production' for run 123; found only 'staging' approved by carol, " +
            "'production' rejected by erin. "));
    }

    [Test]
    public void Token_without_actions_read_permission_is_told_what_to_grant()
    {
        _github.Stub("GET", ApprovalsPath, 403, new { message = "Resource not accessible by integration" });

        var error = Assert.ThrowsAsync<CiMigrate.ExecutionException>(() =>
            _github.Integration(TextWriter.Null).CreateApprovals().RequireApprovalAsync("production", "prod-apply"));

        Assert.That(error!.Message, Is.EqualTo(
            $"Reading the approvals of run 123 (GET /repos/tower-fleet/apps/actions/runs/123/approvals): GitHub answered " +
            "403 Forbidden: Resource not accessible by integration. The workflow needs 'permissions: actions: read'."));
    }

    [Test]
    public void Approval_gate_outside_a_workflow_run_says_what_is_missing()
    {
        var environment = _github.Environment();
        environment.Remove("GITHUB_RUN_ID");
        var integration = new GitHubIntegration(GitHubContext.FromEnvironment(environment, _github.Secrets), TextWriter.Null,
            _github.Secrets);

        var error = Assert.Throws<CiMigrate.UsageException>(() => integration.CreateApprovals());

        Assert.That(error!.Message, Does.Contain("GITHUB_RUN_ID"));
    }
}
