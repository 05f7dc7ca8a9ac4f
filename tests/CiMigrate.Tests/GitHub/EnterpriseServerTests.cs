using CiMigrate.GitHub;

namespace CiMigrate.Tests.GitHub;

public sealed class EnterpriseServerTests
{
    const string Marker = "<!-- ci-migrate:plan app=money-tracker -->";

    [Test]
    public async Task Enterprise_server_is_called_under_api_v3()
    {
        using var github = new FakeGitHub(enterprise: true);
        github.StubUser("deploy-bot");
        github.Stub("GET", "/api/v3/repos/tower-fleet/apps/issues/7/comments", 200, new[] { FakeGitHub.Comment(5, "deploy-bot", Marker + "\nold") });
        github.Stub("PATCH", "/api/v3/repos/tower-fleet/apps/issues/comments/5", 200, FakeGitHub.Comment(5, "deploy-bot", Marker));

        var result = await github.Integration(TextWriter.Null).PublishCommentAsync(new StickyComment(Marker, Marker + "\nnew"));

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.Updated));
        Assert.That(github.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[]
        {
            "GET /api/v3/user",
            "GET /api/v3/repos/tower-fleet/apps/issues/7/comments",
            "PATCH /api/v3/repos/tower-fleet/apps/issues/comments/5",
        }));
    }

    [Test]
    public async Task Enterprise_api_url_from_the_runner_is_used_as_given()
    {
        using var github = new FakeGitHub(enterprise: true);
        github.StubUser("deploy-bot");
        github.Stub("GET", "/api/v3/repos/tower-fleet/apps/issues/7/comments", 200, Array.Empty<object>());
        github.Stub("POST", "/api/v3/repos/tower-fleet/apps/issues/7/comments", 201, FakeGitHub.Comment(5, "deploy-bot", Marker));
        var environment = github.Environment();
        environment["GITHUB_API_URL"] = github.Url + "/api/v3";
        var integration = new GitHubIntegration(GitHubContext.FromEnvironment(environment, github.Secrets), TextWriter.Null,
            github.Secrets, github.Retry);

        var result = await integration.PublishCommentAsync(new StickyComment(Marker, Marker));

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.Created));
        Assert.That(github.Single("POST").Path, Is.EqualTo("/api/v3/repos/tower-fleet/apps/issues/7/comments"));
    }
}
