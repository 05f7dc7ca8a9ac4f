namespace CiMigrate.Sql;

/// <summary>
/// One statement of a file as PostgreSQL would receive it, with where it is and what it does.
/// </summary>
public sealed class SqlStatement
{
    readonly LineMap _lines;

    internal SqlStatement(LineMap lines) => _lines = lines;

    /// <summary>The file the statement comes from, as given to <see cref="SqlScript.Parse"/>.</summary>
    public required string Path { get; init; }

    /// <summary>0-based position among the file's statements.</summary>
    public required int Index { get; init; }

    /// <summary>
    /// The statement exactly as written, from its first token to its last, without the terminating <c>;</c> and
    /// without comments before it or after its last token.
    /// </summary>
    public required string Text { get; init; }

    /// <summary>1-based line of the first token.</summary>
    public required int Line { get; init; }

    /// <summary>1-based column of the first token, in UTF-16 code units (a leading BOM is not counted).</summary>
    public required int Column { get; init; }

    /// <summary>Char offset of the first token in the file's text.</summary>
    public required int Offset { get; init; }

    public int Length => Text.Length;

    /// <summary>
    /// The comments between the previous statement and this one, as written (<c>-- ci-migrate:ignore x</c>),
    /// except those on the line of the previous statement's <c>;</c>, which are that statement's
    /// <see cref="TrailingComments"/>.
    /// </summary>
    public required IReadOnlyList<string> LeadingComments { get; init; }

    /// <summary>Comments after the terminating <c>;</c> on the same line: <c>DROP TABLE x; -- approved</c>.</summary>
    public IReadOnlyList<string> TrailingComments { get; internal set; } = [];

    public required StatementKind Kind { get; init; }

    /// <summary>
    /// For ALTER TABLE, the kind of each comma-separated action in order
    /// (<c>ADD COLUMN a int, ALTER COLUMN b SET NOT NULL</c>); for other statements just <see cref="Kind"/>.
    /// </summary>
    public IReadOnlyList<StatementKind> Actions => field ??= AlterActions.Count > 0 ? [.. AlterActions.Select(a => a.Kind)] : [Kind];

    /// <summary>
    /// Whether the statement can destroy stored data when it runs: it drops a table, column, schema or materialized
    /// view, empties a table, or rewrites a column's type. What an apply reports as <c>has-destructive</c> before any
    /// shadow compares catalogs.
    /// </summary>
    public bool MayLoseData => Actions.Any(kind => kind is StatementKind.DropTable or StatementKind.AlterTableDropColumn
        or StatementKind.DropSchema or StatementKind.DropMaterializedView or StatementKind.Truncate
        or StatementKind.AlterTableAlterColumnType);

    /// <summary>The actions of an ALTER TABLE with their token ranges, in order; empty for other statements.</summary>
    public required IReadOnlyList<AlterTableAction> AlterActions { get; init; }

    /// <summary>The columns a CREATE TABLE declares (table constraints left out); empty for other statements.</summary>
    public IReadOnlyList<ColumnDefinition> Columns =>
        field ??= Kind == StatementKind.CreateTable ? ColumnDefinition.OfCreateTable(Tokens) : [];

    /// <summary>The strongest table lock the statement takes (the strongest of its actions'); null when none worth naming.</summary>
    public LockMode? Lock => StatementLocks.Of(this);

    /// <summary>The objects the statement names with their roles, targets first.</summary>
    public required IReadOnlyList<SqlObjectRef> ObjectRefs { get; init; }

    /// <summary>
    /// The names of <see cref="ObjectRefs"/>, targets first: CREATE INDEX gives [index, table] (just [table] when
    /// the index is unnamed), CREATE POLICY and CREATE TRIGGER [name, table], GRANT the objects granted on,
    /// SET search_path the schemas.
    /// </summary>
    public IReadOnlyList<string> Objects => field ??= [.. ObjectRefs.Select(o => o.Name)];

    /// <summary>The first <see cref="SqlObjectRole.Target"/> object, if any.</summary>
    public string? Target => ObjectRefs.FirstOrDefault(o => o.Role == SqlObjectRole.Target)?.Name;

    /// <summary>
    /// The table the statement acts on: the table of an index, policy or trigger; the target of a table
    /// statement (CREATE/ALTER/DROP TABLE, INSERT, UPDATE, DELETE, TRUNCATE, ...).
    /// </summary>
    public string? Table => ObjectRefs.FirstOrDefault(o => o.Role == SqlObjectRole.Table)?.Name
        ?? (StatementClassifier.IsTableStatement(Kind) ? Target : null);

    /// <summary>The significant tokens (no comments, no whitespace), in order.</summary>
    public required IReadOnlyList<SqlToken> Tokens { get; init; }

    /// <summary><c>CREATE OR REPLACE ...</c>.</summary>
    public bool IsOrReplace { get; init; }

    /// <summary><c>IF NOT EXISTS</c> at the top level (CREATE TABLE IF NOT EXISTS, ADD COLUMN IF NOT EXISTS, ...).</summary>
    public bool HasIfNotExists { get; init; }

    /// <summary>The statement's first line, shortened: enough to recognise it in a PR comment.</summary>
    public string Excerpt => field ??= ExcerptOf(Text);

    const int ExcerptLength = 120;

    static string ExcerptOf(string text)
    {
        var newline = text.IndexOfAny(['\r', '\n']);
        var firstLine = (newline < 0 ? text : text[..newline]).TrimEnd();
        var more = newline >= 0 || firstLine.Length > ExcerptLength;
        if (firstLine.Length > ExcerptLength)
            firstLine = firstLine[..ExcerptLength].TrimEnd();
        return more ? firstLine + " ..." : firstLine;
    }

    /// <summary><c>IF EXISTS</c> at the top level (DROP ... IF EXISTS, ALTER TABLE IF EXISTS, ...).</summary>
    public bool HasIfExists { get; init; }

    /// <summary><c>CONCURRENTLY</c> in CREATE/DROP INDEX, REINDEX, REFRESH MATERIALIZED VIEW or DETACH PARTITION.</summary>
    public bool IsConcurrently { get; init; }

    /// <summary><c>CREATE [GLOBAL|LOCAL] TEMP[ORARY] TABLE</c>: a table of the session, gone when it ends.</summary>
    public bool IsTemporary => Kind is StatementKind.CreateTable or StatementKind.CreateTableAs
        && Tokens.Take(3).Any(t => t.Is("TEMP") || t.Is("TEMPORARY"));

    /// <summary><c>CREATE TEMP TABLE ... ON COMMIT DROP</c>: the table is gone when the transaction ends.</summary>
    public bool DropsOnCommit => IsTemporary && IndexOfKeywords(0, "ON", "COMMIT", "DROP") >= 0;

    /// <summary>Whether the statement starts with these words (upper-case): <c>StartsWith("CREATE", "TABLE")</c>.</summary>
    public bool StartsWith(params ReadOnlySpan<string> keywords)
    {
        if (keywords.Length > Tokens.Count)
            return false;
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!Tokens[i].Is(keywords[i]))
                return false;
        }

        return true;
    }

    /// <summary>Whether the word appears outside any parentheses: <c>ContainsKeyword("WHERE")</c>.</summary>
    public bool ContainsKeyword(string keyword) => IndexOfKeywords(0, keyword) >= 0;

    /// <summary>
    /// The index in <see cref="Tokens"/> where these consecutive words start outside any parentheses, searching
    /// from <paramref name="start"/>; -1 when absent. <c>IndexOfKeywords(0, "SET", "NOT", "NULL")</c>.
    /// </summary>
    public int IndexOfKeywords(int start, params ReadOnlySpan<string> keywords) =>
        TopLevelSearch.IndexOf(Tokens, start, keywords);

    /// <summary>The statement's text from token <paramref name="start"/> up to, not including, token <paramref name="end"/>.</summary>
    public string TextOf(int start, int end) =>
        start >= end ? "" : Text[(Tokens[start].Offset - Offset)..(Tokens[end - 1].End - Offset)];

    /// <summary>The text of the name (<c>name</c> or <c>schema.name</c>) starting at token <paramref name="index"/>, as written.</summary>
    public string NameTextAt(int index)
    {
        var cursor = new TokenCursor(Tokens as SqlToken[] ?? [.. Tokens], index);
        cursor.QualifiedName();
        return TextOf(index, cursor.Position);
    }

    /// <summary>Whether the statement reads <c>schema.name</c> anywhere (<c>auth.users</c> in a view's FROM).</summary>
    public bool References(string schema, string name)
    {
        for (var i = 0; i + 2 < Tokens.Count; i++)
        {
            if (Tokens[i].Name == schema && Tokens[i + 1].IsSymbol(".") && Tokens[i + 2].Name == name)
                return true;
        }

        return false;
    }

    /// <summary>
    /// The roles of a GRANT (after <c>TO</c>) or REVOKE (after <c>FROM</c>), lower-case: <c>public</c>, <c>anon</c>.
    /// </summary>
    public IReadOnlyList<string> Grantees()
    {
        var start = IndexOfKeywords(0, Kind == StatementKind.Revoke ? "FROM" : "TO");
        var roles = new List<string>();
        for (var i = start + 1; start >= 0 && i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (token.Is("WITH") || token.Is("GRANTED") || token.Is("CASCADE") || token.Is("RESTRICT"))
                break;
            if (token.IsIdentifier && !token.Is("GROUP"))
                roles.Add(token.Name!);
        }

        return roles;
    }

    /// <summary>Whether a GRANT or REVOKE is on <c>ALL &lt;what&gt; IN SCHEMA</c> (TABLES, FUNCTIONS, ROUTINES, ...).</summary>
    public bool IsOnAllInSchema(string what) => IndexOfKeywords(0, "ON", "ALL", what, "IN", "SCHEMA") >= 0;

    /// <summary>The file line and column of a char offset inside <see cref="Text"/> (0-based).</summary>
    public SqlLocation LineColumnOf(int offsetInStatement) =>
        _lines.LocationOf(Offset + Math.Clamp(offsetInStatement, 0, Text.Length));

    /// <summary>The file line and column of one of this statement's tokens.</summary>
    public SqlLocation LocationOf(SqlToken token) => _lines.LocationOf(token.Offset);

    /// <summary>
    /// The file line and column of a PostgreSQL error position (<c>PostgresException.Position</c>): 1-based, and
    /// counted in characters (code points), not UTF-16 units, of the statement as sent.
    /// </summary>
    public SqlLocation LocationOfServerPosition(int position)
    {
        var index = 0;
        for (var remaining = position - 1; remaining > 0 && index < Text.Length; remaining--)
            index += char.IsHighSurrogate(Text[index]) && index + 1 < Text.Length ? 2 : 1;
        return LineColumnOf(index);
    }

    public override string ToString() => $"{Path}:{Line}:{Column}: {Kind}";
}
