namespace CiMigrate.Sql;

/// <summary>
/// One comma-separated action of an ALTER TABLE (<c>ADD COLUMN a int</c>), as the range
/// [<see cref="Start"/>, <see cref="End"/>) of its statement's <see cref="SqlStatement.Tokens"/>, with what the action
/// says: the column or constraint it names, its guard, the column it adds, the type it sets, the lock it takes.
/// </summary>
public sealed class AlterTableAction
{
    readonly IReadOnlyList<SqlToken> _tokens;

    internal AlterTableAction(IReadOnlyList<SqlToken> tokens, StatementKind kind, int start, int end)
    {
        _tokens = tokens;
        Kind = kind;
        Start = start;
        End = end;
        ReadHead();
        Column = Kind == StatementKind.AlterTableAddColumn && NameIndex >= 0 ? ColumnDefinition.Read(tokens, NameIndex, End, depth: 0) : null;
        NewType = Kind == StatementKind.AlterTableAlterColumnType ? NewColumnType.Read(this, tokens) : null;
        Lock = StatementLocks.OfAction(this);
    }

    public StatementKind Kind { get; }

    /// <summary>Index of the action's first token (<c>ADD</c>, <c>ALTER</c>, ...).</summary>
    public int Start { get; }

    /// <summary>Index after the action's last token: its top-level comma, or the end of the statement.</summary>
    public int End { get; }

    public SqlToken FirstToken => _tokens[Start];

    /// <summary>
    /// Index of the last of the action's leading words (<c>ADD</c>/<c>ADD COLUMN</c>, <c>DROP CONSTRAINT</c>): where
    /// <c>IF [NOT] EXISTS</c> goes.
    /// </summary>
    public int GuardAfter { get; private set; }

    /// <summary>
    /// Index of the name the action is about: the column of ADD/DROP/ALTER/RENAME COLUMN, the constraint of
    /// ADD CONSTRAINT name, DROP and VALIDATE CONSTRAINT; -1 when it names none.
    /// </summary>
    public int NameIndex { get; private set; } = -1;

    /// <summary>The token at <see cref="NameIndex"/>, as written (<see cref="SqlToken.Text"/>) and as PostgreSQL sees it (<see cref="SqlToken.Name"/>).</summary>
    public SqlToken? NameToken => NameIndex >= 0 ? _tokens[NameIndex] : null;

    /// <summary><c>ADD [COLUMN] IF NOT EXISTS</c>.</summary>
    public bool HasIfNotExists { get; private set; }

    /// <summary><c>DROP [COLUMN|CONSTRAINT] IF EXISTS</c>.</summary>
    public bool HasIfExists { get; private set; }

    /// <summary>The column an ADD COLUMN declares.</summary>
    public ColumnDefinition? Column { get; }

    /// <summary>The column and type of an <c>ALTER COLUMN ... TYPE</c>.</summary>
    public NewColumnType? NewType { get; }

    /// <summary>The lock this action alone takes on the table.</summary>
    public LockMode Lock { get; }

    /// <summary>The index of the first of these consecutive words at the action's top level, or -1.</summary>
    public int IndexOf(params ReadOnlySpan<string> keywords)
    {
        var index = TopLevelSearch.IndexOf(_tokens, Start, keywords);
        return index >= 0 && index + keywords.Length <= End ? index : -1;
    }

    public bool Contains(params ReadOnlySpan<string> keywords) => IndexOf(keywords) >= 0;

    void ReadHead()
    {
        var i = Start + 1;
        var nameFollows = Kind switch
        {
            StatementKind.AlterTableAddColumn or StatementKind.AlterTableDropColumn or StatementKind.AlterTableRenameColumn
                or StatementKind.AlterTableValidateConstraint or StatementKind.AlterTableDropConstraint
                or >= StatementKind.AlterTableAlterColumnType and <= StatementKind.AlterTableAlterColumn => true,
            StatementKind.AlterTableAddConstraint => At(i, "CONSTRAINT"),
            _ => false,
        };
        if (At(i, "COLUMN") || At(i, "CONSTRAINT"))
            i++;
        GuardAfter = i - 1;
        if (At(i, "IF") && At(i + 1, "NOT") && At(i + 2, "EXISTS"))
        {
            HasIfNotExists = true;
            i += 3;
        }
        else if (At(i, "IF") && At(i + 1, "EXISTS"))
        {
            HasIfExists = true;
            i += 2;
        }

        if (nameFollows && i < End && _tokens[i].IsIdentifier)
            NameIndex = i;
    }

    bool At(int index, string keyword) => index < End && _tokens[index].Is(keyword);
}
