namespace CiMigrate.Diagnostics;

/// <summary>Replace <paramref name="Length"/> chars at <paramref name="Offset"/> of a file's text (0 inserts).</summary>
public sealed record TextEdit(int Offset, int Length, string Replacement);
