using CiMigrate.Hosting;

namespace CiMigrate.Shadow;

/// <summary>Copies a PostgreSQL data directory with its modes (the server refuses a data directory others can read).</summary>
static class DataDirectoryCopy
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>, which must not exist yet.</summary>
    /// <exception cref="ExecutionException">The copy failed; the message carries cp's output.</exception>
    public static async Task CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        // cp -a keeps modes and, run by root, owners; it copies a large history's thousands of files faster than a
        // file-by-file copy from .NET, and clones them where the file system can.
        var parent = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        var result = await ProcessRunner.RunAsync("cp", ["-a", source, destination], parent, cancellationToken);
        if (result.ExitCode != 0)
            throw new ExecutionException($"Could not copy the data directory {source} to {destination}: {result.Output.Trim()}");
    }

    /// <summary>
    /// Lets everyone read the copy, so that a CI cache step running as another user than the server can save it (the
    /// throwaway clusters hold nothing secret). <see cref="MakePrivate"/> undoes it on a copy a server is to use.
    /// </summary>
    public static async Task MakeReadableAsync(string directory, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("chmod", ["-R", "a+rX", directory], Path.GetDirectoryName(directory)!, cancellationToken);
        if (result.ExitCode != 0)
            throw new ExecutionException($"Could not make {directory} readable: {result.Output.Trim()}");
    }

    /// <summary>The server refuses a data directory that others can enter; the files inside it are not checked.</summary>
    public static void MakePrivate(string dataDirectory)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>
    /// Deletes the WAL segments of a copied data directory outside <paramref name="first"/>..<paramref name="last"/>
    /// (the segment holding the last checkpoint's redo point and the one being written): recovery needs no others, and
    /// the rest are old segments the server renamed for reuse, often most of the directory's size.
    /// </summary>
    public static void KeepWalSegments(string dataDirectory, string first, string last)
    {
        foreach (var segment in Directory.EnumerateFiles(Path.Combine(dataDirectory, "pg_wal")))
        {
            var name = Path.GetFileName(segment);
            // Segment names are 24 hex digits (timeline, then position): they sort as they follow each other.
            var isSegment = name.Length == 24 && name.All(char.IsAsciiHexDigitUpper);
            if (isSegment && (string.CompareOrdinal(name, first) < 0 || string.CompareOrdinal(name, last) > 0))
                File.Delete(segment);
        }
    }
}
