namespace CiMigrate.Tests.Fixtures;

/// <summary>Paths in the repository the tests run from (examples/ and friends are read in place, not copied).</summary>
static class TestRepository
{
    static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Examples => Path.Combine(Root, "examples");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CiMigrate.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No CiMigrate.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}
