using System.Diagnostics;

namespace CiMigrate.Tests.Support;

/// <summary>Runs git in a test's repository, as a fixed test author and without signing; a failure fails the test.</summary>
static class Git
{
    /// <summary>Standard output of <c>git &lt;arguments&gt;</c> in <paramref name="folder"/>.</summary>
    public static string Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", .. arguments])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), error.Result);
        return output.Result;
    }
}
