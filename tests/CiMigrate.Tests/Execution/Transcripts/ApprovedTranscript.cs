using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Execution.Transcripts;

/// <summary>
/// Compares a transcript with its approved file, <c>&lt;name&gt;.approved.txt</c> beside the tests in the source tree.
/// A missing or different approved file fails the test: nothing approves itself. With
/// <c>CI_MIGRATE_WRITE_RECEIVED=1</c> the transcript is also written to <c>&lt;name&gt;.received.txt</c>, for a person
/// to read and, when it is right, rename to the approved file.
/// </summary>
static class ApprovedTranscript
{
    static string Folder => TestRepository.Combine("tests", "CiMigrate.Tests", "Execution", "Transcripts");

    public static void Verify(string name, string transcript)
    {
        var approved = Path.Combine(Folder, $"{name}.approved.txt");
        var received = Path.Combine(Folder, $"{name}.received.txt");
        if (Environment.GetEnvironmentVariable("CI_MIGRATE_WRITE_RECEIVED") == "1")
            File.WriteAllText(received, transcript);
        Assert.That(File.Exists(approved), Is.True,
            $"{approved} is missing. Run with CI_MIGRATE_WRITE_RECEIVED=1, read {received}, and rename it if it is right.");
        Assert.That(transcript, Is.EqualTo(File.ReadAllText(approved).ReplaceLineEndings("\n")),
            $"The transcript differs from {approved}. Run with CI_MIGRATE_WRITE_RECEIVED=1 and compare {received} with it.");
    }
}
