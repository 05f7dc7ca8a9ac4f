using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.GitHub;

/// <summary>
/// <c>diff --comment</c> on a pull request from end to end: the real planner against staging, the sticky comment
/// through the fake GitHub REST API. Run against the Native AOT binary too (build/test-aot.sh).
/// </summary>
public sealed class DiffCommentEndToEndTests
{
    const string Marker = "<!-- ci-migrate:plan app=money-tracker -->";

    FakeGitHub _github = null!;
    MigrationRepository _repo = null!;

    string CommentPath(long id) => $"{_github.Prefix}/repos/{FakeGitHub.Owner}/{FakeGitHub.Repo}/issues/comments/{id}";

    [SetUp]
    public async Task StartAsync()
    {
        _github = new FakeGitHub(enterprise: true);
        _repo = await MigrationRepository.CreateAsync();
        foreach (var (name, value) in _github.Environment())
            _repo.Variables[name] = value;
        _repo.Up("20250208000001", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n");
    }

    [TearDown]
    public async Task StopAsync()
    {
        _github.Dispose();
        await _repo.DisposeAsync();
    }

    [Test]
    public async Task The_first_plan_of_a_pull_request_is_posted_as_a_new_comment()
    {
        _github.StubUser("deploy-bot");
        _github.Stub("GET", _github.CommentsPath, 200, new[] { FakeGitHub.Comment(1, "alice", "Looks good") });
        _github.Stub("POST", _github.CommentsPath, 201, FakeGitHub.Comment(50, "deploy-bot", Marker));

        var run = await _repo.RunAsync("diff", "--env", "staging", "--comment");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        var post = _github.Single("POST");
        Assert.That(post.Path, Is.EqualTo(_github.CommentsPath));
        Assert.That(post.Headers!["Authorization"].Single(), Is.EqualTo($"Bearer {FakeGitHub.Token}"));
        var body = FakeGitHub.BodyOf(post)!;
        Assert.That(body, Does.StartWith(Marker));
        Assert.That(body, Does.Contain("20250208000001_create_budgets"));
        Assert.That(body, Does.Not.Contain(FakeGitHub.Token));
        Assert.That(run.Output + run.Error, Does.Not.Contain(FakeGitHub.Token));
    }

    [Test]
    public async Task A_later_push_edits_the_bots_own_comment_found_on_the_second_page()
    {
        var pageTwo = $"{_github.Url}{_github.CommentsPath}?per_page=100&page=2";
        _github.StubUser("deploy-bot");
        CommentsPage(priority: 1, page: "2", link: null,
            FakeGitHub.Comment(7, "someone-else", Marker + "\nnot ours"), FakeGitHub.Comment(8, "deploy-bot", Marker + "\nan older plan"));
        CommentsPage(priority: 2, page: null, link: $"<{pageTwo}>; rel=\"next\", <{pageTwo}>; rel=\"last\"",
            FakeGitHub.Comment(1, "alice", "Looks good"));
        _github.Stub("PATCH", CommentPath(8), 200, FakeGitHub.Comment(8, "deploy-bot", Marker));

        var run = await _repo.RunAsync("diff", "--env", "staging", "--comment");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(_github.Requests.Where(r => r.Method == "POST"), Is.Empty);
        var patch = _github.Single("PATCH");
        Assert.That(patch.Path, Is.EqualTo(CommentPath(8)));
        Assert.That(FakeGitHub.BodyOf(patch), Does.Contain("20250208000001_create_budgets"));
    }

    void CommentsPage(int priority, string? page, string? link, params object[] comments)
    {
        var request = WireMock.RequestBuilders.Request.Create().WithPath(_github.CommentsPath).UsingGet();
        if (page is not null)
            request = request.WithParam("page", page);
        var response = WireMock.ResponseBuilders.Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json; charset=utf-8")
            .WithBody(System.Text.Json.JsonSerializer.Serialize(comments));
        if (link is not null)
            response = response.WithHeader("Link", link);
        _github.Server.Given(request).AtPriority(priority).RespondWith(response);
    }
}
