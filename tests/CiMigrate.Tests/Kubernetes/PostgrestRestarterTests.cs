using CiMigrate.Hosting;
using CiMigrate.Kubernetes;
using CiMigrate.Tests.Kubernetes.Support;
using k8s.Models;

namespace CiMigrate.Tests.Kubernetes;

public sealed class PostgrestRestarterTests
{
    static readonly DateTimeOffset Now = new(2025, 2, 8, 10, 30, 0, TimeSpan.Zero);
    FakeKubernetesApi _api = null!;
    k8s.Kubernetes _client = null!;
    SteppingClock _clock = null!;

    [SetUp]
    public async Task StartApiAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _api.Deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = "rest", NamespaceProperty = "supabase", Generation = 4 },
            Spec = new V1DeploymentSpec { Replicas = 2, Selector = new V1LabelSelector(), Template = new V1PodTemplateSpec() },
            Status = Status(observed: 4, replicas: 2, updated: 2, available: 2),
        };
        _client = new k8s.Kubernetes(_api.Configuration());
        _clock = new SteppingClock(Now);
    }

    [TearDown]
    public async Task StopApiAsync()
    {
        Assert.That(_api.ServerErrors, Is.Empty, "the fake API server itself failed");
        _client.Dispose();
        await _api.DisposeAsync();
    }

    static V1DeploymentStatus Status(long observed, int replicas, int updated, int available) =>
        new() { ObservedGeneration = observed, Replicas = replicas, UpdatedReplicas = updated, AvailableReplicas = available };

    PostgrestRestarter Restarter() => new(_client, _clock, _clock.WaitAsync, TimeSpan.FromSeconds(2));

    [Test]
    public async Task The_restart_patches_the_pod_template_annotation_as_kubectl_does()
    {
        _api.RolloutStatuses.Add(Status(observed: 5, replicas: 2, updated: 2, available: 2));

        await Restarter().RestartAsync("supabase", "rest", TimeSpan.FromMinutes(2), CancellationToken.None);

        var patch = _api.Requests.First();
        Assert.That((patch.Method, patch.Path, patch.ContentType), Is.EqualTo(
            ("PATCH", "/apis/apps/v1/namespaces/supabase/deployments/rest", "application/strategic-merge-patch+json; charset=utf-8")));
        Assert.That(patch.Body, Is.EqualTo(
            """{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2025-02-08T10:30:00Z"}}}}}"""));
    }

    [Test]
    public async Task The_restart_waits_until_every_replica_is_updated_and_available()
    {
        _api.RolloutStatuses.AddRange(
        [
            Status(observed: 4, replicas: 2, updated: 2, available: 2),
            Status(observed: 5, replicas: 3, updated: 1, available: 2),
            Status(observed: 5, replicas: 3, updated: 2, available: 2),
            Status(observed: 5, replicas: 2, updated: 2, available: 1),
            Status(observed: 5, replicas: 2, updated: 2, available: 2),
        ]);

        await Restarter().RestartAsync("supabase", "rest", TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.That(_api.Requests.Count(r => r.Method == "GET"), Is.EqualTo(5));
        Assert.That(_clock.Waits, Is.EqualTo(5));
    }

    [Test]
    public void A_rollout_that_does_not_finish_in_time_is_a_clear_error()
    {
        _api.RolloutStatuses.Add(Status(observed: 5, replicas: 3, updated: 2, available: 2));

        var error = Assert.ThrowsAsync<ExecutionException>(() =>
            Restarter().RestartAsync("supabase", "rest", TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo(
            "The rollout restart of deployment supabase/rest did not complete within 10s: 1 old replicas are pending " +
            "termination. PostgREST may still serve the old schema cache; look at 'kubectl rollout status deployment -n " +
            "supabase rest'."));
        Assert.That(_clock.Waits, Is.EqualTo(5));
    }

    [Test]
    public void A_rollout_past_its_progress_deadline_fails_at_once()
    {
        var stuck = Status(observed: 5, replicas: 3, updated: 1, available: 2);
        stuck.Conditions = [new V1DeploymentCondition { Type = "Progressing", Status = "False", Reason = "ProgressDeadlineExceeded" }];
        _api.RolloutStatuses.Add(stuck);

        var error = Assert.ThrowsAsync<ExecutionException>(() =>
            Restarter().RestartAsync("supabase", "rest", TimeSpan.FromMinutes(2), CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith("The rollout restart of deployment supabase/rest failed: the rollout exceeded its progress deadline"));
        Assert.That(_clock.Waits, Is.EqualTo(1));
    }

    [Test]
    public void A_forbidden_patch_names_the_verb_and_the_resource()
    {
        _api.Denied.Add("patch deployments");

        var error = Assert.ThrowsAsync<ExecutionException>(() =>
            Restarter().RestartAsync("supabase", "rest", TimeSpan.FromMinutes(2), CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith(
            "Kubernetes refused to patch deployments \"rest\" in namespace supabase (403 Forbidden): the credentials lack " +
            "'patch' on 'deployments'"));
    }
}
