using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// A migration changes the database, not the server's files or programs: <c>COPY ... PROGRAM</c>, server-side file
/// COPY, <c>pg_read_file</c>, <c>lo_export</c>, untrusted languages (<see cref="ServerAccess"/>). On CI the server
/// that runs a pull request's migration first is the throwaway shadow, beside the job's secrets; the shadow refuses
/// to replay such a statement.
/// </summary>
sealed class ServerAccessRule : ILintRule
{
    public string Id => "server-access";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Security;
    public string Summary => "COPY ... PROGRAM, server-side file access (pg_read_file, lo_export) or an untrusted language";
    public string Help => "Remove it. Load data with COPY ... FROM STDIN from a client, and write functions in SQL or PL/pgSQL.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (ServerAccess.Of(statement) is { } reach)
                findings.Report(statement, $"{reach}: code a pull request controls would run on the server, beside its secrets.");
        }
    }
}
