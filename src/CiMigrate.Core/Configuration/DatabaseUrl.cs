using CiMigrate.Hosting;
using CiMigrate.Secrets;
using Npgsql;

namespace CiMigrate.Configuration;

/// <summary>
/// Turns what users write (<c>postgresql://user:pass@host:5432/db?sslmode=disable</c>, as Supabase prints it, or
/// an Npgsql connection string) into an Npgsql connection string, registering the password as a secret.
/// Error messages describe the target without the password.
/// </summary>
public static class DatabaseUrl
{
    public static string ToConnectionString(string value, SecretMasker secrets)
    {
        secrets.Add(value);
        var builder = value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                      || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? FromUrl(value)
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
            switch (key)
            {
                case "sslmode":
                    builder.SslMode = val switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "prefer" => SslMode.Prefer,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => throw new UsageException($"The database URL has sslmode={val}; expected disable, allow, prefer, require, verify-ca or verify-full."),
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
            }
        }

        return builder;
    }
}
