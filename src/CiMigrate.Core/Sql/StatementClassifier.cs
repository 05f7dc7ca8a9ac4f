namespace CiMigrate.Sql;

/// <summary>
/// Tells what a statement does from its leading keywords, as a reader would: no full grammar, just enough of
/// PostgreSQL's (https://www.postgresql.org/docs/15/sql-commands.html) to name the kind and the objects.
/// </summary>
static class StatementClassifier
{
    static readonly string[] NameStops = ["CASCADE", "RESTRICT", "ON", "TO", "FROM", "WITH", "AS", "GRANTED"];

    public static Classification Classify(SqlToken[] tokens)
    {
        var cursor = new TokenCursor(tokens);
        var objects = new List<SqlObjectRef>(2);
        var actions = new List<AlterTableAction>(0);
        var isOrReplace = tokens.Length > 2 && tokens[0].Is("CREATE") && tokens[1].Is("OR") && tokens[2].Is("REPLACE");
        if (cursor.Accept("WITH"))
            cursor.SeekTopLevel("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE");

        var kind = ClassifyFrom(cursor, objects, actions);
        return new Classification(kind, actions, objects, isOrReplace,
            HasTopLevel(tokens, "IF", "NOT", "EXISTS"), HasTopLevel(tokens, "IF", "EXISTS"),
            IsConcurrentKind(kind) && HasTopLevel(tokens, "CONCURRENTLY"));
    }

    /// <summary>Statements whose target is a table (see <see cref="SqlStatement.Table"/>).</summary>
    public static bool IsTableStatement(StatementKind kind) =>
        kind is >= StatementKind.CreateTable and <= StatementKind.AlterTableDetachPartition
            or StatementKind.Insert or StatementKind.Update or StatementKind.Delete or StatementKind.Truncate
            or StatementKind.Merge or StatementKind.Copy or StatementKind.Lock;

    static bool IsConcurrentKind(StatementKind kind) => kind is StatementKind.CreateIndex or StatementKind.DropIndex
        or StatementKind.Reindex or StatementKind.RefreshMaterializedView or StatementKind.AlterTableDetachPartition;

    static StatementKind ClassifyFrom(TokenCursor cursor, List<SqlObjectRef> objects, List<AlterTableAction> actions)
    {
        var verb = cursor.Current.Keyword;
        cursor.Position++;
        switch (verb)
        {
            case "CREATE":
                return CreateClassifier.Classify(cursor, objects);
            case "ALTER":
                return AlterClassifier.Classify(cursor, objects, actions);
            case "DROP":
                return DropClassifier.Classify(cursor, objects);
            case "INSERT" or "MERGE":
                cursor.Accept("INTO");
                AddName(cursor, objects);
                return verb == "INSERT" ? StatementKind.Insert : StatementKind.Merge;
            case "UPDATE":
                cursor.Accept("ONLY");
                AddName(cursor, objects);
                return StatementKind.Update;
            case "DELETE":
                cursor.Accept("FROM");
                cursor.Accept("ONLY");
                AddName(cursor, objects);
                return StatementKind.Delete;
            case "TRUNCATE":
                cursor.Accept("TABLE");
                cursor.Accept("ONLY");
                AddNames(cursor, objects, SqlObjectRole.Target, "RESTART", "CONTINUE", "CASCADE", "RESTRICT");
                return StatementKind.Truncate;
            case "COPY":
                AddName(cursor, objects);
                return StatementKind.Copy;
            case "LOCK":
                cursor.Accept("TABLE");
                cursor.Accept("ONLY");
                AddNames(cursor, objects, SqlObjectRole.Target, "IN", "NOWAIT");
                return StatementKind.Lock;
            case "SELECT" or "VALUES" or "TABLE":
                return StatementKind.Select;
            case "GRANT" or "REVOKE":
                AddGrantObjects(cursor, objects);
                return verb == "GRANT" ? StatementKind.Grant : StatementKind.Revoke;
            case "SET":
                return ClassifySet(cursor, objects);
            case "RESET":
                return StatementKind.Reset;
            case "BEGIN" or "START" or "COMMIT" or "END" or "ROLLBACK" or "ABORT" or "SAVEPOINT" or "RELEASE"
                or "PREPARE" when verb != "PREPARE" || cursor.Is("TRANSACTION"):
                return StatementKind.TransactionControl;
            case "DO":
                return StatementKind.Do;
            case "CALL":
                AddName(cursor, objects);
                return StatementKind.Call;
            case "COMMENT":
                cursor.Accept("ON");
                return ClassifyComment(cursor, objects);
            case "VACUUM":
                return StatementKind.Vacuum;
            case "ANALYZE" or "ANALYSE":
                return StatementKind.Analyze;
            case "CLUSTER":
                return StatementKind.Cluster;
            case "REINDEX":
                return StatementKind.Reindex;
            case "REFRESH":
                cursor.Accept("MATERIALIZED", "VIEW");
                cursor.Accept("CONCURRENTLY");
                AddName(cursor, objects);
                return StatementKind.RefreshMaterializedView;
            case "NOTIFY":
                return StatementKind.Notify;
            case "LISTEN":
                return StatementKind.Listen;
            case "EXPLAIN":
                return StatementKind.Explain;
            case "SECURITY":
                return StatementKind.SecurityLabel;
            default:
                return StatementKind.Other;
        }
    }

    /// <summary><c>SET [SESSION|LOCAL] search_path {TO|=} a, "B", 'c'</c>: the schemas in order.</summary>
    static StatementKind ClassifySet(TokenCursor cursor, List<SqlObjectRef> objects)
    {
        cursor.AcceptAny("SESSION", "LOCAL");
        if (!cursor.Accept("SEARCH_PATH"))
            return StatementKind.Set;
        if (cursor.Is("TO") || cursor.Current.IsSymbol("="))
            cursor.Position++;
        for (; !cursor.AtEnd; cursor.Position++)
        {
            var token = cursor.Current;
            var name = token.Kind == SqlTokenKind.String && token.Text.StartsWith('\'')
                ? token.Text[1..^1].Replace("''", "'")
                : token.Name;
            if (name is not null && !token.Is("DEFAULT"))
                objects.Add(new SqlObjectRef(name, SqlObjectRole.Target));
        }

        return StatementKind.SetSearchPath;
    }

    /// <summary>
    /// <c>GRANT ... ON [TABLE|ALL TABLES IN SCHEMA|FUNCTION|...] names TO ...</c>; a role grant
    /// (<c>GRANT admin TO joe</c>) names no objects.
    /// </summary>
    static void AddGrantObjects(TokenCursor cursor, List<SqlObjectRef> objects)
    {
        if (!cursor.SeekTopLevel("ON"))
            return;
        cursor.Position++;
        if (cursor.Accept("ALL"))
        {
            cursor.Position++;
            cursor.Accept("IN", "SCHEMA");
        }
        else
        {
            cursor.Accept("FOREIGN", "DATA", "WRAPPER");
            cursor.Accept("FOREIGN", "SERVER");
            cursor.Accept("LARGE", "OBJECT");
            cursor.AcceptAny("TABLE", "SEQUENCE", "FUNCTION", "PROCEDURE", "ROUTINE", "SCHEMA", "DATABASE",
                "DOMAIN", "TYPE", "LANGUAGE", "TABLESPACE", "PARAMETER");
        }

        AddNames(cursor, objects, SqlObjectRole.Target, "TO", "FROM");
    }

    /// <summary><c>COMMENT ON &lt;kind&gt; name [ON table] IS ...</c>.</summary>
    static StatementKind ClassifyComment(TokenCursor cursor, List<SqlObjectRef> objects)
    {
        var onTable = cursor.AcceptAny("POLICY", "TRIGGER", "CONSTRAINT", "RULE") is not null;
        var column = cursor.Is("COLUMN");
        if (!onTable)
        {
            cursor.Accept("MATERIALIZED");
            cursor.Accept("FOREIGN");
            cursor.Accept("ACCESS", "METHOD");
            cursor.Accept("TEXT", "SEARCH");
            cursor.Position++;
        }

        AddName(cursor, objects);
        // COMMENT ON COLUMN [schema.]table.column: the object is the table.
        if (column && objects.Count > 0 && SqlNames.Qualifier(objects[^1].Name) is { } table)
            objects[^1] = objects[^1] with { Name = table };
        if (onTable && cursor.Accept("ON"))
        {
            cursor.Accept("DOMAIN");
            AddName(cursor, objects, SqlObjectRole.Table);
        }

        return StatementKind.Comment;
    }

    public static void AddName(TokenCursor cursor, List<SqlObjectRef> objects,
        SqlObjectRole role = SqlObjectRole.Target)
    {
        if (cursor.QualifiedName() is { } name)
            objects.Add(new SqlObjectRef(name, role));
    }

    public static void AddNames(TokenCursor cursor, List<SqlObjectRef> objects, SqlObjectRole role,
        params ReadOnlySpan<string> stopWords)
    {
        foreach (var name in cursor.NameList(stopWords.Length > 0 ? stopWords : NameStops))
            objects.Add(new SqlObjectRef(name, role));
    }

    static bool HasTopLevel(SqlToken[] tokens, params ReadOnlySpan<string> keywords) =>
        TopLevelSearch.IndexOf(tokens, 0, keywords) >= 0;
}
