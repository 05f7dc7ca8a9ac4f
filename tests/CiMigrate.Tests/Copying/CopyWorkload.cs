namespace CiMigrate.Tests.Copying;

/// <summary>
/// The app the copy tests move: categories and entries joined by a foreign key, identity keys, a sequence used as a
/// default, an enum array (copied in text format), a trigger that would rewrite rows on insert, and a seed row.
/// </summary>
static class CopyWorkload
{
    public static void WriteMigrations(CopyRepository repo)
    {
        repo.Up("20250101000001", "create_categories", """
            SET search_path TO money_tracker;
            CREATE TYPE money_tracker.flag AS ENUM ('red', 'green');
            CREATE TABLE categories (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE,
                flags money_tracker.flag[] NOT NULL DEFAULT '{}');
            CREATE SEQUENCE money_tracker.invoice_number_seq START 1000;
            INSERT INTO categories (name) VALUES ('seeded by the migration');
            """);
        repo.Up("20250101000002", "create_entries", """
            SET search_path TO money_tracker;
            CREATE TABLE money_tracker.entries (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                category_id bigint NOT NULL REFERENCES money_tracker.categories (id),
                amount numeric(12, 2) NOT NULL,
                note text,
                invoice bigint NOT NULL DEFAULT nextval('money_tracker.invoice_number_seq'),
                updated_at timestamptz);
            CREATE FUNCTION money_tracker.touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.updated_at := now();
                RETURN NEW;
            END
            $$;
            CREATE TRIGGER entries_touch BEFORE INSERT OR UPDATE ON money_tracker.entries
                FOR EACH ROW EXECUTE FUNCTION money_tracker.touch();
            """);
        repo.Up("20250101000003", "index_entries", """
            -- ci-migrate:no-transaction
            CREATE INDEX CONCURRENTLY IF NOT EXISTS entries_category ON money_tracker.entries (category_id);
            """);
    }

    /// <summary>100 categories and <paramref name="entries"/> entries, with times from the past (not the trigger's now()).</summary>
    public static string FillSql(int entries) => $$"""
        INSERT INTO money_tracker.categories (name, flags)
            SELECT 'category ' || g, CASE WHEN g % 2 = 0 THEN '{red}'::money_tracker.flag[] ELSE '{red,green}' END
            FROM generate_series(1, 100) g;
        INSERT INTO money_tracker.entries (category_id, amount, note)
            SELECT 2 + g % 100, (g % 1000) / 7.0, CASE WHEN g % 10 = 0 THEN NULL ELSE 'entry ' || g END
            FROM generate_series(1, {{entries}}) g;
        ALTER TABLE money_tracker.entries DISABLE TRIGGER entries_touch;
        UPDATE money_tracker.entries SET updated_at = '2025-01-01T00:00:00Z'::timestamptz + id * interval '1 second';
        ALTER TABLE money_tracker.entries ENABLE TRIGGER entries_touch;
        """;

    /// <summary>The same on both servers when the copy is right; computed by the test, not by the tool.</summary>
    public const string FingerprintSql =
        "SELECT (SELECT count(*) FROM {0}.entries) || ' ' || (SELECT sum(amount) FROM {0}.entries) || ' ' || " +
        "(SELECT sum(id * 7 + category_id + invoice) FROM {0}.entries) || ' ' || (SELECT max(updated_at) FROM {0}.entries)::text || ' ' || " +
        "(SELECT string_agg(name || flags::text, ',' ORDER BY id) FROM {0}.categories)";
}
