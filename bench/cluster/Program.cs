using System.Diagnostics;
using CiMigrate.Shadow;

// Usage: bench/cluster.sh [clusters] [databases per cluster]
var clusters = args.Length > 0 ? int.Parse(args[0]) : 5;
var databases = args.Length > 1 ? int.Parse(args[1]) : 20;

var initDb = new List<double>();
var start = new List<double>();
var template = new List<double>();
var total = new List<double>();
var create = new List<double>();
var drop = new List<double>();
var stop = new List<double>();

for (var run = 0; run < clusters; run++)
{
    var clock = Stopwatch.StartNew();
    var cluster = await ThrowawayCluster.StartAsync();
    total.Add(clock.Elapsed.TotalMilliseconds);
    initDb.Add(cluster.Timings.InitDb.TotalMilliseconds);
    start.Add(cluster.Timings.Start.TotalMilliseconds);
    template.Add(cluster.Timings.SupabaseTemplate.TotalMilliseconds);

    for (var i = 0; i < databases; i++)
    {
        var name = $"bench_{i}";
        clock.Restart();
        await cluster.CreateDatabaseAsync(name, ThrowawayCluster.SupabaseTemplate);
        create.Add(clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        await cluster.DropDatabaseAsync(name);
        drop.Add(clock.Elapsed.TotalMilliseconds);
    }

    clock.Restart();
    await cluster.DisposeAsync();
    stop.Add(clock.Elapsed.TotalMilliseconds);
}

Console.WriteLine($"throwaway cluster, {clusters} clusters x {databases} databases (median ms; the first run includes JIT warm-up)");
Print("initdb", initDb);
Print("server start (postgres until ready)", start);
Print("Supabase template (create + baseline)", template);
Print("StartAsync total", total);
Print("CREATE DATABASE ... TEMPLATE supabase_template", create);
Print("DROP DATABASE ... WITH (FORCE)", drop);
Print("stop + delete folder", stop);

static void Print(string what, List<double> samples)
{
    var sorted = samples.Order().ToList();
    Console.WriteLine($"{what,-48} median {sorted[sorted.Count / 2],8:F1}   min {sorted[0],8:F1}   max {sorted[^1],8:F1}");
}
