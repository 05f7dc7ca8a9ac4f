using CiMigrate.Sql;

namespace CiMigrate.Tests.Sql;

/// <summary>What the SQL layer reads of each ALTER TABLE action, so lint and the planner only read it.</summary>
public sealed class AlterTableActionTests
{
    static SqlStatement Single(string sql) => SqlScript.Parse(sql, "m.sql").Statements.Single();

    [Test]
    public void Each_action_knows_its_tokens_its_name_and_its_guard()
    {
        var statement = Single("ALTER TABLE IF EXISTS ONLY app.t ADD COLUMN IF NOT EXISTS \"Note\" varchar (50) NOT NULL DEFAULT 'x', " +
            "DROP CONSTRAINT c, ALTER b TYPE numeric(12, 2) USING b::numeric, VALIDATE CONSTRAINT v");

        var actions = statement.AlterActions.Select(a => (a.Kind, statement.TextOf(a.Start, a.End), a.NameToken?.Text,
            a.HasIfNotExists, a.HasIfExists, statement.Tokens[a.GuardAfter].Text));

        Assert.That(actions, Is.EqualTo(new[]
        {
            (StatementKind.AlterTableAddColumn, "ADD COLUMN IF NOT EXISTS \"Note\" varchar (50) NOT NULL DEFAULT 'x'", "\"Note\"", true, false, "COLUMN"),
            (StatementKind.AlterTableDropConstraint, "DROP CONSTRAINT c", "c", false, false, "CONSTRAINT"),
            (StatementKind.AlterTableAlterColumnType, "ALTER b TYPE numeric(12, 2) USING b::numeric", "b", false, false, "ALTER"),
            (StatementKind.AlterTableValidateConstraint, "VALIDATE CONSTRAINT v", "v", false, false, "CONSTRAINT"),
        }));
    }

    [Test]
    public void Add_column_declares_its_column_and_alter_type_its_new_type()
    {
        var statement = Single("ALTER TABLE t ADD \"Note\" VARCHAR (50) NOT NULL, ALTER COLUMN b SET DATA TYPE Numeric(12, 2) USING b::numeric");

        Assert.That(statement.AlterActions[0].Column, Is.EqualTo(new ColumnDefinition("Note", "varchar(50)")));
        Assert.That(statement.AlterActions[1].NewType, Is.EqualTo(new NewColumnType("b", "numeric(12,2)", HasUsing: true)));
    }

    [Test]
    public void Create_table_declares_its_columns_without_its_constraints()
    {
        var statement = Single("CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, amount numeric(12, 2) NOT NULL, PRIMARY KEY (id))");

        Assert.That(statement.Columns, Is.EqualTo(new[] { new ColumnDefinition("id", "bigint"), new ColumnDefinition("amount", "numeric(12,2)") }));
    }

    [TestCase("ALTER TABLE t VALIDATE CONSTRAINT c", "SHARE UPDATE EXCLUSIVE")]
    [TestCase("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) NOT VALID", "SHARE ROW EXCLUSIVE")]
    [TestCase("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id), ADD COLUMN b int", "ACCESS EXCLUSIVE")]
    [TestCase("ALTER TABLE t DISABLE TRIGGER x", "SHARE ROW EXCLUSIVE")]
    [TestCase("ALTER TABLE p DETACH PARTITION c CONCURRENTLY", "SHARE UPDATE EXCLUSIVE")]
    [TestCase("CREATE INDEX i ON t (a)", "SHARE")]
    [TestCase("CREATE INDEX CONCURRENTLY i ON t (a)", "SHARE UPDATE EXCLUSIVE")]
    [TestCase("DROP INDEX i", "ACCESS EXCLUSIVE")]
    [TestCase("CREATE TRIGGER x AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", "SHARE ROW EXCLUSIVE")]
    [TestCase("LOCK TABLE t IN ROW EXCLUSIVE MODE", "ROW EXCLUSIVE")]
    [TestCase("LOCK TABLE t", "ACCESS EXCLUSIVE")]
    [TestCase("SELECT 1", null)]
    public void Statement_takes_the_strongest_lock_of_its_actions(string sql, string? mode) =>
        Assert.That(Single(sql).Lock?.Name, Is.EqualTo(mode));
}
