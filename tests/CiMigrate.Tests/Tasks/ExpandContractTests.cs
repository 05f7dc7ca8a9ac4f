using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.Tasks;

/// <summary>new --expand: the generated expand-contract pair, linted and run on the real server.</summary>
sealed class ExpandContractTests
{
    [Test]
    public async Task The_generated_rename_pair_is_lint_clean_and_keeps_both_columns_in_step()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.LintSettings = null;
        repo.Up("20250101000001", "create_entries", """
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS entries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);
            """);
        Assert.That((await repo.RunAsync("stage-apply", "--skip-lint")).ExitCode, Is.EqualTo(0));
        // More rows than one backfill batch.
        await repo.Staging.ExecuteAsync("INSERT INTO money_tracker.entries (note) SELECT 'before ' || g FROM generate_series(1, 2500) g");

        var created = await repo.RunAsync("new", "--app", "money-tracker", "--expand", "rename-column", "entries.note", "memo");
        var files = Directory.GetFiles(repo.PathOf("apps/money-tracker/supabase/migrations"), "2*_*ract_rename_entries_note_to_memo.sql")
            .Concat(Directory.GetFiles(repo.PathOf("apps/money-tracker/supabase/migrations"), "2*_expand_rename_entries_note_to_memo.sql"))
            .Order().ToArray();
        var lint = await repo.RunAsync(["lint", .. files]);

        Assert.That(created.ExitCode, Is.EqualTo(0), created.Error);
        Assert.That(files.Select(Path.GetFileName), Has.Exactly(1).Matches<string>(f => f!.Contains("_expand_"))
            .And.Exactly(1).Matches<string>(f => f!.Contains("_contract_")));
        Assert.That(lint.ExitCode, Is.EqualTo(0), lint.Output + lint.Error);
        Assert.That(lint.Output, Does.EndWith("2 files linted: 0 errors, 0 warnings\n"));
        Assert.That(File.ReadAllText(files.Single(f => f.Contains("_contract_"))),
            Does.StartWith($"-- ci-migrate:contract {Path.GetFileName(files.Single(f => f.Contains("_expand_")))[..14]}\n"));

        // stage-apply would run the pair together; hold the contract back, as a release would, to see the expand alone.
        var contractFile = files.Single(f => f.Contains("_contract_"));
        var contractDown = Path.Combine(Path.GetDirectoryName(contractFile)!, "down", Path.GetFileName(contractFile));
        var held = Path.Combine(repo.Root, "held");
        Directory.CreateDirectory(held);
        File.Move(contractFile, Path.Combine(held, "up.sql"));
        File.Move(contractDown, Path.Combine(held, "down.sql"));
        var expand = await repo.RunAsync("stage-apply");
        File.Move(Path.Combine(held, "up.sql"), contractFile);
        File.Move(Path.Combine(held, "down.sql"), contractDown);
        Assert.That(expand.ExitCode, Is.EqualTo(0), expand.Output + expand.Error);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM money_tracker.entries WHERE memo IS DISTINCT FROM note"), Is.EqualTo(0));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM money_tracker.entries WHERE memo LIKE 'before %'"), Is.EqualTo(2500));
        // An old app writes note, a new app writes memo: each sees the other's writes.
        await repo.Staging.ExecuteAsync("""
            INSERT INTO money_tracker.entries (note) VALUES ('old app insert');
            INSERT INTO money_tracker.entries (memo) VALUES ('new app insert');
            UPDATE money_tracker.entries SET note = 'old app update' WHERE id = 1;
            UPDATE money_tracker.entries SET memo = 'new app update' WHERE id = 2;
            """);
        Assert.That(await repo.Staging.ScalarAsync(
                "SELECT string_agg(coalesce(note, '-') || '=' || coalesce(memo, '-'), ', ' ORDER BY id) FROM money_tracker.entries " +
                "WHERE id IN (1, 2) OR note LIKE '%app insert'"),
            Is.EqualTo("old app update=old app update, new app update=new app update, old app insert=old app insert, new app insert=new app insert"));

        var contract = await repo.RunAsync("stage-apply");
        Assert.That(contract.ExitCode, Is.EqualTo(0), contract.Output + contract.Error);
        Assert.That(await repo.Staging.ScalarAsync(
            "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'money_tracker.entries'::regclass AND attnum > 0 AND NOT attisdropped"),
            Is.EqualTo("id,memo"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'money_tracker.entries'::regclass AND NOT tgisinternal"),
            Is.EqualTo(0));
    }
}
