using CiMigrate.Copying;
using Npgsql;

namespace CiMigrate.Tests.Copying;

/// <summary>
/// How copy-schema --data loads: indexes and keys off during the load and back after, the source read in one
/// snapshot by every connection, and a load that dies leaving the target as it was.
/// </summary>
sealed class CopySchemaLoadTests
{
    const int Entries = 20_000;

    // Every index, constraint (with whether it is validated) and comment of the schema, as the server prints them.
    const string DefinitionsSql = """
        SELECT string_agg(d, E'\n' ORDER BY d) FROM (
            SELECT 'index ' || i.indexrelid::regclass || ' ' || pg_get_indexdef(i.indexrelid) AS d
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'money_tracker'::regnamespace
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' valid ' || convalidated
            FROM pg_constraint WHERE connamespace = 'money_tracker'::regnamespace
            UNION ALL
            SELECT 'comment ' || d.objoid::regclass || ' ' || d.description
            FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
            WHERE c.relnamespace = 'money_tracker'::regnamespace) definitions
        """;

    static async Task<CopyRepository> SandboxWithDataAsync()
    {
        var repo = await CopyRepository.CreateAsync();
        CopyWorkload.WriteMigrations(repo);
        repo.Up("20250101000004", "more_indexes", """
            SET search_path TO money_tracker;
            CREATE UNIQUE INDEX entries_invoice ON entries (invoice) WHERE note IS NOT NULL;
            CREATE INDEX entries_note_lower ON entries (lower(note)) WITH (fillfactor = 70);
            COMMENT ON INDEX entries_note_lower IS 'kept in place: its comment would not come back';
            ALTER TABLE entries ADD CONSTRAINT entries_amount_positive CHECK (amount >= 0);
            ALTER TABLE entries ADD CONSTRAINT entries_category_later FOREIGN KEY (category_id) REFERENCES categories (id)
                DEFERRABLE;
            """);
        var apply = await repo.RunAsync("stage-apply", "--env", "sandbox");
        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.Output + apply.Error);
        await repo.Sandbox.ExecuteAsync(CopyWorkload.FillSql(Entries));
        return repo;
    }

    [Test]
    public async Task Indexes_and_keys_taken_off_for_the_load_come_back_as_the_source_has_them()
    {
        await using var repo = await SandboxWithDataAsync();

        var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App, "--data");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        var onSource = await repo.Sandbox.ScalarAsync(DefinitionsSql);
        Assert.That(onSource, Does.Contain("entries_category_later FOREIGN KEY (category_id) REFERENCES money_tracker.categories(id) DEFERRABLE valid true"));
        Assert.That(await repo.Production.ScalarAsync(DefinitionsSql), Is.EqualTo(onSource));
        Assert.That(await repo.Production.ScalarAsync(string.Format(CopyWorkload.FingerprintSql, "money_tracker")),
            Is.EqualTo(await repo.Sandbox.ScalarAsync(string.Format(CopyWorkload.FingerprintSql, "money_tracker"))));
    }

    [Test]
    public async Task Rows_committed_on_the_source_after_the_snapshot_are_neither_copied_nor_proven()
    {
        await using var repo = await SandboxWithDataAsync();
        var hooks = new CopyHooks
        {
            // Committed on the source after the copy's snapshot was taken, before any row moves or is checksummed.
            AfterPlanned = async _ => await repo.Sandbox.ExecuteAsync(
                "INSERT INTO money_tracker.entries (category_id, amount) SELECT 2, 1 FROM generate_series(1, 10); " +
                "UPDATE money_tracker.categories SET name = name || ' (renamed)' WHERE id = 3"),
        };

        var outcome = await repo.CopyAsync(hooks);

        Assert.That(outcome.Status, Is.EqualTo(CopyStatus.Copied), outcome.Message);
        Assert.That(outcome.Proofs.Select(p => (p.Table, p.SourceRows, p.Matches)),
            Is.EqualTo(new[] { ("categories", 101L, true), ("entries", (long)Entries, true) }));
        Assert.That(await repo.Production.ScalarAsync("SELECT count(*) FROM money_tracker.entries"), Is.EqualTo(Entries));
        Assert.That(await repo.Production.ScalarAsync("SELECT name FROM money_tracker.categories WHERE id = 3"), Is.EqualTo("category 2"));
        Assert.That(await repo.Sandbox.ScalarAsync("SELECT count(*) FROM money_tracker.entries"), Is.EqualTo(Entries + 10));
    }

    [Test]
    public async Task A_target_connection_killed_mid_load_leaves_the_replaced_schema_as_it_was()
    {
        await using var repo = await SandboxWithDataAsync();
        await repo.Production.ExecuteAsync(
            "CREATE SCHEMA money_tracker; CREATE TABLE money_tracker.old_stuff (id int); INSERT INTO money_tracker.old_stuff VALUES (1), (2)");
        var hooks = new CopyHooks
        {
            AfterTableCopied = async (table, target, cancellationToken) =>
            {
                if (table != "categories")
                    return;
                await repo.Production.ExecuteAsync($"SELECT pg_terminate_backend({target.ProcessID})");
            },
        };

        var outcome = await repo.CopyAsync(hooks, replace: true);

        Assert.That((outcome.Status, outcome.Table), Is.EqualTo((CopyStatus.Failed, "entries")));
        Assert.That(outcome.Message, Does.Contain("terminating connection due to administrator command. The target was rolled back"));

        Assert.That(await repo.Production.ScalarAsync(
                "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'money_tracker'::regnamespace"),
            Is.EqualTo("old_stuff"));
        Assert.That(await repo.Production.ScalarAsync("SELECT sum(id) FROM money_tracker.old_stuff"), Is.EqualTo(3));
        Assert.That(await repo.Production.ScalarAsync(
            "SELECT to_regclass('ci_migrate.applied_migrations') IS NULL OR NOT EXISTS (SELECT FROM ci_migrate.applied_migrations)"), Is.True);
    }

    [Test]
    public async Task A_cycle_of_keys_taken_off_for_the_load_needs_no_replication_role_and_is_checked_after()
    {
        await using var repo = await CopyRepository.CreateAsync();
        await repo.Sandbox.ExecuteAsync("""
            CREATE SCHEMA money_tracker;
            CREATE TABLE money_tracker.people (id int PRIMARY KEY, team int);
            CREATE TABLE money_tracker.teams (id int PRIMARY KEY, captain int NOT NULL REFERENCES money_tracker.people (id));
            ALTER TABLE money_tracker.people ADD CONSTRAINT people_team FOREIGN KEY (team) REFERENCES money_tracker.teams (id);
            INSERT INTO money_tracker.people VALUES (1, NULL), (2, NULL);
            INSERT INTO money_tracker.teams VALUES (10, 1);
            UPDATE money_tracker.people SET team = 10;
            """);

        var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App, "--data");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Not.Contain("session_replication_role"));
        Assert.That(await repo.Production.ScalarAsync(
                "SELECT string_agg(conname || ' ' || convalidated, ',' ORDER BY conname) FROM pg_constraint " +
                "WHERE connamespace = 'money_tracker'::regnamespace AND contype = 'f'"),
            Is.EqualTo("people_team true,teams_captain_fkey true"));
        Assert.That(await repo.Production.ScalarAsync("SELECT string_agg(id || ':' || team, ',' ORDER BY id) FROM money_tracker.people"),
            Is.EqualTo("1:10,2:10"));
    }
}
