using System.Text;
using CiMigrate.Diagnostics;
using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>The sections of <see cref="PlanMarkdownRenderer"/>'s comment, each at most four columns wide.</summary>
sealed class PlanMarkdownSections(StringBuilder md, Plan plan, MarkdownLinks links)
{
    /// <summary>Findings shown before the rest collapse; hazard groups are few, findings can be many.</summary>
    const int VisibleFindings = 10;

    /// <summary>More pending migrations than this collapse.</summary>
    const int VisiblePending = 5;

    const int MinimalRows = 20;

    public void Hazards(PlanDetail detail)
    {
        if (plan.Hazards.Count == 0)
            return;
        var groups = PlanHazardGroup.Of(plan.Hazards);
        md.AppendLine("#### Hazards").AppendLine();
        md.AppendLine("| Hazard | Object | Count | Where |").AppendLine("| --- | --- | --- | --- |");
        foreach (var group in detail == PlanDetail.Minimal ? groups.Take(MinimalRows) : groups)
        {
            md.AppendLine($"| {Icon(group.First.IsError)} {links.Code(group.First)} | {Markdown.Code(group.Object)} | " +
                          $"{group.Hazards.Count} | {links.Places(group.Hazards)} |");
        }

        md.AppendLine();
        if (detail == PlanDetail.Minimal)
            return;
        // A dangerous plan shows what to do without a click: the reviewer must not miss it.
        Collapsed($"What to do, and all {Count(plan.Hazards.Count, "hazard")}", open: PlanVerdict.Of(plan).Level == PlanVerdictLevel.Danger, body: () =>
        {
            foreach (var kind in groups.GroupBy(g => g.Kind))
            {
                var advice = kind.SelectMany(g => g.Hazards).Select(h => h.Advice).OfType<string>().Distinct().ToList();
                md.AppendLine($"**{links.Code(kind.First().First)}**{(advice.Count == 0 ? "" : ": " + Markdown.Cell(string.Join(" ", advice)))}").AppendLine();
            }

            // Each statement once, with every hazard it causes.
            foreach (var statement in PlanStatementHazards.Of(plan.Hazards))
            {
                if (statement.Statement is not { } at)
                {
                    md.AppendLine($"- {HazardLine(statement.Hazards[0])}");
                    continue;
                }

                md.AppendLine($"- {links.Place(at)}{(at.Excerpt is { } excerpt ? " " + Markdown.Code(excerpt) : "")}");
                foreach (var hazard in statement.Hazards)
                    md.AppendLine($"  - {HazardLine(hazard)}");
            }

            md.AppendLine();
        });
    }

    string HazardLine(Hazard hazard) => $"{Icon(hazard.IsError)} {links.Code(hazard)}: {Markdown.Cell(hazard.Message)}";

    public void Findings(PlanDetail detail)
    {
        if (plan.Findings.Count == 0)
            return;
        md.AppendLine("#### Lint findings").AppendLine();
        FindingTable(plan.Findings.Take(VisibleFindings));
        var rest = plan.Findings.Skip(VisibleFindings).ToList();
        if (rest.Count == 0)
            return;
        if (detail == PlanDetail.Minimal)
            md.AppendLine($"… and {rest.Count} more: see the job summary.").AppendLine();
        else
            Collapsed($"{Count(rest.Count, "more finding")}", () => FindingTable(rest));
    }

    /// <summary>Findings in files the target applied long ago: collapsed, apart from the ones that gate the plan.</summary>
    public void AppliedFindings(PlanDetail detail)
    {
        if (plan.AppliedFindings.Count == 0)
            return;
        var title = $"{Count(plan.AppliedFindings.Count, "lint finding")} in migrations {plan.Environment} has applied (not part of the verdict)";
        if (detail == PlanDetail.Minimal)
            md.AppendLine($"{title}: see the job summary.").AppendLine();
        else
            Collapsed(title, () => FindingTable(plan.AppliedFindings));
    }

    public void Pending()
    {
        if (plan.Pending.Count == 0)
            return;
        var title = $"Pending migrations ({plan.Pending.Count})";
        void Table()
        {
            md.AppendLine("| Version | Name |").AppendLine("| --- | --- |");
            foreach (var m in plan.Pending)
                md.AppendLine($"| {links.File(m.File, m.Version)} | {Markdown.Cell(m.Name)} |");
            md.AppendLine();
            foreach (var m in plan.Pending.Where(PlanSegments.WorthShowing))
            {
                md.AppendLine($"- `{m.Version}` runs {Markdown.Cell(m.Runs)}" +
                    (m.SegmentsCommitted is { } committed ? $". **Partly applied on the target**: {PlanSegments.Partly(m, committed)}" : ""));
            }

            if (plan.Pending.Any(PlanSegments.WorthShowing))
                md.AppendLine();
        }

        if (plan.Pending.Count > VisiblePending)
        {
            Collapsed(title, Table);
            return;
        }

        md.AppendLine($"#### {title}").AppendLine();
        Table();
    }

    public void Changes()
    {
        if (plan.Changes.Count > 0)
            Collapsed($"Schema changes ({plan.Changes.Count})", () => AppendChanges(plan.Changes));
    }

    public void Drift()
    {
        if (plan.Drift is not { } drift)
            return;
        if (drift.Count == 0)
        {
            md.AppendLine($"No drift: `{plan.Environment}` matches its applied migrations.").AppendLine();
            return;
        }

        md.AppendLine($"#### Drift on `{plan.Environment}`").AppendLine();
        md.AppendLine($"`{plan.Environment}` differs from what its applied migrations produce (➕ only on the target, ➖ missing on the target, ✏️ different). A change made by hand should become a migration.");
        md.AppendLine();
        Collapsed($"{Count(drift.Count, "drifted object")}", () => AppendChanges(drift));
    }

    /// <summary>With <c>diff --declared</c>: whether the migrations reach <c>supabase/schemas</c>, and how they do not.</summary>
    public void Declared()
    {
        if (plan.Declared is not { } declared)
            return;
        if (declared.Count == 0)
        {
            md.AppendLine("Declared schema: the migrations reach `supabase/schemas` exactly.").AppendLine();
            return;
        }

        md.AppendLine("#### Declared schema").AppendLine();
        md.AppendLine("The migrations do **not** reach `supabase/schemas` (➕ only declared, ➖ only from the migrations, ✏️ different): `ci-migrate generate <name>` writes the missing migration.");
        md.AppendLine();
        Collapsed($"{Count(declared.Count, "difference")}", () => AppendChanges(declared));
    }

    public void Diagram()
    {
        if (plan.Diagram.Entities.Count == 0)
            return;
        Collapsed($"Tables added or changed ({plan.Diagram.Entities.Count})", () =>
        {
            md.AppendLine("```mermaid");
            md.Append(PlanMermaid.Render(plan.Diagram));
            md.AppendLine("```").AppendLine();
        });
    }

    public void Sql()
    {
        foreach (var m in plan.Pending)
        {
            var fence = Markdown.Fence(m.Sql);
            Collapsed($"SQL of <code>{Markdown.Html(m.Version)}_{Markdown.Html(m.Name)}</code>", () =>
            {
                md.AppendLine($"{fence}sql");
                md.AppendLine(m.Sql.TrimEnd());
                md.AppendLine(fence).AppendLine();
            });
        }
    }

    void FindingTable(IEnumerable<Finding> findings)
    {
        md.AppendLine("| | Rule | Where | Finding |").AppendLine("| --- | --- | --- | --- |");
        foreach (var f in findings)
            md.AppendLine($"| {Icon(f.IsError)} | {links.Code(f)} | {links.Place(f)} | {Markdown.Cell(f.Message)} |");
        md.AppendLine();
    }

    void AppendChanges(IReadOnlyList<SchemaChange> changes)
    {
        // The pending migrations' changes name the statement that made them; drift and the declared schema's have none.
        var located = changes.Any(c => c.Statement is not null);
        foreach (var group in PlanGroups.ByTable(changes))
        {
            md.AppendLine($"**{Markdown.Cell(group.Title)}**").AppendLine();
            md.AppendLine(located ? "| | Object | Change | Where |" : "| | Object | Change |")
                .AppendLine(located ? "| --- | --- | --- | --- |" : "| --- | --- | --- |");
            foreach (var c in group.Changes)
            {
                var detail = c.IsDestructive ? $"⚠️ **{Markdown.Cell(c.DataLoss!)}**" : Markdown.Code(PlanChangeText.Detail(c));
                var where = !located ? "" : c.Statement is { } statement ? $" {links.Place(statement)} |" : " — |";
                md.AppendLine($"| {ChangeIcon(c.Change)} | {Markdown.Cell(PlanChangeText.Subject(c))} | {detail} |{where}");
            }

            md.AppendLine();
        }
    }

    /// <summary>A <c>&lt;details&gt;</c> block; GitHub needs the blank line after the summary to render markdown inside.</summary>
    void Collapsed(string summaryHtml, Action body, bool open = false)
    {
        md.AppendLine($"<details{(open ? " open" : "")}><summary>{summaryHtml}</summary>").AppendLine();
        body();
        md.AppendLine("</details>").AppendLine();
    }

    static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    static string Icon(bool error) => error ? "❌" : "⚠️";

    static string ChangeIcon(ChangeType change) => change switch
    {
        ChangeType.Added => "➕",
        ChangeType.Removed => "➖",
        ChangeType.Renamed => "🔀",
        _ => "✏️",
    };
}
