using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CiMigrate.Configuration;
using CiMigrate.Migrations;

namespace CiMigrate.Shadow;

/// <summary>
/// What a <see cref="ShadowCache"/> entry holds, written out line by line: everything that shapes the cluster's state.
/// The entry is stored under a hash of the text and keeps the text itself, so that an entry is only used for the very
/// same text (a hash collision or a foreign folder never passes).
/// </summary>
public sealed record ShadowCacheKey
{
    ShadowCacheKey(string kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary><c>cluster</c> (initdb and the Supabase template) or <c>history</c> (an app's applied migrations replayed too).</summary>
    public string Kind { get; }

    /// <summary>The lines the key is made of.</summary>
    public string Text { get; }

    /// <summary>The entry's folder name: the kind and the start of the text's SHA-256.</summary>
    public string EntryName => $"{Kind}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)))[..32]}";

    /// <summary>
    /// A cluster right after start-up: this build of ci-migrate (its server settings, initdb options and executor live in
    /// its code), the server binaries, and the embedded SQL the cluster is given (the Supabase baseline, extension stand-ins).
    /// </summary>
    public static ShadowCacheKey ForCluster(PostgresBinaries binaries)
    {
        var text = new StringBuilder();
        var assembly = typeof(ShadowCacheKey).Assembly;
        text.Append("ci-migrate ").Append(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion).Append('\n');
        AppendFile(text, "tool", Environment.ProcessPath);
        // The .NET tool's code: this adapter's and the core's (the executor); absent in the Native AOT build, where the
        // executable above is the whole program.
        foreach (var code in new[] { assembly, typeof(Migration).Assembly })
            AppendFile(text, "assembly", Path.Combine(AppContext.BaseDirectory, code.GetName().Name + ".dll"));
        AppendFile(text, "server", binaries.Postgres);
        AppendFile(text, "initdb", binaries.InitDb);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Shadow.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var resource = assembly.GetManifestResourceStream(name)!;
            text.Append("resource ").Append(name).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(resource))).Append('\n');
        }

        return new ShadowCacheKey("cluster", text.ToString());
    }

    /// <summary>
    /// This cluster with <paramref name="applied"/> replayed for <paramref name="app"/>, in order: each migration's version,
    /// name and checksum (an edited file, another order or one more file make another key).
    /// </summary>
    public ShadowCacheKey WithHistory(AppSettings app, IReadOnlyList<Migration> applied)
    {
        var text = new StringBuilder(Text);
        text.Append("app ").Append(app.Name).Append(" schema ").Append(app.Schema).Append('\n');
        foreach (var migration in applied)
            text.Append("applied ").Append(migration.Version).Append(' ').Append(migration.Name).Append(' ').Append(migration.Checksum).Append('\n');
        return new ShadowCacheKey("history", text.ToString());
    }

    // A rebuilt or upgraded program shows a new size or time; hashing the files would cost more than the cache saves.
    static void AppendFile(StringBuilder text, string label, string? path)
    {
        var file = string.IsNullOrEmpty(path) ? null : new FileInfo(path);
        text.Append(label).Append(' ').Append(path);
        if (file is { Exists: true })
            text.Append(' ').Append(file.Length).Append(' ').Append(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        text.Append('\n');
    }
}
