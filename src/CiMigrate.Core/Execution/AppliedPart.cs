using CiMigrate.Migrations;
using CiMigrate.Sql;

namespace CiMigrate.Execution;

/// <summary>
/// The checksums a segmented file's progress rows keep: of each segment's statements as sent, and of the file's
/// applied part (segments 0..n). Comments and blank lines around statements do not count; a changed statement does.
/// </summary>
static class AppliedPart
{
    /// <summary>SHA-256 of one segment's statements.</summary>
    public static string ChecksumOf(TransactionSegment segment) => MigrationChecksum.Of(segment.Text);

    /// <summary>SHA-256 of the statements of segments 0..<paramref name="last"/>.</summary>
    public static string ChecksumOf(IReadOnlyList<TransactionSegment> segments, int last) =>
        MigrationChecksum.Of(string.Join(";\n", segments.Take(last + 1).Select(s => s.Text)));
}
