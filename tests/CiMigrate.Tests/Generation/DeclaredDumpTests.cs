using System.Text.Json;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Generation;

/// <summary>
/// A declaration laid out as real projects lay it out: pg_dump files in sub-folders of supabase/schemas (the documented
/// <c>pg_dump --schema-only --schema=public</c> recipe, <c>CREATE SCHEMA public</c> and all), a hand-written file of
/// default privileges, and a SECURITY DEFINER function whose EXECUTE is only service_role's. Read relative to a fresh
/// Supabase project, whose default privileges grant every new function in public to anon and authenticated.
/// </summary>
public sealed class DeclaredDumpTests
{
    const string Header = """
        --
        -- PostgreSQL database dump
        --

        -- Dumped from database version 15.8
        -- Dumped by pg_dump version 15.8

        SET statement_timeout = 0;
        SET client_encoding = 'UTF8';
        SET check_function_bodies = false;
        SELECT pg_catalog.set_config('search_path', '', false);

        """;

    const string Tables = Header + """
        CREATE SCHEMA public;
        ALTER SCHEMA public OWNER TO pg_database_owner;
        COMMENT ON SCHEMA public IS 'standard public schema';

        CREATE TABLE public.notes (
            id bigint NOT NULL,
            body text
        );
        ALTER TABLE public.notes OWNER TO postgres;
        ALTER TABLE ONLY public.notes ADD CONSTRAINT notes_pkey PRIMARY KEY (id);
        ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;

        GRANT ALL ON TABLE public.notes TO anon;
        GRANT ALL ON TABLE public.notes TO authenticated;
        GRANT ALL ON TABLE public.notes TO service_role;
        """;

    // pg_dump writes the function's grants relative to the built-in defaults: PUBLIC revoked, service_role granted.
    // Nothing says "not anon": built in, anon never had it.
    const string Function = Header + """
        CREATE FUNCTION public.purge_notes() RETURNS void
            LANGUAGE sql SECURITY DEFINER
            SET search_path TO ''
            AS $$ DELETE FROM public.notes $$;
        ALTER FUNCTION public.purge_notes() OWNER TO postgres;

        REVOKE ALL ON FUNCTION public.purge_notes() FROM PUBLIC;
        GRANT ALL ON FUNCTION public.purge_notes() TO service_role;
        """;

    const string History = """
        SET search_path TO public;
        CREATE TABLE IF NOT EXISTS public.notes (id bigint PRIMARY KEY, body text);
        ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
        GRANT ALL ON public.notes TO anon, authenticated, service_role;
        """;

    TempDirectory _repo = null!;

    [SetUp]
    public void CreateRepository()
    {
        _repo = new TempDirectory();
        _repo.File("ci-migrate.json", $$"""{ "apps": { "app": { "schema": "public" } }, "lint": {{LenientLint.SettingsJson}} }""");
        _repo.File("supabase/migrations/20250101000000_notes.sql", History);
        _repo.File("supabase/schemas/public/tables.sql", Tables);
        _repo.File("supabase/schemas/public/functions/purge_notes.sql", Function);
        _repo.File("supabase/schemas/zz_privileges.sql", "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM anon;\n");
    }

    [TearDown]
    public void DeleteRepository() => _repo.Dispose();

    static async Task<string> ShadowUrlAsync() => (await PostgresServer.GetClusterAsync()).ConnectionString();

    [Test]
    public async Task Diff_declared_reads_the_sub_folders_the_dump_s_grants_and_the_default_privileges()
    {
        var run = await CliRun.RunAsync(_repo.Path, "diff", "--declared", "--format", "json", "--shadow-url", await ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error + run.Output);
        using var json = JsonDocument.Parse(run.Output);
        var declared = json.RootElement.GetProperty("declared").EnumerateArray()
            .Select(c => $"{c.GetProperty("change").GetString()} {c.GetProperty("kind").GetString()} {c.GetProperty("name").GetString()}");
        // The function and its one grant; no grant to anon or authenticated; the table (in the first sub-folder) as the
        // history has it; the default privilege the hand-written file revokes.
        Assert.That(declared, Is.EquivalentTo(new[]
        {
            "added function purge_notes()", "added grant service_role", "removed defaultprivilege for role postgres on functions to anon",
        }));
        Assert.That(json.RootElement.GetProperty("hazards").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public async Task Generate_keeps_the_security_definer_function_from_anon_and_authenticated()
    {
        var run = await CliRun.RunAsync(_repo.Path, "generate", "purge", "--shadow-url", await ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        var up = await File.ReadAllTextAsync(Directory.EnumerateFiles(Path.Combine(_repo.Path, "supabase/migrations"), "*_purge.sql").Single());
        Assert.That(up, Does.Contain("REVOKE ALL ON ROUTINE public.purge_notes() FROM anon;")
            .And.Contain("REVOKE ALL ON ROUTINE public.purge_notes() FROM authenticated;")
            .And.Contain("ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public REVOKE ALL ON FUNCTIONS FROM anon;"));
        Assert.That(up, Does.Not.Contain("TO anon").And.Not.Contain("TO authenticated"));

        // The migrations now reach the declaration.
        var check = await CliRun.RunAsync(_repo.Path, "diff", "--declared", "--shadow-url", await ShadowUrlAsync());
        Assert.That(check.Output, Does.Contain("Declared schema: the migrations reach supabase/schemas exactly."), check.Error);
    }

    [Test]
    public async Task A_declared_statement_that_does_not_load_is_an_error_in_the_plan_and_the_rest_is_compared()
    {
        _repo.File("supabase/schemas/public/broken.sql", "CREATE VIEW public.broken AS SELECT * FROM public.missing;\nINSERT INTO public.notes VALUES (1, 'seed');\n");

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--declared", "--format", "json", "--shadow-url", await ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.Not.EqualTo(2), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var hazards = json.RootElement.GetProperty("hazards").EnumerateArray()
            .Select(h => $"{h.GetProperty("file").GetString()}:{h.GetProperty("line").GetInt32()}").ToList();
        Assert.That(hazards, Is.EqualTo(new[] { "supabase/schemas/public/broken.sql:1", "supabase/schemas/public/broken.sql:2" }));
        Assert.That(json.RootElement.GetProperty("declared").EnumerateArray().Select(c => c.GetProperty("name").GetString()),
            Does.Contain("purge_notes()"));
    }
}
