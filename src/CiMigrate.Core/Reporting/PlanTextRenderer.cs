using System.Text;
using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>The plan for a terminal: what a developer reads after <c>ci-migrate diff</c>.</summary>
public static class PlanTextRenderer
{
    public static string Render(Plan plan)
    {
        var text = new StringBuilder();
        text.Append($"Plan for {plan.App} (schema {plan.Schema})")
            .AppendLine(plan.Environment is null ? " against an empty history" : $" against {plan.Environment}");
        text.AppendLine($"{Marker(plan.Verdict.Level)} {plan.Verdict.Summary}");
        text.AppendLine($"Plan hash: {plan.PlanHash}");

        if (plan.Pending.Count > 0)
        {
            text.AppendLine().AppendLine("Pending migrations:");
            foreach (var m in plan.Pending)
            {
                var phase = PlanPhase.Describe(m) is { } described ? $"  [{described}]" : "";
                text.AppendLine($"  {m.Version}  {m.Name}  ({m.File}){phase}");
                if (PlanSegments.WorthShowing(m))
                    text.AppendLine($"    runs {m.Runs}");
                if (m.SegmentsCommitted is { } committed)
                    text.AppendLine($"    partly applied on the target: {PlanSegments.Partly(m, committed)}");
            }
        }

        if (plan.Changes.Count > 0)
        {
            text.AppendLine().AppendLine("Schema changes:");
            AppendChanges(text, plan.Changes);
        }

        if (plan.Hazards.Count > 0)
        {
            text.AppendLine().AppendLine("Hazards:");
            // Each statement once, with every hazard it causes.
            foreach (var statement in PlanStatementHazards.Of(plan.Hazards))
            {
                var indent = "  ";
                if (statement.Statement is { } at)
                {
                    text.AppendLine($"  {at.File}:{at.Line}:{at.Column}{(at.Excerpt is { } excerpt ? $"  {excerpt}" : "")}");
                    indent = "    ";
                }

                foreach (var h in statement.Hazards)
                {
                    var file = statement.Statement is null && h.File is not null ? $" ({h.File})" : "";
                    text.AppendLine($"{indent}[{h.Rule}] {h.Message}{file}");
                    if (h.Advice is not null)
                        text.AppendLine($"{indent}    {h.Advice}");
                }
            }
        }

        if (plan.Findings.Count > 0)
        {
            text.AppendLine().AppendLine("Lint findings:");
            foreach (var f in plan.Findings)
                text.AppendLine($"  {f.File}:{f.Line}:{f.Column}: {f.Severity} [{f.Rule}] {f.Message}");
        }

        if (plan.AppliedFindings.Count > 0)
        {
            text.AppendLine().AppendLine($"Lint findings in migrations {plan.Environment} has applied (not part of the verdict):");
            foreach (var f in plan.AppliedFindings)
                text.AppendLine($"  {f.File}:{f.Line}:{f.Column}: {f.Severity} [{f.Rule}] {f.Message}");
        }

        if (plan.Drift is { } drift)
        {
            text.AppendLine().AppendLine(drift.Count == 0
                ? $"Drift: none, {plan.Environment} matches its applied migrations."
                : $"Drift on {plan.Environment} (expected: from the applied migrations; found: on the target):");
            AppendChanges(text, drift);
        }

        if (plan.Declared is { } declared)
        {
            text.AppendLine().AppendLine(declared.Count == 0
                ? "Declared schema: the migrations reach supabase/schemas exactly."
                : "Declared schema: the migrations do not reach supabase/schemas (from the migrations → declared); ci-migrate generate writes the missing migration:");
            AppendChanges(text, declared);
        }

        foreach (var note in plan.Notes)
            text.AppendLine().AppendLine($"Note: {note}");
        return text.ToString();
    }

    static void AppendChanges(StringBuilder text, IReadOnlyList<Planning.SchemaChange> changes)
    {
        foreach (var group in PlanGroups.ByTable(changes))
        {
            text.AppendLine($"  {group.Title}");
            foreach (var c in group.Changes)
            {
                var flag = c.IsDestructive ? "  [data loss]" : "";
                var where = c.Statement is { } statement ? $"  ({statement.File}:{statement.Line})" : "";
                text.AppendLine($"    {PlanLabels.Sign(c.Change)} {PlanChangeText.Subject(c)}: {PlanChangeText.Detail(c)}{flag}{where}");
            }
        }
    }

    static string Marker(PlanVerdictLevel level) => level switch
    {
        PlanVerdictLevel.Safe => "OK:",
        PlanVerdictLevel.Review => "REVIEW:",
        _ => "DANGER:",
    };
}
