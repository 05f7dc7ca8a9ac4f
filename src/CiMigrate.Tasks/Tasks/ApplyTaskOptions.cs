using System.CommandLine;
using CiMigrate.GitHub;

namespace CiMigrate.Tasks;

/// <summary>The options of an apply task; each task has its own instances (an option belongs to one command tree).</summary>
sealed class ApplyTaskOptions
{
    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Run everything pending in one transaction and roll it back: proves it applies, changes nothing",
    };

    public Option<bool> Atomic { get; } = new("--atomic")
    {
        Description = "Apply all pending migrations in one transaction: all or nothing",
    };

    public Option<bool> AllowOutOfOrder { get; } = new("--allow-out-of-order")
    {
        Description = "Apply pending migrations older than the newest applied one",
    };

    public Option<string?> Backup { get; } = new("--backup")
    {
        Description = "Before applying, pg_dump the app's schema into this folder; the restore command is printed on failure",
    };

    public Option<string?> ExpectPlan { get; } = new("--expect-plan")
    {
        Description = "Refuse unless the pending migrations hash to this plan (the planHash diff printed, the plan-hash output of stage-apply); an empty value refuses",
        // --expect-plan= and a bare --expect-plan are an empty plan, refused, not a usage error: a workflow that passes
        // an empty output must stop at the gate with its reason.
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = result => result.Tokens is [var token, ..] ? token.Value : "",
    };

    public Option<bool> SkipLint { get; } = new("--skip-lint")
    {
        Description = "Escape hatch: apply even when lint finds errors in the pending migrations (they are linted by default)",
    };

    public IReadOnlyList<Option> All => [DryRun, Atomic, AllowOutOfOrder, Backup, ExpectPlan, SkipLint, GitHubOptions.Token];
}
