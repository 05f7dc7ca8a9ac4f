namespace CiMigrate.Shadow.Extensions;

/// <summary>The embedded stand-ins, one per <c>Shadow/Extensions/&lt;name&gt;.sql</c>.</summary>
public static class StandIns
{
    const string ResourceMarker = ".Shadow.Extensions.";

    static readonly Lazy<IReadOnlyList<StandIn>> Loaded = new(Load);

    public static IReadOnlyList<StandIn> All => Loaded.Value;

    /// <summary>
    /// Extensions whose stand-in replaces the real one even when the server has its package: the real pg_cron can
    /// only be created in the one database named by <c>cron.database_name</c> and needs <c>shared_preload_libraries</c>,
    /// while the shadow makes a new database for every replay (and its scheduler would run the jobs there).
    /// </summary>
    public static IReadOnlySet<string> PreferredOverPackages { get; } = new HashSet<string>(StringComparer.Ordinal) { "pg_cron" };

    static List<StandIn> Load()
    {
        var assembly = typeof(StandIns).Assembly;
        var standIns = new List<StandIn>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(ResourceMarker, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = resource[(resource.IndexOf(ResourceMarker, StringComparison.Ordinal) + ResourceMarker.Length)..^".sql".Length];
            standIns.Add(StandIn.Parse(name, reader.ReadToEnd()));
        }

        return [.. standIns.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }
}
