using CiMigrate.Hosting;
using CiMigrate.Shadow;

namespace CiMigrate.Tests.Shadow;

public sealed class PostgresBinariesTests
{
    string _root = "";

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("ci-migrate-binaries-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void PG_BIN_wins_over_the_Debian_folders_and_PATH()
    {
        var pgBin = FakeBinFolder("custom");
        FakeBinFolder("lib/16/bin");
        var found = PostgresBinaries.Find(Env(("PG_BIN", pgBin), ("PATH", FakeBinFolder("path"))), Path.Combine(_root, "lib"));
        Assert.That(found.Directory, Is.EqualTo(pgBin));
    }

    [Test]
    public void The_newest_Debian_version_is_preferred_and_versions_before_15_are_skipped()
    {
        FakeBinFolder("lib/14/bin");
        FakeBinFolder("lib/15/bin");
        var newest = FakeBinFolder("lib/17/bin");
        var found = PostgresBinaries.Find(Env(), Path.Combine(_root, "lib"));
        Assert.That(found.Directory, Is.EqualTo(newest));
        Assert.That(found.InitDb, Is.EqualTo(Path.Combine(newest, "initdb")));
    }

    [Test]
    public void The_target_s_major_version_is_preferred_over_a_newer_one()
    {
        var target = FakeBinFolder("lib/15/bin");
        FakeBinFolder("lib/17/bin");
        Assert.That(PostgresBinaries.Find(Env(), Path.Combine(_root, "lib"), preferredMajor: 15).Directory, Is.EqualTo(target));
    }

    [Test]
    public void Without_the_target_s_version_the_newest_is_taken()
    {
        FakeBinFolder("lib/15/bin");
        var newest = FakeBinFolder("lib/17/bin");
        Assert.That(PostgresBinaries.Find(Env(), Path.Combine(_root, "lib"), preferredMajor: 16).Directory, Is.EqualTo(newest));
    }

    [Test]
    public void PATH_is_searched_when_no_Debian_folder_qualifies()
    {
        FakeBinFolder("lib/14/bin");
        var onPath = FakeBinFolder("path");
        var found = PostgresBinaries.Find(Env(("PATH", $"{Path.Combine(_root, "empty")}:{onPath}")), Path.Combine(_root, "lib"));
        Assert.That(found.Directory, Is.EqualTo(onPath));
    }

    [Test]
    public void A_folder_missing_one_program_does_not_count()
    {
        var partial = FakeBinFolder("path");
        File.Delete(Path.Combine(partial, "pg_ctl"));
        var error = Assert.Throws<UsageException>(() => PostgresBinaries.Find(Env(("PATH", partial)), Path.Combine(_root, "lib")));
        Assert.That(error!.Message, Does.Contain("apt-get install postgresql-15").And.Contain("PG_BIN"));
    }

    [Test]
    public void PG_BIN_naming_a_folder_without_the_programs_is_an_error_that_names_it()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        var error = Assert.Throws<UsageException>(() => PostgresBinaries.Find(Env(("PG_BIN", empty)), Path.Combine(_root, "lib")));
        Assert.That(error!.Message, Does.StartWith($"PG_BIN is set to '{empty}'"));
    }

    [Test]
    public void Installed_lists_every_Debian_major_from_15_newest_first()
    {
        FakeBinFolder("lib/14/bin");
        var fifteen = FakeBinFolder("lib/15/bin");
        var seventeen = FakeBinFolder("lib/17/bin");
        FakeBinFolder("path");
        var installed = PostgresBinaries.Installed(Env(("PATH", Path.Combine(_root, "path"))), Path.Combine(_root, "lib"));
        Assert.That(installed.Select(b => b.Directory), Is.EqualTo(new[] { seventeen, fifteen }));
    }

    [Test]
    public void Installed_is_PG_BIN_s_server_alone_when_it_is_set_and_PATH_s_first_without_Debian_folders()
    {
        FakeBinFolder("lib/17/bin");
        var pgBin = FakeBinFolder("custom");
        var onPath = FakeBinFolder("path");
        Assert.That(PostgresBinaries.Installed(Env(("PG_BIN", pgBin)), Path.Combine(_root, "lib")).Select(b => b.Directory),
            Is.EqualTo(new[] { pgBin }));
        Assert.That(PostgresBinaries.Installed(Env(("PATH", onPath)), Path.Combine(_root, "nothing")).Select(b => b.Directory),
            Is.EqualTo(new[] { onPath }));
    }

    [Test]
    public void The_machine_default_finds_real_server_binaries()
    {
        var found = PostgresBinaries.Find(new Dictionary<string, string?>());
        Assert.That(File.Exists(found.Postgres), Is.True, found.Directory);
    }

    [Test]
    public async Task A_17_target_is_replayed_on_17_where_its_binaries_are_here_else_on_the_newest_major_here()
    {
        // New Supabase projects run 17; this machine may have only 15. The server that runs must be the one chosen.
        var installed = Directory.EnumerateDirectories("/usr/lib/postgresql")
            .Select(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
            .Where(major => major >= PostgresBinaries.MinimumMajorVersion && File.Exists($"/usr/lib/postgresql/{major}/bin/initdb"))
            .ToList();
        var expected = installed.Contains(17) ? 17 : installed.Max();

        var binaries = PostgresBinaries.Find(new Dictionary<string, string?>(), preferredMajor: 17);
        await using var shadow = await ThrowawayShadow.StartAsync(binaries);

        Assert.That(binaries.Directory, Is.EqualTo($"/usr/lib/postgresql/{expected}/bin"));
        Assert.That(shadow.Cluster.Version / 10000, Is.EqualTo(expected));
    }

    string FakeBinFolder(string relative)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, relative)).FullName;
        foreach (var program in new[] { "initdb", "pg_ctl", "postgres" })
            File.WriteAllText(Path.Combine(folder, program), "");
        return folder;
    }

    static Dictionary<string, string?> Env(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (string?)p.Value);
}
