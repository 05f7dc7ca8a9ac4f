using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary>
/// The statements of the migration files lint reads history from, with each file's version, in the order given.
/// A file whose name is not a migration's is passed over; one that does not parse declares nothing here (it gets its
/// own syntax-error finding).
/// </summary>
static class EarlierMigrations
{
    public static IEnumerable<(string Version, SqlStatement Statement)> Statements(IEnumerable<string> upFiles)
    {
        foreach (var path in upFiles)
        {
            if (!Migrations.MigrationFileName.TryParse(Path.GetFileName(path), out var name))
                continue;
            SqlScript script;
            try
            {
                script = SqlScript.Parse(File.ReadAllText(path), path);
            }
            catch (SqlSyntaxException)
            {
                continue;
            }

            foreach (var statement in script.Statements)
                yield return (name.Value.Version, statement);
        }
    }
}
