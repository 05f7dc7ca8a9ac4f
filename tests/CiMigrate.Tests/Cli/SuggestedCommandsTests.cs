using System.Text.RegularExpressions;
using CiMigrate.Cli;
using CiMigrate.Tests.Execution;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Cli;

/// <summary>
/// Every command a message of the tool suggests runs as printed (issue 25, finding 11): collected from the source's
/// string literals, holes filled with sample values, each parsed by the tool's own command line; and the database URL
/// reaches the tool through the environment, never argv.
/// </summary>
public sealed partial class SuggestedCommandsTests
{
    static IEnumerable<TestCaseData> Suggestions()
    {
        var source = TestRepository.Combine("src", "CiMigrate");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            // Help examples (TaskUsage) end with files and names this pattern does not take; messages suggest options only.
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && Path.GetFileName(f) != "TaskUsage.cs"))
        {
            // What a user reads: the code's literals, not its comments.
            var code = string.Join('\n', File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            foreach (Match suggestion in Suggested().Matches(code))
            {
                var command = Holes().Replace(suggestion.Groups[1].Value, hole => Sample(hole.Value)).Trim().TrimEnd('.', ',', ';');
                if (!command.Contains('<') && seen.Add(command))
                    yield return new TestCaseData(command).SetArgDisplayNames(command);
            }
        }
    }

    static string Sample(string hole) => hole.ToLowerInvariant() switch
    {
        var h when h.Contains("environment") || h.Contains("required") || h.Contains("env") => "staging",
        var h when h.Contains("app") => "money-tracker",
        var h when h.Contains("version") => "20250208000001",
        _ => "x",
    };

    [TestCaseSource(nameof(Suggestions))]
    public void A_suggested_command_parses_as_printed(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];

        var run = new CliApp().RunAsync([.. words, "--tree"], new StringWriter(), new StringWriter(), new Dictionary<string, string?>(), Path.GetTempPath());

        Assert.That(run.GetAwaiter().GetResult(), Is.EqualTo(0), $"'{command}' does not parse");
    }

    [Test]
    public async Task The_baseline_refusal_suggests_a_command_with_the_app_that_then_runs()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "init", "SET search_path TO recipe_box;\nCREATE TABLE IF NOT EXISTS items (id int);\n", "recipe-box");
        repo.Up("20250208000001", "init", "SET search_path TO home_portal;\nCREATE TABLE IF NOT EXISTS rooms (id int);\n", "home-portal");
        await repo.Staging.ExecuteAsync("CREATE SCHEMA recipe_box; CREATE TABLE recipe_box.items (id int);");

        var refused = await repo.RunAsync("stage-apply", "--app", "recipe-box");
        var suggested = SuggestedBaseline().Match(refused.Error).Groups[1].Value;
        var baseline = await repo.RunAsync(suggested.Split(' ')[1..]);

        Assert.That(suggested, Is.EqualTo("ci-migrate baseline --app recipe-box --env staging"));
        Assert.That(baseline.ExitCode, Is.EqualTo(0), baseline.Error);
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(app, ',') FROM ci_migrate.applied_migrations"), Is.EqualTo("recipe-box"));
    }

    [TestCase("CIMIGRATE__DATABASEURL")]
    [TestCase("INPUT_DATABASE-URL")]
    public async Task The_database_url_reaches_the_tool_through_the_environment(string variable)
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "init", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS items (id int);\n");
        repo.Variables[variable] = repo.Staging.ConnectionString;
        repo.Variables.Remove("STAGING_DATABASE_URL");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM money_tracker.items"), Is.EqualTo(0));
    }

    [Test]
    public void A_missing_system_program_is_a_clear_error_naming_it()
    {
        using var process = new System.Diagnostics.Process { StartInfo = new("ci-migrate-no-such-program") { UseShellExecute = false } };

        var error = Assert.Throws<MissingProgramException>(() => MissingProgramException.Start(process, "The shadow database"));

        Assert.That(error!.Message, Does.StartWith("The shadow database needs the program 'ci-migrate-no-such-program', which could not be started"));
        Assert.That(error, Is.InstanceOf<ExecutionException>(), "exit code 3 with the message, not 'internal error: Win32Exception'");
    }

    // A command in a literal: `ci-migrate <task>` and the options after it, each with its value (a hole or a word); the prose after it is not part of it.
    [GeneratedRegex(@"(ci-migrate (?:lint|diff|stage-apply|prod-apply|rollback|status|baseline|repair|new|apps|generate|doctor|inspect|copy-schema)\b(?: --[a-z-]+(?:[ =](?:\{[^}]*\}|<[^>]*>|[^\s""'`)(;,<{-][^\s""'`)(;,]*))?)*)")]
    private static partial Regex Suggested();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Holes();

    [GeneratedRegex(@"(ci-migrate baseline [^ ]+ [^ ]+ --env [a-z]+)")]
    private static partial Regex SuggestedBaseline();
}
