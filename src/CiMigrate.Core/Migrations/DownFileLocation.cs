namespace CiMigrate.Migrations;

public enum DownFileLocation
{
    /// <summary>No down file.</summary>
    None,

    /// <summary><c>down/&lt;version&gt;_&lt;name&gt;.sql</c>: the Supabase CLI ignores subfolders.</summary>
    DownFolder,

    /// <summary>
    /// <c>&lt;version&gt;_&lt;name&gt;_down.sql</c> beside the up file, as the runbook writes it; accepted, but
    /// <c>supabase migration up</c> then fails with a duplicate version, so lint warns.
    /// </summary>
    BesideUpFile,
}
