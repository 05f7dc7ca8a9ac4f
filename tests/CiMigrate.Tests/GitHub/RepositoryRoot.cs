namespace CiMigrate.Tests.GitHub;

/// <summary>The checkout the tests run from: the folder holding CiMigrate.sln above the test output.</summary>
static class RepositoryRoot
{
    public static string Path { get; } = Find();

    static string Find()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "CiMigrate.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No CiMigrate.sln above {TestContext.CurrentContext.TestDirectory}.");
    }

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
