using CiMigrate.Sql;

namespace CiMigrate.Tests.Sql;

/// <summary>
/// An expand-contract directive counts only as a <c>--</c> comment before the first statement; anywhere else it
/// would be ignored and a contract would run at once (issue 26, item 7), so it is an error at its line.
/// </summary>
public sealed class PhaseDirectiveTests
{
    [TestCase("SET search_path TO money_tracker;\n-- ci-migrate:contract 20250101000001\nALTER TABLE t DROP COLUMN old;\n", 2)]
    [TestCase("/* ci-migrate:contract 20250101000001 */\nSET search_path TO money_tracker;\n", 1)]
    [TestCase("SET search_path TO money_tracker; -- ci-migrate:expand\nALTER TABLE t ADD COLUMN new text;\n", 1)]
    public void A_directive_out_of_place_is_an_error_at_its_line(string sql, int line)
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse(sql, "m.sql"))!;

        Assert.That(error.Line, Is.EqualTo(line));
        Assert.That(error.Message, Does.Contain("an expand-contract directive counts only as a -- comment before the first statement"));
    }

    [Test]
    public void A_directive_before_the_first_statement_is_read()
    {
        var script = SqlScript.Parse("-- ci-migrate:contract 20250101000001\nSET search_path TO money_tracker;\n", "m.sql");

        Assert.That(script.Phase, Is.EqualTo(new PhaseDirective(MigrationPhase.Contract, "20250101000001", 1)));
    }
}
