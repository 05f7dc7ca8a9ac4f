namespace CiMigrate.Execution.Events;

/// <summary>
/// <c>repair --partial</c>: the record of a partly applied migration was settled by hand, with a reason: marked applied
/// (<paramref name="AsApplied"/>: a ledger row, the progress rows gone) or not applied (the progress rows gone, so the
/// next apply runs the file from its first segment). The database objects were not touched.
/// </summary>
public sealed record PartialSettled(string Version, string Name, bool AsApplied, int SegmentsCommitted, int Segments, string Reason) : ExecutionEvent;
