namespace CiMigrate.Copying;

/// <summary>A table of the schema to copy: its columns in order, and its rows on the source.</summary>
public sealed record CopyTable(string Name, IReadOnlyList<CopyColumn> Columns, long Rows)
{
    /// <summary>The columns COPY moves: all but stored generated ones.</summary>
    public IEnumerable<CopyColumn> Copied => Columns.Where(c => !c.Generated);

    /// <summary>COPY's text format instead of binary: see <see cref="CopyColumn.NeedsText"/>.</summary>
    public bool UsesText => Columns.Any(c => c.NeedsText);
}
