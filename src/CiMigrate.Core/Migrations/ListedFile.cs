namespace CiMigrate.Migrations;

/// <summary>A <c>.sql</c> file (in any case) of a migrations folder, as <see cref="MigrationFolderListing"/> found it.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="Name">The parsed file name; null when it is not a migration's name.</param>
/// <param name="InDownFolder">Whether it sits in the folder's <c>down/</c> folder.</param>
public sealed record ListedFile(string Path, MigrationFileName? Name, bool InDownFolder)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>A down file: in <c>down/</c>, or named <c>&lt;version&gt;_&lt;name&gt;_down.sql</c> beside the up files.</summary>
    public bool IsDown => InDownFolder || Name?.IsDownSuffix == true;

    /// <summary>
    /// Why ci-migrate (and the Supabase CLI) skip the file, or null for a migration's file: a name without a version
    /// (<c>seed.sql</c>, <c>local_2024_x.sql</c>), or <c>.SQL</c> where file names are case-sensitive.
    /// </summary>
    public string? SkipReason => Name is not null ? null
        : MigrationFileName.HasWrongCaseExtension(FileName)
            ? $"it ends in {System.IO.Path.GetExtension(FileName)}, not .sql, and neither ci-migrate nor the Supabase CLI reads it (file names are case-sensitive); rename it to end in .sql"
            : $"the name does not match {MigrationFileName.Pattern}, so neither ci-migrate nor the Supabase CLI applies it; rename it, move it out of the folder, or list it in apps.<name>.ignore";
}
