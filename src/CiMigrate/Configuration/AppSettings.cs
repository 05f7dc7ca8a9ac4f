namespace CiMigrate.Configuration;

/// <summary>One app on the shared database: its name, the schema it owns, and its migrations folder.</summary>
public sealed record AppSettings(string Name, string Schema, string Migrations);
