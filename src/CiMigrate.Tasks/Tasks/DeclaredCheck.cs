using CiMigrate.Configuration;
using CiMigrate.Generation;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Planning;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>diff --declared</c>: whether all of the app's migrations reach its declared schema (<c>supabase/schemas</c>),
/// so a pull request that changes the declaration without a migration, or a migration without the declaration, shows.
/// </summary>
static class DeclaredCheck
{
    public static async Task<Plan> AddToAsync(Plan plan, TaskContext context, AppSettings app, MigrationSet migrations)
    {
        var root = context.Workspace.Root;
        if (DeclaredSchema.OfApp(app, root) is not { } declared)
        {
            return plan with { Notes = [.. plan.Notes, $"--declared: there is no {RepositoryPaths.Display(DeclaredSchema.DefaultFolder(app), root)} " +
                "and no [db.migrations] schema_paths in supabase/config.toml, so no declared schema to compare with."] };
        }

        var (differences, problems) = await SchemaGenerator.CompareAsync(new GenerationRequest
        {
            App = app,
            Name = "declared",
            History = migrations.Migrations,
            Declared = declared,
            StartShadow = ct => ShadowChoice.StartAsync(context, null, null, ct),
            Versions = [],
            Root = root,
        }, context.CancellationToken);
        return plan with { Declared = differences, Hazards = [.. plan.Hazards, .. problems.Select(p => Hazard(p, app))] };
    }

    /// <summary>A declared statement that did not load: that one object is an error in the plan, the rest is compared.</summary>
    static Hazard Hazard(DeclaredProblem problem, AppSettings app) =>
        new(HazardKind.FailsOnShadow, app.Schema, $"{problem.Path}:{problem.Line}: declared statement not loaded: {problem.Message}")
        {
            Advice = "Fix the declaration (supabase/schemas or the files schema_paths lists): the differences shown leave this statement out.",
            File = problem.Path,
            Line = problem.Line,
            Column = problem.Column,
        };
}
