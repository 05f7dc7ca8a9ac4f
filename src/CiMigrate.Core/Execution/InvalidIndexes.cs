using CiMigrate.Execution.Events;
using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// Indexes PostgreSQL marks invalid (<c>pg_index.indisvalid = false</c>): what a failed or interrupted
/// <c>CREATE INDEX CONCURRENTLY</c> leaves behind. Queries still ignore it, a unique one enforces nothing, and
/// <c>IF NOT EXISTS</c> keeps it, so a re-run "succeeds" around it
/// (https://www.postgresql.org/docs/15/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY).
/// </summary>
public static class InvalidIndexes
{
    /// <summary>The invalid indexes of <paramref name="schema"/>, by name.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(NpgsqlConnection connection, string schema,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid " +
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND NOT i.indisvalid ORDER BY 1", connection);
        command.Parameters.Add(new() { Value = schema });
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>
    /// Before files with statements outside a transaction run: each <c>CREATE INDEX</c> about to run of an index that
    /// exists invalid, with no <c>DROP INDEX</c> of it earlier among the statements about to run, is refused at its
    /// file:line:col with the statement that fixes it.
    /// </summary>
    /// <param name="session">The target.</param>
    /// <param name="files">The files about to run.</param>
    /// <param name="resume">Per file, the segments an earlier run committed (they do not run again); none for a fresh run.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static async Task<IReadOnlyList<RunRefused>> CheckBeforeAsync(MigrationSession session, IEnumerable<MigrationFile> files,
        IReadOnlyDictionary<MigrationFile, int>? resume, CancellationToken cancellationToken)
    {
        var marked = files.Where(f => f.Script.Segments.Any(s => !s.InTransaction)).ToList();
        if (marked.Count == 0)
            return [];
        var invalid = (await FindAsync(session.Connection, session.App.Schema, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (invalid.Count == 0)
            return [];

        var refusals = new List<RunRefused>();
        foreach (var file in marked)
        {
            var dropped = new HashSet<string>(StringComparer.Ordinal);
            var committed = resume is not null && resume.TryGetValue(file, out var segments) ? segments : 0;
            foreach (var statement in file.Script.Segments.Skip(committed).SelectMany(s => s.Statements))
            {
                if (statement.Kind == StatementKind.DropIndex && NameOf(statement) is { } drop)
                    dropped.Add(drop);
                if (statement.Kind != StatementKind.CreateIndex || NameOf(statement) is not { } name || !invalid.Contains(name)
                    || dropped.Contains(name))
                    continue;
                var index = $"{Identifiers.Quote(session.App.Schema)}.{Identifiers.Quote(name)}";
                refusals.Add(new RunRefused(RefusalCodes.InvalidIndex,
                    $"the index {session.App.Schema}.{name} exists but is invalid (indisvalid = false): an earlier CREATE INDEX " +
                    $"CONCURRENTLY of it failed or was interrupted, and {(statement.HasIfNotExists ? "IF NOT EXISTS would keep the invalid index" : "creating it again fails")}",
                    $"Drop it first: put 'DROP INDEX CONCURRENTLY IF EXISTS {index};' before this statement (ci-migrate lint --fix " +
                    "does), or run that statement once by hand.",
                    statement.Path, statement.Line, statement.Column));
            }
        }

        return refusals;
    }

    /// <summary>
    /// After a statement outside a transaction ran: an index of the app's schema left invalid makes the
    /// migration failed (reported at the CREATE INDEX that made it, when the file has one), so it is not recorded.
    /// </summary>
    internal static async Task<MigrationFailed?> CheckAfterAsync(MigrationSession session, MigrationStep step, int committed,
        CancellationToken cancellationToken)
    {
        var invalid = await FindAsync(session.Connection, session.App.Schema, cancellationToken);
        if (invalid.Count == 0)
            return null;
        var statements = step.File.Script.StatementsToRun;
        var at = statements.LastOrDefault(s => s.Kind == StatementKind.CreateIndex && NameOf(s) is { } name && invalid.Contains(name))
            ?? statements[^1];
        var names = string.Join(", ", invalid.Select(name => $"{session.App.Schema}.{name}"));
        var drops = string.Join(" ", invalid.Select(name =>
            $"DROP INDEX CONCURRENTLY IF EXISTS {Identifiers.Quote(session.App.Schema)}.{Identifiers.Quote(name)};"));
        return new MigrationFailed(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, at.Line, at.Column,
            $"the file ran, but the index {names} is invalid (indisvalid = false), so the migration is not recorded",
            null, $"Drop it ({drops}), fix what made the build fail, and run again.", null, inTransaction: false, committed);
    }

    /// <summary>The index a CREATE or DROP INDEX names, without its schema: PostgreSQL keeps an index in its table's schema.</summary>
    static string? NameOf(SqlStatement statement) => statement.Target is { } target ? SqlNames.LastPart(target) : null;
}
