using System.Security.Cryptography;
using System.Text;

namespace CiMigrate.Shadow;

/// <summary>
/// One SHA-256 over a data directory: every file's path (relative, in ordinal order), length and bytes. A cache entry
/// carries the digest its writer computed, and a restore compares it first, so a flipped byte, a truncated file, a
/// file swapped in from another entry or one planted in the folder (an event trigger, a changed catalog) is never
/// started from.
/// </summary>
static class DataManifest
{
    public static string Digest(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                     .Select(path => Path.GetRelativePath(directory, path)).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(Path.Combine(directory, file));
            hash.AppendData(Encoding.UTF8.GetBytes($"{file}\n{stream.Length}\n"));
            int read;
            while ((read = stream.Read(buffer)) > 0)
                hash.AppendData(buffer.AsSpan(0, read));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
