namespace CiMigrate.Configuration;

/// <summary>One app on the shared database: its name, the schema it owns, and its migrations folder.</summary>
public sealed record AppSettings(string Name, string Schema, string Migrations)
{
    /// <summary>
    /// <c>apps.&lt;name&gt;.role</c>: the role the app's migrations run as (<c>SET ROLE</c>), one that owns the app's
    /// schema and nothing else, so the server's privileges keep them there; null to run as the role that logged in.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>
    /// <c>apps.&lt;name&gt;.schemaGuard</c>: whether the server stops the app's migrations when they change another
    /// schema or the ledger. On by default, except for an app whose schema is <c>public</c>: that app is the
    /// database's own, with no neighbour to keep out of, and Supabase's patterns (triggers on auth.users, storage
    /// policies) are its normal business.
    /// </summary>
    public bool SchemaGuard { get; init; } = true;

    /// <summary>
    /// <c>apps.&lt;name&gt;.ignore</c>: globs (<c>*</c>, <c>?</c>) of files in the migrations folder that are no migrations
    /// (<c>seed.sql</c>, <c>local_*</c>, <c>down/*.bak.sql</c>), matched against the path inside the folder.
    /// </summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>The roles Supabase's API (PostgREST) connects as.</summary>
    public static readonly IReadOnlyList<string> SupabaseApiRoles = ["anon", "authenticated", "service_role"];

    /// <summary>
    /// <c>apps.&lt;name&gt;.apiRoles</c>: the roles through which Supabase's API reaches the app's schema; a schema an apply
    /// creates gets USAGE for each that exists, and the grant check says when one lacks it. Default: Supabase's three.
    /// </summary>
    public IReadOnlyList<string> ApiRoles { get; init; } = SupabaseApiRoles;
}
