using CiMigrate.GitHub;

namespace CiMigrate.Tests.GitHub;

public sealed class LocalCommenterTests
{
    const string Marker = "<!-- ci-migrate:plan app=money-tracker -->";

    string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "ci-migrate-comments-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task File_comment_is_created_updated_and_left_alone_like_the_github_one()
    {
        var commenter = new FileCommenter(_folder);
        var path = Path.Combine(_folder, "ci-migrate-plan-app-money-tracker.md");

        var skipped = await commenter.UpsertAsync(new StickyComment(Marker, "nothing") { CreateIfMissing = false });
        var created = await commenter.UpsertAsync(new StickyComment(Marker, "two pending"));
        var same = await commenter.UpsertAsync(new StickyComment(Marker, "two pending"));
        var rewritten = await commenter.UpsertAsync(new StickyComment(Marker, "nothing") { CreateIfMissing = false });

        Assert.That(new[] { skipped.Outcome, created.Outcome, same.Outcome, rewritten.Outcome }, Is.EqualTo(new[]
        {
            CommentOutcome.NotNeeded, CommentOutcome.Created, CommentOutcome.Unchanged, CommentOutcome.Updated,
        }));
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo(Marker + "\nnothing"));
    }

    [Test]
    public async Task Local_run_prints_the_comment_when_there_is_no_pull_request()
    {
        var output = new StringWriter();
        var integration = new GitHubIntegration(GitHubContext.FromEnvironment(new Dictionary<string, string?>(), new()), output, new());

        var result = await integration.PublishCommentAsync(new StickyComment(Marker, "two pending"));

        Assert.That(result.Outcome, Is.EqualTo(CommentOutcome.Written));
        Assert.That(output.ToString(), Is.EqualTo(Marker + "\ntwo pending" + Environment.NewLine));
    }
}
