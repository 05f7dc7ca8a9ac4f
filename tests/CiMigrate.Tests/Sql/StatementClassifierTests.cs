using CiMigrate.Sql;

namespace CiMigrate.Tests.Sql;

sealed class StatementClassifierTests
{
    [TestCase("CREATE TABLE money_tracker.budgets (id uuid)", StatementKind.CreateTable, "money_tracker.budgets")]
    [TestCase("create temp table if not exists T (id int)", StatementKind.CreateTable, "t")]
    [TestCase("CREATE UNLOGGED TABLE \"Mixed\".\"Case\" (id int)", StatementKind.CreateTable, "Mixed.Case")]
    [TestCase("CREATE TABLE copy AS SELECT * FROM budgets", StatementKind.CreateTableAs, "copy")]
    [TestCase("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY s.t (a)", StatementKind.CreateIndex, "i|s.t")]
    [TestCase("CREATE INDEX ON s.t (a)", StatementKind.CreateIndex, "s.t")]
    [TestCase("CREATE OR REPLACE FUNCTION s.f(a int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql", StatementKind.CreateFunction, "s.f")]
    [TestCase("CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$", StatementKind.CreateProcedure, "p")]
    [TestCase("CREATE OR REPLACE VIEW v AS SELECT 1", StatementKind.CreateView, "v")]
    [TestCase("CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1", StatementKind.CreateMaterializedView, "mv")]
    [TestCase("CREATE OR REPLACE TRIGGER trg AFTER INSERT ON s.t FOR EACH ROW EXECUTE FUNCTION f()", StatementKind.CreateTrigger, "trg|s.t")]
    [TestCase("CREATE POLICY \"Users read own\" ON s.t FOR SELECT TO authenticated USING (auth.uid() = user_id)", StatementKind.CreatePolicy, "Users read own|s.t")]
    [TestCase("CREATE SCHEMA IF NOT EXISTS money_tracker", StatementKind.CreateSchema, "money_tracker")]
    [TestCase("CREATE SCHEMA IF NOT EXISTS AUTHORIZATION joe", StatementKind.CreateSchema, "joe")]
    [TestCase("CREATE SEQUENCE IF NOT EXISTS s.seq", StatementKind.CreateSequence, "s.seq")]
    [TestCase("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA extensions", StatementKind.CreateExtension, "uuid-ossp")]
    [TestCase("CREATE TYPE s.mood AS ENUM ('a', 'b')", StatementKind.CreateType, "s.mood")]
    [TestCase("CREATE DOMAIN s.pos AS int CHECK (VALUE > 0)", StatementKind.CreateDomain, "s.pos")]
    [TestCase("CREATE CAST (int AS text) WITH INOUT", StatementKind.Create, "")]
    [TestCase("ALTER TABLE s.t ADD COLUMN a int", StatementKind.AlterTableAddColumn, "s.t")]
    [TestCase("ALTER TABLE IF EXISTS ONLY s.t ADD a int", StatementKind.AlterTableAddColumn, "s.t")]
    [TestCase("ALTER TABLE s.t ADD CONSTRAINT c CHECK (a > 0) NOT VALID", StatementKind.AlterTableAddConstraint, "s.t")]
    [TestCase("ALTER TABLE s.t ADD PRIMARY KEY (id)", StatementKind.AlterTableAddConstraint, "s.t")]
    [TestCase("ALTER TABLE s.t DROP COLUMN IF EXISTS a", StatementKind.AlterTableDropColumn, "s.t")]
    [TestCase("ALTER TABLE s.t DROP a", StatementKind.AlterTableDropColumn, "s.t")]
    [TestCase("ALTER TABLE s.t DROP CONSTRAINT c", StatementKind.AlterTableDropConstraint, "s.t")]
    [TestCase("ALTER TABLE s.t RENAME COLUMN a TO b", StatementKind.AlterTableRenameColumn, "s.t")]
    [TestCase("ALTER TABLE s.t RENAME a TO b", StatementKind.AlterTableRenameColumn, "s.t")]
    [TestCase("ALTER TABLE s.t RENAME TO u", StatementKind.AlterTableRename, "s.t")]
    [TestCase("ALTER TABLE s.t ALTER COLUMN a TYPE bigint", StatementKind.AlterTableAlterColumnType, "s.t")]
    [TestCase("ALTER TABLE s.t ALTER a SET DATA TYPE bigint", StatementKind.AlterTableAlterColumnType, "s.t")]
    [TestCase("ALTER TABLE s.t ALTER COLUMN a SET NOT NULL", StatementKind.AlterTableSetNotNull, "s.t")]
    [TestCase("ALTER TABLE s.t ALTER COLUMN a DROP NOT NULL", StatementKind.AlterTableDropNotNull, "s.t")]
    [TestCase("ALTER TABLE s.t ALTER COLUMN a SET DEFAULT now()", StatementKind.AlterTableSetDefault, "s.t")]
    [TestCase("ALTER TABLE s.t VALIDATE CONSTRAINT c", StatementKind.AlterTableValidateConstraint, "s.t")]
    [TestCase("ALTER TABLE s.t ENABLE ROW LEVEL SECURITY", StatementKind.AlterTableEnableRls, "s.t")]
    [TestCase("ALTER TABLE s.t FORCE ROW LEVEL SECURITY", StatementKind.AlterTableForceRls, "s.t")]
    [TestCase("ALTER TABLE s.t DISABLE TRIGGER ALL", StatementKind.AlterTableDisableTrigger, "s.t")]
    [TestCase("ALTER TABLE s.t SET SCHEMA u", StatementKind.AlterTableSetSchema, "s.t")]
    [TestCase("ALTER TABLE s.t OWNER TO postgres", StatementKind.AlterTableOwner, "s.t")]
    [TestCase("ALTER TABLE s.t SET (fillfactor = 70)", StatementKind.AlterTable, "s.t")]
    [TestCase("ALTER TYPE s.mood ADD VALUE IF NOT EXISTS 'c'", StatementKind.AlterType, "s.mood")]
    [TestCase("ALTER POLICY p ON s.t USING (true)", StatementKind.AlterPolicy, "p|s.t")]
    [TestCase("ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT SELECT ON TABLES TO anon", StatementKind.AlterDefaultPrivileges, "s")]
    [TestCase("DROP TABLE IF EXISTS s.a, s.b CASCADE", StatementKind.DropTable, "s.a|s.b")]
    [TestCase("DROP INDEX CONCURRENTLY IF EXISTS s.i", StatementKind.DropIndex, "s.i")]
    [TestCase("DROP POLICY IF EXISTS \"p\" ON s.t", StatementKind.DropPolicy, "p|s.t")]
    [TestCase("DROP TRIGGER trg ON s.t", StatementKind.DropTrigger, "trg|s.t")]
    [TestCase("DROP FUNCTION IF EXISTS s.f(int, text), s.g()", StatementKind.DropFunction, "s.f|s.g")]
    [TestCase("DROP DATABASE IF EXISTS prod", StatementKind.DropDatabase, "prod")]
    [TestCase("DROP SCHEMA money_tracker CASCADE", StatementKind.DropSchema, "money_tracker")]
    [TestCase("DROP OWNED BY joe", StatementKind.Drop, "")]
    [TestCase("INSERT INTO s.t (a) VALUES (1) ON CONFLICT (a) DO NOTHING", StatementKind.Insert, "s.t")]
    [TestCase("UPDATE ONLY s.t SET a = 1 WHERE b", StatementKind.Update, "s.t")]
    [TestCase("DELETE FROM s.t WHERE a", StatementKind.Delete, "s.t")]
    [TestCase("TRUNCATE TABLE s.a, s.b RESTART IDENTITY", StatementKind.Truncate, "s.a|s.b")]
    [TestCase("MERGE INTO s.t USING u ON true WHEN MATCHED THEN DELETE", StatementKind.Merge, "s.t")]
    [TestCase("WITH x AS (SELECT 1), y AS MATERIALIZED (SELECT 2) INSERT INTO s.t SELECT * FROM x", StatementKind.Insert, "s.t")]
    [TestCase("WITH RECURSIVE r(n) AS (SELECT 1 UNION SELECT n + 1 FROM r) SELECT * FROM r", StatementKind.Select, "")]
    [TestCase("GRANT SELECT, INSERT ON TABLE s.a, s.b TO anon, authenticated", StatementKind.Grant, "s.a|s.b")]
    [TestCase("GRANT USAGE ON SCHEMA money_tracker TO anon", StatementKind.Grant, "money_tracker")]
    [TestCase("GRANT ALL ON ALL TABLES IN SCHEMA s TO service_role", StatementKind.Grant, "s")]
    [TestCase("GRANT SELECT (a, b) ON s.t TO anon", StatementKind.Grant, "s.t")]
    [TestCase("GRANT admin TO joe", StatementKind.Grant, "")]
    [TestCase("REVOKE GRANT OPTION FOR ALL ON s.t FROM anon", StatementKind.Revoke, "s.t")]
    [TestCase("SET search_path TO money_tracker, public", StatementKind.SetSearchPath, "money_tracker|public")]
    [TestCase("set local search_path = 'Money', \"$user\"", StatementKind.SetSearchPath, "Money|$user")]
    [TestCase("SET lock_timeout = '5s'", StatementKind.Set, "")]
    [TestCase("SET ROLE postgres", StatementKind.Set, "")]
    [TestCase("RESET ALL", StatementKind.Reset, "")]
    [TestCase("BEGIN", StatementKind.TransactionControl, "")]
    [TestCase("START TRANSACTION ISOLATION LEVEL SERIALIZABLE", StatementKind.TransactionControl, "")]
    [TestCase("END", StatementKind.TransactionControl, "")]
    [TestCase("ROLLBACK TO SAVEPOINT a", StatementKind.TransactionControl, "")]
    [TestCase("DO $$ BEGIN END $$", StatementKind.Do, "")]
    [TestCase("COMMENT ON COLUMN s.t.a IS 'x'", StatementKind.Comment, "s.t")]
    [TestCase("COMMENT ON POLICY p ON s.t IS 'x'", StatementKind.Comment, "p|s.t")]
    [TestCase("SELECT 1", StatementKind.Select, "")]
    [TestCase("VACUUM ANALYZE s.t", StatementKind.Vacuum, "")]
    [TestCase("REFRESH MATERIALIZED VIEW CONCURRENTLY s.mv", StatementKind.RefreshMaterializedView, "s.mv")]
    [TestCase("LOCK TABLE s.t IN ACCESS EXCLUSIVE MODE", StatementKind.Lock, "s.t")]
    [TestCase("NOTIFY pgrst, 'reload schema'", StatementKind.Notify, "")]
    [TestCase("LISTEN x", StatementKind.Listen, "")]
    public void Statement_gets_its_kind_and_objects(string sql, StatementKind kind, string objects)
    {
        var statement = SqlScript.Parse(sql, "m.sql").Statements.Single();

        Assert.That((statement.Kind, string.Join("|", statement.Objects)), Is.EqualTo((kind, objects)));
    }

    [Test]
    public void Alter_table_lists_every_action()
    {
        var statement = Single("ALTER TABLE t ADD COLUMN a int, ALTER COLUMN b SET NOT NULL, DROP CONSTRAINT c");

        Assert.That(statement.Actions, Is.EqualTo(new[]
        {
            StatementKind.AlterTableAddColumn, StatementKind.AlterTableSetNotNull, StatementKind.AlterTableDropConstraint,
        }));
    }

    [TestCase("CREATE TABLE IF NOT EXISTS t (a int)", true, false, false, false)]
    [TestCase("DROP TABLE IF EXISTS t", false, true, false, false)]
    [TestCase("CREATE OR REPLACE VIEW v AS SELECT 1", false, false, true, false)]
    [TestCase("CREATE INDEX CONCURRENTLY i ON t (a)", false, false, false, true)]
    [TestCase("SELECT * FROM t WHERE EXISTS (SELECT 1) AND (a IF EXISTS)", false, false, false, false)]
    [TestCase("CREATE TABLE concurrently (a int)", false, false, false, false)]
    public void Flags_come_from_top_level_words(string sql, bool ifNotExists, bool ifExists, bool orReplace, bool concurrently)
    {
        var statement = Single(sql);

        Assert.That((statement.HasIfNotExists, statement.HasIfExists, statement.IsOrReplace, statement.IsConcurrently),
            Is.EqualTo((ifNotExists, ifExists, orReplace, concurrently)));
    }

    [Test]
    public void Keyword_helpers_look_at_the_top_level_only()
    {
        var statement = Single("UPDATE t SET a = (SELECT b FROM u WHERE c) WHERE d AND NOT NULL");

        Assert.That(statement.StartsWith("UPDATE", "T"), Is.True);
        Assert.That(statement.StartsWith("UPDATE", "ONLY"), Is.False);
        Assert.That(statement.IndexOfKeywords(0, "WHERE"), Is.EqualTo(13));
        Assert.That(statement.IndexOfKeywords(0, "NOT", "NULL"), Is.EqualTo(16));
        Assert.That(Single("SELECT (SELECT 1 WHERE true)").ContainsKeyword("WHERE"), Is.False);
    }

    [Test]
    public void Table_is_the_table_an_index_is_on_or_the_target_of_a_table_statement()
    {
        Assert.That(Single("CREATE INDEX i ON s.t (a)").Table, Is.EqualTo("s.t"));
        Assert.That(Single("ALTER TABLE s.u ADD a int").Table, Is.EqualTo("s.u"));
        Assert.That(Single("CREATE VIEW v AS SELECT 1").Table, Is.Null);
    }

    static SqlStatement Single(string sql) => SqlScript.Parse(sql, "m.sql").Statements.Single();
}
