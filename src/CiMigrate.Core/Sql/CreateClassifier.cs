namespace CiMigrate.Sql;

/// <summary>CREATE statements: <c>CREATE [OR REPLACE] [TEMP|UNLOGGED|UNIQUE|...] &lt;kind&gt; ...</c>.</summary>
static class CreateClassifier
{
    public static StatementKind Classify(TokenCursor cursor, List<SqlObjectRef> objects)
    {
        cursor.Accept("OR", "REPLACE");
        while (cursor.AcceptAny("GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "UNIQUE", "TRUSTED",
                   "PROCEDURAL", "RECURSIVE", "CONSTRAINT", "DEFAULT") is not null)
        {
        }

        var what = cursor.Current.Keyword;
        cursor.Position++;
        switch (what)
        {
            case "TABLE":
                return CreateTable(cursor, objects);
            case "INDEX":
                return CreateIndex(cursor, objects);
            case "TRIGGER":
                return NameOnTable(cursor, objects, StatementKind.CreateTrigger);
            case "POLICY":
                return NameOnTable(cursor, objects, StatementKind.CreatePolicy);
            case "SCHEMA":
                // CREATE SCHEMA AUTHORIZATION joe creates the schema joe.
                cursor.Accept("IF", "NOT", "EXISTS");
                cursor.Accept("AUTHORIZATION");
                break;
            case "MATERIALIZED" when cursor.Accept("VIEW"):
                what = "MATERIALIZED VIEW";
                break;
        }

        var kind = what switch
        {
            "MATERIALIZED VIEW" => StatementKind.CreateMaterializedView,
            "VIEW" => StatementKind.CreateView,
            "FUNCTION" => StatementKind.CreateFunction,
            "PROCEDURE" => StatementKind.CreateProcedure,
            "SCHEMA" => StatementKind.CreateSchema,
            "SEQUENCE" => StatementKind.CreateSequence,
            "EXTENSION" => StatementKind.CreateExtension,
            "TYPE" => StatementKind.CreateType,
            "DOMAIN" => StatementKind.CreateDomain,
            "ROLE" or "USER" or "GROUP" => StatementKind.CreateRole,
            "DATABASE" => StatementKind.CreateDatabase,
            "PUBLICATION" => StatementKind.CreatePublication,
            _ => StatementKind.Create,
        };
        if (kind != StatementKind.Create)
            AddIfNotExistsName(cursor, objects);
        return kind;
    }

    /// <summary>A top-level AS makes it CREATE TABLE ... AS query: column definitions sit inside parentheses.</summary>
    static StatementKind CreateTable(TokenCursor cursor, List<SqlObjectRef> objects)
    {
        AddIfNotExistsName(cursor, objects);
        return cursor.SeekTopLevel("AS") ? StatementKind.CreateTableAs : StatementKind.CreateTable;
    }

    /// <summary><c>CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table</c>.</summary>
    static StatementKind CreateIndex(TokenCursor cursor, List<SqlObjectRef> objects)
    {
        cursor.Accept("CONCURRENTLY");
        if (!cursor.Is("ON"))
            AddIfNotExistsName(cursor, objects);
        if (cursor.Accept("ON"))
        {
            cursor.Accept("ONLY");
            StatementClassifier.AddName(cursor, objects, SqlObjectRole.Table);
        }

        return StatementKind.CreateIndex;
    }

    /// <summary>A policy or trigger: its name, then the table after the first top-level ON.</summary>
    public static StatementKind NameOnTable(TokenCursor cursor, List<SqlObjectRef> objects, StatementKind kind)
    {
        cursor.Accept("IF", "EXISTS");
        StatementClassifier.AddName(cursor, objects);
        if (cursor.SeekTopLevel("ON"))
        {
            cursor.Position++;
            StatementClassifier.AddName(cursor, objects, SqlObjectRole.Table);
        }

        return kind;
    }

    static void AddIfNotExistsName(TokenCursor cursor, List<SqlObjectRef> objects)
    {
        cursor.Accept("IF", "NOT", "EXISTS");
        StatementClassifier.AddName(cursor, objects);
    }
}
