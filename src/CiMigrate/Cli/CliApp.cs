using System.Collections;
using System.CommandLine;
using CiMigrate.Hosting;
using CiMigrate.Reporting;
using CiMigrate.Secrets;
using CiMigrate.Tasks;

namespace CiMigrate.Cli;

/// <summary>
/// <c>ci-migrate &lt;task&gt; [options]</c>: one command per task, each carrying the shared options it reads, its own
/// options and those its dependencies share; its help ends with examples and exit codes. Exceptions become exit
/// codes here and nowhere else.
/// </summary>
public sealed class CliApp
{
    readonly TaskHost _host;
    bool _terminal;

    public CliApp(IReadOnlyList<ITask>? tasks = null)
    {
        _host = new TaskHost(tasks ?? TaskCatalog.Create());
        _host.Validate();
    }

    public TaskHost Host => _host;

    /// <summary>Runs the tool as a process would; tests call this in-process with their own writers.</summary>
    /// <param name="terminal">Whether <paramref name="output"/> is a terminal (colours in text, unless NO_COLOR).</param>
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null,
        CancellationToken cancellationToken = default, bool terminal = false)
    {
        _terminal = terminal;
        var secrets = new SecretMasker();
        environment ??= ReadEnvironment();
        using var maskedOutput = new MaskingTextWriter(output, secrets);
        using var maskedError = new MaskingTextWriter(error, secrets);
        var root = BuildRoot(maskedOutput, maskedError, environment, workingDirectory ?? Directory.GetCurrentDirectory(),
            secrets);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
                await maskedError.WriteLineAsync(parseError.Message);
            var command = parseResult.CommandResult.Command;
            await maskedError.WriteLineAsync($"Run 'ci-migrate {(command is RootCommand ? "" : command.Name + " ")}--help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = maskedOutput, Error = maskedError };
        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }

    RootCommand BuildRoot(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment,
        string workingDirectory, SecretMasker secrets)
    {
        var root = new RootCommand(
            "ci-migrate: PostgreSQL/Supabase schema migrations from a pull request to production, safely.");
        foreach (var task in _host.Tasks)
        {
            var usage = TaskUsage.Of(task);
            var command = new Command(task.Name, task.Description);
            foreach (var option in OptionsOf(task).Concat(task.Reads).Concat(GlobalOptions.Always).Distinct())
                command.Options.Add(option);
            if (usage.Formats.Count > 1)
                command.Options.Add(GlobalOptions.FormatOption(task.Name, usage.Formats));
            HelpWithExamples.Add(command, usage.Epilogue());
            foreach (var argument in task.Arguments)
                command.Arguments.Add(argument);
            var target = task;
            command.SetAction((parseResult, cancellationToken) =>
                RunTaskAsync(target, parseResult, output, error, environment, workingDirectory, secrets, cancellationToken));
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>The task's own options and those its dependencies share with it (lint's --only-changed, not --fix).</summary>
    IEnumerable<Option> OptionsOf(ITask task) =>
        task.Options.Concat(_host.Order(task).Where(t => t != task).SelectMany(t => t.SharedOptions)).Distinct();

    async Task<int> RunTaskAsync(ITask task, ParseResult parseResult, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?> environment, string workingDirectory, SecretMasker secrets,
        CancellationToken cancellationToken)
    {
        var options = GlobalOptions.From(parseResult, workingDirectory);
        secrets.Add(options.DatabaseUrl);
        var context = new TaskContext(parseResult, options, output, error, environment, secrets, cancellationToken) { Terminal = _terminal };
        if (options.Tree)
        {
            foreach (var line in _host.Tree(task))
                await output.WriteLineAsync(line);
            return ExitCodes.Ok;
        }

        var apps = await RunGuardedAsync(context, () => Task.FromResult(EachAppRun.AppsToRun(task, context)));
        if (apps.ExitCode is { } failed)
            return failed;
        if (apps.Value is { Count: > 1 } several)
            return await new EachAppRun(several, context).RunAsync(app => RunTargetAsync(task, app));
        return await RunTargetAsync(task, context);
    }

    async Task<int> RunTargetAsync(ITask task, TaskContext context)
    {
        var (exitCode, failed) = await RunGuardedAsync(context, () => _host.RunAsync(task, context));
        return failed ?? exitCode;
    }

    /// <summary>Runs <paramref name="run"/>, turning an exception into its exit code and message.</summary>
    static async Task<(T? Value, int? ExitCode)> RunGuardedAsync<T>(TaskContext context, Func<Task<T>> run)
    {
        var (options, error, cancellationToken) = (context.Options, context.Error, context.CancellationToken);
        try
        {
            return (await run(), null);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return (default, ExitCodes.Usage);
        }
        catch (ExecutionException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return (default, ExitCodes.Execution);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return (default, ExitCodes.Execution);
        }
        catch (Exception ex)
        {
            // A bug, not a user error: still through the masking writer, so that no secret in a message or a stack
            // trace reaches the log, as it would if the runtime printed the unhandled exception itself.
            await error.WriteLineAsync($"internal error: {ex.GetType().Name}: {ex.Message}");
            await error.WriteLineAsync(options.Verbose ? ex.ToString() : "Run again with --verbose for the stack trace.");
            return (default, ExitCodes.Execution);
        }
        finally
        {
            await context.Output.FlushAsync(CancellationToken.None);
            await error.FlushAsync(CancellationToken.None);
        }
    }

    static Dictionary<string, string?> ReadEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = (string?)entry.Value;
        return variables;
    }
}
