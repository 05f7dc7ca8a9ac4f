using System.Text;
using CiMigrate.Diagnostics;
using CiMigrate.Hosting;

namespace CiMigrate.Lint;

/// <summary>
/// <c>lint --fix</c>: applies the findings' fixes (guards inserted, down files moved) and nothing else. Edits of
/// one file are applied back to front so offsets stay true; an edit overlapping another is left for the next run.
/// </summary>
public static class LintFixer
{
    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Returns what was done, one line per fix, for the user.</summary>
    public static IReadOnlyList<string> Apply(IReadOnlyList<LintFile> files, IReadOnlyList<Finding> findings)
    {
        var done = new List<string>();
        var byFile = findings.Where(f => f.Fix is not null).ToLookup(f => f.File, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var fixes = byFile[file.DisplayPath].Select(f => f.Fix!).ToList();
            if (fixes.Count == 0)
                continue;
            var text = file.Text;
            var applied = new List<TextEdit>();
            foreach (var fix in fixes.Where(f => f.Edits.Count > 0).OrderByDescending(f => f.Edits.Max(e => e.Offset)))
            {
                if (fix.Edits.Any(e => applied.Any(a => Overlaps(a, e))))
                    continue;
                foreach (var edit in fix.Edits.OrderByDescending(e => e.Offset))
                    text = text[..edit.Offset] + edit.Replacement + text[(edit.Offset + edit.Length)..];
                applied.AddRange(fix.Edits);
                done.Add($"{file.DisplayPath}: {fix.Description}");
            }

            if (applied.Count > 0)
                WriteKeepingBom(file.Path, text);

            if (fixes.FirstOrDefault(f => f.MoveTo is not null)?.MoveTo is { } destination)
            {
                if (File.Exists(destination))
                {
                    done.Add($"{file.DisplayPath}: not moved, {destination} exists already");
                    continue;
                }

                FileOwnership.CreateFolder(Path.GetDirectoryName(destination)!);
                File.Move(file.Path, destination);
                done.Add($"{file.DisplayPath}: {fixes.First(f => f.MoveTo is not null).Description}");
            }
        }

        return done;
    }

    // Two inserts at the same offset also overlap: their order would be a guess.
    static bool Overlaps(TextEdit a, TextEdit b) =>
        a.Offset < b.Offset + Math.Max(b.Length, 1) && b.Offset < a.Offset + Math.Max(a.Length, 1);

    static void WriteKeepingBom(string path, string text)
    {
        var hadBom = File.ReadAllBytes(path).AsSpan().StartsWith("\uFEFF"u8);
        var bytes = Utf8.GetBytes(text);
        File.WriteAllBytes(path, hadBom ? [.. "\uFEFF"u8, .. bytes] : bytes);
    }
}
