namespace CiMigrate.Planning;

/// <summary>A lint finding shown in the plan, as lint reported it.</summary>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
public sealed record PlanFinding(string File, int Line, int Column, string Rule, string Severity, string Message);
