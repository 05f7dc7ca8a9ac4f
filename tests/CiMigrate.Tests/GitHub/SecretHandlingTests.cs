using CiMigrate.GitHub;
using CiMigrate.Reporting;
using CiMigrate.Secrets;

namespace CiMigrate.Tests.GitHub;

public sealed class SecretHandlingTests
{
    [TestCase("request failed: Authorization: Bearer abcdefghijklmnop0123", "request failed: Authorization: ***")]
    [TestCase("header authorization=token abcdefghijklmnop0123 sent", "header authorization=*** sent")]
    [TestCase("echoed ghp_0123456789abcdefghijABCDEFGHIJ012345 back", "echoed *** back")]
    [TestCase("pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "pat ***")]
    public void Token_shapes_are_removed_from_error_text(string text, string expected)
    {
        Assert.That(GitHubErrors.Sanitize(text, new SecretMasker()), Is.EqualTo(expected));
    }

    [Test]
    public void Registered_token_of_any_shape_is_masked()
    {
        var secrets = new SecretMasker();
        secrets.Add("plain-secret-value");

        Assert.That(GitHubErrors.Sanitize("GitHub said plain-secret-value is bad", secrets), Is.EqualTo("GitHub said *** is bad"));
    }

    [Test]
    public async Task Secret_found_at_run_time_is_announced_to_the_runner_before_it_is_masked()
    {
        var secrets = new SecretMasker();
        var raw = new StringWriter();
        var output = new MaskingTextWriter(raw, secrets);
        var integration = new GitHubIntegration(
            GitHubContext.FromEnvironment(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" }, secrets), output, secrets);

        await integration.AnnounceSecretAsync("kube-password-1");
        await output.WriteLineAsync("connecting with kube-password-1");
        await output.FlushAsync();

        Assert.That(raw.ToString(), Is.EqualTo($"::add-mask::kube-password-1\nconnecting with ***{Environment.NewLine}"));
    }

    [Test]
    public async Task Secret_is_never_printed_outside_actions()
    {
        var secrets = new SecretMasker();
        var raw = new StringWriter();
        var integration = new GitHubIntegration(GitHubContext.FromEnvironment(new Dictionary<string, string?>(), secrets), raw, secrets);

        await integration.AnnounceSecretAsync("kube-password-1");

        Assert.That(raw.ToString(), Is.Empty);
        Assert.That(secrets.Apply("kube-password-1"), Is.EqualTo("***"));
    }
}
