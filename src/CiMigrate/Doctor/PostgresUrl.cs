using System.Globalization;
using CiMigrate.Hosting;
using Npgsql;

namespace CiMigrate.Doctor;

/// <summary>
/// <c>postgresql://user:password@host:port/database?sslmode=...</c> (what Supabase and the runbook hand out) as a
/// Npgsql connection string; a string already in <c>Host=...;</c> form passes through.
/// </summary>
public static class PostgresUrl
{
    public static string ToConnectionString(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) &&
            !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;

        // The message never repeats the URL: it holds the password.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new UsageException("The database URL is not a valid postgresql://user:password@host:port/database URL.");

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "postgres",
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length > 1)
            builder.Password = Uri.UnescapeDataString(userInfo[1]);

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var text = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            switch (key)
            {
                case "sslmode":
                    builder.SslMode = SslModeOf(text);
                    break;
                case "application_name":
                    builder.ApplicationName = text;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.Parse(text, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new UsageException($"The database URL has a parameter ci-migrate does not know: {key}.");
            }
        }

        return builder.ConnectionString;
    }

    static SslMode SslModeOf(string text) => text switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new UsageException($"The database URL's sslmode '{text}' is not one of disable, allow, prefer, require, verify-ca, verify-full."),
    };
}
