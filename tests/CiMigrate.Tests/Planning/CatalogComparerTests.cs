using CiMigrate.Planning;

namespace CiMigrate.Tests.Planning;

/// <summary>
/// For each object kind, a change on a real PostgreSQL produces exactly the expected changes: nothing more
/// (an unrelated object or attribute showing up fails the test), nothing less.
/// </summary>
public sealed class CatalogComparerTests
{
    const string Table = "CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL);";

    [TestCase("", Table,
        "added table app.t", "added column app.t.id", "added column app.t.name", "added constraint app.t.t_pkey",
        TestName = "Added_table_lists_the_table_its_columns_and_constraints")]
    [TestCase(Table, "DROP TABLE t;",
        "removed table app.t", "removed column app.t.id", "removed column app.t.name", "removed constraint app.t.t_pkey",
        TestName = "Dropped_table_lists_what_went_with_it")]
    [TestCase(Table, "ALTER TABLE t RENAME TO things;",
        "renamed table app.things (was t)",
        TestName = "Renamed_table_is_one_rename_not_a_drop_and_a_create")]
    [TestCase(Table, "ALTER TABLE t ADD COLUMN note varchar(20) DEFAULT 'x';",
        "added column app.t.note",
        TestName = "Added_column")]
    [TestCase(Table, "ALTER TABLE t ALTER COLUMN name TYPE varchar(10);",
        "altered column app.t.name: type text -> character varying(10)",
        TestName = "Column_type_change")]
    [TestCase(Table, "ALTER TABLE t ALTER COLUMN name DROP NOT NULL, ALTER COLUMN name SET DEFAULT 'n';",
        "altered column app.t.name: nullable not null -> null; default - -> 'n'::text",
        TestName = "Column_nullability_and_default")]
    [TestCase(Table, "ALTER TABLE t RENAME COLUMN name TO title;",
        "renamed column app.t.title (was name)",
        TestName = "Renamed_column_is_one_rename")]
    [TestCase(Table, "ALTER TABLE t DROP COLUMN name;",
        "removed column app.t.name",
        TestName = "Dropped_column")]
    [TestCase(Table, "ALTER TABLE t ADD CONSTRAINT name_not_empty CHECK (name <> '') NOT VALID;",
        "added constraint app.t.name_not_empty",
        TestName = "Added_check_constraint")]
    [TestCase(Table + "ALTER TABLE t ADD CONSTRAINT name_not_empty CHECK (name <> '') NOT VALID;",
        "ALTER TABLE t VALIDATE CONSTRAINT name_not_empty;",
        "altered constraint app.t.name_not_empty: definition CHECK ((name <> ''::text)) NOT VALID -> CHECK ((name <> ''::text)); validated no -> yes",
        TestName = "Validated_constraint")]
    [TestCase(Table, "CREATE INDEX t_name ON t (name);",
        "added index app.t.t_name",
        TestName = "Added_index")]
    [TestCase(Table + "CREATE INDEX t_name ON t (name);", "DROP INDEX t_name; CREATE INDEX t_name ON t (lower(name));",
        "altered index app.t.t_name: definition CREATE INDEX t_name ON app.t USING btree (name) -> CREATE INDEX t_name ON app.t USING btree (lower(name))",
        TestName = "Recreated_index_with_another_definition")]
    [TestCase(Table, "ALTER TABLE t ENABLE ROW LEVEL SECURITY;",
        "altered table app.t: rowLevelSecurity disabled -> enabled",
        TestName = "Row_level_security_enabled")]
    [TestCase(Table, "ALTER TABLE t FORCE ROW LEVEL SECURITY;",
        "altered table app.t: forceRowLevelSecurity off -> on",
        TestName = "Row_level_security_forced")]
    [TestCase(Table, "CREATE POLICY p ON t FOR SELECT TO authenticated USING (true);",
        "added policy app.t.p",
        TestName = "Added_policy")]
    [TestCase(Table + "CREATE POLICY p ON t FOR SELECT TO authenticated USING (true);",
        "ALTER POLICY p ON t TO anon, authenticated USING (id > 0);",
        "altered policy app.t.p: roles authenticated -> anon, authenticated; using true -> (id > 0)",
        TestName = "Altered_policy_roles_and_using")]
    [TestCase(Table + "CREATE POLICY p ON t FOR INSERT WITH CHECK (true);", "DROP POLICY p ON t;",
        "removed policy app.t.p",
        TestName = "Dropped_policy")]
    [TestCase(Table, "GRANT SELECT ON t TO anon;",
        "added grant anon on app.t: SELECT",
        TestName = "Granted_to_a_role")]
    [TestCase(Table + "GRANT SELECT, INSERT ON t TO authenticated;", "REVOKE INSERT ON t FROM authenticated;",
        "altered grant authenticated on app.t: privileges INSERT, SELECT -> SELECT",
        TestName = "Revoked_one_privilege")]
    [TestCase("", "GRANT USAGE ON SCHEMA app TO anon;",
        "added grant anon on app: USAGE",
        TestName = "Schema_usage_granted")]
    [TestCase(Table, "CREATE VIEW v AS SELECT id FROM t;",
        "added view app.v",
        TestName = "Added_view")]
    [TestCase(Table + "CREATE VIEW v AS SELECT id FROM t;", "ALTER VIEW v SET (security_invoker = true);",
        "altered view app.v: securityInvoker off -> on",
        TestName = "View_made_security_invoker")]
    [TestCase(Table + "CREATE VIEW v AS SELECT id FROM t;", "CREATE OR REPLACE VIEW v AS SELECT id, name FROM t;",
        "altered view app.v: definition  SELECT t.id\n   FROM app.t; ->  SELECT t.id,\n    t.name\n   FROM app.t;",
        TestName = "View_definition_changed")]
    [TestCase("", "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;",
        "added function app.f(a integer)", "added grant PUBLIC on app.f(a integer): EXECUTE",
        TestName = "Added_function_with_its_default_execute_grant")]
    [TestCase("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
        "ALTER FUNCTION f() SECURITY DEFINER SET search_path = '';",
        "altered function app.f(): security invoker -> definer; searchPath - -> \"\"",
        TestName = "Function_made_security_definer_with_search_path")]
    [TestCase("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
        "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;",
        "altered function app.f(): bodyHash ",
        TestName = "Function_body_changed")]
    [TestCase(Table + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;",
        "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();",
        "added trigger app.t.t_touch",
        TestName = "Added_trigger")]
    [TestCase(Table + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;" +
        "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();",
        "ALTER TABLE t DISABLE TRIGGER t_touch;",
        "altered trigger app.t.t_touch: enabled enabled -> disabled",
        TestName = "Disabled_trigger")]
    [TestCase("", "CREATE SEQUENCE s START 100;",
        "added sequence app.s",
        TestName = "Added_sequence")]
    [TestCase("CREATE SEQUENCE s;", "ALTER SEQUENCE s INCREMENT BY 10;",
        "altered sequence app.s: increment 1 -> 10",
        TestName = "Altered_sequence")]
    [TestCase("", "CREATE TYPE mood AS ENUM ('sad', 'happy');",
        "added type app.mood",
        TestName = "Added_enum")]
    [TestCase("CREATE TYPE mood AS ENUM ('sad', 'happy');", "ALTER TYPE mood ADD VALUE 'calm';",
        "altered type app.mood: values 'sad', 'happy' -> 'sad', 'happy', 'calm'",
        TestName = "Enum_value_added")]
    [TestCase("CREATE DOMAIN positive AS int CHECK (VALUE > 0);", "ALTER DOMAIN positive SET NOT NULL;",
        "altered type app.positive: nullable null -> not null",
        TestName = "Domain_made_not_null")]
    [TestCase("CREATE TYPE pair AS (a int);", "DROP TYPE pair;",
        "removed type app.pair",
        TestName = "Dropped_composite_type")]
    public async Task Change_is_reported_exactly(string setup, string change, params string[] expected)
    {
        var changes = await CatalogChanges.OfAsync(setup, change);

        var described = changes.Select(CatalogChanges.Describe).ToList();
        // A body hash is random-looking: compare up to it.
        if (expected is [var only] && only.EndsWith("bodyHash ", StringComparison.Ordinal))
            described = [.. described.Select(d => d.Contains("bodyHash ", StringComparison.Ordinal) ? d[..(d.IndexOf("bodyHash ", StringComparison.Ordinal) + 9)] : d)];
        Assert.That(described, Is.EqualTo(expected));
    }

    [Test]
    public async Task Unchanged_database_has_no_changes()
    {
        var changes = await CatalogChanges.OfAsync(Table + "CREATE VIEW v AS SELECT * FROM t; GRANT SELECT ON t TO anon;", "SELECT 1;");

        Assert.That(changes, Is.Empty);
    }

    [Test]
    public async Task Dropped_table_is_destructive_but_its_columns_are_not_counted_again()
    {
        var changes = await CatalogChanges.OfAsync(Table, "DROP TABLE t;");

        Assert.That(changes.Where(c => c.IsDestructive).Select(c => c.DataLoss),
            Is.EqualTo(new[] { "drops table app.t and all its rows" }));
    }

    [TestCase("ALTER TABLE t DROP COLUMN name;", "drops column app.t.name and its data")]
    [TestCase("ALTER TABLE t ALTER COLUMN name TYPE varchar(10);",
        "narrows app.t.name from text to character varying(10): values that do not fit make the migration fail or are cut")]
    [TestCase("ALTER TABLE t ALTER COLUMN id TYPE int;",
        "narrows app.t.id from bigint to integer: values that do not fit make the migration fail or are cut")]
    public async Task Destructive_change_says_what_is_lost(string change, string dataLoss)
    {
        var changes = await CatalogChanges.OfAsync(Table, change);

        Assert.That(changes.Select(c => c.DataLoss).OfType<string>(), Is.EqualTo(new[] { dataLoss }));
    }

    [TestCase("varchar(10)", "varchar(20)", "character varying(10) -> character varying(20)")]
    [TestCase("varchar(10)", "text", "character varying(10) -> text")]
    [TestCase("int", "bigint", "integer -> bigint")]
    [TestCase("numeric(10,2)", "numeric(12,2)", "numeric(10,2) -> numeric(12,2)")]
    public async Task Widening_a_column_is_not_destructive(string before, string after, string types)
    {
        var changes = await CatalogChanges.OfAsync($"CREATE TABLE t (id bigint PRIMARY KEY, name {before} NOT NULL);",
            $"ALTER TABLE t ALTER COLUMN name TYPE {after};");

        Assert.That(changes.Select(CatalogChanges.Describe), Is.EqualTo(new[] { $"altered column app.t.name: type {types}" }));
        Assert.That(changes.Single().DataLoss, Is.Null);
    }

    [Test]
    public async Task Dropped_enum_value_is_destructive()
    {
        var changes = await CatalogChanges.OfAsync("CREATE TYPE mood AS ENUM ('sad', 'happy');",
            "DROP TYPE mood; CREATE TYPE mood AS ENUM ('happy');");

        Assert.That(changes.Select(c => c.DataLoss), Is.EqualTo(new[] { "drops enum value 'sad' of app.mood: rows holding them must change first" }));
    }
}
