namespace CiMigrate.Sql;

/// <summary>
/// Turns a char offset of a file into its line and column. Line breaks are <c>\n</c>, so CRLF files number
/// lines as LF files do; a BOM at the start is not a column.
/// </summary>
sealed class LineMap
{
    readonly int[] _lineStarts;

    public LineMap(string text)
    {
        var starts = new List<int>(text.Length / 32 + 1) { text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0 };
        var span = text.AsSpan();
        var position = 0;
        while (true)
        {
            var next = span[position..].IndexOf('\n');
            if (next < 0)
                break;
            position += next + 1;
            starts.Add(position);
        }

        _lineStarts = [.. starts];
    }

    public SqlLocation LocationOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        if (line < 0)
            line = 0;
        return new SqlLocation(line + 1, offset - _lineStarts[line] + 1);
    }
}
