using System.Text;
using CiMigrate.Tests.Execution;
using CiMigrate.Tests.Support;
using Npgsql;

namespace CiMigrate.Tests.Configuration;

/// <summary>
/// No error echoes a field that can hold a password (issue 26, item 3): every connection-string form, in every
/// format of every task that connects, and the password is in no output, raw, URL-encoded or base64.
/// </summary>
public sealed class ConnectionSecretTests
{
    const string Password = "s3cr3t pass/word";

    static readonly string[] Formats = ["text", "json", "markdown", "github", "sarif"];

    static readonly string[][] Tasks =
    [
        ["status"], ["doctor"], ["rollback", "--steps", "1"], ["repair", "--forget", "20250101000001"], ["diff"],
    ];

    static IEnumerable<TestCaseData> Forms()
    {
        yield return new TestCaseData("url", "postgresql://postgres:{encoded}@{host}:{port}/postgres?sslmode=disable");
        yield return new TestCaseData("url-query-password", "postgresql://postgres@{host}:{port}/postgres?password={encoded}&sslmode=disable");
        yield return new TestCaseData("npgsql-keywords", "Host={host};Port={port};Username=postgres;Password='{raw}';Database=postgres;SSL Mode=Disable");
        yield return new TestCaseData("libpq-key-value", "host={host} port={port} user=postgres password='{raw}' dbname=postgres sslmode=disable");
        yield return new TestCaseData("libpq-unquoted-space", "host={host} port={port} user=postgres password={raw} dbname=postgres");
        yield return new TestCaseData("libpq-bad-port", "host={host} port=x{raw} user=postgres password='{raw}'");
        yield return new TestCaseData("libpq-unterminated", "host={host} port={port} password='{raw}");
        yield return new TestCaseData("libpq-unknown-keyword", "host={host} port={port} passwd='{raw}' user=postgres");
    }

    [TestCaseSource(nameof(Forms))]
    public async Task No_output_of_any_task_in_any_format_holds_the_password(string form, string template)
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250101000001", "budgets", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n");
        repo.Down("20250101000001", "budgets", "SET search_path TO money_tracker;\nDROP TABLE IF EXISTS budgets;\n");
        var server = new NpgsqlConnectionStringBuilder(repo.Staging.ConnectionString);
        var url = template.Replace("{host}", server.Host, StringComparison.Ordinal)
            .Replace("{port}", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{encoded}", Uri.EscapeDataString(Password), StringComparison.Ordinal)
            .Replace("{raw}", Password, StringComparison.Ordinal);
        string[] forbidden = [Password, Uri.EscapeDataString(Password), Convert.ToBase64String(Encoding.UTF8.GetBytes(Password))];

        var leaks = new List<string>();
        foreach (var task in Tasks)
        {
            foreach (var format in Formats)
            {
                var run = await repo.RunAsync([.. task, "--database-url", url, "--format", format]);
                foreach (var secret in forbidden.Where(s => (run.Output + run.Error).Contains(s, StringComparison.Ordinal)))
                    leaks.Add($"{string.Join(' ', task)} --format {format}: '{secret}' in {run.Output}{run.Error}");
            }
        }

        Assert.That(leaks, Is.Empty, form);
    }
}
