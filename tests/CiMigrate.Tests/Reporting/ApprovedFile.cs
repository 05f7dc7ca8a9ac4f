using System.Runtime.CompilerServices;

namespace CiMigrate.Tests.Reporting;

/// <summary>
/// Compares text with <c>&lt;name&gt;.approved.md</c> in the test's source folder. On a difference (or a missing
/// file) it writes <c>&lt;name&gt;.received.md</c> beside it and fails with the first differing line.
/// </summary>
static class ApprovedFile
{
    public static void Verify(string name, string actual, [CallerFilePath] string testFile = "")
    {
        var folder = Path.GetDirectoryName(testFile)!;
        var approvedPath = Path.Combine(folder, name + ".approved.md");
        var receivedPath = Path.Combine(folder, name + ".received.md");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        if (approved is null)
            Assert.Fail($"{approvedPath} does not exist. Review {receivedPath} and rename it to approve it.");

        var expectedLines = approved!.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        Assert.Fail($"{name} differs from the approved file at line {line + 1}:\n" +
                    $"  approved: {(line < expectedLines.Length ? expectedLines[line] : "(end of file)")}\n" +
                    $"  received: {(line < actualLines.Length ? actualLines[line] : "(end of file)")}\n" +
                    $"Review {receivedPath}; rename it to {Path.GetFileName(approvedPath)} if it is right.");
    }
}
