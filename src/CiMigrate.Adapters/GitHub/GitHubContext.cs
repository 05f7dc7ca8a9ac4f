using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Reporting;
using CiMigrate.Secrets;

namespace CiMigrate.GitHub;

/// <summary>
/// Where this run happens, read from the variables GitHub Actions sets: repository, pull request, run, API address,
/// job files and token. Built from the task's environment variables, never from the process, so tests inject it.
/// </summary>
public sealed class GitHubContext
{
    /// <summary>The login <c>GITHUB_TOKEN</c> comments as; <c>GET /user</c> is forbidden for that token.</summary>
    public const string ActionsBotLogin = "github-actions[bot]";

    static readonly Uri GitHubComServer = new("https://github.com/");
    static readonly Uri GitHubComApi = new("https://api.github.com/");

    GitHubContext(string? token) => Token = token;

    /// <summary>True when <c>GITHUB_ACTIONS=true</c>: workflow commands, job summary and outputs mean something.</summary>
    public bool IsActions { get; private init; }

    public string? Owner { get; private init; }
    public string? Repository { get; private init; }

    /// <summary><c>owner/name</c>, as in <c>GITHUB_REPOSITORY</c>.</summary>
    public string? FullRepository => Owner is null ? null : $"{Owner}/{Repository}";

    /// <summary>The pull request of a <c>pull_request</c>/<c>pull_request_target</c> event, or the issue of an <c>issue_comment</c> on a pull request.</summary>
    public int? PullRequestNumber { get; private init; }

    /// <summary>The commit a pull request's changes are measured against (<c>pull_request.base.sha</c>).</summary>
    public string? PullRequestBaseSha { get; private init; }
    public string? Sha { get; private init; }

    /// <summary>The pull request's head commit (from the event payload); null outside pull request events.</summary>
    public string? HeadSha { get; private init; }
    public long? RunId { get; private init; }

    /// <summary>The web address (<c>GITHUB_SERVER_URL</c>), <c>https://github.com</c> unless Enterprise Server.</summary>
    public Uri ServerUrl { get; private init; } = GitHubComServer;

    /// <summary>
    /// The REST API base, always ending in <c>/</c>: <c>GITHUB_API_URL</c> when set; otherwise
    /// <c>https://api.github.com/</c> for github.com and <c>{server}/api/v3/</c> for Enterprise Server, the rule
    /// Octokit applies to a non-github.com address.
    /// </summary>
    public Uri ApiUrl { get; private init; } = GitHubComApi;

    /// <summary><c>{server}/{owner}/{repo}/actions/runs/{run_id}</c>, recorded in the ledger and linked from comments.</summary>
    public string? RunUrl => FullRepository is null || RunId is null
        ? null
        : $"{ServerUrl.AbsoluteUri.TrimEnd('/')}/{FullRepository}/actions/runs/{RunId}";

    public string? StepSummaryPath { get; private init; }
    public string? OutputPath { get; private init; }

    public bool HasToken => Token is not null;

    /// <summary>Only the client factory reads it; it is registered with the masker before anything can print it.</summary>
    internal string? Token { get; }

    /// <summary>
    /// Reads the context. The token comes from <paramref name="explicitToken"/> (<c>--github-token</c>), else the
    /// action input <c>INPUT_GITHUB-TOKEN</c>, else <c>GITHUB_TOKEN</c>, and is added to <paramref name="secrets"/>.
    /// </summary>
    /// <exception cref="UsageException">The repository or event payload is malformed.</exception>
    public static GitHubContext FromEnvironment(IReadOnlyDictionary<string, string?> environment, SecretMasker secrets,
        string? explicitToken = null)
    {
        string? Read(string name) =>
            environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var token = explicitToken is { Length: > 0 } ? explicitToken.Trim() : Read("INPUT_GITHUB-TOKEN") ?? Read("GITHUB_TOKEN");
        secrets.Add(token);

        var (owner, name) = SplitRepository(Read("GITHUB_REPOSITORY"));
        var server = ParseUrl(Read("GITHUB_SERVER_URL"), "GITHUB_SERVER_URL") ?? GitHubComServer;
        var eventPath = Read("GITHUB_EVENT_PATH");
        return new GitHubContext(token)
        {
            IsActions = GitHubActionsRun.Detected(environment),
            Owner = owner,
            Repository = name,
            PullRequestNumber = eventPath is null ? null : GitHubEvent.PullRequestNumber(eventPath),
            PullRequestBaseSha = eventPath is null ? null : GitHubEvent.PullRequestBaseSha(eventPath),
            Sha = Read("GITHUB_SHA"),
            HeadSha = eventPath is null ? null : GitHubEvent.PullRequestHeadSha(eventPath),
            RunId = ParseNumber(Read("GITHUB_RUN_ID"), "GITHUB_RUN_ID"),
            ServerUrl = server,
            ApiUrl = ParseUrl(Read("GITHUB_API_URL"), "GITHUB_API_URL") ?? DefaultApiUrl(server),
            StepSummaryPath = Read("GITHUB_STEP_SUMMARY"),
            OutputPath = Read("GITHUB_OUTPUT"),
        };
    }

    static Uri DefaultApiUrl(Uri server) =>
        string.Equals(server.Host, GitHubComServer.Host, StringComparison.OrdinalIgnoreCase)
            ? GitHubComApi
            : new Uri(server, "/api/v3/");

    static (string? Owner, string? Name) SplitRepository(string? repository)
    {
        if (repository is null)
            return (null, null);
        var parts = repository.Split('/');
        if (parts.Length != 2 || parts.Any(string.IsNullOrEmpty))
            throw new UsageException($"GITHUB_REPOSITORY must be 'owner/name'; it is '{repository}'.");
        return (parts[0], parts[1]);
    }

    // A trailing slash matters: relative API paths are resolved against the base, and without it the last
    // segment (v3 of /api/v3) would be replaced.
    static Uri? ParseUrl(string? value, string variable)
    {
        if (value is null)
            return null;
        if (!Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new UsageException($"{variable} must be an http(s) address; it is '{value}'.");
        return url;
    }

    static long? ParseNumber(string? value, string variable)
    {
        if (value is null)
            return null;
        if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            throw new UsageException($"{variable} must be a number; it is '{value}'.");
        return number;
    }
}
