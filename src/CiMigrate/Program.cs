using CiMigrate.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C cancels cleanly (transactions roll back, the throwaway cluster is removed).
    e.Cancel = true;
    cancellation.Cancel();
};

return await new CliApp().RunAsync(args, Console.Out, Console.Error, cancellationToken: cancellation.Token,
    terminal: !Console.IsOutputRedirected);
