using CiMigrate.Hosting;

namespace CiMigrate.Configuration;

/// <summary>
/// libpq's key/value connection string, <c>host=db.example.com port=5432 user=postgres password='a b' dbname=postgres</c>
/// (https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-CONNSTRING-KEYWORD-VALUE): pairs separated by
/// whitespace, a value single-quoted when it holds spaces, with <c>\'</c> and <c>\\</c> escaped.
/// </summary>
static class LibpqKeywords
{
    static readonly string[] Keywords = ["host", "hostaddr", "port", "user", "password", "dbname", "sslmode"];

    /// <summary>Whether <paramref name="value"/> is in this form: it starts with a lower-case libpq keyword and '=', and has no ';' outside quotes.</summary>
    public static bool Matches(string value)
    {
        var text = value.TrimStart();
        var equals = text.IndexOf('=');
        if (equals <= 0 || !Keywords.Contains(text[..equals].TrimEnd(), StringComparer.Ordinal))
            return false;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && quoted)
                i++;
            else if (text[i] == '\'')
                quoted = !quoted;
            else if (text[i] == ';' && !quoted)
                return false;
        }

        return true;
    }

    /// <summary>The pairs, in order. A malformed string is a usage error that quotes nothing of it.</summary>
    public static IEnumerable<(string Key, string Value)> Parse(string value)
    {
        var i = 0;
        while (true)
        {
            while (i < value.Length && char.IsWhiteSpace(value[i]))
                i++;
            if (i == value.Length)
                yield break;
            var keyStart = i;
            while (i < value.Length && value[i] != '=' && !char.IsWhiteSpace(value[i]))
                i++;
            var key = value[keyStart..i];
            while (i < value.Length && char.IsWhiteSpace(value[i]))
                i++;
            if (i == value.Length || value[i] != '=' || key.Length == 0)
                throw Malformed();
            i++;
            while (i < value.Length && char.IsWhiteSpace(value[i]))
                i++;
            yield return (key, ReadValue(value, ref i));
        }
    }

    static string ReadValue(string value, ref int i)
    {
        var text = new System.Text.StringBuilder();
        if (i < value.Length && value[i] == '\'')
        {
            for (i++; ; i++)
            {
                if (i >= value.Length)
                    throw Malformed();
                if (value[i] == '\\' && i + 1 < value.Length)
                    text.Append(value[++i]);
                else if (value[i] == '\'')
                {
                    i++;
                    return text.ToString();
                }
                else
                    text.Append(value[i]);
            }
        }

        for (; i < value.Length && !char.IsWhiteSpace(value[i]); i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
                i++;
            text.Append(value[i]);
        }

        return text.ToString();
    }

    static UsageException Malformed() => new(
        "The database connection string is not valid: libpq's form is host=... port=... user=... password='...' dbname=..., " +
        "each value single-quoted when it holds a space.");
}
