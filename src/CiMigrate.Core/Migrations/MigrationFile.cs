using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Sql;

namespace CiMigrate.Migrations;

/// <summary>
/// One SQL file: where it is, and the checksum of its normalised content. The text (without a BOM) and the
/// statements are read on first use: a run over 1,000 applied migrations needs only their checksums.
/// </summary>
public sealed class MigrationFile
{
    // Weak, both: a run over 1,000 files (lint, then apply) must not keep every text and parsed file alive until the
    // end; a file read again costs ~10 µs (and its checksum is checked), parsed again ~60 µs.
    // Made on first use: each is a GC handle and a finalizer, and a no-op over 10,000 files reads neither.
    WeakReference<SqlScript>? _script;
    WeakReference<string>? _text;

    // Null until read: discovery reads an up file at once (its checksum is the history), a down file on first use
    // (a no-op apply needs only that it exists and is named right, as the listing says).
    Facts? _facts;

    readonly string _root;

    MigrationFile(string path, string root)
    {
        Path = path;
        _root = root;
    }

    /// <summary>Absolute path.</summary>
    public string Path { get; }

    /// <summary>The path users see in messages: relative to the repository root where possible.</summary>
    /// <remarks>Made on first use: a no-op over 10,000 files names none of them.</remarks>
    public string DisplayPath => field ??= RepositoryPaths.Display(Path, _root);

    /// <summary>
    /// The content, read again from disk on first use. A file edited since its checksum was taken is an error:
    /// what runs must be what was checked.
    /// </summary>
    public string Text
    {
        get
        {
            if (_text is not null && _text.TryGetTarget(out var text))
                return text;
            text = ReadTextAgain();
            Keep(ref _text, text);
            return text;
        }
    }

    /// <summary>
    /// SHA-256 of the content with line endings normalised, lower-case hex. For a file not read yet (a down file),
    /// reading it may throw <see cref="UsageException"/> when it is not UTF-8.
    /// </summary>
    public string Checksum => Read().Checksum;

    /// <summary>The statements, split on first use: listing migrations never pays for lexing them.</summary>
    public SqlScript Script
    {
        get
        {
            if (_script is not null && _script.TryGetTarget(out var script))
                return script;
            script = SqlScript.Parse(Text, DisplayPath);
            Keep(ref _script, script);
            return script;
        }
    }

    /// <summary>Whether the file holds nothing but white space.</summary>
    public bool IsBlank => Read().IsBlank;

    /// <summary>
    /// The file's expand-contract directive. A file whose bytes cannot hold one is not parsed for it: status and the
    /// contract gate ask every file of a history, and parsing 10,000 of them cost more than the rest of status.
    /// </summary>
    public PhaseDirective Phase => Read().MayHoldDirective ? Script.Phase : PhaseDirective.None;

    /// <summary>Reads a file's checksum; throws <see cref="UsageException"/> when it is not UTF-8, naming line and column.</summary>
    public static MigrationFile Read(string path, string root)
    {
        var file = Listed(path, root);
        file.Read();
        return file;
    }

    /// <summary>A file known from the folder's listing, read (and checked to be UTF-8) on first use of its content.</summary>
    public static MigrationFile Listed(string path, string root) => new(path, root);

    Facts Read()
    {
        if (_facts is { } facts)
            return facts;
        // Two threads may read it at once; both find the same facts.
        return _facts = FileBytes.Read(Path, bytes =>
        {
            var content = MigrationText.Content(bytes, () => DisplayPath);
            return new Facts(MigrationChecksum.Of(content), MigrationText.IsBlank(content), PhaseDirective.MayBeIn(content));
        });
    }

    string ReadTextAgain()
    {
        var checksum = Checksum;
        var displayPath = DisplayPath;
        return FileBytes.Read(Path, bytes =>
        {
            var content = MigrationText.Content(bytes, displayPath);
            if (MigrationChecksum.Of(content) != checksum)
            {
                throw new ExecutionException(
                    $"{displayPath} changed on disk while ci-migrate was running (its checksum is no longer {checksum}). " +
                    "Nothing of it ran; run again once the file is final.");
            }

            return MigrationText.Decode(content);
        });
    }

    static void Keep<T>(ref WeakReference<T>? reference, T target) where T : class
    {
        if (reference is null)
            reference = new WeakReference<T>(target);
        else
            reference.SetTarget(target);
    }

    /// <summary>What reading the file once tells: its checksum, whether it is blank, whether it may hold a directive.</summary>
    sealed record Facts(string Checksum, bool IsBlank, bool MayHoldDirective);
}
