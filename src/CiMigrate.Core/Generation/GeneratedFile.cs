namespace CiMigrate.Generation;

/// <summary>One migration the generator writes: its file name, up and down text, and whether it runs outside a transaction.</summary>
public sealed record GeneratedFile(GeneratedPart Part, string FileName, string Up, string Down, bool NoTransaction);
