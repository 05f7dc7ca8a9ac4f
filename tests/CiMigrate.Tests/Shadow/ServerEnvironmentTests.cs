using CiMigrate.Shadow;
using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.Shadow;

/// <summary>
/// No secret of the job reaches code a pull request controls (issue 26, item 3): the shadow server starts with a
/// scrubbed environment, and a pending migration that reaches the server's programs or files is not replayed.
/// </summary>
public sealed class ServerEnvironmentTests
{
    const string Secret = "CI_MIGRATE_TEST_SHADOW_SECRET";

    [Test]
    public async Task The_shadow_servers_environment_holds_none_of_the_tools_variables()
    {
        var parent = Path.Combine("/tmp", $"ci-migrate-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(parent);
        Environment.SetEnvironmentVariable(Secret, "hunter2-in-the-job");
        try
        {
            await using var cluster = await ThrowawayCluster.StartAsync(new ThrowawayClusterOptions { ParentDirectory = parent });
            // The attack itself: the server's environment, as a migration running on it as a superuser could read it.
            await using var command = cluster.DataSource().CreateCommand(
                "CREATE TEMPORARY TABLE environment (line text); COPY environment FROM PROGRAM 'env'; " +
                "SELECT string_agg(line, E'\\n') FROM environment");
            var environment = (string)(await command.ExecuteScalarAsync())!;

            Assert.That(environment, Does.Contain("PATH="), "the server still finds its programs");
            Assert.That(environment, Does.Not.Contain("hunter2-in-the-job"));
            Assert.That(environment, Does.Not.Contain(Secret));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Secret, null);
            Directory.Delete(parent, recursive: true);
        }
    }

    [Test]
    public async Task Diff_does_not_replay_a_pending_migration_that_runs_a_program_on_the_shadow()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        var witness = Path.Combine("/tmp", $"ci-migrate-pwned-{Guid.NewGuid():N}");
        repo.Up("20250208000001", "exfiltrate", $"""
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS budgets (id bigint PRIMARY KEY);
            DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''env > {witness}'''; END $$;
            """);

        var diff = await repo.RunAsync("diff", "--env", "staging");

        Assert.That(diff.ExitCode, Is.Not.EqualTo(0), diff.Output);
        Assert.That(diff.Error + diff.Output, Does.Contain("COPY ... PROGRAM runs a shell command on the server"));
        Assert.That(File.Exists(witness), Is.False, "the program never ran");
        var lint = await repo.RunAsync("lint");
        Assert.That(lint.Output, Does.Contain(":3:1: warning[server-access]"), lint.Output + lint.Error);
    }

    [Test]
    public async Task Diff_replays_global_ddl_on_the_shadow_and_keeps_the_plan_dangerous()
    {
        // The shadow is no one's shared database: the plan shows every change after the statement, and the lint
        // finding of the statement (which the apply refuses on the target) keeps the verdict dangerous.
        await using var repo = await MigrationRepository.CreateAsync();
        repo.LintSettings = null;
        repo.Up("20250208000001", "defaults", """
            SET search_path TO money_tracker;
            ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
            CREATE TABLE IF NOT EXISTS budgets (id bigint PRIMARY KEY);
            """);

        var diff = await repo.RunAsync("diff", "--format", "json");

        Assert.That(diff.ExitCode, Is.EqualTo(1), diff.Output + diff.Error);
        Assert.That(diff.Output, Does.Contain("\"table\": \"budgets\""), "the change after the statement is planned");
        Assert.That(diff.Output, Does.Contain("\"rule\": \"global-ddl\",\n      \"severity\": \"error\""));
        Assert.That(diff.Output, Does.Not.Contain("fails-on-shadow"));
    }
}
