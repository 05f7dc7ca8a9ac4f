namespace CiMigrate.Reporting;

/// <summary>One file as <c>ci-migrate inspect --format json</c> prints it.</summary>
public sealed record InspectFile(string File, IReadOnlyList<InspectStatement> Statements);
