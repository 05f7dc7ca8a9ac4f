using CiMigrate.Lint;

namespace CiMigrate.Reporting;

/// <summary>What apply shows when lint refuses its pending migrations: the error findings, then why nothing ran.</summary>
public static class LintGateRenderer
{
    /// <summary>
    /// The findings: as GitHub annotations on standard output with <c>--format github</c> (GitHub shows workflow
    /// commands from standard output inline in the pull request's diff), else as text on standard error.
    /// </summary>
    public static void RenderFindings(LintReport errors, OutputFormat format, TextWriter output, TextWriter error)
    {
        if (format == OutputFormat.Github)
            LintGithubRenderer.Render(errors, output);
        else
            LintTextRenderer.Render(errors, error);
    }

    public static string RefusalMessage(string command, string environment, LintReport errors)
    {
        var rules = errors.Findings.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal);
        return $"{command}: lint found {LintTextRenderer.Count(errors.ErrorCount, "error")} in the pending migrations for {environment} " +
               $"({string.Join(", ", rules)}); nothing was applied.";
    }

    public const string RefusalHelp = "Fix them, suppress one with '-- ci-migrate:ignore <rule> <reason>', or pass --skip-lint.";
}
