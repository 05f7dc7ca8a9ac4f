namespace CiMigrate.Secrets;

/// <summary>
/// The secrets this run knows (passwords, tokens, connection strings); every writer of the tool replaces them
/// with <c>***</c>, so a secret never reaches a log, a PR comment or an error message.
/// </summary>
public sealed class SecretMasker
{
    public const string Mask = "***";

    readonly Lock _lock = new();
    string[] _secrets = [];

    /// <summary>
    /// Registers a secret, and its URL-encoded and base64 forms (a password travels inside URLs and basic-auth
    /// headers); values shorter than 4 characters would mask ordinary words and are refused.
    /// </summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
            return;
        AddOne(secret);
        AddOne(Uri.EscapeDataString(secret));
        AddOne(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret)));
    }

    void AddOne(string secret)
    {
        lock (_lock)
        {
            if (_secrets.Contains(secret))
                return;
            // Longest first, so a secret that contains another is masked whole.
            _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
        }
    }

    public IReadOnlyList<string> Secrets => _secrets;

    public string Apply(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
