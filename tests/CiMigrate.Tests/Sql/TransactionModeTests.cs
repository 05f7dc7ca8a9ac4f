using CiMigrate.Sql;

namespace CiMigrate.Tests.Sql;

/// <summary>The one rule for the no-transaction marker, as the parsed file reports it.</summary>
public sealed class TransactionModeTests
{
    [TestCase("-- ci-migrate:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);")]
    [TestCase("-- CI-MIGRATE:NO-TRANSACTION\nCREATE INDEX CONCURRENTLY i ON t (a);")]
    [TestCase("-- add an index\n--   ci-migrate:no-transaction  the index is big\n\nSET search_path TO a;\nCREATE INDEX CONCURRENTLY i ON t (a);")]
    [TestCase("/* ci-migrate:no-transaction */ CREATE INDEX CONCURRENTLY i ON t (a);")]
    public void A_marker_among_the_comments_before_the_first_statement_runs_the_file_without_a_transaction(string text)
    {
        var script = SqlScript.Parse(text, "m.sql");

        Assert.That(script.TransactionMode, Is.EqualTo(TransactionMode.NoTransaction));
        Assert.That(script.HasMisplacedMarker, Is.False);
    }

    [TestCase("SET search_path TO a;\n-- ci-migrate:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);")]
    [TestCase("CREATE INDEX CONCURRENTLY i ON t (a); -- ci-migrate:no-transaction")]
    [TestCase("CREATE INDEX CONCURRENTLY i ON t (a);\n-- ci-migrate:no-transaction\n")]
    [TestCase("SELECT '-- ci-migrate:no-transaction';")]
    public void A_marker_anywhere_else_marks_nothing_and_is_named_as_misplaced(string text)
    {
        var script = SqlScript.Parse(text, "m.sql");

        Assert.That(script.TransactionMode, Is.Not.EqualTo(TransactionMode.NoTransaction));
        Assert.That(script.HasMisplacedMarker, Is.True);
    }

    [TestCase("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;", "CREATE TABLE t (a int)")]
    [TestCase("-- all or nothing\nbegin transaction;\nCREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\nend;", "CREATE TABLE t (a int)|INSERT INTO t VALUES (1)")]
    [TestCase("START TRANSACTION;\nSELECT 1;\nCOMMIT WORK;", "SELECT 1")]
    public void A_file_wrapped_in_begin_and_commit_runs_what_is_between(string text, string toRun)
    {
        var script = SqlScript.Parse(text, "m.sql");

        Assert.That(script.TransactionMode, Is.EqualTo(TransactionMode.Wrapped));
        Assert.That(string.Join("|", script.StatementsToRun.Select(s => s.Text)), Is.EqualTo(toRun));
    }

    [TestCase("SET search_path TO a;\nBEGIN;\nSELECT 1;\nCOMMIT;")]
    [TestCase("BEGIN;\nSELECT 1;\nROLLBACK;")]
    [TestCase("BEGIN ISOLATION LEVEL SERIALIZABLE;\nSELECT 1;\nCOMMIT;")]
    [TestCase("BEGIN;\nCOMMIT;")]
    [TestCase("BEGIN;\nSELECT 1;\nCOMMIT;\nSELECT 2;")]
    [TestCase("-- ci-migrate:no-transaction\nBEGIN;\nSELECT 1;\nCOMMIT;")]
    public void Any_other_begin_or_commit_is_no_wrapper(string text)
    {
        var script = SqlScript.Parse(text, "m.sql");

        Assert.That(script.TransactionMode, Is.Not.EqualTo(TransactionMode.Wrapped));
        Assert.That(script.StatementsToRun, Is.SameAs(script.Statements));
    }

    [TestCase("-- ci-migrate:no-transactions\nSELECT 1;")]
    [TestCase("-- see ci-migrate:no-transaction\nSELECT 1;")]
    public void A_comment_that_only_resembles_the_marker_marks_nothing(string text) =>
        Assert.That(SqlScript.Parse(text, "m.sql").TransactionMode, Is.EqualTo(TransactionMode.Transaction));
}
