using System.CommandLine;
using CiMigrate.Cli;
using CiMigrate.Configuration;
using CiMigrate.Secrets;

namespace CiMigrate.Hosting;

/// <summary>What a running task sees: options, settings, output, and values earlier tasks left for later ones.</summary>
public sealed class TaskContext
{
    readonly Lazy<Workspace> _workspace;
    readonly Dictionary<Type, object> _items = [];

    public TaskContext(ParseResult parseResult, GlobalOptions options, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?> environment, SecretMasker secrets, CancellationToken cancellationToken)
    {
        Secrets = secrets;
        ParseResult = parseResult;
        Options = options;
        Output = output;
        Error = error;
        Environment = environment;
        CancellationToken = cancellationToken;
        _workspace = new(() => Workspace.Load(options, environment, secrets));
    }

    /// <summary>
    /// The same invocation for one app (<c>--app</c>), with its own output and process environment: a run over several
    /// apps gives each its own, then joins them.
    /// </summary>
    public TaskContext ForApp(string app, TextWriter output, IReadOnlyDictionary<string, string?> environment) =>
        new(ParseResult, Options with { App = app }, output, Error, environment, Secrets, CancellationToken) { Terminal = Terminal };

    public ParseResult ParseResult { get; }
    public GlobalOptions Options { get; }

    /// <summary>Standard output; secrets registered with <see cref="Secrets.SecretMasker"/> never pass through.</summary>
    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Whether standard output is a terminal a person reads (text may be coloured there, unless NO_COLOR).</summary>
    public bool Terminal { get; init; }

    /// <summary>Secrets found at run time (a password read from a Secret, say) are added here and masked everywhere.</summary>
    public SecretMasker Secrets { get; }
    public IReadOnlyDictionary<string, string?> Environment { get; }
    public CancellationToken CancellationToken { get; }

    /// <summary>Settings and apps, loaded on first use so that tasks without a repository never read one.</summary>
    public Workspace Workspace => _workspace.Value;

    /// <summary>The task the user asked for; its dependencies run before it in the same context.</summary>
    public ITask? Target { get; internal set; }

    /// <summary>Whether <paramref name="task"/> is the one the user asked for, not a dependency of it.</summary>
    public bool IsTarget(ITask task) => ReferenceEquals(Target, task);

    /// <summary>The value of one of the running task's own options.</summary>
    public T? Get<T>(Option<T> option) => ParseResult.GetValue(option);

    /// <summary>The value of one of the running task's own arguments.</summary>
    public T? Get<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    /// <summary>Leaves a result for tasks that run later in this invocation (the lint report for diff).</summary>
    public void Set<T>(T value) where T : class => _items[typeof(T)] = value;

    public T? Find<T>() where T : class => _items.TryGetValue(typeof(T), out var value) ? (T)value : null;
}
