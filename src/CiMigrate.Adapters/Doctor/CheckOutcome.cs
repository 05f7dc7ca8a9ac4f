namespace CiMigrate.Doctor;

public enum CheckOutcome
{
    Passed,
    Warning,
    Failed,
    Skipped,
}
