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
            case "MATERIALIZED" when cursor.Accept("VIEW"):
                AddIfNotExistsName(cursor, objects);
                return StatementKind.CreateMaterializedView;
            case "VIEW":
                StatementClassifier.AddName(cursor, objects);
                return StatementKind.CreateView;
            case "FUNCTION":
                StatementClassifier.AddName(cursor, objects);
                return StatementKind.CreateFunction;
            case "PROCEDURE":
                StatementClassifier.AddName(cursor, objects);
                return StatementKind.CreateProcedure;
            case "TRIGGER":
                return NameOnTable(cursor, objects, StatementKind.CreateTrigger);
            case "POLICY":
                return NameOnTable(cursor, objects, StatementKind.CreatePolicy);
            case "SCHEMA":
                return CreateSchema(cursor, objects);
            case "SEQUENCE":
                AddIfNotExistsName(cursor, objects);
                return StatementKind.CreateSequence;
            case "EXTENSION":
                AddIfNotExistsName(cursor, objects);
                return StatementKind.CreateExtension;
            case "TYPE":
                StatementClassifier.AddName(cursor, objects);
                return StatementKind.CreateType;
            case "DOMAIN":
                StatementClassifier.AddName(cursor, objects);
                return StatementKind.CreateDomain;
            case "ROLE" or "USER" or "GROUP":
                StatementClassifier.AddName(cursor, objects);
                return StatementKind.CreateRole;
            case "DATABASE":
                StatementClassifier.AddName(cursor, objects);
                return StatementKind.CreateDatabase;
            case "PUBLICATION":
                StatementClassifier.AddName(cursor, objects);
                return StatementKind.CreatePublication;
            default:
                return StatementKind.Create;
        }
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

    /// <summary><c>CREATE SCHEMA [IF NOT EXISTS] name</c>, or <c>CREATE SCHEMA AUTHORIZATION role</c> named after the role.</summary>
    static StatementKind CreateSchema(TokenCursor cursor, List<SqlObjectRef> objects)
    {
        cursor.Accept("IF", "NOT", "EXISTS");
        cursor.Accept("AUTHORIZATION");
        StatementClassifier.AddName(cursor, objects);
        return StatementKind.CreateSchema;
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
