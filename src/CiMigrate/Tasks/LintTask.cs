using System.CommandLine;
using CiMigrate.Hosting;
using CiMigrate.Lint;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>ci-migrate lint [PATH...] [--fix] [--only-changed &lt;base&gt;]</c>: checks migration files without a
/// database. Leaves the <see cref="LintReport"/> for later tasks (diff embeds it). Exit 1 when an error-severity
/// finding remains.
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

    public string Name => "lint";
    public string Description => "Check migration files without a database";
    public IReadOnlyList<Option> Options => [FixOption, OnlyChangedOption];

    /// <summary>diff lints the files a pull request changed too; fixing files is lint's own business.</summary>
    public IReadOnlyList<Option> SharedOptions => [OnlyChangedOption];
    public IReadOnlyList<Argument> Arguments => [PathsArgument];

    public async Task<int> RunAsync(TaskContext context)
    {
        var settings = context.Workspace.Settings;
        var linter = new Linter(LintRules.All, settings.Lint);
        var paths = context.ParseResult.CommandResult.Command.Arguments.Contains(PathsArgument)
            ? context.Get(PathsArgument) ?? []
            : [];
        var targets = new LintTargets(settings, context.Options.WorkingDirectory, context.Options.Schema);
        var files = await FindFilesAsync(context, targets, paths);

        var report = linter.Lint(files);
        if (context.ParseResult.CommandResult.Command.Options.Contains(FixOption) && context.Get(FixOption))
        {
            foreach (var line in LintFixer.Apply(files, report.Findings))
                await context.Error.WriteLineAsync($"fixed {line}");
            files = await FindFilesAsync(context, new LintTargets(settings, context.Options.WorkingDirectory, context.Options.Schema), paths);
            report = linter.Lint(files);
        }

        context.Set(report);
        if (context.IsTarget(this) || context.Options.Format == OutputFormat.Github)
            Render(report, context.Options.Format, context.Output, TextColors.For(context.Terminal, context.Environment));
        else if (report.Findings.Count > 0)
            // Under diff or apply the output belongs to that task (its JSON must stay parseable); the findings
            // still have to be seen, above all when they stop an apply.
            LintTextRenderer.Render(report, context.Error);
        return report.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
    }

    async Task<List<LintFile>> FindFilesAsync(TaskContext context, LintTargets targets, IReadOnlyList<string> paths)
    {
        var found = targets.Find(paths, paths.Count == 0 ? context.Workspace.SelectedApps : []);
        var onlyChanged = context.ParseResult.CommandResult.Command.Options.Contains(OnlyChangedOption) ? context.Get(OnlyChangedOption) : null;
        if (onlyChanged is not null)
        {
            var changed = await ChangedFiles.SinceAsync(onlyChanged, context.Workspace.Root, context.CancellationToken);
            found = [.. found.Where(changed.Contains)];
        }

        return [.. found.Select(targets.Read)];
    }

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
