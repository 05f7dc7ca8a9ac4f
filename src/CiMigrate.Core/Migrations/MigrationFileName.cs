using System.Diagnostics.CodeAnalysis;

namespace CiMigrate.Migrations;

/// <summary>
/// <c>&lt;version&gt;_&lt;name&gt;.sql</c> as the Supabase CLI reads it (<c>^([0-9]+)_(.*)\.sql$</c>, pkg/migration/file.go):
/// the version any run of digits (14 from <c>supabase migration new</c> and <c>ci-migrate new</c>; 9, 13 or <c>001</c> in
/// older projects), the name anything. <c>_down.sql</c> marks the runbook's down file kept beside the up file.
/// </summary>
public readonly record struct MigrationFileName(string Version, string Name, bool IsDownSuffix)
{
    /// <summary>The versions <c>ci-migrate new</c> writes, as <c>supabase migration new</c> does: the UTC time.</summary>
    public const string NewVersionFormat = "yyyyMMddHHmmss";

    const string DownSuffix = "_down";
    const string Extension = ".sql";

    /// <summary>The expected pattern, for messages.</summary>
    public const string Pattern = "<version>_<name>.sql (the version a run of digits), e.g. 20250208000004_add_basic_categories.sql";

    public static bool TryParse(string fileName, [NotNullWhen(true)] out MigrationFileName? parsed) =>
        TryParse(fileName.AsSpan(), out parsed);

    public static bool TryParse(ReadOnlySpan<char> fileName, [NotNullWhen(true)] out MigrationFileName? parsed)
    {
        parsed = null;
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal))
            return false;
        var stem = fileName[..^Extension.Length];
        var digits = 0;
        while (digits < stem.Length && char.IsAsciiDigit(stem[digits]))
            digits++;
        if (digits == 0 || digits == stem.Length || stem[digits] != '_')
            return false;

        var name = stem[(digits + 1)..];
        var isDown = name.EndsWith(DownSuffix, StringComparison.Ordinal) && name.Length > DownSuffix.Length;
        if (isDown)
            name = name[..^DownSuffix.Length];
        parsed = new MigrationFileName(stem[..digits].ToString(), name.ToString(), isDown);
        return true;
    }

    /// <summary>Whether a file name ends in <c>.sql</c> in another case (<c>.SQL</c>), which neither tool reads.</summary>
    public static bool HasWrongCaseExtension(string fileName) =>
        fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(Extension, StringComparison.Ordinal);

    /// <summary>A name <c>ci-migrate new</c> writes: letters, digits, <c>_</c> and <c>-</c>, not ending in <c>_down</c>.</summary>
    public static bool IsPlainName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
        && !name.EndsWith(DownSuffix, StringComparison.Ordinal);

    public override string ToString() => $"{Version}_{Name}{(IsDownSuffix ? DownSuffix : "")}{Extension}";
}
