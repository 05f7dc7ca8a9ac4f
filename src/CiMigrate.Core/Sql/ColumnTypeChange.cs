using System.Globalization;

namespace CiMigrate.Sql;

/// <summary>
/// What changing a column's type costs: the one decision lint and the planner share. The binary-compatible cases
/// follow PostgreSQL's rules for skipping the table rewrite (https://www.postgresql.org/docs/15/sql-altertable.html,
/// "Notes"); anything not known to be safe is treated as narrowing, the cautious answer for a reviewer. Types may be
/// spelled as a file writes them or as <c>format_type</c> prints them (<see cref="ColumnTypes.Canonical"/>).
/// </summary>
public static class ColumnTypeChange
{
    static readonly string[] Integers = ["smallint", "integer", "bigint"];
    static readonly string[] Floats = ["real", "double precision"];
    static readonly string[] TimeTypes =
        ["timestamp without time zone", "timestamp with time zone", "time without time zone", "time with time zone"];

    // timestamp(6) is the most precise a time type stores: a change to it or to no precision keeps every value.
    const int MaxTimePrecision = 6;

    public static TypeChangeEffect Classify(string before, string after)
    {
        var (fromName, fromArgs) = Split(ColumnTypes.Canonical(before));
        var (toName, toArgs) = Split(ColumnTypes.Canonical(after));
        if (fromName == toName && fromArgs.SequenceEqual(toArgs))
            return TypeChangeEffect.None;
        if (fromName.EndsWith("[]", StringComparison.Ordinal) != toName.EndsWith("[]", StringComparison.Ordinal))
            return TypeChangeEffect.Narrowing;

        if (IsText(fromName) && IsText(toName))
            return TextChange(fromName, fromArgs, toName, toArgs);
        if (toName is "text" || (toName is "character varying" && toArgs.Length == 0))
            return TypeChangeEffect.Rewrite;
        if (fromName == "numeric" && toName == "numeric")
            return NumericChange(fromArgs, toArgs);
        if (Rank(Integers, fromName) is var fromInt and >= 0 && Rank(Integers, toName) is var toInt and >= 0)
            return toInt > fromInt ? TypeChangeEffect.Rewrite : TypeChangeEffect.Narrowing;
        if (Rank(Integers, fromName) >= 0 && toName == "numeric" && toArgs.Length == 0)
            return TypeChangeEffect.Rewrite;
        if (Rank(Floats, fromName) is var fromFloat and >= 0 && Rank(Floats, toName) is var toFloat and >= 0)
            return toFloat > fromFloat ? TypeChangeEffect.Rewrite : TypeChangeEffect.Narrowing;
        if (fromName == toName && (TimeTypes.Contains(fromName) || fromName is "interval" or "bit varying"))
            return Widens(fromArgs, toArgs, fromName == "interval" || fromName == "bit varying" ? int.MaxValue : MaxTimePrecision)
                ? TypeChangeEffect.None
                : TypeChangeEffect.Narrowing;
        if (fromName.StartsWith("timestamp", StringComparison.Ordinal) && toName.StartsWith("timestamp", StringComparison.Ordinal)
            && fromArgs.Length == 0 && toArgs.Length == 0)
            return TypeChangeEffect.Rewrite;
        if (fromName == "cidr" && toName == "inet")
            return TypeChangeEffect.None;
        return TypeChangeEffect.Narrowing;
    }

    /// <summary>A length or precision limit relaxed or dropped: <c>(3)</c> → <c>(6)</c> or none.</summary>
    static bool Widens(int[] fromArgs, int[] toArgs, int max) =>
        toArgs.Length == 0 || toArgs[0] >= max || (fromArgs.Length == 1 && toArgs[0] >= fromArgs[0]);

    static TypeChangeEffect TextChange(string fromName, int[] fromArgs, string toName, int[] toArgs)
    {
        // character(n) pads with blanks: any change to or from it rewrites.
        if (fromName == "character" || toName == "character")
            return toArgs.Length == 1 && fromArgs.Length == 1 && toArgs[0] < fromArgs[0] ? TypeChangeEffect.Narrowing : TypeChangeEffect.Rewrite;
        if (toArgs.Length == 0)
            return TypeChangeEffect.None;
        return fromArgs.Length == 1 && toArgs[0] >= fromArgs[0] ? TypeChangeEffect.None : TypeChangeEffect.Narrowing;
    }

    static TypeChangeEffect NumericChange(int[] fromArgs, int[] toArgs)
    {
        if (toArgs.Length == 0)
            return TypeChangeEffect.None;
        if (fromArgs.Length == 0)
            return TypeChangeEffect.Narrowing;
        var (fromPrecision, fromScale) = (fromArgs[0], fromArgs.Length > 1 ? fromArgs[1] : 0);
        var (toPrecision, toScale) = (toArgs[0], toArgs.Length > 1 ? toArgs[1] : 0);
        if (toScale < fromScale || toPrecision - toScale < fromPrecision - fromScale)
            return TypeChangeEffect.Narrowing;
        return toScale == fromScale ? TypeChangeEffect.None : TypeChangeEffect.Rewrite;
    }

    static bool IsText(string name) => name is "text" or "character varying" or "character";

    static int Rank(string[] family, string name) => Array.IndexOf(family, name);

    /// <summary>
    /// <c>numeric(12,2)</c> → (<c>numeric</c>, [12, 2]); <c>character varying(10)[]</c> → (<c>character varying[]</c>, [10]);
    /// <c>timestamp(3) with time zone</c> → (<c>timestamp with time zone</c>, [3]).
    /// </summary>
    static (string Name, int[] Args) Split(string type)
    {
        var open = type.IndexOf('(');
        if (open < 0)
            return (type, []);
        var close = type.IndexOf(')', open);
        var args = type[(open + 1)..close].Split(',')
            .Select(a => int.TryParse(a.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .ToArray();
        return ($"{type[..open]}{type[(close + 1)..]}", args);
    }
}
