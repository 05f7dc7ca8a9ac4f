using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// <c>USING (true)</c> or <c>WITH CHECK (true)</c> on a policy that writes lets every role the grants allow change
/// every row: RLS in name only (Supabase advisor lint 0024, rls_policy_always_true). Public reads
/// (<c>FOR SELECT USING (true)</c>) and policies for <c>service_role</c> only are fine.
/// </summary>
sealed class PolicyAlwaysTrueRule : ILintRule
{
    static readonly string[] TrustedRoles = ["service_role", "postgres"];

    public string Id => "policy-always-true";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Security;
    public string Summary => "A policy for INSERT, UPDATE, DELETE or ALL with USING (true) or WITH CHECK (true)";
    public string Help => "Say whose rows: `USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id)`.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind is not (StatementKind.CreatePolicy or StatementKind.AlterPolicy))
                continue;
            var command = CommandOf(statement);
            if (command == "SELECT" || OnlyTrustedRoles(statement))
                continue;
            var always = AlwaysTrue(statement, "USING") ?? AlwaysTrue(statement, "CHECK");
            if (always is { } clause)
                findings.Report(statement, statement.Tokens[clause],
                    $"Policy {statement.Target} on {statement.Table} lets {(command == "ALL" ? "every command" : command)} through for every row: {statement.Tokens[clause].Keyword} (true).");
        }
    }

    static string CommandOf(SqlStatement statement)
    {
        var at = statement.IndexOfKeywords(0, "FOR");
        return at >= 0 && at + 1 < statement.Tokens.Count ? statement.Tokens[at + 1].Keyword ?? "ALL" : "ALL";
    }

    static bool OnlyTrustedRoles(SqlStatement statement)
    {
        var to = statement.IndexOfKeywords(0, "TO");
        if (to < 0)
            return false;
        var roles = new List<string>();
        for (var i = to + 1; i < statement.Tokens.Count && !statement.Tokens[i].Is("USING") && !statement.Tokens[i].Is("WITH"); i++)
        {
            if (statement.Tokens[i].IsIdentifier)
                roles.Add(statement.Tokens[i].Name!);
        }

        return roles.Count > 0 && roles.All(TrustedRoles.Contains);
    }

    /// <summary>The index of <paramref name="keyword"/> when it reads <c>keyword ( true )</c> at the top level.</summary>
    static int? AlwaysTrue(SqlStatement statement, string keyword)
    {
        var tokens = statement.Tokens;
        var at = statement.IndexOfKeywords(0, keyword);
        return at >= 0 && at + 3 < tokens.Count && tokens[at + 1].IsSymbol("(") && tokens[at + 2].Is("TRUE") && tokens[at + 3].IsSymbol(")")
            ? at
            : null;
    }
}
