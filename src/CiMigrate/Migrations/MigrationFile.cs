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
    readonly WeakReference<SqlScript?> _script = new(null);
    readonly WeakReference<string?> _text = new(null);

    MigrationFile(string path, string displayPath, string checksum)
    {
        Path = path;
        DisplayPath = displayPath;
        Checksum = checksum;
    }

    /// <summary>Absolute path.</summary>
    public string Path { get; }

    /// <summary>The path users see in messages: relative to the repository root where possible.</summary>
    public string DisplayPath { get; }

    /// <summary>
    /// The content, read again from disk on first use. A file edited since its checksum was taken is an error:
    /// what runs must be what was checked.
    /// </summary>
    public string Text
    {
        get
        {
            if (_text.TryGetTarget(out var text) && text is not null)
                return text;
            text = ReadTextAgain();
            _text.SetTarget(text);
            return text;
        }
    }

    /// <summary>SHA-256 of the content with line endings normalised, lower-case hex.</summary>
    public string Checksum { get; }

    /// <summary>The statements, split on first use: listing migrations never pays for lexing them.</summary>
    public SqlScript Script
    {
        get
        {
            if (_script.TryGetTarget(out var script) && script is not null)
                return script;
            script = SqlScript.Parse(Text, DisplayPath);
            _script.SetTarget(script);
            return script;
        }
    }

    /// <summary>Whether the file holds nothing but white space.</summary>
    public bool IsBlank { get; private init; }

    /// <summary>Reads a file's checksum; throws <see cref="UsageException"/> when it is not UTF-8, naming line and column.</summary>
    public static MigrationFile Read(string path, string root)
    {
        var bytes = File.ReadAllBytes(path);
        var displayPath = RepositoryPaths.Display(path, root);
        var content = MigrationText.Content(bytes, displayPath);
        return new MigrationFile(path, displayPath, MigrationChecksum.Of(content)) { IsBlank = MigrationText.IsBlank(content) };
    }

    string ReadTextAgain()
    {
        var content = MigrationText.Content(File.ReadAllBytes(Path), DisplayPath);
        if (MigrationChecksum.Of(content) != Checksum)
        {
            throw new ExecutionException(
                $"{DisplayPath} changed on disk while ci-migrate was running (its checksum is no longer {Checksum}). " +
                "Nothing of it ran; run again once the file is final.");
        }

        return MigrationText.Decode(content);
    }
}
