using CiMigrate.Configuration;
using CiMigrate.Kubernetes;
using Microsoft.Extensions.Configuration;

namespace CiMigrate.Tests.Kubernetes;

public sealed class KubernetesSettingsTests
{
    static (KubernetesSettings? Settings, List<string> Problems) Read(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(p => $"environments:production:kubernetes:{p.Key}", p => p.Value))
            .Build();
        var problems = new List<string>();
        var settings = KubernetesSettings.From(configuration.GetSection("environments:production:kubernetes"), problems);
        return (settings, problems);
    }

    [Test]
    public void A_complete_block_is_read_with_defaults_for_what_it_leaves_out()
    {
        var (settings, problems) = Read(new()
        {
            ["namespace"] = "supabase",
            ["pod"] = "postgres-0",
            ["passwordSecret:name"] = "supabase-db",
            ["passwordSecret:key"] = "password",
            ["restartDeployment"] = "rest",
            ["rolloutTimeout"] = "1m30s",
        });

        Assert.That(problems, Is.Empty);
        Assert.That(settings, Is.EqualTo(new KubernetesSettings
        {
            Namespace = "supabase",
            Pod = "postgres-0",
            PasswordSecret = new PasswordSecretReference("supabase-db", "password"),
            RestartDeployment = "rest",
            RolloutTimeout = TimeSpan.FromSeconds(90),
        }));
        Assert.That((settings!.Port, settings.User, settings.Database), Is.EqualTo((5432, "postgres", "postgres")));
    }

    [Test]
    public void Every_problem_is_reported_with_its_key_path()
    {
        var (settings, problems) = Read(new()
        {
            ["pod"] = "postgres-0",
            ["selector"] = "app=postgres",
            ["port"] = "five",
            ["passwordSecret:name"] = "supabase-db",
            ["rolloutTimeout"] = "soon",
        });

        Assert.That(settings, Is.Null);
        Assert.That(problems, Is.EquivalentTo(new[]
        {
            "environments:production:kubernetes has both pod and selector: keep one",
            "environments:production:kubernetes:port must be a number (found 'five')",
            "environments:production:kubernetes:passwordSecret:key is required (the key of the password in the Secret's data)",
            "environments:production:kubernetes:rolloutTimeout must be a duration such as 2m, 90s or 1m30s (found 'soon')",
        }));
    }

    [Test]
    public void A_block_without_pod_or_selector_says_which_keys_are_needed()
    {
        var (_, problems) = Read(new() { ["namespace"] = "supabase", ["passwordSecret:name"] = "db", ["passwordSecret:key"] = "password" });

        Assert.That(problems, Is.EqualTo(new[] { "environments:production:kubernetes needs either pod (postgres-0) or selector (app=postgres)" }));
    }

    [Test]
    public void An_absent_block_is_no_settings_and_no_problem()
    {
        var (settings, problems) = Read(new());

        Assert.That((settings, problems.Count), Is.EqualTo(((KubernetesSettings?)null, 0)));
    }

    [TestCase("2m", 120)]
    [TestCase("90s", 90)]
    [TestCase("1m30s", 90)]
    [TestCase("1h", 3600)]
    [TestCase("45s", 45)]
    public void Rollout_timeouts_read_like_kubectl_durations(string text, int seconds)
    {
        var (settings, _) = Read(new() { ["pod"] = "p", ["passwordSecret:name"] = "s", ["passwordSecret:key"] = "k", ["rolloutTimeout"] = text });

        Assert.That(settings!.RolloutTimeout, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }
}
