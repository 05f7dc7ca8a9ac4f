namespace CiMigrate.Shadow;

/// <summary>Unique database names, so parallel runs and tests on one server never collide.</summary>
static class ScratchDatabaseName
{
    /// <summary><c>&lt;prefix&gt;_&lt;utc time&gt;_&lt;random&gt;</c>: the time tells a leftover's age at a glance.</summary>
    public static string New(string prefix) =>
        $"{prefix}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
}
