using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Migrations;

/// <summary>One SQL file as read from disk: text without a BOM, and the checksum of its normalised content.</summary>
public sealed class MigrationFile
{
    // Weak: a run over 1,000 files (lint, then apply) must not keep every parsed file alive until the end;
    // a file parsed again costs ~60 µs, its tokens ~20 KiB.
    readonly WeakReference<SqlScript?> _script = new(null);

    public MigrationFile(string path, string displayPath, string text, string checksum)
    {
        Path = path;
        DisplayPath = displayPath;
        Text = text;
        Checksum = checksum;
    }

    /// <summary>Absolute path.</summary>
    public string Path { get; }

    /// <summary>The path users see in messages: relative to the repository root where possible.</summary>
    public string DisplayPath { get; }

    public string Text { get; }

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

    public static MigrationFile Read(string path, string root)
    {
        var bytes = File.ReadAllBytes(path);
        var displayPath = RepositoryPaths.Display(path, root);
        var text = MigrationText.Decode(bytes, displayPath);
        return new MigrationFile(path, displayPath, text, MigrationChecksum.Of(text));
    }
}
