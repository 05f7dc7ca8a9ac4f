using System.Diagnostics.CodeAnalysis;

namespace CiMigrate.Migrations;

/// <summary>
/// <c>&lt;14-digit version&gt;_&lt;name&gt;.sql</c>, the Supabase CLI's naming; <c>_down.sql</c> marks the runbook's
/// down file kept beside the up file.
/// </summary>
public readonly record struct MigrationFileName(string Version, string Name, bool IsDownSuffix)
{
    public const int VersionLength = 14;
    const string DownSuffix = "_down";

    /// <summary>The expected pattern, for error messages.</summary>
    public const string Pattern = "<14-digit version>_<name>.sql, e.g. 20250208000004_add_basic_categories.sql";

    public static bool TryParse(string fileName, [NotNullWhen(true)] out MigrationFileName? parsed)
    {
        parsed = null;
        if (!fileName.EndsWith(".sql", StringComparison.Ordinal))
            return false;
        var stem = fileName.AsSpan(0, fileName.Length - ".sql".Length);
        if (stem.Length < VersionLength + 2 || stem[VersionLength] != '_')
            return false;
        var version = stem[..VersionLength];
        foreach (var c in version)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        var name = stem[(VersionLength + 1)..];
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
                return false;
        }

        var isDown = name.EndsWith(DownSuffix, StringComparison.Ordinal) && name.Length > DownSuffix.Length;
        if (isDown)
            name = name[..^DownSuffix.Length];
        parsed = new MigrationFileName(version.ToString(), name.ToString(), isDown);
        return true;
    }

    public override string ToString() => $"{Version}_{Name}{(IsDownSuffix ? DownSuffix : "")}.sql";
}
