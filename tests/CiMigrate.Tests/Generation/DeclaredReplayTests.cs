using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Generation;

/// <summary>diff --declared replays the history as diff does, and loads the declaration the same way.</summary>
public sealed class DeclaredReplayTests
{
    const string Vector = """
        create extension if not exists vector with schema extensions;
        create table if not exists public.documents (id bigint primary key, embedding extensions.vector(3));
        create index if not exists documents_embedding_idx on public.documents using hnsw (embedding extensions.vector_cosine_ops)
          with (m = 16, ef_construction = 64);
        """;

    [Test]
    public async Task Hnsw_index_options_stop_neither_the_history_nor_the_declaration()
    {
        using var repo = new TempDirectory();
        repo.File("ci-migrate.json", $$"""{ "apps": { "app": { "schema": "public" } }, "lint": {{LenientLint.SettingsJson}} }""");
        repo.File("supabase/migrations/20250101000000_documents.sql", Vector);
        repo.File("supabase/schemas/documents.sql", Vector);

        var run = await CliRun.RunAsync(repo.Path, "diff", "--declared", "--shadow-url", (await PostgresServer.GetClusterAsync()).ConnectionString());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("Declared schema: the migrations reach supabase/schemas exactly."));
    }
}
