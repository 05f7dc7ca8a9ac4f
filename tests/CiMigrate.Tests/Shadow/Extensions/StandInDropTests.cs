using CiMigrate.Planning;
using CiMigrate.Shadow.Extensions;
using CiMigrate.Tests.Fixtures;
using Npgsql;

namespace CiMigrate.Tests.Shadow.Extensions;

/// <summary>
/// Histories drop and re-create: an extension (<c>DROP EXTENSION ... CASCADE</c>), a schema with everything in it, a
/// queue. Each stand-in must come back as the real extension does, on the test cluster's real server.
/// </summary>
public sealed class StandInDropTests
{
    static readonly string FixtureFolder = TestRepository.Combine("tests", "CiMigrate.Tests", "Shadow", "Extensions", "Fixtures");

    static IEnumerable<string> Names() => StandIns.All.Select(s => s.Name);

    TestDatabase _database = null!;

    [SetUp]
    public async Task CreateDatabase() => _database = await PostgresServer.CreateDatabaseAsync();

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [TestCaseSource(nameof(Names))]
    public async Task The_stand_in_drops_with_its_objects_and_is_created_again(string extension)
    {
        // As the replay runs it: the vector stand-in's index methods take no options (ShadowIndexOptions).
        var fixture = ShadowIndexOptions.Blank(await File.ReadAllTextAsync(Path.Combine(FixtureFolder, extension + ".sql")));
        await _database.ExecuteAsync(fixture);
        var members = await MemberCountAsync(extension);
        Assert.That(members, Is.GreaterThan(0));

        // A history that starts over: the extension and the app's objects go, then the same migration runs again.
        await _database.ExecuteAsync($"""
            drop extension "{extension}" cascade;
            drop schema public cascade;
            create schema public;
            """);
        Assert.That(await _database.ScalarAsync($"select count(*) from pg_extension where extname = '{extension}'"), Is.EqualTo(0L));
        Assert.That(await _database.ScalarAsync($"select count(*) from pg_depend d join pg_extension e on e.oid = d.refobjid where e.extname = '{extension}'"),
            Is.EqualTo(0L));

        await _database.ExecuteAsync(fixture);
        Assert.That(await MemberCountAsync(extension), Is.EqualTo(members));
    }

    [Test]
    public async Task A_dropped_hypertable_takes_its_records_along_and_the_re_created_table_becomes_one_again()
    {
        const string create = """
            create schema metrics;
            create table metrics.readings (taken_at timestamptz not null, value double precision);
            select extensions.create_hypertable('metrics.readings', 'taken_at');
            select extensions.add_retention_policy('metrics.readings', interval '30 days');
            """;
        await _database.ExecuteAsync("create extension timescaledb with schema extensions;\n" + create);

        await _database.ExecuteAsync("drop schema metrics cascade");
        Assert.That(await _database.ScalarAsync("select count(*) from timescaledb_information.hypertables"), Is.EqualTo(0L));
        Assert.That(await _database.ScalarAsync("select count(*) from _timescaledb_config.bgw_job"), Is.EqualTo(0L));

        await _database.ExecuteAsync(create);
        Assert.That(await _database.ScalarAsync("select string_agg(hypertable_schema || '.' || hypertable_name, ',') from timescaledb_information.hypertables"),
            Is.EqualTo("metrics.readings"));

        await _database.ExecuteAsync("drop table metrics.readings");
        Assert.That(await _database.ScalarAsync("select count(*) from _timescaledb_catalog.hypertable"), Is.EqualTo(0L));
    }

    [Test]
    public async Task create_hypertable_honours_if_not_exists_and_refuses_a_second_time_without_it()
    {
        await _database.ExecuteAsync("""
            create extension timescaledb with schema extensions;
            create table public.readings (taken_at timestamptz not null);
            select extensions.create_hypertable('public.readings', 'taken_at');
            """);

        var again = await _database.ScalarAsync("select created from extensions.create_hypertable('public.readings', 'taken_at', if_not_exists => true)");
        Assert.That(again, Is.False);
        var refused = Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync("select extensions.create_hypertable('public.readings', 'taken_at')"));
        Assert.That(refused!.MessageText, Is.EqualTo("table \"readings\" is already a hypertable"));
    }

    [Test]
    public async Task pgmq_is_the_version_Supabase_ships_with_the_1_5_API()
    {
        var result = await _database.ScalarAsync("""
            create extension pgmq;
            select pgmq.create('jobs');
            select pgmq.send('jobs', '{"kind": "mail"}', '{"trace": "t1"}'::jsonb);
            select pgmq.send('jobs', '{"kind": "sms"}', 0);
            select pgmq.send_batch('jobs', array['{"kind": "mail"}', '{"kind": "push"}']::jsonb[], array['{"trace": "t2"}']::jsonb[]);
            select (select extversion from pg_extension where extname = 'pgmq')
                || ' ' || (select string_agg(msg_id || ':' || coalesce(headers ->> 'trace', '-'), ',' order by msg_id)
                           from pgmq.read('jobs', 30, 10, '{"kind": "mail"}'))
            """);
        Assert.That(result, Is.EqualTo("1.5.1 1:t1,3:t2"));
        // metrics compares with now(), the start of the transaction: read in a later one, as a caller would.
        Assert.That(await _database.ScalarAsync("select (pgmq.metrics('jobs')).queue_visible_length"), Is.EqualTo(2L));
    }

    [Test]
    public async Task A_dropped_pgmq_queue_is_created_again_with_its_tables_members_of_the_extension()
    {
        await _database.ExecuteAsync("""
            create extension pgmq;
            select pgmq.create('jobs');
            select pgmq.send('jobs', '{}');
            select pgmq.drop_queue('jobs');
            select pgmq.create('jobs');
            select pgmq.create('jobs');
            """);

        Assert.That(await _database.ScalarAsync("select string_agg(queue_name, ',') from pgmq.list_queues()"), Is.EqualTo("jobs"));
        Assert.That(await _database.ScalarAsync("select count(*) from pgmq.q_jobs"), Is.EqualTo(0L));
        Assert.That(await _database.ScalarAsync("""
            select string_agg(d.objid::regclass::text, ',' order by d.objid::regclass::text)
            from pg_depend d join pg_extension e on e.oid = d.refobjid
            where e.extname = 'pgmq' and d.deptype = 'e' and d.classid = 'pg_class'::regclass and d.objid::regclass::text like 'pgmq.%\_jobs%'
            """), Is.EqualTo("pgmq.a_jobs,pgmq.q_jobs,pgmq.q_jobs_msg_id_seq"));
        Assert.That(await _database.ScalarAsync("select pgmq.drop_queue('jobs', false)"), Is.True);
    }

    async Task<long> MemberCountAsync(string extension) =>
        (long)(await _database.ScalarAsync(
            $"select count(*) from pg_depend d join pg_extension e on e.oid = d.refobjid where e.extname = '{extension}' and d.deptype = 'e'"))!;
}
