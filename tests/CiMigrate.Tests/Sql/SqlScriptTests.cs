using CiMigrate.Sql;

namespace CiMigrate.Tests.Sql;

sealed class SqlScriptTests
{
    [TestCase("SELECT 1;\nSELECT 'abc", 2, 8, "unterminated quoted string")]
    [TestCase("SELECT E'abc\\'", 1, 8, "unterminated quoted string")]
    [TestCase("SELECT U&'abc", 1, 8, "unterminated quoted string")]
    [TestCase("SELECT N'abc", 1, 8, "unterminated quoted string")]
    [TestCase("SELECT B'101", 1, 8, "unterminated bit string literal")]
    [TestCase("SELECT X'1F", 1, 8, "unterminated hexadecimal string literal")]
    [TestCase("SELECT \"abc", 1, 8, "unterminated quoted identifier")]
    [TestCase("SELECT U&\"abc", 1, 8, "unterminated quoted identifier")]
    [TestCase("SELECT 1;\n\n   /* a /* b */", 3, 4, "unterminated /* comment")]
    [TestCase("DO $body$ BEGIN END $$;", 1, 4, "unterminated dollar-quoted string")]
    [TestCase("DO $$ BEGIN END $body$;", 1, 4, "unterminated dollar-quoted string")]
    [TestCase("SELECT 1;\r\nSELECT $x$", 2, 8, "unterminated dollar-quoted string")]
    public void Unterminated_input_names_where_it_starts(string sql, int line, int column, string problem)
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse(sql, "m.sql"))!;

        Assert.That((error.Path, error.Line, error.Column, error.Problem), Is.EqualTo(("m.sql", line, column, problem)));
        Assert.That(error.Message, Is.EqualTo($"m.sql:{line}:{column}: {problem}"));
    }

    [TestCase("\\i other.sql", "\\i")]
    [TestCase("SELECT 1;\n\\set x 1\n", "\\set")]
    [TestCase("\\connect db", "\\connect")]
    public void Psql_meta_command_is_refused(string sql, string command)
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse(sql, "m.sql"))!;

        Assert.That(error.Problem, Is.EqualTo($"psql meta-command '{command}' is not supported: ci-migrate runs plain SQL"));
    }

    [Test]
    public void Crlf_file_gives_the_statements_of_its_lf_twin()
    {
        const string lf = "-- header\nSET search_path TO app;\n\nCREATE TABLE t (\n  id int\n);\n/* c */ SELECT $$a\nb$$;\n";
        var fromLf = SqlScript.Parse(lf, "m.sql").Statements;
        var fromCrlf = SqlScript.Parse(lf.Replace("\n", "\r\n"), "m.sql").Statements;

        Assert.That(fromCrlf.Select(s => (s.Kind, s.Line, s.Column, s.Text.Replace("\r\n", "\n"), string.Join("|", s.LeadingComments))),
            Is.EqualTo(fromLf.Select(s => (s.Kind, s.Line, s.Column, s.Text, string.Join("|", s.LeadingComments)))));
    }

    [TestCase("SELECT $1", SqlTokenKind.Parameter)]
    [TestCase("SELECT $12", SqlTokenKind.Parameter)]
    [TestCase("SELECT $$x$$", SqlTokenKind.DollarString)]
    [TestCase("SELECT $a$x$a$", SqlTokenKind.DollarString)]
    [TestCase("SELECT a$b", SqlTokenKind.Word)]
    [TestCase("SELECT a$1$", SqlTokenKind.Word)]
    public void Dollar_sign_is_a_parameter_a_quote_or_part_of_a_word(string sql, SqlTokenKind second)
    {
        var tokens = SqlScript.Parse(sql, "m.sql").Statements.Single().Tokens;

        Assert.That(tokens.Select(t => t.Kind), Is.EqualTo(new[] { SqlTokenKind.Word, second }));
    }

    [Test]
    public void Parameter_followed_by_dollar_quote_text_stays_one_statement()
    {
        var statements = SqlScript.Parse("PREPARE p(int) AS SELECT $1; SELECT $1$x", "m.sql").Statements;

        Assert.That(statements.Select(s => s.Text), Is.EqualTo(new[] { "PREPARE p(int) AS SELECT $1", "SELECT $1$x" }));
    }

    [Test]
    public void Bom_is_skipped_and_not_counted_as_a_column()
    {
        var statement = SqlScript.Parse("\uFEFFSELECT 1;", "m.sql").Statements.Single();

        Assert.That((statement.Text, statement.Line, statement.Column, statement.Offset), Is.EqualTo(("SELECT 1", 1, 1, 1)));
    }

    [Test]
    public void Whitespace_and_comments_alone_yield_no_statements()
    {
        var script = SqlScript.Parse(" ;; -- nothing\n/* at all */ ;\n", "m.sql");

        Assert.That(script.Statements, Is.Empty);
    }

    [Test]
    public void Tokens_carry_keyword_offset_and_parenthesis_depth()
    {
        var statement = SqlScript.Parse("\n  create table t (id int, \"Name\" text)", "m.sql").Statements.Single();

        Assert.That(statement.Tokens.Select(t => (t.Text, t.Keyword, t.Offset, t.Depth)), Is.EqualTo(new (string, string?, int, int)[]
        {
            ("create", "CREATE", 3, 0), ("table", "TABLE", 10, 0), ("t", "T", 16, 0), ("(", null, 18, 0),
            ("id", "ID", 19, 1), ("int", "INT", 22, 1), (",", null, 25, 1), ("\"Name\"", null, 27, 1),
            ("text", "TEXT", 34, 1), (")", null, 38, 0),
        }));
        Assert.That(statement.Tokens[7].Name, Is.EqualTo("Name"));
    }

    [Test]
    public void Server_error_position_maps_to_the_file_line_and_column()
    {
        // PostgreSQL counts positions in characters from 1; the emoji is one character but two UTF-16 units.
        const string sql = "SET search_path TO app;\n\nSELECT '🐘',\n       nope FROM t;";
        var statement = SqlScript.Parse(sql, "m.sql").Statements[1];
        var position = "SELECT '🐘',\n       nope".EnumerateRunes().Count() - 3;

        Assert.That(statement.LocationOfServerPosition(position), Is.EqualTo(new SqlLocation(4, 8)));
        Assert.That(statement.LineColumnOf(0), Is.EqualTo(new SqlLocation(3, 1)));
    }

    [Test]
    public void Comment_after_the_semicolon_on_its_line_trails_the_statement()
    {
        var statements = SqlScript.Parse("DROP TABLE a; -- approved\n-- next\nDROP TABLE b;", "m.sql").Statements;

        Assert.That(statements[0].TrailingComments, Is.EqualTo(new[] { "-- approved" }));
        Assert.That(statements[1].LeadingComments, Is.EqualTo(new[] { "-- next" }));
    }
}
