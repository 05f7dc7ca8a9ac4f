using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace CiMigrate.Cli;

/// <summary>A command's <c>--help</c>: System.CommandLine's usage and options, then the task's examples and exit codes.</summary>
sealed class HelpWithExamples(HelpAction standard, string epilogue) : SynchronousCommandLineAction
{
    /// <summary>The command's own <c>--help</c>, in place of the root's recursive one.</summary>
    public static void Add(Command command, string epilogue) =>
        command.Options.Add(new HelpOption { Action = new HelpWithExamples(new HelpAction(), epilogue) });

    /// <summary>As the standard help: <c>new --help</c> shows help, not "Required argument missing".</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = standard.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.Write(epilogue);
        return exitCode;
    }
}
