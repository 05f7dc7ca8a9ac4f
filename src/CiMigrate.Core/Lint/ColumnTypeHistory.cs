using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary>
/// The declared type of each column as earlier migrations left it, so <c>changing-column-type</c> can tell a
/// widening (<c>varchar(50)</c> to <c>text</c>) from a rewrite without a database.
/// </summary>
public sealed class ColumnTypeHistory
{
    readonly List<(string Version, string Table, string Column, string Type)> _events = [];

    /// <summary>The type of <paramref name="table"/>.<paramref name="column"/> after every file before <paramref name="version"/>.</summary>
    public string? TypeBefore(string version, string table, string column)
    {
        string? type = null;
        foreach (var e in _events)
        {
            if (string.CompareOrdinal(e.Version, version) < 0 && e.Table == table && e.Column == column)
                type = e.Type;
        }

        return type;
    }

    public static ColumnTypeHistory Read(IEnumerable<string> upFiles)
    {
        var history = new ColumnTypeHistory();
        foreach (var (version, statement) in EarlierMigrations.Statements(upFiles))
            history.Record(version, statement);

        return history;
    }

    void Record(string version, SqlStatement statement)
    {
        if (statement.Target is not { } target)
            return;
        var table = SqlNames.LastPart(target);
        if (statement.Kind == StatementKind.CreateTable)
        {
            foreach (var column in statement.Columns)
                _events.Add((version, table, column.Name, column.Type));
            return;
        }

        foreach (var action in statement.AlterActions)
        {
            if (action.Column is { } added)
                _events.Add((version, table, added.Name, added.Type));
            else if (action.NewType is { } change)
                _events.Add((version, table, change.Column, change.Type));
        }
    }
}
