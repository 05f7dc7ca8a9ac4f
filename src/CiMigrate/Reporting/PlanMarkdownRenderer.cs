using System.Text;
using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>
/// The plan as a pull-request comment (and job summary): a hidden marker that finds the comment again, a one-line
/// verdict, the pending migrations, the schema changes per table, hazards, lint findings, drift, a Mermaid diagram
/// of the tables touched and the SQL in collapsed blocks. Rendered from the model, never from console text.
/// </summary>
public static class PlanMarkdownRenderer
{
    /// <summary>GitHub refuses comments over 65,536 characters; this leaves room for what a workflow adds.</summary>
    public const int MaxLength = 60_000;

    /// <summary>The first line of every plan comment of the app: <c>&lt;!-- ci-migrate:plan app=money-tracker --&gt;</c>.</summary>
    public static string Marker(string app) => $"<!-- ci-migrate:plan app={app} -->";

    /// <summary>
    /// The comment; when the full text is longer than <paramref name="maxLength"/>, the SQL goes first, then the
    /// per-object tables, leaving verdict, pending migrations and hazards, with a note saying where the rest is.
    /// </summary>
    public static string Render(Plan plan, int maxLength = MaxLength)
    {
        foreach (var detail in new[] { Detail.Full, Detail.NoSql, Detail.Summary })
        {
            var text = Render(plan, detail);
            if (text.Length <= maxLength)
                return text;
        }

        return Render(plan, Detail.Minimal);
    }

    enum Detail { Full, NoSql, Summary, Minimal }

    static string Render(Plan plan, Detail detail)
    {
        var md = new StringBuilder();
        md.AppendLine(Marker(plan.App));
        md.AppendLine($"### ci-migrate plan: `{plan.App}`{(plan.Environment is null ? "" : $" → `{plan.Environment}`")}");
        md.AppendLine();
        md.AppendLine($"{Icon(plan.Verdict.Level)} **{Markdown.Cell(plan.Verdict.Summary)}**");
        md.AppendLine();
        if (detail != Detail.Full)
        {
            md.AppendLine("> [!NOTE]");
            md.AppendLine($"> The full plan is too long for a comment: {Omitted(detail)} left out. Run `ci-migrate diff --app {plan.App}` or read the job summary for all of it.");
            md.AppendLine();
        }

        if (plan.Pending.Count > 0)
        {
            md.AppendLine("#### Pending migrations");
            md.AppendLine();
            md.AppendLine("| Version | Name | File |");
            md.AppendLine("| --- | --- | --- |");
            foreach (var m in plan.Pending)
                md.AppendLine($"| `{m.Version}` | {Markdown.Cell(m.Name)} | {Markdown.Code(m.File)} |");
            md.AppendLine();
        }

        if (detail != Detail.Minimal)
            AppendHazards(md, plan, detail == Detail.Summary ? 50 : int.MaxValue);
        else if (plan.Hazards.Count > 0)
            md.AppendLine($"**{plan.Hazards.Count} hazards**: see the job summary.").AppendLine();

        if (detail is Detail.Full or Detail.NoSql)
        {
            if (plan.Changes.Count > 0)
            {
                md.AppendLine("#### Schema changes");
                md.AppendLine();
                AppendChanges(md, plan.Changes);
            }

            AppendFindings(md, plan);
            AppendDrift(md, plan);
            AppendDeclared(md, plan);
            if (plan.Diagram.Entities.Count > 0)
            {
                md.AppendLine("#### Tables added or changed");
                md.AppendLine();
                md.AppendLine("```mermaid");
                md.Append(PlanMermaid.Render(plan.Diagram));
                md.AppendLine("```");
                md.AppendLine();
            }
        }
        else if (plan.HasDrift)
            md.AppendLine($"**{plan.Drift!.Count} drifted objects on {plan.Environment}**: see the job summary.").AppendLine();

        if (detail == Detail.Full)
            AppendSql(md, plan);

        foreach (var note in plan.Notes)
            md.AppendLine($"> {Markdown.Cell(note)}").AppendLine();
        md.AppendLine($"<sub>Plan hash `{plan.PlanHash}` · schema `{plan.Schema}` · ci-migrate</sub>");
        return md.ToString();
    }

    static void AppendHazards(StringBuilder md, Plan plan, int limit)
    {
        if (plan.Hazards.Count == 0)
            return;
        md.AppendLine("#### Hazards");
        md.AppendLine();
        md.AppendLine("| | Kind | Object | What happens | Safer way |");
        md.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var h in plan.Hazards.Take(limit))
        {
            var where = h.File is null ? "" : $"<br>{Markdown.Code($"{h.File}{(h.Line == 0 ? "" : $":{h.Line}")}")}";
            md.AppendLine($"| {HazardIcon(h.Kind)} | {h.Rule} | {Markdown.Code(h.Object)} | {Markdown.Cell(h.Message)}{where} | {Markdown.Cell(h.Advice ?? "")} |");
        }

        if (plan.Hazards.Count > limit)
            md.AppendLine($"| | | | and {plan.Hazards.Count - limit} more | |");
        md.AppendLine();
    }

    static void AppendChanges(StringBuilder md, IReadOnlyList<SchemaChange> changes)
    {
        foreach (var group in PlanGroups.ByTable(changes))
        {
            md.AppendLine($"**{Markdown.Cell(group.Title)}**");
            md.AppendLine();
            md.AppendLine("| | Object | Change |");
            md.AppendLine("| --- | --- | --- |");
            foreach (var c in group.Changes)
            {
                var detail = c.IsDestructive ? $"⚠️ **{Markdown.Cell(c.DataLoss!)}**" : Markdown.Code(PlanChangeText.Detail(c));
                md.AppendLine($"| {ChangeIcon(c.Change)} | {Markdown.Cell(PlanChangeText.Subject(c))} | {detail} |");
            }

            md.AppendLine();
        }
    }

    static void AppendFindings(StringBuilder md, Plan plan)
    {
        if (plan.Findings.Count == 0)
            return;
        md.AppendLine("#### Lint findings");
        md.AppendLine();
        md.AppendLine("| | Where | Rule | Message |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var f in plan.Findings)
            md.AppendLine($"| {(f.IsError ? "❌" : "⚠️")} | {Markdown.Code($"{f.File}:{f.Line}:{f.Column}")} | `{f.Rule}` | {Markdown.Cell(f.Message)} |");
        md.AppendLine();
    }

    static void AppendDrift(StringBuilder md, Plan plan)
    {
        if (plan.Drift is not { } drift)
            return;
        md.AppendLine($"#### Drift on `{plan.Environment}`");
        md.AppendLine();
        if (drift.Count == 0)
        {
            md.AppendLine($"None: `{plan.Environment}` matches its applied migrations.");
            md.AppendLine();
            return;
        }

        md.AppendLine($"`{plan.Environment}` differs from what its applied migrations produce (➕ only on the target, ➖ missing on the target, ✏️ different). A change made by hand should become a migration.");
        md.AppendLine();
        AppendChanges(md, drift);
    }

    static void AppendDeclared(StringBuilder md, Plan plan)
    {
        if (plan.Declared is not { } declared)
            return;
        md.AppendLine("#### Declared schema");
        md.AppendLine();
        if (declared.Count == 0)
        {
            md.AppendLine("The migrations reach `supabase/schemas` exactly.");
            md.AppendLine();
            return;
        }

        md.AppendLine("The migrations do **not** reach `supabase/schemas` (➕ only declared, ➖ only from the migrations, ✏️ different): `ci-migrate generate <name>` writes the missing migration.");
        md.AppendLine();
        AppendChanges(md, declared);
    }

    static void AppendSql(StringBuilder md, Plan plan)
    {
        foreach (var m in plan.Pending)
        {
            var fence = Markdown.Fence(m.Sql);
            md.AppendLine($"<details><summary>SQL of <code>{Markdown.Html(m.Version)}_{Markdown.Html(m.Name)}</code></summary>");
            md.AppendLine();
            md.AppendLine($"{fence}sql");
            md.AppendLine(m.Sql.TrimEnd());
            md.AppendLine(fence);
            md.AppendLine();
            md.AppendLine("</details>");
            md.AppendLine();
        }
    }

    static string Omitted(Detail detail) => detail switch
    {
        Detail.NoSql => "the SQL is",
        Detail.Summary => "the SQL, the schema changes, lint findings, drift details and the diagram are",
        _ => "everything but the verdict and the pending migrations is",
    };

    static string Icon(PlanVerdictLevel level) => level switch
    {
        PlanVerdictLevel.Safe => "✅",
        PlanVerdictLevel.Review => "⚠️",
        _ => "❌",
    };

    static string HazardIcon(HazardKind kind) => kind switch
    {
        HazardKind.DataLoss or HazardKind.Isolation or HazardKind.FailsOnTarget or HazardKind.FailsOnShadow => "❌",
        _ => "⚠️",
    };

    static string ChangeIcon(ChangeType change) => change switch
    {
        ChangeType.Added => "➕",
        ChangeType.Removed => "➖",
        ChangeType.Renamed => "🔀",
        _ => "✏️",
    };
}
