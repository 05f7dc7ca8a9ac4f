namespace CiMigrate.Copying;

/// <summary>A column of a copied table, as the source's catalog describes it.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">Its type, as <c>format_type</c> writes it (for messages and the structure check).</param>
/// <param name="Generated">A stored generated column: the target computes it, so it is not copied (but is checked).</param>
/// <param name="NeedsText">Its binary COPY form carries type OIDs that differ between servers (a composite, an array of a
/// user-defined type), so its table is copied in COPY's text format instead.</param>
public sealed record CopyColumn(string Name, string Type, bool Generated, bool NeedsText);
