namespace CiMigrate.Doctor;

/// <summary>One line of the doctor's checklist: what was checked, how it went, and what to do when it did not.</summary>
public sealed record CheckResult(string Name, CheckOutcome Outcome, string Detail, string? Advice = null);
