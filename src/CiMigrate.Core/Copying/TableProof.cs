namespace CiMigrate.Copying;

/// <summary>The proof that a table arrived whole: row count and checksum of the ordered rows on each side.</summary>
public sealed record TableProof(string Table, long SourceRows, string SourceChecksum, long TargetRows, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}
