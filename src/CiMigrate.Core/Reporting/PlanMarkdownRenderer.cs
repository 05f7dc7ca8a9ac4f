using System.Text;
using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>
/// The plan as a pull-request comment (and job summary), made to be read at a glance: the verdict first, a one-line
/// summary, the hazards grouped by kind and object, the lint findings, each linked to its docs page and its line at
/// the reviewed commit; the pending migrations, schema changes, drift, diagram and SQL below, collapsed. No table has
/// more than four columns and no wide cell holds a path, so nothing is cut off at a comment's width. Rendered from the
/// model, never from console text.
/// </summary>
public static class PlanMarkdownRenderer
{
    /// <summary>GitHub refuses comments over 65,536 characters; this leaves room for what a workflow adds.</summary>
    public const int MaxLength = 60_000;

    /// <summary>The first line of every plan comment of the app: <c>&lt;!-- ci-migrate:plan app=money-tracker --&gt;</c>.</summary>
    public static string Marker(string app) => $"<!-- ci-migrate:plan app={app} -->";

    /// <summary>
    /// The comment; when the full text is longer than <paramref name="maxLength"/>, the SQL goes first, then the
    /// per-object tables, leaving verdict, hazards and findings, with a note saying where the rest is.
    /// </summary>
    /// <param name="source">Where lines link to (the pull request's head commit); without it only docs pages are linked.</param>
    public static string Render(Plan plan, SourceLinks? source = null, int maxLength = MaxLength)
    {
        var links = new MarkdownLinks(source);
        foreach (var detail in new[] { PlanDetail.Full, PlanDetail.NoSql, PlanDetail.Summary })
        {
            var text = Render(plan, links, detail);
            if (text.Length <= maxLength)
                return text;
        }

        return Render(plan, links, PlanDetail.Minimal);
    }

    static string Render(Plan plan, MarkdownLinks links, PlanDetail detail)
    {
        var md = new StringBuilder();
        md.AppendLine(Marker(plan.App));
        md.AppendLine($"### {Icon(plan.Verdict.Level)} {Verdict(plan.Verdict.Level)}: `{plan.App}`" +
                      (plan.Environment is null ? "" : $" → `{plan.Environment}`"));
        md.AppendLine();
        md.AppendLine($"**{Markdown.Cell(plan.Verdict.Summary)}**");
        md.AppendLine();
        if (detail != PlanDetail.Full)
        {
            md.AppendLine("> [!NOTE]");
            md.AppendLine($"> The full plan is too long for a comment: {Omitted(detail)} left out. Run `ci-migrate diff --app {plan.App}` or read the job summary for all of it.");
            md.AppendLine();
        }

        var sections = new PlanMarkdownSections(md, plan, links);
        sections.Hazards(detail);
        sections.Findings(detail);
        sections.AppliedFindings(detail);
        sections.Pending();
        if (detail is PlanDetail.Full or PlanDetail.NoSql)
        {
            sections.Changes();
            sections.Drift();
            sections.Declared();
            sections.Diagram();
        }
        else if (plan.HasDrift)
            md.AppendLine($"**{plan.Drift!.Count} drifted objects on {plan.Environment}**: see the job summary.").AppendLine();

        if (detail == PlanDetail.Full)
            sections.Sql();

        foreach (var note in plan.Notes)
            md.AppendLine($"> {Markdown.Cell(note)}").AppendLine();
        md.AppendLine($"<sub>Plan hash `{plan.PlanHash}` · schema `{plan.Schema}` · ci-migrate</sub>");
        return md.ToString();
    }

    static string Omitted(PlanDetail detail) => detail switch
    {
        PlanDetail.NoSql => "the SQL is",
        PlanDetail.Summary => "the SQL, the schema changes, drift details and the diagram are",
        _ => "the list of every hazard and finding, and everything below it, are",
    };

    static string Verdict(PlanVerdictLevel level) => level switch
    {
        PlanVerdictLevel.Safe => "Safe to apply",
        PlanVerdictLevel.Review => "Review before applying",
        _ => "Dangerous",
    };

    static string Icon(PlanVerdictLevel level) => level switch
    {
        PlanVerdictLevel.Safe => "✅",
        PlanVerdictLevel.Review => "⚠️",
        _ => "❌",
    };
}
