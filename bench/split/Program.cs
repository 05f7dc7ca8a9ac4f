using System.Diagnostics;
using CiMigrate.Bench.Split;
using CiMigrate.Sql;

// Generates 1,000 migration files, reads them once, then times splitting and classifying all of them in-process:
// a warm-up run, then the median of several timed runs. Reading files is not timed: the figure is the lexer's.
const int Files = 1000;
const int Runs = 7;

var folder = Directory.CreateTempSubdirectory("ci-migrate-bench-split-").FullName;
try
{
    for (var n = 0; n < Files; n++)
        File.WriteAllText(Path.Combine(folder, $"2025{n:D10}_migration_{n}.sql"), MigrationGenerator.Generate(n));

    var texts = Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal)
        .Select(path => (Path: path, Text: File.ReadAllText(path))).ToArray();
    var bytes = texts.Sum(t => (long)t.Text.Length);

    int SplitAll()
    {
        var statements = 0;
        foreach (var (path, text) in texts)
            statements += SqlScript.Parse(text, path).Statements.Count;
        return statements;
    }

    var count = SplitAll();
    var timings = new List<double>(Runs);
    for (var run = 0; run < Runs; run++)
    {
        var watch = Stopwatch.StartNew();
        SplitAll();
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }

    timings.Sort();
    Console.WriteLine($"files: {texts.Length}, average size: {bytes / texts.Length / 1024.0:F1} KB, statements: {count}");
    Console.WriteLine($"split+classify: median {timings[Runs / 2]:F0} ms (min {timings[0]:F0} ms, max {timings[^1]:F0} ms, {Runs} runs after a warm-up)");
    Console.WriteLine($"target: under 1000 ms -> {(timings[Runs / 2] < 1000 ? "OK" : "TOO SLOW")}");
}
finally
{
    Directory.Delete(folder, recursive: true);
}
