namespace CiMigrate.Sql;

/// <summary>DROP statements: <c>DROP &lt;kind&gt; [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE|RESTRICT]</c>.</summary>
static class DropClassifier
{
    public static StatementKind Classify(TokenCursor cursor, List<SqlObjectRef> objects)
    {
        var what = cursor.Current.Keyword;
        cursor.Position++;
        var kind = what switch
        {
            "TABLE" => StatementKind.DropTable,
            "INDEX" => StatementKind.DropIndex,
            "VIEW" => StatementKind.DropView,
            "MATERIALIZED" when cursor.Accept("VIEW") => StatementKind.DropMaterializedView,
            "FUNCTION" => StatementKind.DropFunction,
            "PROCEDURE" => StatementKind.DropProcedure,
            "TRIGGER" => StatementKind.DropTrigger,
            "POLICY" => StatementKind.DropPolicy,
            "SCHEMA" => StatementKind.DropSchema,
            "SEQUENCE" => StatementKind.DropSequence,
            "EXTENSION" => StatementKind.DropExtension,
            "TYPE" => StatementKind.DropType,
            "DOMAIN" => StatementKind.DropDomain,
            "ROLE" or "USER" or "GROUP" => StatementKind.DropRole,
            "DATABASE" => StatementKind.DropDatabase,
            _ => StatementKind.Drop,
        };
        if (kind is StatementKind.DropTrigger or StatementKind.DropPolicy)
            return CreateClassifier.NameOnTable(cursor, objects, kind);
        if (kind == StatementKind.Drop)
            return kind;

        cursor.Accept("CONCURRENTLY");
        cursor.Accept("IF", "EXISTS");
        StatementClassifier.AddNames(cursor, objects, SqlObjectRole.Target, "CASCADE", "RESTRICT", "WITH");
        return kind;
    }
}
