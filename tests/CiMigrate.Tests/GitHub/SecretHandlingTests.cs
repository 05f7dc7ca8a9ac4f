using CiMigrate.GitHub;
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
}
