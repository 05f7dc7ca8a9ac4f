using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.GitHub;
using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>Chooses the approval gate of an environment: the one place the GitHub approval gate plugs in.</summary>
public static class ApprovalGates
{
    /// <summary>The environment name that needs an approval by default when running in GitHub Actions.</summary>
    public const string Production = "production";

    /// <summary>
    /// The GitHub approval gate when <c>requireApproval</c> is on: set explicitly, or unset for the environment named
    /// <c>production</c> in a GitHub Actions run (<c>GITHUB_ACTIONS=true</c>); else no gate.
    /// </summary>
    public static IApprovalGate For(EnvironmentSettings environment, TaskContext context)
    {
        if (!RequiresApproval(environment, context.Environment))
            return NoApprovalGate.Instance;
        var github = GitHubIntegration.From(context, context.Get(GitHubOptions.Token));
        return new GitHubApprovalGate(github, context.ParseResult.CommandResult.Command.Name);
    }

    /// <summary>The refusal of a run whose approval was refused.</summary>
    public static RunRefused Refusal(ApprovalDecision decision, string environment) =>
        new(RefusalCodes.NotApproved, decision.Reason ?? $"The run was not approved for {environment}.", null, null, null, null);

    /// <summary>Whether runs against <paramref name="environment"/> need an approval.</summary>
    static bool RequiresApproval(EnvironmentSettings environment, IReadOnlyDictionary<string, string?> variables) =>
        environment.RequireApproval ?? (
            string.Equals(environment.Name, Production, StringComparison.OrdinalIgnoreCase)
            && variables.TryGetValue("GITHUB_ACTIONS", out var actions)
            && string.Equals(actions?.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}
