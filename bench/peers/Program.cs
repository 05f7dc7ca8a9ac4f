using CiMigrate.Bench.Peers;

// Applies a folder of migrations with DbUp or Evolve, as a user of those libraries would: one process per run, so the
// figures include start-up exactly as they do for the command-line tools beside them.
// Usage: peers dbup|evolve <connection string> <migrations folder>
if (args.Length != 3 || args[0] is not ("dbup" or "evolve"))
{
    Console.Error.WriteLine("usage: peers dbup|evolve <connection string> <migrations folder>");
    return 2;
}

return args[0] == "dbup" ? DbUpRunner.Run(args[1], args[2]) : EvolveRunner.Run(args[1], args[2]);
