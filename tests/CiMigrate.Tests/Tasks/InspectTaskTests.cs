using System.Text.Json;
using CiMigrate.Cli;

namespace CiMigrate.Tests.Tasks;

sealed class InspectTaskTests
{
    string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("inspect-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Json_lists_each_statement_with_kind_place_objects_and_text()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "m.sql"),
            "-- budgets\nSET search_path TO money_tracker;\n\nCREATE TABLE money_tracker.budgets (id uuid); -- done\n");

        var (code, output, _) = await RunAsync("inspect", "m.sql", "--format", "json");

        Assert.That(code, Is.EqualTo(0));
        var expected = """
            [{"file":"m.sql","statements":[
              {"index":0,"kind":"SetSearchPath","line":2,"column":1,"offset":11,"length":32,"objects":["money_tracker"],"text":"SET search_path TO money_tracker"},
              {"index":1,"kind":"CreateTable","line":4,"column":1,"offset":46,"length":44,"objects":["money_tracker.budgets"],"text":"CREATE TABLE money_tracker.budgets (id uuid)"}]}]
            """;
        Assert.That(Compact(output), Is.EqualTo(Compact(expected)));
    }

    [Test]
    public async Task Text_shows_one_line_per_statement_with_its_location()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "m.sql"), "SET search_path TO app;\n  CREATE INDEX i ON t (a);\n");

        var (code, output, _) = await RunAsync("inspect", "m.sql");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Is.EqualTo("m.sql: 2 statements\nm.sql:1:1  #0  SetSearchPath  app\nm.sql:2:3  #1  CreateIndex  i, t\n"));
    }

    [Test]
    public async Task Missing_file_is_a_usage_error_naming_it()
    {
        var (code, _, error) = await RunAsync("inspect", "absent.sql");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("absent.sql: no such file"));
    }

    [Test]
    public async Task Syntax_error_prints_file_line_column_and_exits_2()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "bad.sql"), "SELECT 1;\nSELECT 'open;\n");

        var (code, output, error) = await RunAsync("inspect", "bad.sql");

        Assert.That((code, output, error), Is.EqualTo((2, "", "bad.sql:2:8: unterminated quoted string\n")));
    }

    async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await new CliApp().RunAsync(args, output, error, new Dictionary<string, string?>(), _folder);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    static string Compact(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
