using System.Reflection;
using CiMigrate.Hosting;
using Octokit;
using Octokit.Internal;

namespace CiMigrate.GitHub;

/// <summary>
/// Builds the one HTTP stack every GitHub call uses: Octokit over <see cref="RetryingHandler"/>, pointed at
/// <see cref="GitHubContext.ApiUrl"/> as it is (github.com or Enterprise Server's <c>/api/v3/</c>).
/// </summary>
static class GitHubClientFactory
{
    public static IGitHubClient Create(GitHubContext context, RetryPolicy policy)
    {
        if (context.Token is null)
            throw new UsageException(
                "No GitHub token: pass --github-token, set the action input 'github-token', or set GITHUB_TOKEN.");

        var credentials = new InMemoryCredentialStore(new Credentials(context.Token, AuthenticationType.Bearer));
        var http = new HttpClientAdapter(() => new RetryingHandler(policy) { InnerHandler = HttpMessageHandlerFactory.CreateDefault() });
        // Connection takes the base address as given; GitHubClient(Uri) would rewrite any non-github.com host
        // to /api/v3/, which GitHubContext has already decided.
        var connection = new Connection(new ProductHeaderValue("ci-migrate", Version()), context.ApiUrl, credentials, http,
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    static string Version()
    {
        var version = typeof(GitHubClientFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
