using System.Security.Cryptography;
using System.Text;

namespace CiMigrate.Migrations;

/// <summary>
/// SHA-256 of a migration's text with CRLF and lone CR turned into LF, so a checkout on Windows and one on Linux
/// agree; the BOM is already gone when the text gets here.
/// </summary>
public static class MigrationChecksum
{
    public static string Of(string text)
    {
        var normalised = text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>The same checksum from the file's UTF-8 bytes (BOM removed), without decoding them when there is no CR.</summary>
    public static string Of(ReadOnlySpan<byte> content) =>
        content.Contains((byte)'\r') ? Of(Encoding.UTF8.GetString(content)) : Convert.ToHexStringLower(SHA256.HashData(content));
}
