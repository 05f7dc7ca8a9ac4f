using System.Text;

namespace CiMigrate.Sql;

/// <summary>
/// Moves a file's objects from one schema to another by rewriting names where the grammar says they are schema
/// names, never by text substitution: the schema part of a qualified name (<c>old.budgets</c>), the name after
/// <c>SCHEMA</c> (<c>CREATE SCHEMA old</c>, <c>GRANT USAGE ON SCHEMA old</c>), the list of <c>SET search_path</c> and of
/// <c>set_config('search_path', ...)</c>, a name in a string cast to a <c>reg*</c> type or given to <c>nextval</c> and
/// friends, and the same inside the dollar-quoted body of an SQL or PL/pgSQL routine or DO block. A string that still
/// holds the old name afterwards (dynamic SQL in <c>EXECUTE</c>, a body in another language) is a problem, not a guess.
/// </summary>
public static class SchemaRename
{
    static readonly HashSet<string> RegTypes = new(StringComparer.Ordinal)
    {
        "REGCLASS", "REGPROC", "REGPROCEDURE", "REGTYPE", "REGOPER", "REGOPERATOR", "REGCONFIG", "REGDICTIONARY", "REGCOLLATION",
    };

    // Functions whose first argument is a relation name written as text.
    static readonly HashSet<string> RelationNameFunctions = new(StringComparer.Ordinal)
    {
        "NEXTVAL", "CURRVAL", "SETVAL", "PG_GET_SERIAL_SEQUENCE", "TO_REGCLASS", "TO_REGTYPE", "TO_REGPROC", "TO_REGPROCEDURE",
    };

    static readonly HashSet<string> CodeLanguages = new(StringComparer.Ordinal) { "sql", "plpgsql" };

    /// <summary>
    /// Rewrites every schema name <paramref name="from"/> in <paramref name="script"/> to <paramref name="to"/>; both are
    /// plain lower-case names. The result's problems name file, line and column; with problems, do not run the text.
    /// </summary>
    public static SchemaRenameResult Apply(SqlScript script, string from, string to)
    {
        var walk = new SchemaRenameWalk(script, from, to);
        walk.Statements(script.Statements, 0);
        var text = new StringBuilder(script.Text);
        foreach (var (offset, length, replacement) in walk.Edits.OrderByDescending(e => e.Offset))
            text.Remove(offset, length).Insert(offset, replacement);
        return new SchemaRenameResult(text.ToString(), walk.Edits.Count, walk.Problems);
    }

    internal static bool IsRegType(SqlToken token) => token.Keyword is { } word && RegTypes.Contains(word);

    internal static bool IsRelationNameFunction(SqlToken token) => token.Keyword is { } word && RelationNameFunctions.Contains(word);

    internal static bool IsCodeLanguage(string? language) => language is not null && CodeLanguages.Contains(language);
}
