using System.Text;
using CiMigrate.Hosting;

namespace CiMigrate.GitHub;

/// <summary>
/// Keeps each sticky comment as a markdown file in <paramref name="directory"/>, named after its marker
/// (<c>ci-migrate-plan-app-money-tracker.md</c>), with the same create/update rules as on GitHub: for local
/// previews and for CI systems that post files themselves.
/// </summary>
public sealed class FileCommenter(string directory) : IPullRequestCommenter
{
    public async Task<CommentResult> UpsertAsync(StickyComment comment, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, FileName(comment.Marker));
        var body = comment.MarkedBody;
        if (File.Exists(path))
        {
            if (await File.ReadAllTextAsync(path, cancellationToken) == body)
                return new CommentResult(CommentOutcome.Unchanged, path);
            await File.WriteAllTextAsync(path, body, new UTF8Encoding(false), cancellationToken);
            return new CommentResult(CommentOutcome.Updated, path);
        }

        if (!comment.CreateIfMissing)
            return new CommentResult(CommentOutcome.NotNeeded);
        FileOwnership.CreateFolder(directory);
        await File.WriteAllTextAsync(path, body, new UTF8Encoding(false), cancellationToken);
        FileOwnership.MatchFolder(path);
        return new CommentResult(CommentOutcome.Created, path);
    }

    /// <summary>The marker reduced to letters, digits and single dashes.</summary>
    public static string FileName(string marker)
    {
        var name = new StringBuilder();
        foreach (var c in marker.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                name.Append(c);
            else if (name.Length > 0 && name[^1] != '-')
                name.Append('-');
        }

        var slug = name.ToString().Trim('-');
        return (slug.Length == 0 ? "comment" : slug) + ".md";
    }
}
