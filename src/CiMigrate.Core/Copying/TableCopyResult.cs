namespace CiMigrate.Copying;

/// <summary>One table's rows copied: how many, how many bytes of COPY data, in how long.</summary>
public sealed record TableCopyResult(string Table, long Rows, long Bytes, TimeSpan Duration);
