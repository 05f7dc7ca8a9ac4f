using CiMigrate.Hosting;
using CiMigrate.Secrets;
using Npgsql;

namespace CiMigrate.Configuration;

/// <summary>
/// Turns what users write (<c>postgresql://user:pass@host:5432/db?sslmode=disable</c>, as Supabase prints it, libpq's
/// key/value form <c>host=... port=... user=... password=... dbname=...</c> as psql takes it, or an Npgsql connection
/// string) into an Npgsql connection string, registering the password as a secret. Error messages describe the
/// target without the password, and never quote a value that could hold one.
/// </summary>
public static class DatabaseUrl
{
    public static string ToConnectionString(string value, SecretMasker secrets)
    {
        secrets.Add(value);
        var builder = value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                      || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? FromUrl(value)
            : LibpqKeywords.Matches(value) ? FromLibpq(value)
            : FromKeywords(value);
        secrets.Add(builder.Password);
        builder.ApplicationName ??= "ci-migrate";
        return builder.ConnectionString;
    }

    /// <summary><c>postgres@db.example.com:5432/postgres</c>: enough to say which server, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var host = builder.Host ?? "localhost";
        return $"{builder.Username ?? "postgres"}@{host}:{builder.Port}/{builder.Database ?? builder.Username ?? "postgres"}";
    }

    static NpgsqlConnectionStringBuilder FromKeywords(string value)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException)
        {
            // The exception text can quote the string, password included: say what is wrong without it.
            throw new UsageException("The database connection string is not valid: expected postgresql://user:password@host:port/database or Host=...;Username=...;Password=...");
        }
    }

    /// <summary>libpq's <c>keyword=value</c> pairs separated by spaces, values optionally single-quoted (\' and \\ escaped).</summary>
    static NpgsqlConnectionStringBuilder FromLibpq(string value)
    {
        var builder = new NpgsqlConnectionStringBuilder { Port = 5432 };
        foreach (var (key, val) in LibpqKeywords.Parse(value))
        {
            // libpq refuses a keyword it does not know; so does ci-migrate, naming the keyword only.
            if (!Apply(builder, key, val, "connection string"))
                throw new UsageException($"The database connection string has a parameter ci-migrate does not know: '{key}'. " +
                    "Known: host, hostaddr, port, user, password, dbname, sslmode, application_name, connect_timeout, options.");
        }

        if (string.IsNullOrEmpty(builder.Host))
            throw new UsageException("The database connection string names no host: expected host=... port=... user=... password=... dbname=...");
        builder.Database ??= builder.Username ?? "postgres";
        return builder;
    }

    /// <summary>
    /// One libpq parameter (a URL's query or a key/value pair); false for a keyword ci-migrate does not use. The
    /// message of a bad one never quotes a value that could hold a password.
    /// </summary>
    static bool Apply(NpgsqlConnectionStringBuilder builder, string key, string val, string where)
    {
        switch (key)
        {
            case "host" or "hostaddr":
                builder.Host = val;
                break;
            case "port":
                builder.Port = int.TryParse(val, out var port) && port is > 0 and < 65536
                    ? port
                    : throw new UsageException($"The database {where} has a port that is not a number from 1 to 65535.");
                break;
            case "user":
                builder.Username = val;
                break;
            case "password":
                builder.Password = val;
                break;
            case "dbname":
                builder.Database = val;
                break;
            case "sslmode":
                builder.SslMode = val switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw new UsageException($"The database {where} has sslmode={val}; expected disable, allow, prefer, require, verify-ca or verify-full."),
                };
                break;
            case "application_name":
                builder.ApplicationName = val;
                break;
            case "connect_timeout":
                builder.Timeout = int.TryParse(val, out var seconds) ? seconds : builder.Timeout;
                break;
            case "options":
                builder.Options = val;
                break;
            default:
                return false;
        }

        return true;
    }

    static NpgsqlConnectionStringBuilder FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new UsageException("The database URL is not valid: expected postgresql://user:password@host:port/database");

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var val = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            // Other query parameters (pgbouncer=true, as Supabase's pooler URL has) are for other clients.
            Apply(builder, key, val, "URL");
        }

        return builder;
    }
}
