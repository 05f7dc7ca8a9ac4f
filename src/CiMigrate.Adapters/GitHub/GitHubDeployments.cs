using System.Text;
using System.Text.Json;
using CiMigrate.Secrets;
using Octokit;

namespace CiMigrate.GitHub;

/// <summary>
/// The record on a commit that an environment was migrated: a GitHub deployment of the commit to the environment whose
/// payload names, per app, the versions that environment holds and the plan hash of the run, with a <c>success</c>
/// status. The production job reads it through the API when it cannot reach staging's database.
/// The payload is nested JSON, which Octokit's typed deployment models (string to string) cannot carry, so bodies are
/// written and read as JSON text through Octokit's connection (the same retries, token and API address).
/// </summary>
public sealed class GitHubDeployments
{
    /// <summary>The payload's <c>tool</c>: a deployment made by something else never counts.</summary>
    public const string Tool = "ci-migrate";

    const string Accepts = "application/vnd.github+json";

    readonly IGitHubClient _client;
    readonly string _owner;
    readonly string _repository;
    readonly SecretMasker _secrets;

    internal GitHubDeployments(IGitHubClient client, string owner, string repository, SecretMasker secrets)
    {
        _client = client;
        _owner = owner;
        _repository = repository;
        _secrets = secrets;
    }

    string DeploymentsPath => $"repos/{_owner}/{_repository}/deployments";

    /// <summary>
    /// Creates the deployment of <paramref name="sha"/> to <paramref name="environment"/> and its <c>success</c> status.
    /// </summary>
    /// <returns>The deployment's id.</returns>
    /// <exception cref="ExecutionException">GitHub refused (the workflow needs <c>permissions: deployments: write</c>).</exception>
    public async Task<long> RecordAsync(string environment, string sha, string app, string planHash, IReadOnlyList<string> versions,
        string? logUrl, CancellationToken cancellationToken)
    {
        var deployment = Json(writer =>
        {
            writer.WriteString("ref", sha);
            writer.WriteString("environment", environment);
            writer.WriteString("description", $"ci-migrate applied {app}'s migrations");
            writer.WriteBoolean("auto_merge", false);
            writer.WriteStartArray("required_contexts");
            writer.WriteEndArray();
            writer.WriteStartObject("payload");
            writer.WriteString("tool", Tool);
            writer.WriteStartObject("apps");
            writer.WriteStartObject(app);
            writer.WriteString("planHash", planHash);
            writer.WriteStartArray("versions");
            foreach (var version in versions)
                writer.WriteStringValue(version);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        var id = await SendAsync($"Recording the deployment of {sha} to {environment} (POST /{DeploymentsPath})", async () =>
        {
            var created = await _client.Connection.Post<string>(new Uri(DeploymentsPath, UriKind.Relative), deployment, Accepts,
                "application/json");
            using var document = JsonDocument.Parse(BodyOf(created));
            return document.RootElement.GetProperty("id").GetInt64();
        });

        var status = Json(writer =>
        {
            writer.WriteString("state", "success");
            writer.WriteString("description", $"{versions.Count} migration(s) of {app} on {environment}");
            if (logUrl is not null)
                writer.WriteString("log_url", logUrl);
            writer.WriteBoolean("auto_inactive", false);
        });
        var statusesPath = $"{DeploymentsPath}/{id}/statuses";
        await SendAsync($"Marking deployment {id} successful (POST /{statusesPath})", () =>
            _client.Connection.Post<string>(new Uri(statusesPath, UriKind.Relative), status, Accepts, "application/json"));
        cancellationToken.ThrowIfCancellationRequested();
        return id;
    }

    /// <summary>
    /// The newest deployment of <paramref name="sha"/> to <paramref name="environment"/> made by ci-migrate for
    /// <paramref name="app"/> whose newest status is <c>success</c>, with the versions its payload names for the app;
    /// null when none.
    /// </summary>
    public async Task<RecordedDeployment?> NewestSuccessfulAsync(string environment, string sha, string app,
        CancellationToken cancellationToken)
    {
        var listed = await SendAsync($"Reading the deployments of {sha} to {environment} (GET /{DeploymentsPath})", () =>
            _client.Connection.Get<string>(new Uri(DeploymentsPath, UriKind.Relative),
                new Dictionary<string, string> { ["sha"] = sha, ["environment"] = environment, ["per_page"] = "100" }, Accepts));
        var candidates = new List<(long Id, IReadOnlyList<string>? Versions)>();
        using (var deployments = JsonDocument.Parse(BodyOf(listed)))
        {
            // GitHub lists the newest first.
            foreach (var deployment in deployments.RootElement.EnumerateArray())
            {
                // A multi-app stage-apply records one deployment per app: only those that name this app count.
                if (deployment.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object
                    && payload.TryGetProperty("tool", out var tool) && tool.ValueKind == JsonValueKind.String && tool.GetString() == Tool
                    && Versions(payload, app) is { } versions)
                    candidates.Add((deployment.GetProperty("id").GetInt64(), versions));
            }
        }

        foreach (var (id, versions) in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var statusesPath = $"{DeploymentsPath}/{id}/statuses";
            var statuses = await SendAsync($"Reading the statuses of deployment {id} (GET /{statusesPath})", () =>
                _client.Connection.Get<string>(new Uri(statusesPath, UriKind.Relative), new Dictionary<string, string>(), Accepts));
            using var document = JsonDocument.Parse(BodyOf(statuses));
            var newest = document.RootElement.EnumerateArray().FirstOrDefault();
            if (newest.ValueKind == JsonValueKind.Object && newest.GetProperty("state").GetString() == "success")
                return new RecordedDeployment(id, versions);
        }

        return null;
    }

    static IReadOnlyList<string>? Versions(JsonElement payload, string app) =>
        payload.TryGetProperty("apps", out var apps) && apps.ValueKind == JsonValueKind.Object
        && apps.TryGetProperty(app, out var entry) && entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty("versions", out var versions) && versions.ValueKind == JsonValueKind.Array
            ? versions.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : null;

    async Task<T> SendAsync<T>(string action, Func<Task<T>> send)
    {
        try
        {
            return await send();
        }
        catch (ApiException ex)
        {
            var hint = ex is ForbiddenException or NotFoundException ? " The workflow needs 'permissions: deployments: write'." : "";
            throw new ExecutionException(GitHubErrors.Describe(action, ex, _secrets) + hint);
        }
    }

    // Octokit hands a string response's text over only as the raw HTTP body.
    static string BodyOf(IApiResponse<string> response) =>
        response.HttpResponse.Body as string ?? throw new ExecutionException("GitHub answered with an empty body where JSON was expected.");

    static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>A ci-migrate deployment with a <c>success</c> status; <see cref="Versions"/> is null when its payload names no versions for the app.</summary>
public sealed record RecordedDeployment(long Id, IReadOnlyList<string>? Versions);
