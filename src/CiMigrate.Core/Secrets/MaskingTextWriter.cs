using System.Text;

namespace CiMigrate.Secrets;

/// <summary>
/// Writes through to another writer a line at a time, with every known secret masked. Whole lines are held
/// back so that a secret split over two <c>Write</c> calls is still found.
/// </summary>
public sealed class MaskingTextWriter(TextWriter inner, SecretMasker masker) : TextWriter
{
    readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n')
            FlushLine();
    }

    public override void Write(string? value)
    {
        if (value is null)
            return;
        _line.Append(value);
        if (value.Contains('\n'))
            FlushLine();
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        FlushLine();
        inner.Flush();
    }

    void FlushLine()
    {
        if (_line.Length == 0)
            return;
        inner.Write(masker.Apply(_line.ToString()));
        _line.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Flush();
        base.Dispose(disposing);
    }
}
