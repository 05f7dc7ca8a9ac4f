using System.Text;
using CiMigrate.Hosting;

namespace CiMigrate.Migrations;

/// <summary>Decodes a migration file: strict UTF-8, a leading BOM dropped.</summary>
static class MigrationText
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(byte[] bytes, string displayPath)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(ex.Index, 0);
            var (line, column) = LineColumnAt(bytes, start, offset);
            throw new UsageException(
                $"{displayPath}:{line}:{column}: the file is not valid UTF-8 (byte 0x{bytes[offset]:X2} at byte offset {offset}). " +
                "Save it as UTF-8.");
        }
    }

    static (int Line, int Column) LineColumnAt(byte[] bytes, int start, int offset)
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
