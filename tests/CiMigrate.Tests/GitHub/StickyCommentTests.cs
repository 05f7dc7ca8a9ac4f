using System.Text.Json;
using CiMigrate.GitHub;

namespace CiMigrate.Tests.GitHub;

public sealed class StickyCommentTests
{
    const string Marker = "<!-- ci-migrate:plan app=money-tracker -->";
    const string Plan = Marker + "\n### money-tracker: 2 pending migrations";

    FakeGitHub _github = null!;

    [SetUp]
    public void StartServer() => _github = new FakeGitHub();

    [TearDown]
    public void StopServer() => _github.Dispose();

    [Test]
    public async Task First_plan_creates_a_comment_with_the_marker()
    {
        _github.StubUser("deploy-bot");
        _github.Stub("GET", _github.CommentsPath, 200, new[] { FakeGitHub.Comment(1, "alice", "Looks good") });
        _github.Stub("POST", _github.CommentsPath, 201, FakeGitHub.Comment(50, "deploy-bot", Plan));

        var result = await _github.Integration(TextWriter.Null).PublishCommentAsync(new StickyComment(Marker, Plan));

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.Created));
        var post = _github.Single("POST");
        Assert.That(post.Path, Is.EqualTo("/repos/tower-fleet/apps/issues/7/comments"));
        Assert.That(FakeGitHub.BodyOf(post), Is.EqualTo(Plan));
        Assert.That(post.Headers!["Authorization"].Single(), Is.EqualTo($"Bearer {FakeGitHub.Token}"));
        Assert.That(post.Headers["User-Agent"].Single(), Does.StartWith("ci-migrate/"));
        Assert.That(post.Headers["Accept"].Single(), Is.EqualTo("application/vnd.github.v3+json"));
    }

    [Test]
    public async Task Marker_is_added_when_the_body_lacks_it()
    {
        _github.StubUser("deploy-bot");
        _github.Stub("GET", _github.CommentsPath, 200, Array.Empty<object>());
        _github.Stub("POST", _github.CommentsPath, 201, FakeGitHub.Comment(50, "deploy-bot", Plan));

        await _github.Integration(TextWriter.Null).PublishCommentAsync(new StickyComment(Marker, "no marker here"));

        var post = _github.Single("POST");
        Assert.That(FakeGitHub.BodyOf(post),
            Is.EqualTo(Marker + "\nno marker here"));
    }

    [Test]
    public async Task Later_push_updates_the_own_comment_in_place()
    {
        _github.StubUser("deploy-bot");
        _github.Stub("GET", _github.CommentsPath, 200, new[]
        {
            FakeGitHub.Comment(10, "mallory", Marker + "\nforged plan"),
            FakeGitHub.Comment(11, "deploy-bot", Marker + "\nold plan"),
            FakeGitHub.Comment(12, "deploy-bot", "<!-- ci-migrate:plan app=home-portal -->\nother app"),
        });
        _github.Stub("PATCH", "/repos/tower-fleet/apps/issues/comments/11", 200, FakeGitHub.Comment(11, "deploy-bot", Plan));

        var result = await _github.Integration(TextWriter.Null).PublishCommentAsync(new StickyComment(Marker, Plan));

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.Updated));
        Assert.That(result.Location, Does.EndWith("#issuecomment-11"));
        var writes = _github.Requests.Where(r => r.Method is "POST" or "PATCH").ToList();
        Assert.That(writes.Select(w => $"{w.Method} {w.Path}"), Is.EqualTo(new[] { "PATCH /repos/tower-fleet/apps/issues/comments/11" }));
        Assert.That(FakeGitHub.BodyOf(writes[0]), Is.EqualTo(Plan));
    }

    [Test]
    public async Task Same_plan_again_sends_no_edit()
    {
        _github.StubUser("deploy-bot");
        _github.Stub("GET", _github.CommentsPath, 200, new[] { FakeGitHub.Comment(11, "deploy-bot", Plan) });

        var result = await _github.Integration(TextWriter.Null).PublishCommentAsync(new StickyComment(Marker, Plan));

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.Unchanged));
        Assert.That(_github.Requests.Select(r => r.Method), Is.EquivalentTo(new[] { "GET", "GET" }));
    }

    [Test]
    public async Task Stale_plan_is_rewritten_when_nothing_is_pending_any_more()
    {
        const string nothing = Marker + "\n### money-tracker: no pending migrations";
        _github.StubUser("deploy-bot");
        _github.Stub("GET", _github.CommentsPath, 200, new[] { FakeGitHub.Comment(11, "deploy-bot", Plan) });
        _github.Stub("PATCH", "/repos/tower-fleet/apps/issues/comments/11", 200, FakeGitHub.Comment(11, "deploy-bot", nothing));

        var result = await _github.Integration(TextWriter.Null)
            .PublishCommentAsync(new StickyComment(Marker, nothing) { CreateIfMissing = false });

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.Updated));
        var patch = _github.Single("PATCH");
        Assert.That(FakeGitHub.BodyOf(patch), Is.EqualTo(nothing));
    }

    [Test]
    public async Task Nothing_pending_and_no_comment_yet_posts_nothing()
    {
        _github.StubUser("deploy-bot");
        _github.Stub("GET", _github.CommentsPath, 200, new[] { FakeGitHub.Comment(11, "alice", Marker + " quoted by a human") });

        var result = await _github.Integration(TextWriter.Null)
            .PublishCommentAsync(new StickyComment(Marker, "nothing pending") { CreateIfMissing = false });

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.NotNeeded));
        Assert.That(_github.Requests.Count(r => r.Method is "POST" or "PATCH"), Is.Zero);
    }

    [Test]
    public async Task Actions_token_that_cannot_read_user_finds_the_bot_comment()
    {
        _github.StubUserForbidden();
        _github.Stub("GET", _github.CommentsPath, 200, new[]
        {
            FakeGitHub.Comment(20, "someone", Marker + "\ncopied"),
            FakeGitHub.Comment(21, "github-actions[bot]", Marker + "\nold"),
        });
        _github.Stub("PATCH", "/repos/tower-fleet/apps/issues/comments/21", 200, FakeGitHub.Comment(21, "github-actions[bot]", Plan));

        var result = await _github.Integration(TextWriter.Null).PublishCommentAsync(new StickyComment(Marker, Plan));

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.Updated));
        Assert.That(_github.Single("PATCH").Path,
            Is.EqualTo("/repos/tower-fleet/apps/issues/comments/21"));
    }

    [Test]
    public async Task Fork_token_without_write_access_falls_back_to_the_job_summary_with_a_notice()
    {
        _github.StubUserForbidden();
        _github.Stub("GET", _github.CommentsPath, 200, Array.Empty<object>());
        _github.Stub("POST", _github.CommentsPath, 403, new
        {
            message = "Resource not accessible by integration",
            documentation_url = "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
        });
        var output = new StringWriter();

        var result = await _github.Integration(output).PublishCommentAsync(new StickyComment(Marker, Plan));

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.FellBackToJobSummary));
        Assert.That(await File.ReadAllTextAsync(_github.SummaryPath), Is.EqualTo(Plan + "\n"));
        Assert.That(output.ToString(), Does.StartWith("::notice::ci-migrate could not comment on pull request #7"));
        Assert.That(output.ToString(), Does.Contain("403 Forbidden: Resource not accessible by integration"));
        Assert.That(output.ToString(), Does.Not.Contain(FakeGitHub.Token));
    }

    [Test]
    public async Task All_pages_of_comments_are_searched()
    {
        _github.StubUser("deploy-bot");
        var pageTwo = $"{_github.Url}{_github.CommentsPath}?per_page=100&page=2";
        var firstPage = Enumerable.Range(1, 100).Select(i => FakeGitHub.Comment(i, "alice", $"comment {i}")).ToArray();
        _github.Server
            .Given(WireMock.RequestBuilders.Request.Create().WithPath(_github.CommentsPath).UsingGet().WithParam("page", "2"))
            .AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json")
                .WithHeader("Link", $"<{_github.Url}{_github.CommentsPath}?per_page=100&page=1>; rel=\"prev\", <{_github.Url}{_github.CommentsPath}?per_page=100&page=1>; rel=\"first\"")
                .WithBody(JsonSerializer.Serialize(new[] { FakeGitHub.Comment(101, "deploy-bot", Marker + "\nold") })));
        _github.Server
            .Given(WireMock.RequestBuilders.Request.Create().WithPath(_github.CommentsPath).UsingGet())
            .AtPriority(2)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json")
                .WithHeader("Link", $"<{pageTwo}>; rel=\"next\", <{pageTwo}>; rel=\"last\"")
                .WithBody(JsonSerializer.Serialize(firstPage)));
        _github.Stub("PATCH", "/repos/tower-fleet/apps/issues/comments/101", 200, FakeGitHub.Comment(101, "deploy-bot", Plan));

        var result = await _github.Integration(TextWriter.Null).PublishCommentAsync(new StickyComment(Marker, Plan));

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.Updated));
        var listing = _github.Requests.Where(r => r.Method == "GET" && r.Path == _github.CommentsPath)
            .Select(r => r.Query!.ToDictionary(q => q.Key, q => q.Value.Single()))
            .ToList();
        Assert.That(listing, Has.Count.EqualTo(2));
        Assert.That(listing[0]["per_page"], Is.EqualTo("100"));
        Assert.That(listing[1]["page"], Is.EqualTo("2"));
        Assert.That(_github.Requests.Count(r => r.Method == "POST"), Is.Zero);
    }
}
