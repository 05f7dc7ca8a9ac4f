using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Shadow.SupabaseManifest;

/// <summary>
/// The shadow is a fresh Supabase project: its catalog, read by manifest.sql, is the list of object identities in
/// supabase-&lt;major&gt;.txt, which build/supabase-fresh-project.py prints for a project replayed from Supabase's sources.
/// </summary>
public sealed class SupabaseManifestTests
{
    const string DebianRoot = "/usr/lib/postgresql";

    static readonly string Folder = TestRepository.Combine("tests", "CiMigrate.Tests", "Shadow", "SupabaseManifest");

    static string ManifestPath(int major) => Path.Combine(Folder, $"supabase-{major}.txt");

    /// <summary>The majors this machine has server binaries for, as the throwaway shadow finds them.</summary>
    static IEnumerable<int> InstalledMajors() =>
        Directory.Exists(DebianRoot)
            ? Directory.EnumerateDirectories(DebianRoot)
                .Select(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Where(major => major >= PostgresBinaries.MinimumMajorVersion && File.Exists(Path.Combine(DebianRoot, major.ToString(), "bin", "initdb")))
                .Order()
            : [];

    /// <summary>Supabase's majors: new projects run 17, older ones 15.</summary>
    static readonly int[] SupabaseMajors = [15, 17];

    [TestCaseSource(nameof(InstalledMajors))]
    public async Task The_shadow_has_every_object_a_fresh_Supabase_project_has_and_no_other(int major)
    {
        Assert.That(File.Exists(ManifestPath(major)), Is.True, $"no manifest for PostgreSQL {major}: write it with build/supabase-fresh-project.py");
        var environment = new Dictionary<string, string?> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") };
        await using var shadow = await ThrowawayShadow.StartAsync(PostgresBinaries.Find(environment, major));
        Assert.That(shadow.Cluster.Version / 10000, Is.EqualTo(major));
        await using var database = await shadow.CreateDatabaseAsync();

        var actual = new List<string>();
        await using (var command = database.DataSource.CreateCommand(await File.ReadAllTextAsync(Path.Combine(Folder, "manifest.sql"))))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            do
            {
                while (reader.FieldCount > 0 && await reader.ReadAsync())
                    actual.Add(reader.GetString(0));
            }
            while (await reader.NextResultAsync());
        }

        var expected = (await File.ReadAllLinesAsync(ManifestPath(major))).Where(line => line.Length > 0).ToList();
        // The differences, named, rather than two lists of hundreds of lines.
        Assert.Multiple(() =>
        {
            Assert.That(expected.Except(actual), Is.Empty, "in a fresh Supabase project, missing from the shadow");
            Assert.That(actual.Except(expected), Is.Empty, "in the shadow, not in a fresh Supabase project");
        });
    }

    [TestCaseSource(nameof(SupabaseMajors))]
    public void Each_Supabase_major_has_a_manifest_of_distinct_sorted_identities(int major)
    {
        var lines = File.ReadAllLines(ManifestPath(major)).Where(line => line.Length > 0).ToList();

        Assert.That(lines, Has.Count.GreaterThan(300));
        Assert.That(lines, Is.Unique);
        Assert.That(lines, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(lines.Where(line => line.Split('\t').Length != 4), Is.Empty, "each line: kind, schema, name, detail");
        // What the first real histories stopped on (issue 23): GoTrue's tables, realtime's functions, the publication.
        foreach (var table in new[] { "identities", "sessions", "mfa_factors", "refresh_tokens" })
            Assert.That(lines, Has.Some.StartsWith($"table\tauth\t{table}\t"));
        Assert.That(lines, Has.Some.StartsWith("table\tauth\tusers\t").And.Contains("email_change_token_new character varying(255)"));
        Assert.That(lines, Has.Some.StartsWith("function\trealtime\ttopic()\ttext"));
        Assert.That(lines, Has.Some.StartsWith("function\trealtime\tsend(payload jsonb, event text, topic text, private boolean)\t"));
        Assert.That(lines, Has.Some.StartsWith("function\trealtime\tbroadcast_changes("));
        Assert.That(lines, Has.Some.StartsWith("table\trealtime\tmessages\t"));
        Assert.That(lines, Has.Member("publication\t\tsupabase_realtime\t"));
    }
}
