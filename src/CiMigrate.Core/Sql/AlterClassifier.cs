namespace CiMigrate.Sql;

/// <summary>ALTER statements; ALTER TABLE gets one <see cref="AlterTableAction"/> per comma-separated action.</summary>
static class AlterClassifier
{
    public static StatementKind Classify(TokenCursor cursor, List<SqlObjectRef> objects, List<AlterTableAction> actions)
    {
        var what = cursor.Current.Keyword;
        cursor.Position++;
        switch (what)
        {
            case "TABLE":
                return AlterTable(cursor, objects, actions);
            case "POLICY":
                return CreateClassifier.NameOnTable(cursor, objects, StatementKind.AlterPolicy);
            case "DEFAULT" when cursor.Accept("PRIVILEGES"):
                if (cursor.SeekTopLevel("SCHEMA"))
                {
                    cursor.Position++;
                    StatementClassifier.AddNames(cursor, objects, SqlObjectRole.Target, "GRANT", "REVOKE");
                }

                return StatementKind.AlterDefaultPrivileges;
            case "MATERIALIZED" when cursor.Accept("VIEW"):
                return Named(cursor, objects, StatementKind.AlterView);
        }

        var kind = what switch
        {
            "INDEX" => StatementKind.AlterIndex,
            "VIEW" => StatementKind.AlterView,
            "FUNCTION" or "PROCEDURE" or "ROUTINE" => StatementKind.AlterFunction,
            "TYPE" => StatementKind.AlterType,
            "SCHEMA" => StatementKind.AlterSchema,
            "SEQUENCE" => StatementKind.AlterSequence,
            "EXTENSION" => StatementKind.AlterExtension,
            "DOMAIN" => StatementKind.AlterDomain,
            "ROLE" or "USER" or "GROUP" => StatementKind.AlterRole,
            "DATABASE" => StatementKind.AlterDatabase,
            "PUBLICATION" => StatementKind.AlterPublication,
            _ => StatementKind.Alter,
        };
        return kind == StatementKind.Alter ? kind : Named(cursor, objects, kind);
    }

    static StatementKind Named(TokenCursor cursor, List<SqlObjectRef> objects, StatementKind kind)
    {
        cursor.Accept("IF", "EXISTS");
        StatementClassifier.AddName(cursor, objects);
        return kind;
    }

    /// <summary><c>ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action ...]</c>.</summary>
    static StatementKind AlterTable(TokenCursor cursor, List<SqlObjectRef> objects, List<AlterTableAction> actions)
    {
        cursor.Accept("IF", "EXISTS");
        cursor.Accept("ONLY");
        StatementClassifier.AddName(cursor, objects);
        if (cursor.Current.IsSymbol("*"))
            cursor.Position++;

        while (!cursor.AtEnd)
        {
            var start = cursor.Position;
            var kind = Action(cursor);
            cursor.Position = start;
            while (!cursor.AtEnd && !(cursor.Current.Depth == 0 && cursor.Current.IsSymbol(",")))
                cursor.Position++;
            actions.Add(new AlterTableAction(cursor.Tokens, kind, start, cursor.Position));
            cursor.Position++;
        }

        return actions.Count > 0 ? actions[0].Kind : StatementKind.AlterTable;
    }

    static StatementKind Action(TokenCursor cursor)
    {
        var verb = cursor.Current.Keyword;
        cursor.Position++;
        switch (verb)
        {
            case "ADD":
                cursor.Accept("COLUMN");
                cursor.Accept("IF", "NOT", "EXISTS");
                return cursor.AcceptAny("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE") is not null
                    ? StatementKind.AlterTableAddConstraint
                    : StatementKind.AlterTableAddColumn;
            case "DROP":
                return cursor.Is("CONSTRAINT") ? StatementKind.AlterTableDropConstraint : StatementKind.AlterTableDropColumn;
            case "RENAME":
                if (cursor.Is("TO"))
                    return StatementKind.AlterTableRename;
                return cursor.Is("CONSTRAINT") ? StatementKind.AlterTable : StatementKind.AlterTableRenameColumn;
            case "ALTER":
                return AlterColumn(cursor);
            case "VALIDATE":
                return StatementKind.AlterTableValidateConstraint;
            case "ENABLE" or "DISABLE" or "FORCE" or "NO":
                return RowSecurityOrTrigger(cursor, verb);
            case "SET" when cursor.Is("SCHEMA"):
                return StatementKind.AlterTableSetSchema;
            case "OWNER":
                return StatementKind.AlterTableOwner;
            case "ATTACH":
                return StatementKind.AlterTableAttachPartition;
            case "DETACH":
                return StatementKind.AlterTableDetachPartition;
            default:
                return StatementKind.AlterTable;
        }
    }

    /// <summary><c>ALTER [COLUMN] name {TYPE|SET DATA TYPE|SET NOT NULL|DROP NOT NULL|SET DEFAULT|DROP DEFAULT|...}</c>.</summary>
    static StatementKind AlterColumn(TokenCursor cursor)
    {
        cursor.Accept("COLUMN");
        cursor.Position++;
        if (cursor.Accept("TYPE") || cursor.Accept("SET", "DATA", "TYPE"))
            return StatementKind.AlterTableAlterColumnType;
        if (cursor.Accept("SET", "NOT", "NULL"))
            return StatementKind.AlterTableSetNotNull;
        if (cursor.Accept("DROP", "NOT", "NULL"))
            return StatementKind.AlterTableDropNotNull;
        if (cursor.Accept("SET", "DEFAULT"))
            return StatementKind.AlterTableSetDefault;
        return cursor.Accept("DROP", "DEFAULT") ? StatementKind.AlterTableDropDefault : StatementKind.AlterTableAlterColumn;
    }

    static StatementKind RowSecurityOrTrigger(TokenCursor cursor, string verb)
    {
        if (verb == "NO" && cursor.Accept("FORCE"))
            return cursor.Is("ROW") ? StatementKind.AlterTableNoForceRls : StatementKind.AlterTable;
        if (cursor.Is("ROW"))
        {
            return verb switch
            {
                "ENABLE" => StatementKind.AlterTableEnableRls,
                "DISABLE" => StatementKind.AlterTableDisableRls,
                "FORCE" => StatementKind.AlterTableForceRls,
                _ => StatementKind.AlterTable,
            };
        }

        cursor.AcceptAny("ALWAYS", "REPLICA");
        if (!cursor.Is("TRIGGER"))
            return StatementKind.AlterTable;
        return verb == "ENABLE" ? StatementKind.AlterTableEnableTrigger : StatementKind.AlterTableDisableTrigger;
    }
}
