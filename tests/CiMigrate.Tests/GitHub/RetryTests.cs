using CiMigrate.GitHub;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CiMigrate.Tests.GitHub;

public sealed class RetryTests
{
    const string ApprovalsPath = "/repos/tower-fleet/apps/actions/runs/123/approvals";

    FakeGitHub _github = null!;

    [SetUp]
    public void StartServer() => _github = new FakeGitHub();

    [TearDown]
    public void StopServer() => _github.Dispose();

    void StubOnce(int status, string nextState, params (string, string)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithBody("{\"message\":\"Server Error\"}");
        foreach (var (name, value) in headers)
            response = response.WithHeader(name, value);
        _github.Server.Given(Request.Create().WithPath(ApprovalsPath).UsingGet())
            .InScenario("flaky").WillSetStateTo(nextState).RespondWith(response);
    }

    void StubApprovedAfter(string state) =>
        _github.Server.Given(Request.Create().WithPath(ApprovalsPath).UsingGet())
            .InScenario("flaky").WhenStateIs(state)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("[{\"state\":\"approved\",\"comment\":\"\",\"user\":{\"login\":\"dave\"},\"environments\":[{\"name\":\"production\"}]}]"));

    [Test]
    public async Task Bad_gateway_is_retried_with_backoff_then_succeeds()
    {
        StubOnce(502, "recovered");
        StubApprovedAfter("recovered");

        var approval = await _github.Integration(TextWriter.Null).CreateApprovals().RequireApprovalAsync("production", "prod-apply");

        Assert.That(approval.Approver, Is.EqualTo("dave"));
        Assert.That(_github.Requests, Has.Count.EqualTo(2));
        Assert.That(_github.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }));
    }

    [Test]
    public void Repeated_bad_gateway_gives_up_with_a_message_without_the_token()
    {
        _github.Stub("GET", ApprovalsPath, 502, new { message = $"upstream failed for token {FakeGitHub.Token}" });

        var error = Assert.ThrowsAsync<GitHubUnavailableException>(() =>
            _github.Integration(TextWriter.Null).CreateApprovals().RequireApprovalAsync("production", "prod-apply"));

        Assert.That(error!.Message, Is.EqualTo(
            $"GitHub answered 502 Bad Gateway to GET {ApprovalsPath} 3 times; gave up. GitHub may be having trouble " +
            "(https://www.githubstatus.com): run the job again later."));
        Assert.That(error.ToString(), Does.Not.Contain(FakeGitHub.Token));
        Assert.That(_github.Requests, Has.Count.EqualTo(3));
        Assert.That(_github.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));
    }

    [Test]
    public async Task Too_many_requests_waits_as_long_as_retry_after_says()
    {
        StubOnce(429, "recovered", ("Retry-After", "7"));
        StubApprovedAfter("recovered");

        await _github.Integration(TextWriter.Null).CreateApprovals().RequireApprovalAsync("production", "prod-apply");

        Assert.That(_github.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(7) }));
    }

    [Test]
    public async Task Exhausted_rate_limit_waits_until_the_reset()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeSeconds();
        StubOnce(403, "recovered", ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        StubApprovedAfter("recovered");

        await _github.Integration(TextWriter.Null).CreateApprovals().RequireApprovalAsync("production", "prod-apply");

        Assert.That(_github.Delays.Single(), Is.InRange(TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31)));
    }

    [Test]
    public void Rate_limit_resetting_in_an_hour_fails_at_once_with_the_reset_time()
    {
        var reset = DateTimeOffset.UtcNow.AddHours(1);
        _github.Stub("GET", ApprovalsPath, 403, new { message = "API rate limit exceeded" },
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var error = Assert.ThrowsAsync<GitHubUnavailableException>(() =>
            _github.Integration(TextWriter.Null).CreateApprovals().RequireApprovalAsync("production", "prod-apply"));

        Assert.That(error!.Message, Does.StartWith($"GitHub's API rate limit stopped GET {ApprovalsPath} (403 Forbidden); it resets at "));
        Assert.That(error.Message, Does.Contain(reset.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(_github.Requests, Has.Count.EqualTo(1));
        Assert.That(_github.Delays, Is.Empty);
    }

    [Test]
    public async Task Permission_denied_is_not_retried()
    {
        const string marker = "<!-- ci-migrate:plan app=a -->";
        _github.StubUser("deploy-bot");
        _github.Stub("GET", _github.CommentsPath, 200, Array.Empty<object>());
        _github.Stub("POST", _github.CommentsPath, 403, new { message = "Resource not accessible by integration" });

        var result = await _github.Integration(TextWriter.Null).PublishCommentAsync(new StickyComment(marker, marker));

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.FellBackToJobSummary));
        Assert.That(_github.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1));
        Assert.That(_github.Delays, Is.Empty);
    }
}
