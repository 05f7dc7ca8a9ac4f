namespace CiMigrate.Configuration;

/// <summary>The Secret (and the key in its data) that holds the database password.</summary>
public sealed record PasswordSecretReference(string Name, string Key);
