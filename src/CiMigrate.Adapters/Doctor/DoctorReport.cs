namespace CiMigrate.Doctor;

/// <summary><c>doctor --format json</c>: every check with its outcome, and the totals the text ends with.</summary>
public sealed record DoctorReport(IReadOnlyList<CheckResult> Checks, int Passed, int Failed, int Warnings, int Skipped)
{
    public static DoctorReport Of(Checklist checklist)
    {
        int Count(CheckOutcome outcome) => checklist.Results.Count(r => r.Outcome == outcome);
        return new DoctorReport(checklist.Results, Count(CheckOutcome.Passed), Count(CheckOutcome.Failed), Count(CheckOutcome.Warning),
            Count(CheckOutcome.Skipped));
    }
}
