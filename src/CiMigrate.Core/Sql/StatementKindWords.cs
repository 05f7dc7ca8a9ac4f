namespace CiMigrate.Sql;

/// <summary>A statement kind as users write it, for messages.</summary>
public static class StatementKindWords
{
    /// <summary><c>AlterTableAddColumn</c> → <c>ALTER TABLE ADD COLUMN</c>.</summary>
    public static string Of(StatementKind kind)
    {
        var name = kind.ToString();
        var words = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                words.Append(' ');
            words.Append(char.ToUpperInvariant(name[i]));
        }

        return words.ToString();
    }
}
