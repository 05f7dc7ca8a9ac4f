using CiMigrate.Generation;
using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>What <c>generate</c> tells the user about its proof: that it held, or every object where it did not.</summary>
public static class GenerationTextRenderer
{
    public static string Proven(GenerationResult result, int lintWarnings) =>
        $"Proof: the migrations plus {LintTextRenderer.Count(result.Files.Count, "generated file")} give the declared schema, object by object, " +
        "and the down files give the migrations' schema again." +
        (lintWarnings > 0 ? $" Lint: no error, {LintTextRenderer.Count(lintWarnings, "warning")} (ci-migrate lint shows them)." : " Lint: clean.");

    public static string Unproven(GenerationResult result)
    {
        var lines = new List<string> { "The generated migration does not prove out, so nothing was written." };
        if (result.UpDifferences.Count > 0)
        {
            lines.Add("The migrations plus the generated files differ from the declared schema (declared → replayed):");
            lines.AddRange(result.UpDifferences.Select(Line));
        }

        if (result.DownDifferences.Count > 0)
        {
            lines.Add("After the down files, the schema differs from what the migrations give (migrations → rolled back):");
            lines.AddRange(result.DownDifferences.Select(Line));
        }

        lines.Add("The generated files were:");
        lines.AddRange(result.Files.Select(f => $"--- {f.FileName}\n{f.Up}--- down/{f.FileName}\n{f.Down}"));
        return string.Join("\n", lines);
    }

    /// <summary>One difference as the plan words it.</summary>
    public static string Line(SchemaChange change) =>
        $"  {change.Change.ToString().ToLowerInvariant()} {PlanChangeText.Subject(change)} in {change.Schema}: {PlanChangeText.Detail(change)}";
}
