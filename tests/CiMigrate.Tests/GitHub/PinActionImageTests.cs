using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.GitHub;

/// <summary>
/// build/pin-action-image.sh, the release workflow's edit of the action metadata, run on copies of action.yml and
/// setup/action.yml: the image reference and the setup's default version change, nothing else does, and a bad version
/// changes nothing.
/// </summary>
public sealed class PinActionImageTests
{
    string _folder = null!;

    string Action => Path.Combine(_folder, "action.yml");
    string Setup => Path.Combine(_folder, "setup", "action.yml");

    [SetUp]
    public void CopyTheActionFiles()
    {
        _folder = Directory.CreateTempSubdirectory("ci-migrate-pin-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "setup"));
        File.Copy(TestRepository.Combine("action.yml"), Action);
        File.Copy(TestRepository.Combine("setup", "action.yml"), Setup);
    }

    [TearDown]
    public void DeleteTheCopies() => Directory.Delete(_folder, recursive: true);

    Task<ProcessRun> PinAsync(params string[] arguments) =>
        ProcessRun.StartAsync("bash", [TestRepository.Combine("build", "pin-action-image.sh"), .. arguments], _folder);

    [TestCase("1.2.3", "ghcr.io/tower-fleet/ci-migrate")]
    [TestCase("2.0.0-rc.1", "ghcr.io/some-fork/ci-migrate")]
    public async Task Release_pins_the_image_and_the_setup_version_and_nothing_else(string version, string image)
    {
        var actionBefore = File.ReadAllLines(Action);
        var setupBefore = File.ReadAllLines(Setup);

        var run = await PinAsync(version, _folder, image);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var action = File.ReadAllLines(Action);
        var setup = File.ReadAllLines(Setup);
        Assert.That(action.Where(line => line.StartsWith("  image: ", StringComparison.Ordinal)),
            Is.EqualTo(new[] { $"  image: docker://{image}:{version}" }));
        Assert.That(setup, Does.Contain($"    default: \"{version}\" # ci-migrate version"));
        Assert.That(action.Except(actionBefore).Count() + actionBefore.Except(action).Count(), Is.EqualTo(2), "one line replaced");
        Assert.That(setup.Except(setupBefore).Count() + setupBefore.Except(setup).Count(), Is.EqualTo(2), "one line replaced");
        Assert.That(action, Has.Length.EqualTo(actionBefore.Length));
        Assert.That(setup, Has.Length.EqualTo(setupBefore.Length));
    }

    [TestCase("v1.2.3")]
    [TestCase("1.2")]
    [TestCase("1.2.3+build.5")]
    [TestCase("1.2.3|x")]
    [TestCase("1.2.3\nimage: evil")]
    [TestCase("")]
    public async Task A_bad_version_is_refused_and_changes_nothing(string version)
    {
        var actionBefore = File.ReadAllText(Action);
        var setupBefore = File.ReadAllText(Setup);

        var run = await PinAsync(version, _folder);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("is not a version like 1.2.3"));
        Assert.That(File.ReadAllText(Action), Is.EqualTo(actionBefore));
        Assert.That(File.ReadAllText(Setup), Is.EqualTo(setupBefore));
    }

    [Test]
    public async Task An_action_yml_that_builds_from_the_dockerfile_is_refused_with_its_path()
    {
        File.WriteAllText(Action, File.ReadAllText(Action).Replace("image: docker://ghcr.io/tower-fleet/ci-migrate:0.1.0", "image: Dockerfile"));

        var run = await PinAsync("1.2.3", _folder);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"{Action}: expected one line '  image: docker://...' under runs"));
        Assert.That(File.ReadAllText(Setup), Does.Contain("default: \"0.1.0\" # ci-migrate version"));
    }

    [Test]
    public void The_action_in_the_repository_runs_a_published_image_not_the_dockerfile()
    {
        var image = File.ReadLines(TestRepository.Combine("action.yml")).Single(line => line.StartsWith("  image: ", StringComparison.Ordinal));

        Assert.That(image, Does.Match(@"^  image: docker://ghcr\.io/tower-fleet/ci-migrate:\d+\.\d+\.\d+$"));
    }
}
