namespace CiMigrate.Shadow;

/// <summary>A <see cref="ShadowCache"/> entry's data directory, to start a cluster from, and its size in bytes.</summary>
public sealed record ShadowSnapshot(string DataDirectory, long Bytes);
