namespace CiMigrate.History;

/// <summary>
/// Who and what is behind a run, for the ledger: the GitHub actor, commit and run URL when running in Actions, the
/// environment, and the approver of a protected environment (filled in by the approval gate).
/// </summary>
public sealed record RunProvenance(string Environment, string? Actor, string? GitSha, string? RunUrl, string? Approver)
{
    /// <summary>Reads GitHub's variables from the run's environment (tests inject their own).</summary>
    public static RunProvenance From(IReadOnlyDictionary<string, string?> variables, string environment, string? approver = null)
    {
        string? Get(string name) => variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        var server = Get("GITHUB_SERVER_URL");
        var repository = Get("GITHUB_REPOSITORY");
        var runId = Get("GITHUB_RUN_ID");
        var runUrl = server is not null && repository is not null && runId is not null
            ? $"{server.TrimEnd('/')}/{repository}/actions/runs/{runId}"
            : null;
        return new RunProvenance(environment, Get("GITHUB_ACTOR"), Get("GITHUB_SHA"), runUrl, approver);
    }
}
