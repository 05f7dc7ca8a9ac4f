using System.Runtime.CompilerServices;
using System.Text;

namespace CiMigrate.Tests.Sql;

/// <summary>
/// Each <c>golden/*.sql</c> is split and its rendering compared with <c>golden/*.golden</c>.
/// To rewrite the golden files after a deliberate change run <c>UPDATE_GOLDEN=1 dotnet test --filter GoldenFileTests</c>,
/// then review every changed .golden by hand before committing: a golden file is a claim about PostgreSQL, not a snapshot.
/// </summary>
sealed class GoldenFileTests
{
    static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "Sql", "golden");

    static IEnumerable<string> Cases() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Sql", "golden"), "*.sql")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Cases))]
    public void Split_matches_the_golden_file(string name)
    {
        // Decoded by hand: File.ReadAllText would drop a BOM before the lexer could show it skips one.
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(OutputFolder, name + ".sql")));
        var actual = GoldenFormat.Render(text, name + ".sql");
        var goldenPath = Path.Combine(OutputFolder, name + ".golden");

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFolder(), name + ".golden"), actual);
            return;
        }

        Assert.That(File.Exists(goldenPath), Is.True, $"missing {name}.golden: run with UPDATE_GOLDEN=1 and review it");
        var expected = File.ReadAllText(goldenPath);
        Assert.That(actual, Is.EqualTo(expected), LineDiff.Describe(expected, actual));
    }

    static string SourceFolder([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "golden");
}
