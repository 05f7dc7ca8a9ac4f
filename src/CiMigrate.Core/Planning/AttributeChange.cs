namespace CiMigrate.Planning;

/// <summary>One attribute of an altered object: <c>type: text → character varying(10)</c>. Null means not set.</summary>
public sealed record AttributeChange(string Name, string? Before, string? After);
