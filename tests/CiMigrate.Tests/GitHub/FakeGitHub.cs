using System.Text.Json;
using CiMigrate.GitHub;
using CiMigrate.Reporting;
using CiMigrate.Secrets;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CiMigrate.Tests.GitHub;

/// <summary>
/// A local GitHub REST API (WireMock) with an Actions environment pointing at it. On github.com the API sits at
/// the root of its host; on Enterprise Server under <c>/api/v3</c>, which <paramref name="enterprise"/> selects.
/// </summary>
sealed class FakeGitHub : IDisposable
{
    public const string Token = "ghs_FakeInstallationToken0123456789abcdef";
    public const string Owner = "tower-fleet";
    public const string Repo = "apps";
    public const int PullRequest = 7;
    public const long RunId = 123;

    readonly string _folder = Directory.CreateTempSubdirectory("ci-migrate-github-").FullName;

    public FakeGitHub(bool enterprise = false)
    {
        Server = WireMockServer.Start();
        Prefix = enterprise ? "/api/v3" : "";
        Enterprise = enterprise;
    }

    public WireMockServer Server { get; }
    public string Prefix { get; }
    public bool Enterprise { get; }
    public string Url => Server.Url!;
    public string SummaryPath => Path.Combine(_folder, "summary.md");
    public string OutputPath => Path.Combine(_folder, "output.txt");
    public List<TimeSpan> Delays { get; } = [];
    public SecretMasker Secrets { get; } = new();

    public RetryPolicy Retry => new() { MaxAttempts = 3, Delay = (wait, _) => { Delays.Add(wait); return Task.CompletedTask; } };

    /// <summary>Every request the server received, in order.</summary>
    public IReadOnlyList<IRequestMessage> Requests => Server.LogEntries.Select(entry => entry.RequestMessage!).ToList();

    public IRequestMessage Single(string method) => Requests.Single(r => r.Method == method);

    /// <summary>The JSON <c>body</c> member of a comment request.</summary>
    public static string? BodyOf(IRequestMessage request) =>
        JsonDocument.Parse(request.Body!).RootElement.GetProperty("body").GetString();

    public string CommentsPath => $"{Prefix}/repos/{Owner}/{Repo}/issues/{PullRequest}/comments";

    /// <summary>
    /// Variables of a pull request run. On Enterprise Server GITHUB_API_URL is left out, so the tool has to derive
    /// <c>{server}/api/v3</c> itself.
    /// </summary>
    public Dictionary<string, string?> Environment(object? eventPayload = null)
    {
        var eventPath = Path.Combine(_folder, "event.json");
        File.WriteAllText(eventPath, JsonSerializer.Serialize(eventPayload ?? new { action = "synchronize", pull_request = new { number = PullRequest } }));
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = $"{Owner}/{Repo}",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_RUN_ID"] = RunId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GITHUB_SERVER_URL"] = Url,
            ["GITHUB_STEP_SUMMARY"] = SummaryPath,
            ["GITHUB_OUTPUT"] = OutputPath,
            ["GITHUB_TOKEN"] = Token,
        };
        if (!Enterprise)
            environment["GITHUB_API_URL"] = Url;
        return environment;
    }

    public GitHubIntegration Integration(TextWriter output, object? eventPayload = null) =>
        new(GitHubContext.FromEnvironment(Environment(eventPayload), Secrets), output, Secrets, Retry);

    public void Stub(string method, string path, int status, object? body = null, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json; charset=utf-8");
        foreach (var (name, value) in headers)
            response = response.WithHeader(name, value);
        if (body is not null)
            response = response.WithBody(JsonSerializer.Serialize(body));
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    public void StubUser(string login) => Stub("GET", $"{Prefix}/user", 200, new { login, id = 1, type = "User" });

    public void StubUserForbidden() =>
        Stub("GET", $"{Prefix}/user", 403, new { message = "Resource not accessible by integration" });

    public static object Comment(long id, string login, string body) => new
    {
        id,
        body,
        html_url = $"https://github.com/{Owner}/{Repo}/pull/{PullRequest}#issuecomment-{id}",
        user = new { login, id = 2, type = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
    };

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
