using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.GitHub;

/// <summary>
/// setup/install.sh, the work of <c>tower-fleet/ci-migrate/setup</c>, against a release laid out under a file:// URL
/// as GitHub serves it (<c>v&lt;version&gt;/&lt;asset&gt;</c> and <c>SHA256SUMS</c>), with the runner's variables:
/// the binary lands in the tool cache and on GITHUB_PATH only when its SHA-256 is the listed one.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SetupActionTests
{
    const string Version = "1.4.2";

    string _folder = null!;

    string Releases => Path.Combine(_folder, "releases");
    string ToolCache => Path.Combine(_folder, "toolcache");
    string GitHubPath => Path.Combine(_folder, "github_path");
    string GitHubOutput => Path.Combine(_folder, "github_output");

    [SetUp]
    public void CreateRunner()
    {
        _folder = Directory.CreateTempSubdirectory("ci-migrate-setup-").FullName;
        Directory.CreateDirectory(ToolCache);
        Directory.CreateDirectory(Path.Combine(_folder, "temp"));
        File.WriteAllText(GitHubPath, "");
        File.WriteAllText(GitHubOutput, "");
    }

    [TearDown]
    public void DeleteRunner() => Directory.Delete(_folder, recursive: true);

    /// <summary>A release whose archives hold a stand-in ci-migrate that reports <paramref name="reports"/>.</summary>
    void PublishRelease(string reports = Version + "+abc123")
    {
        var release = Directory.CreateDirectory(Path.Combine(Releases, $"v{Version}")).FullName;
        var sums = new List<string>();
        foreach (var arch in new[] { "x64", "arm64" })
        {
            var asset = $"ci-migrate-{Version}-linux-{arch}.tar.gz";
            var path = Path.Combine(release, asset);
            using (var file = File.Create(path))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            using (var tar = new TarWriter(gzip))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, "./ci-migrate")
                {
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead |
                        UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
                        $"#!/bin/sh\nif [ \"$1\" = --version ]; then echo '{reports}'; else echo linux-{arch}; fi\n")),
                };
                tar.WriteEntry(entry);
            }

            sums.Add($"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))}  {asset}");
        }

        File.WriteAllLines(Path.Combine(release, "SHA256SUMS"), sums);
    }

    Task<ProcessRun> InstallAsync(string arch = "X64", string version = Version, string? downloadUrl = null) =>
        ProcessRun.StartAsync("bash", [TestRepository.Combine("setup", "install.sh")], _folder, new Dictionary<string, string?>
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["CI_MIGRATE_VERSION"] = version,
            ["CI_MIGRATE_DOWNLOAD_URL"] = downloadUrl ?? new Uri(Releases).AbsoluteUri,
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_ARCH"] = arch,
            ["RUNNER_TOOL_CACHE"] = ToolCache,
            ["RUNNER_TEMP"] = Path.Combine(_folder, "temp"),
            ["GITHUB_PATH"] = GitHubPath,
            ["GITHUB_OUTPUT"] = GitHubOutput,
        }, clearEnvironment: true);

    [TestCase("X64", "x64")]
    [TestCase("ARM64", "arm64")]
    public async Task The_checked_binary_of_the_runners_architecture_goes_into_the_tool_cache_and_on_PATH(string runnerArch, string arch)
    {
        PublishRelease();

        var run = await InstallAsync(runnerArch);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var folder = Path.Combine(ToolCache, "ci-migrate", Version, arch);
        Assert.That(File.ReadAllLines(GitHubPath), Is.EqualTo(new[] { folder }));
        Assert.That(File.ReadAllLines(GitHubOutput), Is.EqualTo(new[] { $"version={Version}", $"path={folder}/ci-migrate" }));
        Assert.That(File.Exists(folder + ".complete"), Is.True, "the tool cache's completion marker");
        var installed = await ProcessRun.StartAsync(Path.Combine(folder, "ci-migrate"), [], _folder);
        Assert.That(installed.Output.Trim(), Is.EqualTo($"linux-{arch}"));
        Assert.That(Directory.GetFileSystemEntries(Path.Combine(_folder, "temp")), Is.Empty, "the download is cleaned up");
    }

    [Test]
    public async Task A_cached_version_is_used_without_downloading()
    {
        PublishRelease();
        Assert.That((await InstallAsync()).ExitCode, Is.Zero);
        File.WriteAllText(GitHubPath, "");

        var run = await InstallAsync(downloadUrl: new Uri(Path.Combine(_folder, "nowhere")).AbsoluteUri);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain($"ci-migrate {Version} (x64) found in the tool cache"));
        Assert.That(File.ReadAllLines(GitHubPath), Is.EqualTo(new[] { Path.Combine(ToolCache, "ci-migrate", Version, "x64") }));
    }

    [Test]
    public async Task An_archive_that_is_not_the_listed_one_is_refused_and_nothing_is_installed()
    {
        PublishRelease();
        var asset = Path.Combine(Releases, $"v{Version}", $"ci-migrate-{Version}-linux-x64.tar.gz");
        File.AppendAllText(asset, "tampered");

        var run = await InstallAsync();

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Match(
            $@"::error title=ci-migrate setup::ci-migrate-{Version}-linux-x64\.tar\.gz has SHA-256 [0-9a-f]{{64}}, but SHA256SUMS of v{Version} lists [0-9a-f]{{64}}"));
        Assert.That(Directory.Exists(Path.Combine(ToolCache, "ci-migrate")), Is.False);
        Assert.That(File.ReadAllText(GitHubPath), Is.Empty);
    }

    [Test]
    public async Task An_asset_missing_from_SHA256SUMS_is_refused()
    {
        PublishRelease();
        var sums = Path.Combine(Releases, $"v{Version}", "SHA256SUMS");
        File.WriteAllLines(sums, File.ReadAllLines(sums).Where(line => !line.EndsWith("x64.tar.gz", StringComparison.Ordinal)));

        var run = await InstallAsync();

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain($"SHA256SUMS of v{Version} lists no checksum for ci-migrate-{Version}-linux-x64.tar.gz"));
        Assert.That(File.ReadAllText(GitHubPath), Is.Empty);
    }

    [Test]
    public async Task A_binary_reporting_another_version_is_not_put_on_PATH()
    {
        PublishRelease(reports: "9.9.9");

        var run = await InstallAsync();

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain($"reports version 9.9.9, not {Version}"));
        Assert.That(File.ReadAllText(GitHubPath), Is.Empty);
    }

    [TestCase("X64", "v1.4.2", "the input 'version' is 'v1.4.2'; it must be a release version like 1.2.3")]
    [TestCase("ARM", Version, "ci-migrate ships linux-x64 and linux-arm64 binaries; this runner's architecture is ARM")]
    [TestCase("X64", "9.9.9", "could not download")]
    public async Task Bad_input_or_runner_is_a_clear_error(string arch, string version, string message)
    {
        PublishRelease();

        var run = await InstallAsync(arch, version);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(File.ReadAllText(GitHubPath), Is.Empty);
    }
}
