using CiMigrate.GitHub;
using CiMigrate.Hosting;
using CiMigrate.Reporting;
using CiMigrate.Secrets;

namespace CiMigrate.Tests.GitHub;

public sealed class GitHubContextTests
{
    string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ci-migrate-context-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    string Event(string json)
    {
        var path = Path.Combine(_folder, "event.json");
        File.WriteAllText(path, json);
        return path;
    }

    static GitHubContext Read(Dictionary<string, string?> environment, SecretMasker? secrets = null, string? token = null) =>
        GitHubContext.FromEnvironment(environment, secrets ?? new SecretMasker(), token);

    [Test]
    public void Pull_request_run_is_read_from_the_environment()
    {
        var context = Read(new()
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = "tower-fleet/apps",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = Event("""{"action":"opened","number":42,"pull_request":{"number":42,"title":"x"}}"""),
            ["GITHUB_SHA"] = "0123abcd",
            ["GITHUB_RUN_ID"] = "9876543210",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_API_URL"] = "https://api.github.com",
            ["GITHUB_STEP_SUMMARY"] = "/tmp/summary",
            ["GITHUB_OUTPUT"] = "/tmp/output",
        });

        Assert.That(context.IsActions, Is.True);
        Assert.That((context.Owner, context.Repository), Is.EqualTo(("tower-fleet", "apps")));
        Assert.That(context.PullRequestNumber, Is.EqualTo(42));
        Assert.That(context.Sha, Is.EqualTo("0123abcd"));
        Assert.That(context.RunId, Is.EqualTo(9876543210));
        Assert.That(context.ApiUrl.AbsoluteUri, Is.EqualTo("https://api.github.com/"));
        Assert.That(context.RunUrl, Is.EqualTo("https://github.com/tower-fleet/apps/actions/runs/9876543210"));
        Assert.That((context.StepSummaryPath, context.OutputPath), Is.EqualTo(("/tmp/summary", "/tmp/output")));
    }

    [Test]
    public void Comment_on_a_pull_request_gives_its_number()
    {
        var context = Read(new()
        {
            ["GITHUB_EVENT_PATH"] = Event("""{"action":"created","issue":{"number":15,"pull_request":{"url":"u"}},"comment":{"id":1}}"""),
        });

        Assert.That(context.PullRequestNumber, Is.EqualTo(15));
    }

    [TestCase("""{"issue":{"number":15},"comment":{"id":1}}""")]
    [TestCase("""{"ref":"refs/heads/main","commits":[]}""")]
    public void Events_without_a_pull_request_give_no_number(string payload)
    {
        var context = Read(new() { ["GITHUB_EVENT_PATH"] = Event(payload) });

        Assert.That(context.PullRequestNumber, Is.Null);
    }

    [Test]
    public void Broken_event_payload_is_named_with_line_and_column()
    {
        var path = Event("{\n  \"pull_request\": {\n    \"number\": 4,,\n}");

        var error = Assert.Throws<UsageException>(() => Read(new() { ["GITHUB_EVENT_PATH"] = path }));

        Assert.That(error!.Message, Is.EqualTo($"{path}:3:17: the GitHub event payload is not valid JSON."));
    }

    [Test]
    public void Outside_actions_defaults_to_github_com()
    {
        var context = Read(new());

        Assert.That(context.IsActions, Is.False);
        Assert.That(context.ApiUrl.AbsoluteUri, Is.EqualTo("https://api.github.com/"));
        Assert.That(context.ServerUrl.AbsoluteUri, Is.EqualTo("https://github.com/"));
        Assert.That((context.PullRequestNumber, context.RunUrl, context.HasToken), Is.EqualTo(((int?)null, (string?)null, false)));
    }

    [TestCase("https://ghes.example.com", null, "https://ghes.example.com/api/v3/")]
    [TestCase("https://ghes.example.com", "https://ghes.example.com/api/v3", "https://ghes.example.com/api/v3/")]
    [TestCase("https://github.com", null, "https://api.github.com/")]
    public void Api_address_follows_the_server(string server, string? api, string expected)
    {
        var context = Read(new() { ["GITHUB_SERVER_URL"] = server, ["GITHUB_API_URL"] = api });

        Assert.That(context.ApiUrl.AbsoluteUri, Is.EqualTo(expected));
    }

    [TestCase("explicit-token-1", "input-token-22", "env-token-333", "explicit-token-1")]
    [TestCase(null, "input-token-22", "env-token-333", "input-token-22")]
    [TestCase(null, null, "env-token-333", "env-token-333")]
    public void Token_comes_from_flag_then_action_input_then_environment_and_is_masked(
        string? flag, string? input, string? variable, string expected)
    {
        var secrets = new SecretMasker();

        var context = Read(new() { ["INPUT_GITHUB-TOKEN"] = input, ["GITHUB_TOKEN"] = variable }, secrets, flag);

        Assert.That(context.Token, Is.EqualTo(expected));
        Assert.That(secrets.Apply($"token is {expected}"), Is.EqualTo("token is ***"));
    }

    [TestCase("GITHUB_REPOSITORY", "just-a-name", "GITHUB_REPOSITORY must be 'owner/name'; it is 'just-a-name'.")]
    [TestCase("GITHUB_RUN_ID", "12a", "GITHUB_RUN_ID must be a number; it is '12a'.")]
    [TestCase("GITHUB_API_URL", "ftp://x", "GITHUB_API_URL must be an http(s) address; it is 'ftp://x'.")]
    public void Malformed_variables_are_usage_errors(string name, string value, string message)
    {
        var error = Assert.Throws<UsageException>(() => Read(new() { [name] = value }));

        Assert.That(error!.Message, Is.EqualTo(message));
    }
}
