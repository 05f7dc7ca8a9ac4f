using System.Text;
using System.Text.Unicode;
using CiMigrate.Hosting;

namespace CiMigrate.Migrations;

/// <summary>Decodes a migration file: strict UTF-8 without NUL bytes, a leading BOM dropped.</summary>
static class MigrationText
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string displayPath) => Decode(Content(bytes, displayPath));

    /// <summary>Content that <see cref="Content"/> has checked.</summary>
    public static string Decode(ReadOnlySpan<byte> content) => StrictUtf8.GetString(content);

    /// <summary>The bytes after the BOM, checked to be UTF-8 and free of NUL bytes without decoding them.</summary>
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> bytes, string displayPath) => Content(bytes, () => displayPath);

    /// <summary><see cref="Content(ReadOnlySpan{byte}, string)"/>, the path made only for an error.</summary>
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> bytes, Func<string> displayPath)
    {
        var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        var content = bytes[start..];
        if (!Utf8.IsValid(content))
            throw NotUtf8(bytes, start, displayPath());
        // PostgreSQL's protocol ends a statement's text at a NUL byte: sent, it fails with "insufficient data left in
        // message" and no place; found here, it is named where it is.
        var nul = content.IndexOf((byte)0);
        if (nul < 0)
            return content;
        var (nulLine, nulColumn) = LineColumnAt(bytes, start, start + nul);
        throw new UsageException(
            $"{displayPath()}:{nulLine}:{nulColumn}: the file holds a NUL byte (0x00), which PostgreSQL cannot take in a statement. " +
            "Remove it (a binary paste or a wrong encoding put it there).");
    }

    static UsageException NotUtf8(ReadOnlySpan<byte> bytes, int start, string displayPath)
    {
        var content = bytes[start..];
        try
        {
            _ = StrictUtf8.GetCharCount(content);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(ex.Index, 0);
            var (line, column) = LineColumnAt(bytes, start, offset);
            return new UsageException(
                $"{displayPath}:{line}:{column}: the file is not valid UTF-8 (byte 0x{bytes[offset]:X2} at byte offset {offset}). " +
                "Save it as UTF-8.");
        }

        return new UsageException($"{displayPath}: the file is not valid UTF-8. Save it as UTF-8.");
    }

    /// <summary>Whether UTF-8 content is nothing but white space (as <see cref="string.IsNullOrWhiteSpace"/> sees it).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            // Any ASCII character but white space is content; non-ASCII white space (a no-break space) is rare
            // enough to decide on the decoded text.
            if (b < 0x80 && !char.IsWhiteSpace((char)b))
                return false;
        }

        return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(content));
    }

    static (int Line, int Column) LineColumnAt(ReadOnlySpan<byte> bytes, int start, int offset)
    {
        int line = 1, column = 1;
        for (var i = start; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                // Count characters, not bytes: continuation bytes of a UTF-8 sequence do not move the column.
                column++;
            }
        }

        return (line, column);
    }
}
