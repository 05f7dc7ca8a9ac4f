using System.CommandLine;
using System.Text.Json;
using CiMigrate.Configuration;
using CiMigrate.Doctor;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;
using CiMigrate.Reporting;
using Microsoft.Extensions.Configuration;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>ci-migrate doctor</c>: a checklist that says what stands between this machine and the target database, and
/// what to do about it: kubeconfig, RBAC, pod, Secret, port-forward, TCP, TLS, login, version, ledger, locks.
/// </summary>
/// <remarks>
/// The target comes from <c>--database-url</c>, or from the Kubernetes options below, which mirror an
/// environment's <c>kubernetes</c> settings block and are read by the same <see cref="KubernetesSettings.From"/>.
/// </remarks>
sealed class DoctorTask : ITask
{
    static readonly Option<string?> ContextOption = new("--context") { Description = "The kubeconfig context (default: its current context)" };
    static readonly Option<string?> NamespaceOption = new("--namespace") { Description = "The database pod's namespace (supabase)" };
    static readonly Option<string?> PodOption = new("--pod") { Description = "The database pod (postgres-0)" };
    static readonly Option<string?> SelectorOption = new("--selector") { Description = "A label selector for the database pod, instead of --pod" };
    static readonly Option<string?> PortOption = new("--port") { Description = "PostgreSQL's port in the pod (5432)" };
    static readonly Option<string?> SecretOption = new("--secret") { Description = "The Secret holding the database password" };
    static readonly Option<string?> SecretKeyOption = new("--secret-key") { Description = "The password's key in the Secret (password)" };
    static readonly Option<string?> UserOption = new("--user") { Description = "The database user (postgres)" };
    static readonly Option<string?> DatabaseOption = new("--database") { Description = "The database (postgres)" };
    static readonly Option<string?> RestartDeploymentOption = new("--restart-deployment") { Description = "The PostgREST deployment restarted after DDL (rest)" };

    public string Name => "doctor";
    public string Description => "Check the way to a target database and say what is wrong";

    public IReadOnlyList<Option> Options { get; } =
    [
        ContextOption, NamespaceOption, PodOption, SelectorOption, PortOption, SecretOption,
        SecretKeyOption, UserOption, DatabaseOption, RestartDeploymentOption,
    ];

    public async Task<int> RunAsync(TaskContext context)
    {
        var target = TargetOf(context);
        var checklist = new Checklist();
        if (target.ConnectionString is { } connectionString)
        {
            context.Secrets.Add(connectionString);
            await new DatabaseChecks(checklist, context.CancellationToken)
                .RunAsync(connectionString, throughPortForward: false, target.Schema, target.Isolation);
        }
        else
        {
            await new KubernetesChecks(checklist, context.Secrets, context.Output, context.Environment, context.CancellationToken)
                .RunAsync(target.Kubernetes!, target.KubeconfigPath, target.Schema, target.Isolation);
        }

        if (context.Options.Format == OutputFormat.Json)
        {
            await context.Output.WriteLineAsync(
                JsonSerializer.Serialize(DoctorReport.Of(checklist), DoctorJsonContext.Default.DoctorReport));
        }
        else
        {
            await checklist.WriteAsync(context.Output);
        }

        return checklist.HasFailures ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>
    /// The adapter between the command line and the checks: <c>--database-url</c>, else the Kubernetes options
    /// read through the settings reader, so the messages name the same keys as a settings file would.
    /// </summary>
    static DoctorTarget TargetOf(TaskContext context)
    {
        if (context.Options.DatabaseUrl is { } url)
            return new DoctorTarget { ConnectionString = DatabaseUrl.ToConnectionString(url, context.Secrets), Schema = context.Options.Schema };

        if (context.Get(PodOption) is null && context.Get(SelectorOption) is null)
            return TargetOfEnvironment(context);

        var values = new Dictionary<string, string?>
        {
            ["kubernetes:context"] = context.Get(ContextOption),
            ["kubernetes:namespace"] = context.Get(NamespaceOption),
            ["kubernetes:pod"] = context.Get(PodOption),
            ["kubernetes:selector"] = context.Get(SelectorOption),
            ["kubernetes:port"] = context.Get(PortOption),
            ["kubernetes:passwordSecret:name"] = context.Get(SecretOption),
            ["kubernetes:passwordSecret:key"] = context.Get(SecretKeyOption) ?? "password",
            ["kubernetes:user"] = context.Get(UserOption),
            ["kubernetes:database"] = context.Get(DatabaseOption),
            ["kubernetes:restartDeployment"] = context.Get(RestartDeploymentOption),
        };
        var section = new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("kubernetes");
        var problems = new List<string>();
        var settings = KubernetesSettings.From(section, problems);
        if (settings is null)
            throw new UsageException(string.Join(Environment.NewLine, problems));
        return new DoctorTarget { Kubernetes = settings, KubeconfigPath = context.Get(KubernetesOptions.Kubeconfig), Schema = context.Options.Schema };
    }

    /// <summary><c>doctor --env production</c>: the environment's kubernetes block or connection, as apply would use them.</summary>
    static DoctorTarget TargetOfEnvironment(TaskContext context)
    {
        if (context.Options.Env is null)
            throw new UsageException(
                "doctor needs a target: --env <name>, --database-url <url>, or --pod/--selector with --secret (and --namespace, --kubeconfig).");
        var workspace = context.Workspace;
        var environment = workspace.Environment();
        var schema = context.Options.Schema ?? (workspace.SelectedApps is [var app] ? app.Schema : null);
        var isolation = workspace.SelectedApps is [var one]
            ? new AppIsolation(one.Schema, one.Role, one.SchemaGuard,
                [.. workspace.Settings.Apps.Where(a => a.Name != one.Name).Select(a => a.Schema).Distinct()])
            : null;
        return environment.Kubernetes is { } kubernetes
            ? new DoctorTarget { Kubernetes = kubernetes, KubeconfigPath = context.Get(KubernetesOptions.Kubeconfig), Schema = schema, Isolation = isolation }
            : new DoctorTarget { ConnectionString = workspace.ConnectionString(environment), Schema = schema, Isolation = isolation };
    }
}
