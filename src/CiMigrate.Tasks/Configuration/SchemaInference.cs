using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Sql;

namespace CiMigrate.Configuration;

/// <summary>Zero-config: the app's schema is what its migrations set first (<c>SET search_path TO money_tracker;</c>).</summary>
static class SchemaInference
{
    public static string? FromMigrations(string folder)
    {
        foreach (var file in MigrationFolderListing.Of(folder).UpFiles)
        {
            SqlScript script;
            try
            {
                script = MigrationFile.Read(file.Path, folder).Script;
            }
            catch (UsageException)
            {
                // A broken file is reported by whoever reads it for real; here it just does not tell the schema.
                continue;
            }

            if (script.Statements is [{ Kind: StatementKind.SetSearchPath, Objects: [var schema, ..] }, ..])
                return schema;
        }

        return null;
    }
}
