namespace CiMigrate.Reporting;

/// <summary>How much of the plan fits the comment: all of it, then without the SQL, then a summary, then the minimum.</summary>
enum PlanDetail
{
    Full,
    NoSql,
    Summary,
    Minimal,
}
