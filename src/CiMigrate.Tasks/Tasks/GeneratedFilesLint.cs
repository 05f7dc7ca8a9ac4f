using CiMigrate.Configuration;
using CiMigrate.Generation;
using CiMigrate.Lint;
using CiMigrate.Migrations;

namespace CiMigrate.Tasks;

/// <summary>
/// Lints what <c>generate</c> wrote as <c>ci-migrate lint</c> will once the files are in the migrations folder: in a
/// copy of that folder with the new files added, reported under the paths they will have. A down file restores the
/// earlier schema as it was (the proof shows it does), so the rules that weigh a forward change (a table rewritten,
/// an index built without CONCURRENTLY, a view without the security_invoker the history lacked) are suppressed there,
/// each by name with the reason; syntax and file-name findings never are.
/// </summary>
public sealed class GeneratedFilesLint(Linter linter, AppSettings app, string root)
{
    /// <summary>The files with the suppressions their down files need.</summary>
    public IReadOnlyList<GeneratedFile> WithDownSuppressions(IReadOnlyList<GeneratedFile> files)
    {
        var report = Lint(files);
        return
        [
            .. files.Select(file =>
            {
                var down = RepositoryPaths.Display(Path.Combine(app.Migrations, MigrationFolderListing.DownFolderName, file.FileName), root);
                var rules = report.Findings
                    .Where(f => f.File == down && f.IsError && linter.Descriptions.Any(d => d.Id == f.Rule && d.Category is not (RuleCategory.Linter or RuleCategory.File)))
                    .Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal).ToList();
                if (rules.Count == 0)
                    return file;
                var lines = file.Down.Split('\n').ToList();
                var at = lines.FindIndex(l => l.StartsWith("SET search_path", StringComparison.Ordinal));
                lines.Insert(at, $"-- {LintMarkers.IgnoreFile} {string.Join(",", rules)} a down file puts back the earlier schema as it was");
                return file with { Down = string.Join('\n', lines) };
            }),
        ];
    }

    /// <summary>Every finding on the generated up and down files.</summary>
    public LintReport Lint(IReadOnlyList<GeneratedFile> files)
    {
        var copy = Directory.CreateTempSubdirectory("ci-migrate-generate-lint-");
        try
        {
            var downCopy = Path.Combine(copy.FullName, MigrationFolderListing.DownFolderName);
            Directory.CreateDirectory(downCopy);
            CopySql(app.Migrations, copy.FullName);
            CopySql(Path.Combine(app.Migrations, MigrationFolderListing.DownFolderName), downCopy);
            foreach (var file in files)
            {
                File.WriteAllText(Path.Combine(copy.FullName, file.FileName), file.Up);
                File.WriteAllText(Path.Combine(downCopy, file.FileName), file.Down);
            }

            var folder = new MigrationsFolder(copy.FullName, app with { Migrations = copy.FullName });
            return linter.Lint(
            [
                .. files.SelectMany(f => new[]
                {
                    Open(folder, copy.FullName, f.FileName, f.Up, LintFileRole.Up),
                    Open(folder, downCopy, f.FileName, f.Down, LintFileRole.Down),
                }),
            ]);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    LintFile Open(MigrationsFolder folder, string directory, string fileName, string text, LintFileRole role)
    {
        var real = role == LintFileRole.Up
            ? Path.Combine(app.Migrations, fileName)
            : Path.Combine(app.Migrations, MigrationFolderListing.DownFolderName, fileName);
        return new LintFile(Path.Combine(directory, fileName), RepositoryPaths.Display(real, root), text, role, app.Schema, folder);
    }

    static void CopySql(string from, string to)
    {
        if (!Directory.Exists(from))
            return;
        foreach (var path in Directory.EnumerateFiles(from, "*.sql"))
            File.Copy(path, Path.Combine(to, Path.GetFileName(path)));
    }
}
