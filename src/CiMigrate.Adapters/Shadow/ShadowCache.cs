using System.Globalization;
using CiMigrate.Configuration;
using CiMigrate.Hosting;
using Npgsql;

namespace CiMigrate.Shadow;

/// <summary>
/// Snapshots of throwaway clusters kept between runs, so that a diff does not run initdb or replay unchanged
/// migrations again: one entry per <see cref="ShadowCacheKey"/>, a folder holding the data directory and the key's
/// text. An entry is written under a temporary name and renamed into place whole, so that nobody ever reads half of
/// one; an entry that is incomplete, made for another key, whose data no longer matches the digest its writer
/// recorded (<see cref="DataManifest"/>), or that fails to start is ignored (and dropped), and the cluster is built
/// again the slow way, with the same result. The digest catches damage (a flipped byte, a truncated or swapped
/// file), not a writer of the cache folder itself: only the job's own steps may write it (README: the shadow cache).
/// A second, read-only folder of entries made ahead of time (the container image's, by <c>warm-shadow</c> at image build)
/// is looked in when this one has no entry: a cold run there copies the prebuilt cluster instead of running initdb.
/// </summary>
public sealed class ShadowCache
{
    /// <summary>Overrides where the cache lives; <c>off</c> turns it off.</summary>
    public const string FolderVariable = "CI_MIGRATE_CACHE_DIR";

    const string DataFolder = "data";
    const string KeyFile = "key";
    const string SizeFile = "bytes";
    const string DigestFile = "sha256";
    const string TemporaryPrefix = ".";
    // A few histories (main, a release branch, an open pull request) and a cluster or two; each entry is the size of
    // its cluster's data directory.
    const int EntriesKept = 6;
    static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    /// <summary>A cache folder whose entries were made ahead of time; read, never written.</summary>
    public const string PrebuiltFolderVariable = "CI_MIGRATE_PREBUILT_CACHE_DIR";

    public ShadowCache(string folder, string? prebuiltFolder = null)
    {
        Folder = folder;
        PrebuiltFolder = prebuiltFolder;
    }

    /// <summary>The folder of the entries.</summary>
    public string Folder { get; }

    /// <summary>The read-only entries made ahead of time, looked in when <see cref="Folder"/> has none for a key.</summary>
    public string? PrebuiltFolder { get; }

    /// <summary>
    /// The cache folder: <c>CI_MIGRATE_CACHE_DIR</c>, else in GitHub Actions <c>$RUNNER_TEMP/ci-migrate</c> (outside the
    /// workspace, whose next checkout would have to delete it), else <c>$XDG_CACHE_HOME/ci-migrate</c>, else
    /// <c>$HOME/.cache/ci-migrate</c>, each with <c>shadow</c> inside. Null when turned off, when none is set, and on
    /// Windows (the copy uses <c>cp</c>). <c>CI_MIGRATE_PREBUILT_CACHE_DIR</c> names the prebuilt one: a folder that
    /// <c>CI_MIGRATE_CACHE_DIR</c> named when <c>warm-shadow</c> ran.
    /// </summary>
    public static ShadowCache? Locate(IReadOnlyDictionary<string, string?> environment)
    {
        string? Variable(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        if (OperatingSystem.IsWindows())
            return null;
        var root = Variable(FolderVariable) is { } configured
            ? configured.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : configured
            : GitHubActionsRun.Detected(environment) && Variable("RUNNER_TEMP") is { } runnerTemp ? Path.Combine(runnerTemp, "ci-migrate")
            : Variable("XDG_CACHE_HOME") is { } xdg ? Path.Combine(xdg, "ci-migrate")
            : Variable("HOME") is { } home ? Path.Combine(home, ".cache", "ci-migrate")
            : null;
        var prebuilt = Variable(PrebuiltFolderVariable);
        return root is null
            ? null
            : new ShadowCache(Path.Combine(Path.GetFullPath(root), "shadow"), prebuilt is null ? null : Path.Combine(Path.GetFullPath(prebuilt), "shadow"));
    }

    /// <summary>The entry made for <paramref name="key"/>, here or else among the prebuilt ones; null when there is none.</summary>
    public ShadowSnapshot? Find(ShadowCacheKey key) => Find(key, out _);

    /// <summary>
    /// The entry made for <paramref name="key"/>, here or else among the prebuilt ones, or null when there is none;
    /// <paramref name="discarded"/> says why an entry that was there was not used (its data no longer matches its digest),
    /// for the plan's notes.
    /// </summary>
    public ShadowSnapshot? Find(ShadowCacheKey key, out string? discarded)
    {
        var found = Find(Folder, key, owned: true, out discarded);
        if (found is null && PrebuiltFolder is { } prebuilt)
        {
            found = Find(prebuilt, key, owned: false, out var prebuiltDiscarded);
            discarded ??= prebuiltDiscarded;
        }

        return found;
    }

    /// <summary>An entry of <paramref name="folder"/>; only an <paramref name="owned"/> one is touched or dropped.</summary>
    static ShadowSnapshot? Find(string folder, ShadowCacheKey key, bool owned, out string? discarded)
    {
        discarded = null;
        var entry = Path.Combine(folder, key.EntryName);
        var keyFile = Path.Combine(entry, KeyFile);
        var sizeFile = Path.Combine(entry, SizeFile);
        try
        {
            if (!File.Exists(keyFile) || File.ReadAllText(keyFile) != key.Text || !Directory.Exists(Path.Combine(entry, DataFolder)) ||
                !long.TryParse(File.ReadAllText(sizeFile), out var bytes))
                return null;
            var digestFile = Path.Combine(entry, DigestFile);
            if (!File.Exists(digestFile) || File.ReadAllText(digestFile) != DataManifest.Digest(Path.Combine(entry, DataFolder)))
            {
                // Damaged or changed since it was written: never started from, and out of the way of a good one.
                if (owned)
                    Remove(entry);
                discarded = "its data no longer matches the digest its writer recorded (damaged or changed since it was written)";
                return null;
            }

            // The entries used last are the ones kept.
            if (owned)
                File.SetLastWriteTimeUtc(keyFile, DateTime.UtcNow);
            return new ShadowSnapshot(Path.Combine(entry, DataFolder), bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores an entry for <paramref name="key"/>: <paramref name="writeDataDirectory"/> writes the data directory to the
    /// path it is given. Never fails the run: a cache that cannot be written only costs the next run time.
    /// </summary>
    public async Task PublishAsync(ShadowCacheKey key, Func<string, Task> writeDataDirectory)
    {
        var staging = Path.Combine(Folder, $"{TemporaryPrefix}{key.EntryName}-{Guid.NewGuid():N}");
        try
        {
            // A cache in the workspace (CI_MIGRATE_CACHE_DIR=.ci-migrate-cache) belongs to the workspace's owner, as
            // each entry below does: a root container must not leave the runner's user files it cannot delete.
            FileOwnership.CreateFolder(Folder);
            Directory.CreateDirectory(staging);
            var data = Path.Combine(staging, DataFolder);
            await writeDataDirectory(data);
            var bytes = new DirectoryInfo(data).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            await File.WriteAllTextAsync(Path.Combine(staging, SizeFile), bytes.ToString(CultureInfo.InvariantCulture));
            await File.WriteAllTextAsync(Path.Combine(staging, DigestFile), DataManifest.Digest(data));
            // Last: an entry without its key file is never used.
            await File.WriteAllTextAsync(Path.Combine(staging, KeyFile), key.Text);
            var entry = Path.Combine(Folder, key.EntryName);
            // An entry that fails the key check is in the way of a good one.
            if (Directory.Exists(entry) && Find(Folder, key, owned: true, out _) is null)
                Remove(entry);
            // Atomic: readers see no entry or a whole one. Another run may have published the same entry meanwhile.
            Directory.Move(staging, entry);
            FileOwnership.MatchFolderTree(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ExecutionException or NpgsqlException)
        {
        }
        finally
        {
            Remove(staging);
        }

        Trim();
    }

    /// <summary>Drops the entry for <paramref name="key"/>: it exists but a cluster would not start from it.</summary>
    public void Discard(ShadowCacheKey key) => Remove(Path.Combine(Folder, key.EntryName));

    /// <summary>Keeps the entries used last, and removes what crashed runs left half-written.</summary>
    void Trim()
    {
        try
        {
            var folders = new DirectoryInfo(Folder).GetDirectories();
            var entries = folders.Where(f => !f.Name.StartsWith(TemporaryPrefix, StringComparison.Ordinal))
                .OrderByDescending(f => File.GetLastWriteTimeUtc(Path.Combine(f.FullName, KeyFile)));
            var abandoned = folders.Where(f => f.Name.StartsWith(TemporaryPrefix, StringComparison.Ordinal) &&
                DateTime.UtcNow - f.LastWriteTimeUtc > AbandonedAfter);
            foreach (var folder in entries.Skip(EntriesKept).Concat(abandoned))
                Remove(folder.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Renames the folder out of the way first, so nobody takes a half-deleted entry for a whole one.</summary>
    static void Remove(string folder)
    {
        try
        {
            if (!Directory.Exists(folder))
                return;
            var doomed = Path.Combine(Path.GetDirectoryName(folder)!, $"{TemporaryPrefix}removed-{Guid.NewGuid():N}");
            Directory.Move(folder, doomed);
            Directory.Delete(doomed, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
