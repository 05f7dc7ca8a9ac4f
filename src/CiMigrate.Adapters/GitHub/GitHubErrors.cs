using System.Text.RegularExpressions;
using CiMigrate.Reporting;
using CiMigrate.Secrets;
using Octokit;

namespace CiMigrate.GitHub;

/// <summary>
/// Turns GitHub failures into messages for users. Octokit's exceptions may echo the request; everything passes
/// through the run's <see cref="SecretMasker"/> and a pattern match for GitHub token shapes and authorization
/// headers, so a token never reaches a log or a comment.
/// </summary>
static partial class GitHubErrors
{
    public static string Describe(string action, ApiException exception, SecretMasker secrets)
    {
        var status = (int)exception.StatusCode;
        var detail = string.IsNullOrWhiteSpace(exception.ApiError?.Message) ? exception.Message : exception.ApiError.Message;
        var documentation = exception.ApiError?.DocumentationUrl is { Length: > 0 } url ? $" See {url}" : "";
        return Sanitize($"{action}: GitHub answered {status} {exception.StatusCode}: {detail}.{documentation}", secrets);
    }

    public static string Sanitize(string text, SecretMasker secrets)
    {
        var masked = secrets.Apply(text);
        masked = AuthorizationHeader().Replace(masked, "${name}" + SecretMasker.Mask);
        return TokenShape().Replace(masked, SecretMasker.Mask);
    }

    [GeneratedRegex(@"(?<name>\b(?:authorization|token|bearer|basic)\b[:=\s]+)(?:(?:token|bearer|basic)\s+)?[A-Za-z0-9_\-\.=]{16,}", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    // Classic, fine-grained, OAuth, user-to-server, server-to-server and refresh token prefixes.
    // https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{22,})")]
    private static partial Regex TokenShape();
}
