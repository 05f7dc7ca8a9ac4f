namespace CiMigrate.Reporting;

/// <summary>One statement as <c>ci-migrate inspect --format json</c> prints it.</summary>
public sealed record InspectStatement(
    int Index,
    string Kind,
    int Line,
    int Column,
    int Offset,
    int Length,
    IReadOnlyList<string> Objects,
    string Text);
