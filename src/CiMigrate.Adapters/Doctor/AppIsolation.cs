namespace CiMigrate.Doctor;

/// <summary>What keeps one app's migrations to its schema on a shared database: its schema, its role, its neighbours.</summary>
/// <param name="Schema">The app's schema.</param>
/// <param name="Role">The role its migrations run as (<c>apps.&lt;name&gt;.role</c>); null when none is set.</param>
/// <param name="Guarded">Whether the schema guard is on for the app (<c>apps.&lt;name&gt;.schemaGuard</c>).</param>
/// <param name="OtherSchemas">The schemas of the other apps in the settings.</param>
public sealed record AppIsolation(string Schema, string? Role, bool Guarded, IReadOnlyList<string> OtherSchemas);
