using System.Text.RegularExpressions;

using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.GitHub;

/// <summary>
/// The NuGet tool package as a user gets it: packed, installed into a fresh local tool manifest from that folder
/// only, and run through <c>dotnet tool run</c>.
/// </summary>
public sealed partial class ToolPackageTests
{
    string _folder = null!;
    string _version = null!;

    [OneTimeSetUp]
    public async Task PackAndInstall()
    {
        _folder = Directory.CreateTempSubdirectory("ci-migrate-tool-").FullName;
        _version = ProjectVersion().Match(File.ReadAllText(TestRepository.Combine("src", "Directory.Build.props"))).Groups[1].Value;
        var feed = Path.Combine(_folder, "feed");
        var repository = Directory.CreateDirectory(Path.Combine(_folder, "repository")).FullName;

        // The pointer package and the framework-dependent fallback, packed as the release packs them; the pointer is
        // read as a platform without its own Native AOT package reads it (build/tool-package-test.sh installs the
        // linux-x64 one, which takes a Native AOT publish), so `dotnet tool run` gets the fallback.
        await Bash($"""
            source build/tool-packages.sh
            tool_feed '{feed}' '{_version}' pointer any
            tool_pointer_without '{feed}' '{_version}' linux-x64
            """);
        // Only the packed folder is a source: a package of the same name on a public feed can never stand in.
        File.WriteAllText(Path.Combine(repository, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        await Dotnet(repository, "new", "tool-manifest");
        await Dotnet(repository, "tool", "install", "--add-source", feed, "ci-migrate", "--version", _version);
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Installed_tool_reports_the_package_version()
    {
        var run = await Tool("--version");

        Assert.That(run.Output.Trim(), Does.StartWith(_version + "+").Or.EqualTo(_version), run.ToString());
    }

    [Test]
    public async Task Installed_tool_lists_its_tasks()
    {
        var run = await Tool("--help");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("lint").And.Contain("diff").And.Contain("prod-apply"));
    }

    [Test]
    public async Task Installed_tool_lints_a_migration_and_fails_on_its_error()
    {
        var migrations = Directory.CreateDirectory(Path.Combine(_folder, "repository", "supabase", "migrations")).FullName;
        File.WriteAllText(Path.Combine(migrations, "20250208000001_drop_legacy.sql"), "SET search_path TO money_tracker;\nDROP DATABASE legacy;\n");

        var run = await Tool("lint", "supabase/migrations/20250208000001_drop_legacy.sql");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("supabase/migrations/20250208000001_drop_legacy.sql:2:1: error[drop-database]"), run.ToString());
        Assert.That(run.Output, Does.Contain("1 file linted: 1 error"), run.ToString());
    }

    Task<ProcessRun> Tool(params string[] arguments) =>
        ProcessRun.StartAsync("dotnet", ["tool", "run", "ci-migrate", "--", .. arguments], Path.Combine(_folder, "repository"),
            Environment());

    async Task Bash(string script)
    {
        // Packing restores through the machine's package cache; only the install must never see a cached package.
        var run = await ProcessRun.StartAsync("bash", ["-euo", "pipefail", "-c", script], TestRepository.Root,
            new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            timeout: TimeSpan.FromMinutes(10));
        Assert.That(run.ExitCode, Is.Zero, $"{script}\n{run}");
    }

    async Task Dotnet(string workingDirectory, params string[] arguments)
    {
        var run = await ProcessRun.StartAsync("dotnet", arguments, workingDirectory, Environment(), timeout: TimeSpan.FromMinutes(5));
        Assert.That(run.ExitCode, Is.Zero, $"dotnet {string.Join(' ', arguments)}\n{run}");
    }

    // A package folder and CLI home of its own: a package of the same version cached by an earlier run is never
    // used, and the SDK's tool resolver cache (under DOTNET_CLI_HOME) never points at a deleted earlier folder.
    Dictionary<string, string?> Environment() => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(_folder, "packages"),
        ["DOTNET_CLI_HOME"] = Path.Combine(_folder, "home"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex ProjectVersion();
}
