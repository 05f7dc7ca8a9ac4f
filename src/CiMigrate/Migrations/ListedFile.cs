namespace CiMigrate.Migrations;

/// <summary>A <c>.sql</c> file of a migrations folder, as <see cref="MigrationFolderListing"/> found it.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="Name">The parsed file name; null when it is not a migration's name.</param>
/// <param name="InDownFolder">Whether it sits in the folder's <c>down/</c> folder.</param>
public sealed record ListedFile(string Path, MigrationFileName? Name, bool InDownFolder)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>A down file: in <c>down/</c>, or named <c>&lt;version&gt;_&lt;name&gt;_down.sql</c> beside the up files.</summary>
    public bool IsDown => InDownFolder || Name?.IsDownSuffix == true;
}
