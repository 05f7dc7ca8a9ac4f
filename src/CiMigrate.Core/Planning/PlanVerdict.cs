namespace CiMigrate.Planning;

/// <summary>The one-line summary of a plan: <c>3 pending migrations · 12 changes · 2 hazards (1 data loss)</c>.</summary>
public sealed record PlanVerdict(PlanVerdictLevel Level, string Summary)
{
    public static PlanVerdict Of(Plan plan)
    {
        var errors = plan.Findings.Count(f => f.IsError);
        var dataLoss = plan.Hazards.Count(h => h.Kind == HazardKind.DataLoss);
        var isolation = plan.Hazards.Count(h => h.Kind == HazardKind.Isolation);
        var failsOnTarget = plan.Hazards.Count(h => h.Kind == HazardKind.FailsOnTarget);
        var failsOnShadow = plan.Hazards.Count(h => h.Kind == HazardKind.FailsOnShadow);
        var collides = plan.Hazards.Count(h => h.Kind == HazardKind.CollidesOnTarget);
        var exposed = plan.Hazards.Count(h => h.Kind == HazardKind.ExposedWithoutRls);
        // The hazard codes say which kinds are errors (HazardCodes.SeverityOf).
        var level = plan.Hazards.Any(h => h.IsError) || plan.HasDrift || errors > 0
            ? PlanVerdictLevel.Danger
            : plan.Hazards.Count > 0 || plan.Findings.Count > 0 ? PlanVerdictLevel.Review
            : PlanVerdictLevel.Safe;

        var parts = new List<string>
        {
            plan.Pending.Count == 0 ? "No pending migrations" : Count(plan.Pending.Count, "pending migration"),
        };
        if (plan.Pending.Count > 0)
            parts.Add(Count(plan.Changes.Count, "schema change"));
        if (plan.Hazards.Count > 0)
        {
            var details = new List<string>();
            if (dataLoss > 0)
                details.Add($"{dataLoss} data loss");
            if (isolation > 0)
                details.Add($"{isolation} outside {plan.Schema}");
            if (failsOnTarget > 0)
                details.Add($"fails on {plan.Environment}");
            if (failsOnShadow > 0)
                details.Add("fails on the shadow");
            if (collides > 0)
                details.Add($"{collides} already on {plan.Environment}");
            if (exposed > 0)
                details.Add($"{exposed} exposed without RLS");
            parts.Add(Count(plan.Hazards.Count, "hazard") + (details.Count > 0 ? $" ({string.Join(", ", details)})" : ""));
        }
        else if (plan.Pending.Count > 0)
            parts.Add("no hazards");

        if (plan.Findings.Count > 0)
            parts.Add(Count(plan.Findings.Count, "lint finding") + (errors > 0 ? $" ({errors} error{(errors == 1 ? "" : "s")})" : ""));
        if (plan.Drift is not null)
            parts.Add(plan.Drift.Count == 0 ? $"no drift on {plan.Environment}" : $"{Count(plan.Drift.Count, "drifted object")} on {plan.Environment}");
        return new PlanVerdict(level, string.Join(" · ", parts));
    }

    static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
