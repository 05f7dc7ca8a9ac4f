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
        var folder = DeclaredSchema.DefaultFolder(app);
        if (!Directory.Exists(folder))
            return plan with { Notes = [.. plan.Notes, $"--declared: there is no {RepositoryPaths.Display(folder, root)}, so no declared schema to compare with."] };

        var differences = await SchemaGenerator.CompareAsync(new GenerationRequest
        {
            App = app,
            Name = "declared",
            History = migrations.Migrations,
            Declared = DeclaredSchema.Load(folder, root),
            StartShadow = ct => ShadowChoice.StartAsync(context, null, null, ct),
            Versions = [],
            Root = root,
        }, context.CancellationToken);
        return plan with { Declared = differences };
    }
}
