using System.Diagnostics;
using CiMigrate.Hosting;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Hosting;

/// <summary>
/// As root (a Docker action), what ci-migrate creates in a workspace owned by another uid goes to that uid: the files
/// of <c>new</c>, nested folders (backups), and GITHUB_OUTPUT/GITHUB_STEP_SUMMARY when it creates them, while the
/// runner's own files keep their owner. The container smoke test (build/container-smoke.sh) runs the image as root.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
sealed class FileOwnershipTests
{
    // Neither root nor uid 1001 (the hosted runner's user, which an earlier image ran as).
    const int RunnerUid = 1234;

    TempDirectory _workspace = null!;

    [SetUp]
    public void CreateWorkspaceOfAnotherUser()
    {
        Assume.That(CurrentUser.IsRoot, Is.True, "giving a folder to another uid needs root, as in the container");
        _workspace = new TempDirectory();
        Chown(_workspace.Path);
    }

    [TearDown]
    public void DeleteWorkspace() => _workspace?.Dispose();

    static void Chown(string path)
    {
        using var process = Process.Start("chown", ["-R", $"{RunnerUid}:{RunnerUid}", path])!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero);
    }

    static string Owner(string path)
    {
        var start = new ProcessStartInfo("stat", ["-c", "%u:%g", path]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var owner = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return owner;
    }

    [Test]
    public async Task New_gives_the_migration_its_down_file_and_the_down_folder_to_the_workspace_owner()
    {
        _workspace.Folder("supabase/migrations");
        Chown(_workspace.Path);

        var run = await CliRun.RunAsync(_workspace.Path, "new", "add_budgets", "--schema", "money_tracker");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var migrations = Path.Combine(_workspace.Path, "supabase", "migrations");
        var created = Directory.GetFiles(migrations, "*.sql", SearchOption.AllDirectories).Append(Path.Combine(migrations, "down")).ToList();
        Assert.That(created, Has.Count.EqualTo(3));
        Assert.That(created.Select(Owner), Is.All.EqualTo($"{RunnerUid}:{RunnerUid}"), string.Join("\n", created));
    }

    [Test]
    public async Task Action_files_created_by_the_tool_go_to_their_folders_owner_and_existing_ones_keep_theirs()
    {
        var output = Path.Combine(_workspace.Path, "output.txt");
        var summary = _workspace.File("summary.md", "");
        File.SetUnixFileMode(summary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using (var process = Process.Start("chown", ["4321:4321", summary])!)
            process.WaitForExit();

        await FileOwnership.AppendAsync(output, "pending-count<<x\n0\nx\n", CancellationToken.None);
        await FileOwnership.AppendAsync(summary, "### plan\n", CancellationToken.None);

        Assert.That(Owner(output), Is.EqualTo($"{RunnerUid}:{RunnerUid}"));
        Assert.That(Owner(summary), Is.EqualTo("4321:4321"));
        Assert.That(File.GetUnixFileMode(summary), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.ReadAllText(summary), Is.EqualTo("### plan\n"));
    }

    [Test]
    public void A_folder_of_several_new_levels_is_given_level_by_level()
    {
        var folder = Path.Combine(_workspace.Path, ".ci-migrate", "backups", "2026");

        FileOwnership.CreateFolder(folder);

        foreach (var level in new[] { ".ci-migrate", ".ci-migrate/backups", ".ci-migrate/backups/2026" })
            Assert.That(Owner(Path.Combine(_workspace.Path, level)), Is.EqualTo($"{RunnerUid}:{RunnerUid}"), level);
    }

    [Test]
    public async Task A_shadow_cache_in_the_workspace_belongs_to_the_workspace_owner_down_to_its_data_files()
    {
        var cache = new CiMigrate.Shadow.ShadowCache(Path.Combine(_workspace.Path, ".ci-migrate-cache", "shadow"));
        var key = CiMigrate.Shadow.ShadowCacheKey.ForCluster(CiMigrate.Shadow.PostgresBinaries.Find(new Dictionary<string, string?>()));

        await cache.PublishAsync(key, data =>
        {
            Directory.CreateDirectory(Path.Combine(data, "base"));
            File.WriteAllText(Path.Combine(data, "base", "1"), "page");
            return Task.CompletedTask;
        });

        var written = Directory.GetFileSystemEntries(Path.Combine(_workspace.Path, ".ci-migrate-cache"), "*", SearchOption.AllDirectories);
        Assert.That(written, Has.Length.GreaterThanOrEqualTo(5), string.Join("\n", written));
        Assert.That(written.Select(Owner), Is.All.EqualTo($"{RunnerUid}:{RunnerUid}"), string.Join("\n", written));
    }

    [Test]
    public void In_actions_the_shadow_cache_defaults_to_the_runner_temp_folder_outside_the_workspace()
    {
        var cache = CiMigrate.Shadow.ShadowCache.Locate(new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true", ["RUNNER_TEMP"] = "/runner/_temp", ["GITHUB_WORKSPACE"] = _workspace.Path, ["HOME"] = "/root",
        });

        Assert.That(cache!.Folder, Is.EqualTo("/runner/_temp/ci-migrate/shadow"));
    }
}
