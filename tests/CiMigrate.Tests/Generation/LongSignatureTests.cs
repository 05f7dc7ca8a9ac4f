using System.Text.Json;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Generation;

/// <summary>
/// Two overloads whose signatures are longer than an identifier and share a long prefix: generate and diff --declared
/// see the same change to one of them, named whole.
/// </summary>
public sealed class LongSignatureTests
{
    static readonly string Arguments = string.Join(", ", Enumerable.Range(1, 8).Select(i => $"query_embedding_argument_{i} text"));

    static string Overloads(string secondBody) => $"""
        CREATE OR REPLACE FUNCTION shop.match_items({Arguments}, match_count integer) RETURNS integer
            LANGUAGE sql STABLE SET search_path = '' AS $$ SELECT 1 $$;
        REVOKE ALL ON FUNCTION shop.match_items({Arguments}, match_count integer) FROM PUBLIC;
        CREATE OR REPLACE FUNCTION shop.match_items({Arguments}, match_threshold double precision) RETURNS integer
            LANGUAGE sql STABLE SET search_path = '' AS $$ {secondBody} $$;
        REVOKE ALL ON FUNCTION shop.match_items({Arguments}, match_threshold double precision) FROM PUBLIC;
        """;

    [Test]
    public async Task Generate_and_diff_declared_both_see_a_change_to_one_long_overload()
    {
        using var scenario = new GenerateScenario();
        scenario.History("20250101000000", "base", GenerateCases.Base + Overloads("SELECT 2"));
        scenario.Declare(GenerateCases.Base + Overloads("SELECT 3"));

        var diff = await CliRun.RunAsync(scenario.Root, "diff", "--declared", "--format", "json", "--shadow-url", await GenerateScenario.ShadowUrlAsync());

        Assert.That(diff.ExitCode, Is.EqualTo(1), diff.Error);
        using (var json = JsonDocument.Parse(diff.Output))
        {
            Assert.That(json.RootElement.GetProperty("declared").EnumerateArray().Select(c => c.GetProperty("name").GetString()),
                Is.EqualTo(new[] { $"match_items({Arguments}, match_threshold double precision)" }));
        }

        var run = await scenario.GenerateAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        var up = scenario.Generated().Single().Up;
        Assert.That(up, Does.Contain($"shop.match_items({Arguments}, match_threshold double precision)").And.Contain("SELECT 3"));
        Assert.That(up, Does.Not.Contain("match_count"));
    }
}
