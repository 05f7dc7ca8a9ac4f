using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Shadow;

public sealed class SupabaseBaselineTests
{
    TestDatabase _database = null!;

    [SetUp]
    public async Task CreateDatabase() => _database = await PostgresServer.CreateDatabaseAsync();

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task auth_uid_returns_the_sub_claim_of_the_request_jwt()
    {
        var uid = await _database.ScalarAsync(
            """
            SELECT set_config('request.jwt.claims', '{"sub": "6f1c2a7e-4d0b-4b8e-9c39-0a7d3c8e2f11", "role": "authenticated"}', false);
            SELECT auth.uid()
            """);
        Assert.That(uid, Is.EqualTo(Guid.Parse("6f1c2a7e-4d0b-4b8e-9c39-0a7d3c8e2f11")));
    }

    [Test]
    public async Task auth_uid_reads_the_older_per_claim_setting_first()
    {
        var uid = await _database.ScalarAsync(
            """
            SELECT set_config('request.jwt.claim.sub', '0d4a9a4e-1111-4b8e-9c39-0a7d3c8e2f11', false);
            SELECT set_config('request.jwt.claims', '{"sub": "6f1c2a7e-4d0b-4b8e-9c39-0a7d3c8e2f11"}', false);
            SELECT auth.uid()
            """);
        Assert.That(uid, Is.EqualTo(Guid.Parse("0d4a9a4e-1111-4b8e-9c39-0a7d3c8e2f11")));
    }

    [Test]
    public async Task Without_a_jwt_auth_uid_role_and_jwt_are_null()
    {
        var result = await _database.ScalarAsync("SELECT auth.uid() IS NULL AND auth.role() IS NULL AND auth.jwt() IS NULL");
        Assert.That(result, Is.True);
    }

    [Test]
    public async Task auth_role_and_auth_jwt_read_the_claims()
    {
        var result = await _database.ScalarAsync(
            """
            SELECT set_config('request.jwt.claims', '{"sub": "6f1c2a7e-4d0b-4b8e-9c39-0a7d3c8e2f11", "role": "anon", "email": "a@b.c"}', false);
            SELECT auth.role() || ' ' || (auth.jwt() ->> 'email')
            """);
        Assert.That(result, Is.EqualTo("anon a@b.c"));
    }

    [Test]
    public async Task gen_random_uuid_works_with_the_search_path_set_to_an_app_schema()
    {
        var result = await _database.ScalarAsync(
            """
            CREATE SCHEMA money_tracker;
            SET search_path TO money_tracker;
            CREATE TABLE things (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), user_id uuid REFERENCES auth.users (id));
            INSERT INTO things DEFAULT VALUES;
            SELECT count(*) FROM money_tracker.things WHERE id IS NOT NULL
            """);
        Assert.That(result, Is.EqualTo(1L));
    }

    [Test]
    public async Task Extension_functions_resolve_through_the_default_search_path_as_on_Supabase()
    {
        var result = await _database.ScalarAsync(
            "SELECT uuid_generate_v4() IS NOT NULL AND length(digest('x', 'sha256')) = 32 AND extensions.uuid_generate_v4() IS NOT NULL");
        Assert.That(result, Is.True);
    }

    [Test]
    public async Task The_Supabase_roles_exist_with_their_attributes()
    {
        await using var command = _database.DataSource.CreateCommand(
            """
            SELECT rolname || ':' || rolcanlogin || ':' || rolbypassrls || ':' || rolinherit
            FROM pg_roles
            WHERE rolname IN ('anon', 'authenticated', 'service_role', 'authenticator')
            ORDER BY rolname
            """);
        var roles = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                roles.Add(reader.GetString(0));
        // The API roles inherit since supabase/postgres 20230529180330_alter_api_roles_for_inherit; authenticator does not.
        Assert.That(roles, Is.EqualTo(new[]
        {
            "anon:false:false:true",
            "authenticated:false:false:true",
            "authenticator:true:false:false",
            "service_role:false:true:true",
        }));
        Assert.That(await _database.ScalarAsync("SELECT pg_has_role('authenticator', 'authenticated', 'MEMBER')"), Is.True);
    }

    [Test]
    public async Task Row_level_security_with_auth_uid_filters_rows_for_the_authenticated_role()
    {
        var visible = await _database.ScalarAsync(
            """
            CREATE SCHEMA app;
            GRANT USAGE ON SCHEMA app TO authenticated;
            CREATE TABLE app.notes (owner uuid, body text);
            ALTER TABLE app.notes ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own ON app.notes FOR SELECT USING (auth.uid() = owner);
            GRANT SELECT ON app.notes TO authenticated;
            INSERT INTO app.notes VALUES ('6f1c2a7e-4d0b-4b8e-9c39-0a7d3c8e2f11', 'mine'), (gen_random_uuid(), 'theirs');
            SELECT set_config('request.jwt.claims', '{"sub": "6f1c2a7e-4d0b-4b8e-9c39-0a7d3c8e2f11"}', false);
            SET ROLE authenticated;
            SELECT string_agg(body, ',') FROM app.notes
            """);
        Assert.That(visible, Is.EqualTo("mine"));
    }

    [Test]
    public async Task Storage_and_migration_history_tables_exist()
    {
        var result = await _database.ScalarAsync(
            """
            INSERT INTO storage.buckets (id, name) VALUES ('avatars', 'avatars');
            INSERT INTO storage.objects (bucket_id, name) VALUES ('avatars', 'u1/photos/me.png');
            INSERT INTO supabase_migrations.schema_migrations (version, statements, name) VALUES ('20250101000000', '{select 1}', 'init');
            SELECT (storage.foldername(name))[1] || ' ' || storage.filename(name) || ' ' || storage.extension(name) FROM storage.objects
            """);
        Assert.That(result, Is.EqualTo("u1 me.png png"));
    }

    [Test]
    public async Task Applying_the_baseline_again_succeeds_and_keeps_data()
    {
        await _database.ExecuteAsync("INSERT INTO auth.users (id, email) VALUES (gen_random_uuid(), 'a@example.com')");
        await SupabaseBaseline.ApplyAsync(_database.DataSource);
        Assert.That(await _database.ScalarAsync("SELECT count(*) FROM auth.users"), Is.EqualTo(1L));
    }

    [Test]
    public async Task The_baseline_applies_to_a_plain_database()
    {
        var cluster = await PostgresServer.GetClusterAsync();
        var name = $"plain_{Guid.NewGuid():N}";
        await cluster.CreateDatabaseAsync(name);
        try
        {
            await using var before = cluster.DataSource(name).CreateCommand("SELECT to_regnamespace('auth') IS NULL");
            Assert.That(await before.ExecuteScalarAsync(), Is.True);
            await SupabaseBaseline.ApplyAsync(cluster.DataSource(name));
            await using var after = cluster.DataSource(name).CreateCommand("SELECT to_regprocedure('auth.jwt()') IS NOT NULL");
            Assert.That(await after.ExecuteScalarAsync(), Is.True);
        }
        finally
        {
            await cluster.DropDatabaseAsync(name);
        }
    }
}
