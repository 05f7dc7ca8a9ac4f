namespace CiMigrate.Copying;

/// <summary>
/// Where the copy of one table stands: reported every second while a table takes longer than that, and once when it
/// is done. Rows are known for a finished table; while it runs, bytes are.
/// </summary>
public sealed record CopyProgress(string Table, long? Rows, long Bytes, TimeSpan Elapsed, bool Done);
