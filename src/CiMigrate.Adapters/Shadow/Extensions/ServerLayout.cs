namespace CiMigrate.Shadow.Extensions;

/// <summary>
/// Where a PostgreSQL installation keeps its server programs, its shared files (<c>extension/</c> among them) and its
/// loadable modules. The server finds the last two relative to its own binary, which is what lets
/// <see cref="ExtensionInstallation"/> give it a private <c>extension/</c> folder.
/// </summary>
/// <param name="BinDirectory">The folder of initdb, pg_ctl and postgres.</param>
/// <param name="ShareDirectory"><c>pg_config --sharedir</c>, e.g. /usr/share/postgresql/15.</param>
/// <param name="LibDirectory"><c>pg_config --pkglibdir</c>, e.g. /usr/lib/postgresql/15/lib.</param>
public sealed record ServerLayout(string BinDirectory, string ShareDirectory, string LibDirectory)
{
    /// <summary>
    /// Asks <c>pg_config</c> beside the binaries, else assumes the Debian layout (/usr/lib/postgresql/&lt;major&gt;/bin,
    /// /usr/share/postgresql/&lt;major&gt;) or a source build's (bin/, share/, lib/ side by side). Null when none of them
    /// holds the built-in extensions.
    /// </summary>
    public static async Task<ServerLayout?> FindAsync(string binDirectory, CancellationToken cancellationToken)
    {
        var candidates = new List<ServerLayout>();
        var pgConfig = Path.Combine(binDirectory, "pg_config");
        if (File.Exists(pgConfig))
        {
            var result = await ProcessRunner.RunAsync(pgConfig, ["--sharedir", "--pkglibdir"], binDirectory, cancellationToken);
            var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (result.ExitCode == 0 && lines.Length == 2)
                candidates.Add(new ServerLayout(binDirectory, lines[0], lines[1]));
        }

        var versionDirectory = Path.GetDirectoryName(binDirectory) ?? binDirectory;
        var major = Path.GetFileName(versionDirectory);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(versionDirectory) ?? "") ?? "") ?? "";
        candidates.Add(new ServerLayout(binDirectory, Path.Combine(root, "share", "postgresql", major), Path.Combine(versionDirectory, "lib")));
        candidates.Add(new ServerLayout(binDirectory, Path.Combine(versionDirectory, "share", "postgresql"), Path.Combine(versionDirectory, "lib", "postgresql")));
        candidates.Add(new ServerLayout(binDirectory, Path.Combine(versionDirectory, "share"), Path.Combine(versionDirectory, "lib")));
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c.ExtensionDirectory, "plpgsql.control")));
    }

    public string ExtensionDirectory => Path.Combine(ShareDirectory, "extension");
}
