using CiMigrate.Hosting;
using CiMigrate.Reporting;

namespace CiMigrate.Cli;

/// <summary>
/// What a task's command offers beyond the options it reads (<see cref="ITask.Options"/>, <see cref="ITask.Reads"/>),
/// and what its <c>--help</c> says after them: the formats it writes (any other is a usage error, exit 2), examples and
/// exit codes.
/// </summary>
sealed record TaskUsage(IReadOnlyList<OutputFormat> Formats, IReadOnlyList<string> Examples, IReadOnlyList<string> ExitCodes)
{
    static readonly OutputFormat[] All = Enum.GetValues<OutputFormat>();
    static readonly OutputFormat[] Text = [OutputFormat.Text];

    const string Ok = "0  done; nothing wrong";
    const string Usage = "2  bad command line, settings or files";
    const string Database = "3  the database or a service failed";
    const string Refused = "1  refused (lint errors, reviewed plan, promotion, approval): nothing applied";

    static readonly Dictionary<string, TaskUsage> Known = new(StringComparer.Ordinal)
    {
        ["lint"] = new(All,
            ["ci-migrate lint", "ci-migrate lint --only-changed origin/main --format github", "ci-migrate lint --fix"],
            [Ok, "1  lint found an error-severity problem", Usage]),
        ["diff"] = new([OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown, OutputFormat.Github],
            ["ci-migrate diff", "ci-migrate diff --env staging --format markdown", "ci-migrate diff --env staging --comment --format github"],
            [Ok, "1  the target drifted from its migrations, or (--declared) they do not reach supabase/schemas", Usage, "3  the dry run on the target failed, or the database failed"]),
        ["stage-apply"] = Apply("stage-apply", "--env staging"),
        ["prod-apply"] = Apply("prod-apply", "--env production --expect-plan <hash>"),
        ["rollback"] = new(All,
            ["ci-migrate rollback --env staging", "ci-migrate rollback --env staging --steps 2", "ci-migrate rollback --env staging --to 20250208000004"],
            [Ok, Refused, Usage, Database]),
        ["status"] = new(All,
            ["ci-migrate status --env staging", "ci-migrate status --env production --format json"],
            [Ok, Usage, Database]),
        ["baseline"] = new(All,
            ["ci-migrate baseline --env production --to 20250208000004", "ci-migrate baseline --env production --from-supabase"],
            [Ok, Usage, Database]),
        ["repair"] = new(All,
            ["ci-migrate repair --env staging --accept-checksum 20250208000004", "ci-migrate repair --env staging --forget 20250208000004",
                "ci-migrate repair --env staging --partial 20250208000004 --to not-applied --reason \"dropped its half-built index by hand\""],
            [Ok, Usage, Database]),
        ["new"] = new(Text,
            ["ci-migrate new add_budgets", "ci-migrate new --app money-tracker add_budgets",
                "ci-migrate new --expand rename-column budgets.amount total"],
            [Ok, Usage]),
        ["copy-schema"] = new([OutputFormat.Text, OutputFormat.Json],
            ["ci-migrate copy-schema --from sandbox --to production --app money-tracker --data --dry-run",
                "ci-migrate copy-schema --from staging --to staging --app money-tracker --rename money_tracker_v2 --data"],
            [Ok, "1  refused: the target schema already holds objects (see --replace)", Usage,
                "3  the database failed, or the copy's proof differed (the target was rolled back)"]),
        ["generate"] = new(Text,
            ["ci-migrate generate add_budgets", "ci-migrate generate --app money-tracker add_budgets --from db/schema.sql"],
            [Ok, "1  the generated files fail lint or the proof: nothing written", Usage, Database]),
        ["doctor"] = new([OutputFormat.Text, OutputFormat.Json],
            ["ci-migrate doctor --env staging", "ci-migrate doctor --env production"],
            [Ok, "1  a check failed", Usage]),
        ["apps"] = new(Text,
            ["ci-migrate apps", "ci-migrate apps --paths", "ci-migrate apps --check-workflow .github/workflows/migrations-pr.yml"],
            [Ok, "1  (--check-workflow) a workflow's path filters or cache keys leave out an app", Usage]),
        ["warm-shadow"] = new(Text,
            ["ci-migrate warm-shadow", "ci-migrate warm-shadow   # in a Dockerfile RUN, with CI_MIGRATE_CACHE_DIR=/opt/ci-migrate/cache"],
            [Ok, Usage, "3  initdb or the throwaway server failed, or the cache folder would not take the cluster"]),
        ["inspect"] = new([OutputFormat.Text, OutputFormat.Json],
            ["ci-migrate inspect supabase/migrations/20250208000004_add_basic_categories.sql", "ci-migrate inspect --format json file.sql"],
            [Ok, Usage]),
    };

    /// <summary>Tasks the table does not know (tests' own tasks) get every shared option and format, and no examples.</summary>
    public static TaskUsage Of(ITask task) =>
        Known.GetValueOrDefault(task.Name) ?? new(All, [], [Ok, Usage]);

    static TaskUsage Apply(string name, string target) => new(All,
        [$"ci-migrate {name} {target}", $"ci-migrate {name} {target} --dry-run", $"ci-migrate {name} {target} --format github"],
        [Ok, Refused, Usage, "3  a migration or the database failed (the failing file:line:col is shown)"]);

    /// <summary>The text after the options in <c>--help</c>.</summary>
    public string Epilogue() =>
        (Examples.Count == 0 ? "" : "Examples:\n" + string.Concat(Examples.Select(e => $"  {e}\n")) + "\n") +
        "Exit codes:\n" + string.Concat(ExitCodes.Select(c => $"  {c}\n"));
}
