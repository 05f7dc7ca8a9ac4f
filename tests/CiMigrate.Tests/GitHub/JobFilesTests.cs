using System.Text.RegularExpressions;
using CiMigrate.GitHub;

namespace CiMigrate.Tests.GitHub;

public sealed class JobFilesTests
{
    string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ci-migrate-jobfiles-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Outputs_use_the_multiline_form_with_a_fresh_delimiter()
    {
        var path = Path.Combine(_folder, "output");
        await File.WriteAllTextAsync(path, "earlier=1\n");

        await new ActionOutputs(path).SetPlanAsync(3, "sha256:abc", true, ["money-tracker", "home-portal"]);

        var text = await File.ReadAllTextAsync(path);
        var entries = Regex.Matches(text, @"^(?<name>[a-z-]+)<<(?<d>ghadelimiter_[0-9a-f]{32})\n(?<value>.*?)\n\k<d>\n", RegexOptions.Multiline | RegexOptions.Singleline)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        Assert.That(text, Does.StartWith("earlier=1\n"));
        Assert.That(entries, Is.EqualTo(new Dictionary<string, string>
        {
            ["pending-count"] = "3",
            ["plan-hash"] = "sha256:abc",
            ["has-destructive"] = "true",
            ["apps"] = "[\"money-tracker\",\"home-portal\"]",
        }));
    }

    [Test]
    public async Task Multiline_values_pass_unchanged()
    {
        var path = Path.Combine(_folder, "output");

        await new ActionOutputs(path).SetAsync("plan", "line one\nline two");

        Assert.That(await File.ReadAllTextAsync(path), Does.Match(@"^plan<<(ghadelimiter_\w+)\nline one\nline two\n\1\n$"));
    }

    [Test]
    public async Task Summary_is_appended_never_overwritten()
    {
        var path = Path.Combine(_folder, "summary.md");
        var summary = new JobSummary(path);

        await summary.AppendAsync("## money-tracker");
        await summary.AppendAsync("## home-portal\n");

        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("## money-tracker\n## home-portal\n"));
    }

    [Test]
    public async Task Outside_actions_nothing_is_written()
    {
        Assert.That(await new ActionOutputs(null).SetAsync("apps", "[]"), Is.False);
        Assert.That(await new JobSummary(null).AppendAsync("x"), Is.False);
    }
}
