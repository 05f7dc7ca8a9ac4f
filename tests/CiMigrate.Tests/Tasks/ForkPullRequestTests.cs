using CiMigrate.Tests.Execution;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Tasks;

/// <summary>
/// A fork's pull request runs without secrets (issue 25, finding 5): diff plans against the shadow alone, says so, puts
/// the plan in the job summary and exits 0 when lint and the plan find no error (it exited 2: "$STAGING_DATABASE_URL,
/// which is not set").
/// </summary>
public sealed class ForkPullRequestTests
{
    [Test]
    public async Task A_pull_request_without_the_database_secret_is_planned_against_the_shadow_alone()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", """
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS budgets (id int PRIMARY KEY);
            ALTER TABLE budgets ENABLE ROW LEVEL SECURITY;
            GRANT ALL ON budgets TO postgres, authenticated, service_role;
            GRANT SELECT ON budgets TO anon;
            """);
        var eventPath = repo.PathOf("event.json");
        File.WriteAllText(eventPath, """
            { "pull_request": { "number": 7, "head": { "sha": "abc", "repo": { "full_name": "someone/fork" } },
              "base": { "sha": "def", "repo": { "full_name": "tower-fleet/apps" } } } }
            """);
        var summary = repo.PathOf("summary.md");
        File.WriteAllText(summary, "");
        repo.Variables.Remove("STAGING_DATABASE_URL");
        repo.Variables["GITHUB_ACTIONS"] = "true";
        repo.Variables["GITHUB_EVENT_NAME"] = "pull_request";
        repo.Variables["GITHUB_EVENT_PATH"] = eventPath;
        repo.Variables["GITHUB_STEP_SUMMARY"] = summary;

        var run = await repo.RunAsync("diff", "--env", "staging", "--format", "markdown", "--shadow-url",
            (await PostgresServer.GetClusterAsync()).ConnectionString());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("No target: this pull request runs without the secrets of staging ($STAGING_DATABASE_URL is not set"));
        Assert.That(File.ReadAllText(summary), Does.Contain("20250208000001_create_budgets").And.Contain("No target"));
    }
}
