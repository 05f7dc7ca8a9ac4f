using System.Security.Cryptography;
using System.Text;

namespace CiMigrate.Shadow.Extensions;

/// <summary>
/// A private copy of a PostgreSQL installation whose <c>extension/</c> folder also holds the <see cref="StandIns"/>:
/// the three server programs hard-linked (copied where links are not allowed), everything else linked to the real
/// installation. PostgreSQL has no setting for a second extension folder before version 18, but it finds its
/// shared files relative to its own binary, so a binary in this tree sees this tree's <c>extension/</c>.
/// Built once per installation and set of stand-ins, in the temp folder, and reused by later runs.
/// </summary>
public static class ExtensionInstallation
{
    const string Prefix = "ci-migrate-install-";
    static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    /// <summary>
    /// The binaries to start the throwaway cluster with: the private tree's, or <paramref name="binaries"/> unchanged
    /// when their layout is unknown (the replay then names any extension it misses).
    /// </summary>
    public static async Task<PostgresBinaries> PrepareAsync(PostgresBinaries binaries, string parentDirectory,
        CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows() || await ServerLayout.FindAsync(binaries.Directory, cancellationToken) is not { } layout)
            return binaries;

        var folder = Path.Combine(parentDirectory, Prefix + Fingerprint(layout));
        var root = Root(layout);
        if (!Directory.Exists(folder))
        {
            var building = $"{folder}.{Environment.ProcessId}.{Guid.NewGuid().ToString("N")[..8]}.tmp";
            try
            {
                Build(layout, building, root);
                Directory.Move(building, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another run finished the same tree first: theirs is as good as ours.
            }
            finally
            {
                if (Directory.Exists(building))
                    Directory.Delete(building, recursive: true);
            }
        }

        return PostgresBinaries.In(Path.Combine(folder, Path.GetRelativePath(root, layout.BinDirectory)));
    }

    /// <summary>The stand-ins the tree installs: those without a real package, and those preferred over theirs.</summary>
    static List<StandIn> Installed(ServerLayout layout) =>
        [.. StandIns.All.Where(s => StandIns.PreferredOverPackages.Contains(s.Name)
            || !File.Exists(Path.Combine(layout.ExtensionDirectory, s.ControlFileName)))];

    static void Build(ServerLayout layout, string folder, string root)
    {
        string Mirror(string path) => Path.Combine(folder, Path.GetRelativePath(root, path));

        var bin = Directory.CreateDirectory(Mirror(layout.BinDirectory)).FullName;
        foreach (var program in Programs)
            LinkOrCopy(Path.Combine(layout.BinDirectory, program), Path.Combine(bin, program));

        Directory.CreateDirectory(Path.GetDirectoryName(Mirror(layout.LibDirectory))!);
        File.CreateSymbolicLink(Mirror(layout.LibDirectory), layout.LibDirectory);

        var share = Directory.CreateDirectory(Mirror(layout.ShareDirectory)).FullName;
        foreach (var entry in Directory.EnumerateFileSystemEntries(layout.ShareDirectory).Where(e => Path.GetFileName(e) != "extension"))
            File.CreateSymbolicLink(Path.Combine(share, Path.GetFileName(entry)), entry);

        var extensions = Directory.CreateDirectory(Path.Combine(share, "extension")).FullName;
        var installed = Installed(layout);
        var replaced = installed.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(layout.ExtensionDirectory).Where(f => !replaced.Contains(ExtensionOf(f))))
            File.CreateSymbolicLink(Path.Combine(extensions, Path.GetFileName(file)), file);
        foreach (var standIn in installed)
        {
            File.WriteAllText(Path.Combine(extensions, standIn.ControlFileName), standIn.Control);
            File.WriteAllText(Path.Combine(extensions, standIn.ScriptFileName), standIn.Script);
        }
    }

    /// <summary><c>pg_cron--1.5--1.6.sql</c> and <c>pg_cron.control</c> belong to <c>pg_cron</c>.</summary>
    static string ExtensionOf(string file)
    {
        var name = Path.GetFileName(file);
        var end = name.IndexOf("--", StringComparison.Ordinal);
        return end >= 0 ? name[..end] : Path.GetFileNameWithoutExtension(name);
    }

    static void LinkOrCopy(string source, string destination)
    {
        // A hard link, not a symbolic one: PostgreSQL resolves symbolic links to find its real home.
        if (OperatingSystem.IsLinux() && HardLink.TryCreate(source, destination))
            return;
        File.Copy(source, destination);
    }

    /// <summary>The deepest folder holding the programs, the shared files and the modules.</summary>
    static string Root(ServerLayout layout)
    {
        var parts = new[] { layout.BinDirectory, layout.ShareDirectory, layout.LibDirectory }
            .Select(p => Path.GetFullPath(p).Split(Path.DirectorySeparatorChar))
            .ToList();
        var common = parts[0].TakeWhile((part, i) => parts.All(p => p.Length > i && p[i] == part)).ToArray();
        return common.Length <= 1 ? Path.DirectorySeparatorChar.ToString() : string.Join(Path.DirectorySeparatorChar, common);
    }

    /// <summary>Changes with the installation, its packages and the stand-ins, so a stale tree is never reused.</summary>
    static string Fingerprint(ServerLayout layout)
    {
        var postgres = new FileInfo(Path.Combine(layout.BinDirectory, "postgres"));
        var text = new StringBuilder()
            .AppendLine(layout.ToString())
            .AppendLine($"{postgres.Length} {postgres.LastWriteTimeUtc.Ticks}")
            .AppendJoin('\n', Directory.EnumerateFiles(layout.ExtensionDirectory, "*.control").Order(StringComparer.Ordinal))
            .AppendJoin('\n', StandIns.All.Select(s => s.Control + s.Script));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
