using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CiMigrate.Tests.Kubernetes.Support;

/// <summary>
/// A Kubernetes API server for tests, on 127.0.0.1: pods, Secrets, SelfSubjectAccessReviews, a Deployment with
/// scripted rollout statuses, and the pod port-forward WebSocket speaking the real channel protocol
/// (<c>v4.channel.k8s.io</c>: a channel byte before each message, the port number first on each channel) relayed
/// to a real PostgreSQL. Every request is recorded so tests check exactly what was sent.
/// </summary>
sealed class FakeKubernetesApi : IAsyncDisposable
{
    public const string Token = "fake-token";
    readonly WebApplication _app;
    int _tunnels;
    int _deploymentReads;

    FakeKubernetesApi(WebApplication app)
    {
        _app = app;
    }

    public string Url => _app.Urls.First();
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public ConcurrentDictionary<string, V1Pod> Pods { get; } = new();
    public ConcurrentDictionary<string, V1Secret> Secrets { get; } = new();

    /// <summary>Accesses the fake refuses, as <c>verb resource</c>: <c>get secrets</c>, <c>create pods/portforward</c>.</summary>
    public HashSet<string> Denied { get; } = [];

    /// <summary>Where port-forwards to any pod go: a real PostgreSQL's port.</summary>
    public int BackendPort { get; set; }

    /// <summary>When the client sends a message containing this text, the tunnel is dropped and the message is not delivered.</summary>
    public string? CutMarker { get; set; }

    /// <summary>When set, a port-forward reports this on the error channel and closes instead of connecting.</summary>
    public string? PortForwardError { get; set; }

    public int TunnelsOpened => Volatile.Read(ref _tunnels);
    public ConcurrentQueue<string> RequestedSubProtocols { get; } = new();
    public ConcurrentQueue<string> ProtocolViolations { get; } = new();

    /// <summary>Exceptions the fake itself threw: a test that sees one is testing the fake, not the tool.</summary>
    public ConcurrentQueue<string> ServerErrors { get; } = new();

    public V1Deployment? Deployment { get; set; }

    /// <summary>The status each GET of the deployment returns after the restart, in order; the last one repeats.</summary>
    public List<V1DeploymentStatus> RolloutStatuses { get; } = [];

    public static async Task<FakeKubernetesApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeKubernetesApi(app);
        app.UseWebSockets();
        app.Run(async http =>
        {
            try
            {
                await fake.HandleAsync(http);
            }
            catch (Exception ex)
            {
                fake.ServerErrors.Enqueue(ex.ToString());
                throw;
            }
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>A client configuration as a kubeconfig with a bearer token would give.</summary>
    public KubernetesClientConfiguration Configuration(string? @namespace = "supabase") =>
        new() { Host = Url, AccessToken = Token, Namespace = @namespace };

    /// <summary>Writes a kubeconfig for this server with context <c>fake</c> (namespace supabase) and returns its path.</summary>
    public string WriteKubeconfig(string folder, string fileName = "config")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, KubeconfigYaml());
        return path;
    }

    public string KubeconfigYaml(string context = "fake") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            server: {Url}
        users:
        - name: fake
          user:
            token: {Token}
        contexts:
        - name: {context}
          context:
            cluster: fake
            user: fake
            namespace: supabase
        current-context: {context}
        """;

    public void AddPod(string name, string phase = "Running", bool ready = true, Dictionary<string, string>? labels = null) =>
        Pods[name] = new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "supabase", Labels = labels },
            Status = new V1PodStatus
            {
                Phase = phase,
                Conditions =
                [
                    new V1PodCondition { Type = "PodScheduled", Status = "True" },
                    new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False", Reason = ready ? null : "ContainersNotReady" },
                ],
            },
        };

    public void AddSecret(string name, Dictionary<string, string> data) =>
        Secrets[name] = new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "supabase" },
            Data = data.ToDictionary(pair => pair.Key, pair => Encoding.UTF8.GetBytes(pair.Value)),
        };

    async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        Requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
            request.ContentType, body, request.Headers.Authorization.FirstOrDefault()));
        var segments = (request.Path.Value ?? "").Trim('/').Split('/');

        switch (segments)
        {
            case ["api", "v1", "namespaces", _, "pods", var pod, "portforward"]:
                await PortForwardAsync(http, pod);
                return;
            case ["api", "v1", "namespaces", _, "pods", var pod] when request.Method == "GET":
                if (Denied.Contains("get pods"))
                    await ForbiddenAsync(http, "get", "pods", pod);
                else if (Pods.TryGetValue(pod, out var found))
                    await JsonAsync(http, found);
                else
                    await NotFoundAsync(http, "pods", pod);
                return;
            case ["api", "v1", "namespaces", _, "pods"] when request.Method == "GET":
                var selector = request.Query["labelSelector"].ToString();
                var items = Pods.Values.Where(p => Matches(p, selector)).ToList();
                await JsonAsync(http, new V1PodList { ApiVersion = "v1", Kind = "PodList", Items = items });
                return;
            case ["api", "v1", "namespaces", _, "secrets", var name] when request.Method == "GET":
                if (Denied.Contains("get secrets"))
                    await ForbiddenAsync(http, "get", "secrets", name);
                else if (Secrets.TryGetValue(name, out var secret))
                    await JsonAsync(http, secret);
                else
                    await NotFoundAsync(http, "secrets", name);
                return;
            case ["apis", "authorization.k8s.io", "v1", "selfsubjectaccessreviews"] when request.Method == "POST":
                var review = KubernetesJson.Deserialize<V1SelfSubjectAccessReview>(body);
                var attributes = review.Spec.ResourceAttributes;
                var key = $"{attributes.Verb} {attributes.Resource}{(attributes.Subresource is null ? "" : "/" + attributes.Subresource)}";
                review.Status = new V1SubjectAccessReviewStatus { Allowed = !Denied.Contains(key) };
                await JsonAsync(http, review, HttpStatusCode.Created);
                return;
            case ["apis", "apps", "v1", "namespaces", _, "deployments", var name] when Deployment?.Metadata.Name == name:
                await DeploymentAsync(http);
                return;
            default:
                await NotFoundAsync(http, "path", request.Path.Value ?? "");
                return;
        }
    }

    async Task DeploymentAsync(HttpContext http)
    {
        var deployment = Deployment!;
        if (http.Request.Method == "PATCH")
        {
            if (Denied.Contains("patch deployments"))
            {
                await ForbiddenAsync(http, "patch", "deployments", deployment.Metadata.Name);
                return;
            }

            deployment.Metadata.Generation = (deployment.Metadata.Generation ?? 1) + 1;
        }
        else if (RolloutStatuses.Count > 0)
        {
            var index = Math.Min(Interlocked.Increment(ref _deploymentReads) - 1, RolloutStatuses.Count - 1);
            deployment.Status = RolloutStatuses[index];
        }

        await JsonAsync(http, deployment);
    }

    async Task PortForwardAsync(HttpContext http, string pod)
    {
        Interlocked.Increment(ref _tunnels);
        if (Denied.Contains("create pods/portforward"))
        {
            await ForbiddenAsync(http, "create", "pods/portforward", pod);
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }

        foreach (var protocol in http.WebSockets.WebSocketRequestedProtocols)
            RequestedSubProtocols.Enqueue(protocol);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = "v4.channel.k8s.io" });
        var port = ushort.Parse(http.Request.Query["ports"].ToString());
        var portBytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(portBytes, port);
        await socket.SendAsync((byte[])[0, .. portBytes], WebSocketMessageType.Binary, true, default);
        await socket.SendAsync((byte[])[1, .. portBytes], WebSocketMessageType.Binary, true, default);

        if (PortForwardError is { } error)
        {
            await socket.SendAsync((byte[])[1, .. Encoding.UTF8.GetBytes(error)], WebSocketMessageType.Binary, true, default);
            await CloseQuietlyAsync(socket);
            return;
        }

        using var backend = new TcpClient();
        await backend.ConnectAsync(IPAddress.Loopback, BackendPort);
        var stream = backend.GetStream();
        var cut = false;
        var toBackend = Task.Run(async () =>
        {
            while (await ReceiveMessageAsync(socket) is { } message)
            {
                if (message.Length == 0 || message[0] != 0)
                {
                    ProtocolViolations.Enqueue($"message on channel {(message.Length == 0 ? -1 : message[0])}");
                    continue;
                }

                if (CutMarker is { } marker && Encoding.UTF8.GetString(message, 1, message.Length - 1).Contains(marker, StringComparison.Ordinal))
                {
                    cut = true;
                    return;
                }

                await stream.WriteAsync(message.AsMemory(1));
            }
        });
        var fromBackend = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            int read;
            try
            {
                while ((read = await stream.ReadAsync(buffer)) > 0)
                    await socket.SendAsync((byte[])[0, .. buffer.AsSpan(0, read)], WebSocketMessageType.Binary, true, default);
            }
            catch (Exception ex) when (ex is IOException or WebSocketException or ObjectDisposedException)
            {
                // The tunnel is going away.
            }
        });

        await Task.WhenAny(toBackend, fromBackend);
        backend.Close();
        if (cut)
            socket.Abort();
        else
            await CloseQuietlyAsync(socket);
        await Task.WhenAll(toBackend.ContinueWith(_ => { }), fromBackend);
    }

    /// <summary>The client may drop the socket without answering the close handshake, as the API server allows.</summary>
    static async Task CloseQuietlyAsync(WebSocket socket)
    {
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
    }

    static async Task<byte[]?> ReceiveMessageAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, default);
                if (result.MessageType == WebSocketMessageType.Close)
                    return null;
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            return null;
        }

        return message.ToArray();
    }

    static bool Matches(V1Pod pod, string selector) =>
        selector.Split(',', StringSplitOptions.RemoveEmptyEntries).All(term =>
        {
            var parts = term.Split('=', 2);
            return pod.Metadata.Labels?.TryGetValue(parts[0], out var value) == true && value == parts[1];
        });

    // KubernetesJson cannot write V1Status (its converter only reads), so Status bodies are written as plain JSON.
    static Task ForbiddenAsync(HttpContext http, string verb, string resource, string name) =>
        StatusAsync(http, HttpStatusCode.Forbidden, "Forbidden",
            $"{resource} \"{name}\" is forbidden: User \"ci\" cannot {verb} resource \"{resource}\" in the namespace \"supabase\"");

    static Task NotFoundAsync(HttpContext http, string resource, string name) =>
        StatusAsync(http, HttpStatusCode.NotFound, "NotFound", $"{resource} \"{name}\" not found");

    static async Task StatusAsync(HttpContext http, HttpStatusCode code, string reason, string message)
    {
        http.Response.StatusCode = (int)code;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            apiVersion = "v1",
            kind = "Status",
            status = "Failure",
            reason,
            code = (int)code,
            message,
        }));
    }

    static async Task JsonAsync(HttpContext http, object value, HttpStatusCode status = HttpStatusCode.OK)
    {
        http.Response.StatusCode = (int)status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(KubernetesJson.Serialize(value));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
