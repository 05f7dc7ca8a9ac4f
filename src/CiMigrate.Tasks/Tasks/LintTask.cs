using System.CommandLine;
using CiMigrate.Cli;
using CiMigrate.GitHub;
using CiMigrate.Hosting;
using CiMigrate.Lint;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>ci-migrate lint [PATH...] [--fix] [--only-changed &lt;base&gt;] [--all-files]</c>: checks migration files without
/// a database. Leaves the <see cref="LintReport"/> for later tasks (diff embeds it). Exit 1 when an error-severity
/// finding remains. In a pull request's workflow it checks the files the pull request adds or changes (against
/// <c>pull_request.base.sha</c>) unless paths, <c>--only-changed</c> or <c>--all-files</c> say otherwise.
/// </summary>
public sealed class LintTask : ITask
{
    public static readonly Argument<string[]> PathsArgument = new("path")
    {
        Description = "Files or folders to lint (default: every app's migrations folder)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<bool> FixOption = new("--fix")
    {
        Description = "Rewrite what can be fixed safely (IF NOT EXISTS, IF EXISTS, OR REPLACE, DROP POLICY IF EXISTS, down/ files)",
    };

    public static readonly Option<string?> OnlyChangedOption = new("--only-changed")
    {
        Description = "Lint only files added or modified since this git ref (what a pull request changes)",
    };

    public static readonly Option<bool> AllFilesOption = new("--all-files")
    {
        Description = "Lint every file in a pull request's workflow too (there lint checks only the files the pull request adds or changes)",
    };

    public string Name => "lint";
    public string Description => "Check migration files without a database";

    /// <summary>No database: the files only.</summary>
    public IReadOnlyList<Option> Reads => GlobalOptions.Repository;
    public IReadOnlyList<Option> Options => [FixOption, OnlyChangedOption, AllFilesOption];

    /// <summary>diff lints the files a pull request changed too (or every file); fixing files is lint's own business.</summary>
    public IReadOnlyList<Option> SharedOptions => [OnlyChangedOption, AllFilesOption];
    public IReadOnlyList<Argument> Arguments => [PathsArgument];

    public async Task<int> RunAsync(TaskContext context)
    {
        var settings = context.Workspace.Settings;
        var linter = new Linter(LintRules.All, settings.Lint);
        var paths = context.ParseResult.CommandResult.Command.Arguments.Contains(PathsArgument)
            ? context.Get(PathsArgument) ?? []
            : [];
        var targets = new LintTargets(settings, context.Options.WorkingDirectory, context.Options.Schema);
        var found = await FindFilesAsync(context, targets, paths);

        // Each file is read and parsed on its turn and let go after: ten thousand parsed files at once are hundreds of MB.
        var report = linter.Lint(found, targets.Read);
        if (Has(context, FixOption) && context.Get(FixOption))
        {
            foreach (var line in LintFixer.Apply([.. found.Select(targets.Read)], report.Findings))
                await context.Error.WriteLineAsync($"fixed {line}");
            targets = new LintTargets(settings, context.Options.WorkingDirectory, context.Options.Schema);
            report = linter.Lint(await FindFilesAsync(context, targets, paths), targets.Read);
        }

        context.Set(report);
        if (context.IsTarget(this) || context.Options.Format == OutputFormat.Github)
            Render(report, context.Options.Format, context.Output, TextColors.For(context.Terminal, context.Environment));
        else if (report.Findings.Count > 0)
            // Under diff or apply the output belongs to that task (its JSON must stay parseable); the findings
            // still have to be seen, above all when they stop an apply.
            LintTextRenderer.Render(report, context.Error);
        // Under diff the plan decides: against a target only the pending files' findings gate it.
        return report.HasErrors && context.IsTarget(this) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>The paths of the files to lint.</summary>
    async Task<IReadOnlyList<string>> FindFilesAsync(TaskContext context, LintTargets targets, IReadOnlyList<string> paths)
    {
        var found = targets.Find(paths, paths.Count == 0 ? context.Workspace.SelectedApps : []);
        var onlyChanged = Has(context, OnlyChangedOption) ? context.Get(OnlyChangedOption) : null;
        var pullRequestBase = onlyChanged is null && paths.Count == 0 && !(Has(context, AllFilesOption) && context.Get(AllFilesOption))
            ? GitHubContext.FromEnvironment(context.Environment, context.Secrets).PullRequestBaseSha
            : null;
        if ((onlyChanged ?? pullRequestBase) is { } baseRef)
        {
            try
            {
                var changed = await ChangedFiles.SinceAsync(baseRef, context.Workspace.Root, context.CancellationToken);
                found = [.. found.Where(changed.Contains)];
            }
            catch (UsageException e) when (onlyChanged is null)
            {
                // A shallow clone (actions/checkout's default depth 1) lacks the base commit: linting every file says
                // more than it should, never less.
                await context.Error.WriteLineAsync(
                    $"warning: lint checks every file, not only the pull request's: {e.Message} " +
                    "Check out with 'fetch-depth: 0' so that the pull request's base commit is there, or pass --all-files.");
            }
        }

        return found;
    }

    static bool Has(TaskContext context, Option option) => context.ParseResult.CommandResult.Command.Options.Contains(option);

    static void Render(LintReport report, OutputFormat format, TextWriter output, TextColors colors)
    {
        switch (format)
        {
            case OutputFormat.Json:
                LintJsonRenderer.Render(report, output);
                break;
            case OutputFormat.Github:
                LintGithubRenderer.Render(report, output);
                break;
            case OutputFormat.Sarif:
                LintSarifRenderer.Render(report, output);
                break;
            case OutputFormat.Markdown:
                output.Write(LintMarkdownRenderer.Render(report));
                break;
            default:
                LintTextRenderer.Render(report, output, colors);
                break;
        }
    }
}
