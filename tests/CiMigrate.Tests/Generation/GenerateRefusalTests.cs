using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Generation;

/// <summary>What generate cannot express is an error naming the object (or file and line) and why, and nothing is written.</summary>
public sealed class GenerateRefusalTests
{
    static async Task<(CliRun Run, GenerateScenario Scenario)> GenerateAsync(string declaredExtra, string history = "")
    {
        var scenario = new GenerateScenario();
        scenario.History("20250101000000", "base", GenerateCases.Base + history);
        scenario.Declare(GenerateCases.Base + "\n" + declaredExtra);
        return (await scenario.GenerateAsync(), scenario);
    }

    [TestCase("CREATE MATERIALIZED VIEW shop.totals AS SELECT count(*) FROM shop.items;", "view shop.totals: materialized views are not generated")]
    [TestCase("CREATE TABLE public.stray (id int);", "table public.stray: it is in schema public, which the app does not own")]
    [TestCase("CREATE TYPE shop.pair AS (low numeric, high numeric, mid numeric);", "type shop.pair: a composite type's attributes changed",
        "CREATE TYPE shop.pair AS (low numeric, high numeric);")]
    [TestCase("CREATE TABLE shop.parts (id int) PARTITION BY RANGE (id);", "table shop.parts: partitioned tables are not generated")]
    [TestCase("CREATE AGGREGATE shop.total_price(numeric) (SFUNC = numeric_add, STYPE = numeric);", "function shop.total_price(numeric): aggregate functions are not generated")]
    [TestCase("CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA shop;", "extension shop.citext: extensions are not generated")]
    public async Task A_change_it_cannot_express_is_an_error_naming_the_object(string declared, string message, string history = "")
    {
        var (run, scenario) = await GenerateAsync(declared, history);
        using (scenario)
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
            Assert.That(run.Error, Does.Contain("cannot express the declared schema, so it wrote nothing"));
            Assert.That(run.Error, Does.Contain(message));
            Assert.That(scenario.Generated(), Is.Empty);
        }
    }

    [TestCase("INSERT INTO shop.items (id, name) VALUES (1, 'seed');", "schema.sql:6:1: a declared schema holds no data changes")]
    [TestCase("\\set ON_ERROR_STOP on", "schema.sql:6:1: psql meta-command")]
    [TestCase("CREATE TABLE shop.broken (id int REFERENCES shop.missing(id));", "schema.sql:6:1: does not load on a fresh Supabase project: relation \"shop.missing\" does not exist")]
    public async Task A_declared_file_that_is_not_schema_is_an_error_naming_file_and_line(string declared, string message)
    {
        var (run, scenario) = await GenerateAsync(declared);
        using (scenario)
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
            Assert.That(run.Error, Does.Contain($"supabase/schemas/{message}"));
            Assert.That(scenario.Generated(), Is.Empty);
        }
    }

    [Test]
    public async Task Migrations_that_already_give_the_declared_schema_generate_nothing()
    {
        var (run, scenario) = await GenerateAsync("");
        using (scenario)
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Output, Does.Contain("the migrations already give the declared schema; nothing to generate"));
            Assert.That(scenario.Generated(), Is.Empty);
        }
    }

    [Test]
    public async Task A_declared_table_without_rls_and_grants_is_refused_by_lint_and_nothing_is_written()
    {
        var (run, scenario) = await GenerateAsync("CREATE TABLE shop.bare (id int PRIMARY KEY);");
        using (scenario)
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
            Assert.That(run.Error, Does.Contain("The generated files do not pass lint, so none was written"));
            Assert.That(run.Error, Does.Contain("error[new-table-rls]"));
            Assert.That(run.Error, Does.Contain("error[new-table-grants]"));
            Assert.That(scenario.Generated(), Is.Empty);
        }
    }
}
