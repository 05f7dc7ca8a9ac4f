namespace CiMigrate.Configuration;

/// <summary>One app on the shared database: its name, the schema it owns, and its migrations folder.</summary>
public sealed record AppSettings(string Name, string Schema, string Migrations)
{
    /// <summary>
    /// <c>apps.&lt;name&gt;.ignore</c>: globs (<c>*</c>, <c>?</c>) of files in the migrations folder that are no migrations
    /// (<c>seed.sql</c>, <c>local_*</c>, <c>down/*.bak.sql</c>), matched against the path inside the folder.
    /// </summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];
}
