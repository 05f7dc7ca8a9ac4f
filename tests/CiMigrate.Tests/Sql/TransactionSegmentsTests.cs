using CiMigrate.Sql;

namespace CiMigrate.Tests.Sql;

/// <summary>
/// A file's segments, as the Supabase CLI splits it: written as <c>T[...]</c> (a run of statements, one transaction),
/// <c>A[...]</c> (a statement alone, outside a transaction) and <c>B[...]</c> (the file's own block), each with the
/// first word of its statements.
/// </summary>
public sealed class TransactionSegmentsTests
{
    [TestCase("CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);", TransactionMode.Transaction, "T[CREATE INSERT]")]
    [TestCase("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;", TransactionMode.Wrapped, "T[CREATE]")]
    [TestCase("CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);\nINSERT INTO t VALUES (1);", TransactionMode.Segmented,
        "T[CREATE] A[CREATE] T[INSERT]")]
    [TestCase("CREATE UNIQUE INDEX CONCURRENTLY i ON t (a);\nDROP INDEX CONCURRENTLY j;\nREINDEX INDEX CONCURRENTLY k;", TransactionMode.Segmented,
        "A[CREATE] A[DROP] A[REINDEX]")]
    [TestCase("SELECT 1;\nVACUUM t;\nALTER SYSTEM SET work_mem = '8MB';\nCLUSTER t USING i;\nSELECT 2;", TransactionMode.Segmented,
        "T[SELECT] A[VACUUM] A[ALTER] A[CLUSTER] T[SELECT]")]
    [TestCase("begin;\nset local role a;\nselect 1;\nend;\nbegin;\nset local role b;\nselect 2;\ncommit;\nSELECT 3;", TransactionMode.Segmented,
        "B[SET SELECT] B[SET SELECT] T[SELECT]")]
    [TestCase("SELECT 0;\nBEGIN;\nSAVEPOINT s;\nSELECT 1;\nROLLBACK TO SAVEPOINT s;\nRELEASE s;\nCOMMIT;", TransactionMode.Segmented,
        "T[SELECT] B[SAVEPOINT SELECT ROLLBACK RELEASE]")]
    [TestCase("ALTER TYPE mood ADD VALUE 'ok';\nINSERT INTO t VALUES ('ok');\nSELECT 1;", TransactionMode.Segmented, "T[ALTER] T[INSERT SELECT]")]
    [TestCase("-- ci-migrate:no-transaction\nSET search_path TO a;\nCREATE INDEX CONCURRENTLY i ON t (a);", TransactionMode.NoTransaction,
        "A[SET] A[CREATE]")]
    [TestCase("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\nDO $$ BEGIN PERFORM 1; END $$;", TransactionMode.Transaction,
        "T[CREATE DO]")]
    public void A_file_is_split_as_the_supabase_cli_runs_it(string sql, TransactionMode mode, string segments)
    {
        var script = SqlScript.Parse(sql, "m.sql");

        Assert.That(script.TransactionMode, Is.EqualTo(mode));
        Assert.That(string.Join(" ", script.Segments.Select(Describe)), Is.EqualTo(segments));
        Assert.That(script.SegmentProblems, Is.Empty);
        Assert.That(script.Segments.Select(s => s.Index), Is.EqualTo(Enumerable.Range(0, script.Segments.Count)));
    }

    [Test]
    public void Each_segment_that_stands_apart_says_why_naming_its_statement()
    {
        var script = SqlScript.Parse("SELECT 1;\nCREATE INDEX CONCURRENTLY i ON t (a);\nbegin;\nselect 2;\nend;", "m.sql");

        Assert.That(script.Segments.Select(s => s.Reason), Is.EqualTo(new[]
        {
            null,
            "CREATE INDEX CONCURRENTLY cannot run inside a transaction block",
            "the file's own BEGIN ... END block at lines 3-5",
        }));
        Assert.That(script.Segments[1].Describe(), Is.EqualTo("CREATE INDEX CONCURRENTLY at line 2"));
    }

    [Test]
    public void A_block_keeps_its_begin_options_as_set_transaction()
    {
        var script = SqlScript.Parse("SELECT 0;\nBEGIN ISOLATION LEVEL SERIALIZABLE, READ WRITE;\nSELECT 1;\nCOMMIT;", "m.sql");

        Assert.That(script.Segments[1].TransactionOptions, Is.EqualTo("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE"));
        Assert.That(script.Segments[0].TransactionOptions, Is.Null);
    }

    [TestCase("SELECT 1;\nCOMMIT;", 2, "'COMMIT' outside a BEGIN ... COMMIT block of the file")]
    [TestCase("SELECT 0;\nBEGIN;\nSELECT 1;", 2, "this BEGIN has no COMMIT or END in the file")]
    [TestCase("SELECT 0;\nBEGIN;\nSELECT 1;\nROLLBACK;\nCOMMIT;", 4, "'ROLLBACK' inside the BEGIN block at line 2: only COMMIT or END may close it")]
    [TestCase("SELECT 0;\nBEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;", 3,
        "CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and it is inside the BEGIN block at line 2")]
    public void Transaction_control_that_is_no_whole_block_is_a_problem_at_its_line(string sql, int line, string message)
    {
        var problems = SqlScript.Parse(sql, "m.sql").SegmentProblems;

        Assert.That(problems.Select(p => (p.Statement.Line, p.Message)), Is.EqualTo(new[] { (line, message) }));
    }

    [Test]
    public void Settings_that_outlast_a_transaction_carry_into_later_segments()
    {
        var script = SqlScript.Parse(
            "SET search_path TO app;\nSET LOCAL lock_timeout = '1s';\nSET ROLE owner;\nSET TRANSACTION READ WRITE;\n" +
            "CREATE INDEX CONCURRENTLY i ON t (a);\nRESET ROLE;\nSELECT 1;", "m.sql");

        Assert.That(TransactionSegments.SettingsBefore(script.Segments, 1).Select(s => s.Text),
            Is.EqualTo(new[] { "SET search_path TO app", "SET ROLE owner" }));
        Assert.That(TransactionSegments.SettingsBefore(script.Segments, 0), Is.Empty);
    }

    static string Describe(TransactionSegment segment) =>
        $"{segment.Kind.ToString()[0]}[{string.Join(" ", segment.Statements.Select(s => s.Tokens[0].Keyword))}]";
}
