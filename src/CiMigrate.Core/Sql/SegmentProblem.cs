namespace CiMigrate.Sql;

/// <summary>A statement that keeps a file from being split into segments: transaction control that is not a whole block.</summary>
/// <param name="Statement">Where the problem is.</param>
/// <param name="Message">What is wrong, for a refusal at the statement's file:line:col.</param>
/// <param name="Help">What to do.</param>
public sealed record SegmentProblem(SqlStatement Statement, string Message, string Help);
