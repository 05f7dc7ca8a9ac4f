using CiMigrate.Hosting;

namespace CiMigrate.Migrations;

/// <summary>
/// The check discovery made of every down file until it left them unread: a down file that is about to run, or whose
/// migration is about to be applied, is UTF-8 and not blank. Called by the task that runs down files (rollback) and by
/// those that apply or plan migrations (apply, diff), so a broken down file is still refused before it is needed, with
/// discovery's words.
/// </summary>
public static class DownFiles
{
    /// <summary>Throws one <see cref="MigrationSetException"/> naming every bad down file of <paramref name="migrations"/>, in their order.</summary>
    public static void Check(IEnumerable<Migration> migrations)
    {
        var problems = new List<string>();
        foreach (var down in migrations.Select(m => m.Down).OfType<MigrationFile>())
        {
            try
            {
                if (down.IsBlank)
                    problems.Add($"{down.DisplayPath}: the file is empty.");
            }
            catch (UsageException ex)
            {
                problems.Add(ex.Message);
            }
        }

        if (problems.Count > 0)
            throw new MigrationSetException(problems);
    }
}
