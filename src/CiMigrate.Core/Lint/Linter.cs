using System.Runtime.ExceptionServices;
using CiMigrate.Configuration;
using CiMigrate.Diagnostics;
using CiMigrate.Hosting;
using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary>
/// Runs every enabled rule on each file, then applies suppression comments and severities. A rule that throws
/// becomes an <c>internal-error</c> finding for that file: lint never dies on its input.
/// </summary>
public sealed class Linter
{
    readonly IReadOnlyList<ILintRule> _rules;
    readonly Dictionary<string, LintSeverity> _severities = new(StringComparer.Ordinal);

    /// <summary>Severities come from <c>lint.rules</c> in settings; an unknown rule id there is a usage error.</summary>
    public Linter(IReadOnlyList<ILintRule> rules, LintSettings settings)
    {
        Descriptions = [.. rules.Select(RuleDescription.Of), .. LinterFindings.All];
        foreach (var description in Descriptions)
            _severities[description.Id] = description.DefaultSeverity;

        var unknown = settings.Rules.Keys.Where(id => !_severities.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException(
                $"lint.rules names unknown rule{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown)}. " +
                $"Rules: {string.Join(", ", _severities.Keys.Order(StringComparer.Ordinal))}.");
        }

        foreach (var (id, severity) in settings.Rules)
            _severities[id] = severity;
        _rules = [.. rules.Where(rule => _severities[rule.Id] != LintSeverity.Off)];
    }

    public IReadOnlyList<RuleDescription> Descriptions { get; }

    /// <summary>Files are independent, so they are linted in parallel; the report orders the findings.</summary>
    public LintReport Lint(IReadOnlyList<LintFile> files) => Lint(files, file => file);

    /// <summary>
    /// Lints files that <paramref name="open"/> reads only when their turn comes, so that a run over a thousand files
    /// holds the statements of one file per worker rather than of all of them.
    /// </summary>
    public LintReport Lint<TSource>(IReadOnlyList<TSource> sources, Func<TSource, LintFile> open)
    {
        var displayPaths = new string[sources.Count];
        var findings = new IReadOnlyList<Finding>[sources.Count];
        try
        {
            Parallel.For(0, sources.Count, i =>
            {
                var file = open(sources[i]);
                displayPaths[i] = file.DisplayPath;
                findings[i] = Lint(file);
            });
        }
        catch (AggregateException ex)
        {
            // A file that cannot be read is the user's error (not UTF-8, changed on disk): report it as such, not as
            // the parallel loop's wrapper.
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return new LintReport(displayPaths, findings.SelectMany(f => f), Descriptions);
    }

    /// <summary>The findings of one file, suppressions applied, each with its configured severity.</summary>
    public IReadOnlyList<Finding> Lint(LintFile file)
    {
        var raw = new List<Finding>();
        if (file.Role == LintFileRole.NotAMigration)
        {
            RunRules(file, raw, rule => rule.Category == RuleCategory.File);
            return WithSeverities(raw);
        }

        try
        {
            _ = file.Script;
        }
        catch (SqlSyntaxException ex)
        {
            raw.Add(new Finding(file.DisplayPath, ex.Line, ex.Column, LinterFindings.SyntaxError.Id, Severity.Error,
                ex.Problem, LinterFindings.SyntaxError.Help));
            RunRules(file, raw, rule => rule.Category == RuleCategory.File);
            return WithSeverities(raw);
        }

        RunRules(file, raw, rule => file.Role == LintFileRole.Up || rule.AppliesToDownFiles);
        var suppressions = SuppressionReader.Read(file);
        var kept = raw.Where(finding => !IsSuppressed(finding, suppressions)).ToList();
        kept.AddRange(UnusedSuppressions(file, suppressions));
        return WithSeverities(kept);
    }

    void RunRules(LintFile file, List<Finding> findings, Func<ILintRule, bool> applies)
    {
        foreach (var rule in _rules)
        {
            if (!applies(rule))
                continue;
            var ruleFindings = new List<Finding>();
            try
            {
                rule.Check(file, new FindingCollector(file, rule, _severities[rule.Id].AsDiagnostic(), ruleFindings));
                findings.AddRange(ruleFindings);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                findings.Add(new Finding(file.DisplayPath, 1, 1, LinterFindings.InternalError.Id, Severity.Error,
                    $"The rule {rule.Id} failed on this file ({ex.GetType().Name}: {ex.Message}); the other rules ran.",
                    LinterFindings.InternalError.Help));
            }
        }
    }

    static bool IsSuppressed(Finding finding, List<Suppression> suppressions)
    {
        if (finding.Rule == LinterFindings.InternalError.Id)
            return false;
        var hidden = false;
        foreach (var suppression in suppressions)
        {
            if (!suppression.Covers(finding))
                continue;
            suppression.Used = true;
            hidden = true;
        }

        return hidden;
    }

    IEnumerable<Finding> UnusedSuppressions(LintFile file, List<Suppression> suppressions)
    {
        foreach (var suppression in suppressions.Where(s => !s.Used))
        {
            var known = _severities.TryGetValue(suppression.Rule, out var severity);
            // A suppression of a rule switched off in settings hides nothing today but is not wrong.
            if (known && severity == LintSeverity.Off)
                continue;
            var marker = suppression.Scope == SuppressionScope.File ? LintMarkers.IgnoreFile : LintMarkers.Ignore;
            var message = known
                ? $"{marker} {suppression.Rule}: the rule reports nothing {(suppression.Scope == SuppressionScope.File ? "in this file" : "on the next statement")}."
                : $"{marker} {suppression.Rule}: there is no rule '{suppression.Rule}'.";
            yield return new Finding(file.DisplayPath, suppression.Line, suppression.Column, LinterFindings.UnusedSuppression.Id,
                LinterFindings.UnusedSuppression.DefaultSeverity.AsDiagnostic(), message, LinterFindings.UnusedSuppression.Help);
        }
    }

    List<Finding> WithSeverities(List<Finding> findings)
    {
        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (!_severities.TryGetValue(finding.Rule, out var configured))
                result.Add(finding);
            else if (configured != LintSeverity.Off)
                result.Add(finding.Severity == configured.AsDiagnostic() ? finding : finding with { Severity = configured.AsDiagnostic() });
        }

        return result;
    }
}
