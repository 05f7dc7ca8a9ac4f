using CiMigrate.Sql;

namespace CiMigrate.Tests.Sql;

sealed class SchemaRenameTests
{
    static SchemaRenameResult Rename(string sql) => SchemaRename.Apply(SqlScript.Parse(sql, "m.sql"), "money_tracker", "budget_app");

    [TestCase("SET search_path TO money_tracker;", "SET search_path TO budget_app;")]
    [TestCase("SET search_path = money_tracker, public;", "SET search_path = budget_app, public;")]
    [TestCase("SET search_path TO 'money_tracker', public;", "SET search_path TO 'budget_app', public;")]
    [TestCase("SELECT pg_catalog.set_config('search_path', 'money_tracker, public', false);",
        "SELECT pg_catalog.set_config('search_path', 'budget_app, public', false);")]
    [TestCase("CREATE TABLE money_tracker.budgets (id int REFERENCES money_tracker.users (id));",
        "CREATE TABLE budget_app.budgets (id int REFERENCES budget_app.users (id));")]
    [TestCase("CREATE TABLE \"money_tracker\".\"Budgets\" (id int);", "CREATE TABLE budget_app.\"Budgets\" (id int);")]
    [TestCase("CREATE SCHEMA IF NOT EXISTS money_tracker AUTHORIZATION money_tracker;",
        "CREATE SCHEMA IF NOT EXISTS budget_app AUTHORIZATION money_tracker;")]
    [TestCase("GRANT USAGE ON SCHEMA money_tracker, other TO anon;", "GRANT USAGE ON SCHEMA budget_app, other TO anon;")]
    [TestCase("GRANT SELECT ON ALL TABLES IN SCHEMA money_tracker TO authenticated;",
        "GRANT SELECT ON ALL TABLES IN SCHEMA budget_app TO authenticated;")]
    [TestCase("ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('money_tracker.t_id_seq'::regclass);",
        "ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('budget_app.t_id_seq'::regclass);")]
    [TestCase("SELECT setval('money_tracker.t_id_seq', 10);", "SELECT setval('budget_app.t_id_seq', 10);")]
    [TestCase("COMMENT ON TABLE money_tracker.t IS 'the money_tracker table';", "COMMENT ON TABLE budget_app.t IS 'the money_tracker table';")]
    public void Names_are_rewritten_where_the_grammar_puts_a_schema(string sql, string expected)
    {
        var result = Rename(sql);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Text, Is.EqualTo(expected));
    }

    [TestCase("SELECT money_tracker FROM t;")]
    [TestCase("CREATE TABLE t (money_tracker text);")]
    [TestCase("SELECT a.money_tracker.x FROM t;")]
    [TestCase("-- money_tracker.t in a comment\nSELECT 1;")]
    public void A_column_or_comment_with_the_schema_name_is_left_alone(string sql)
    {
        var result = Rename(sql);

        Assert.That((result.Text, result.Rewritten, result.Problems.Count), Is.EqualTo((sql, 0, 0)));
    }

    [Test]
    public void A_plpgsql_body_is_rewritten_as_code()
    {
        const string sql = "CREATE FUNCTION money_tracker.total() RETURNS numeric LANGUAGE plpgsql AS $fn$\n" +
            "BEGIN\n  RETURN (SELECT sum(amount) FROM money_tracker.entries);\nEND\n$fn$;";

        var result = Rename(sql);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Text, Is.EqualTo(sql.Replace("money_tracker.", "budget_app.")));
    }

    [Test]
    public void A_name_inside_dynamic_sql_is_refused_with_its_place()
    {
        const string sql = "SET search_path TO money_tracker;\nDO $$\nBEGIN\n  EXECUTE 'TRUNCATE money_tracker.entries';\nEND\n$$;";

        var result = Rename(sql);

        Assert.That(result.Problems.Select(p => $"{p.Location}"), Is.EqualTo(new[] { "4:11" }));
        Assert.That(result.Problems[0].ToString(), Does.StartWith("m.sql:4:11: the schema name money_tracker appears inside a string"));
    }

    [Test]
    public void A_body_in_another_language_that_names_the_schema_is_refused()
    {
        const string sql = "CREATE FUNCTION f() RETURNS int LANGUAGE plv8 AS $$ return plv8.execute('select 1 from money_tracker.t') $$;";

        var result = Rename(sql);

        Assert.That(result.Problems.Select(p => $"{p.Location}"), Is.EqualTo(new[] { "1:50" }));
    }
}
