using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Planning;

namespace CiMigrate.Generation;

/// <summary>What <see cref="SchemaGenerator"/> needs: the app, its history, the declared schema, where to replay.</summary>
public sealed record GenerationRequest
{
    public required AppSettings App { get; init; }

    /// <summary>The migration's name: <c>add_budgets</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The app's migrations, in order: replayed, they give the current state.</summary>
    public required IReadOnlyList<Migration> History { get; init; }

    public required DeclaredSchema Declared { get; init; }

    /// <summary>Starts the shadow; always disposed.</summary>
    public required Func<CancellationToken, Task<IShadowDatabase>> StartShadow { get; init; }

    /// <summary>The versions the files get, in order (the first for the first file).</summary>
    public required IReadOnlyList<string> Versions { get; init; }

    /// <summary>The repository root, for the paths in messages.</summary>
    public required string Root { get; init; }

    /// <summary>A last look at the files before they are proven (the task adds what lint needs there).</summary>
    public Func<IReadOnlyList<GeneratedFile>, IReadOnlyList<GeneratedFile>> Review { get; init; } = files => files;
}
