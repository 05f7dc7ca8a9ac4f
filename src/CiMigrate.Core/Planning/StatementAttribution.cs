using System.Globalization;
using CiMigrate.Migrations;
using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;

namespace CiMigrate.Planning;

/// <summary>
/// Which statement of the pending migrations made each schema change, from what the shadow's event triggers recorded
/// (<see cref="StatementRecorder"/>): the statements that touched the object itself (its oid, a column's number), else
/// its table, narrowed to those that name it when several did (PostgreSQL says "ALTER TABLE t", not which column).
/// A change no statement touched (none when the triggers ran) keeps no statement.
/// </summary>
public static class StatementAttribution
{
    /// <param name="changes">The changes of the replay, in the same database (identities are oids).</param>
    /// <param name="records">What the statements changed, in order.</param>
    /// <param name="pending">The migrations as the shadow ran them.</param>
    /// <param name="before">The catalog before: where a removed object's table is found.</param>
    /// <param name="after">The catalog after: where an added object's table is found.</param>
    public static IReadOnlyList<SchemaChange> Attribute(IReadOnlyList<SchemaChange> changes, IReadOnlyList<StatementRecord> records,
        IReadOnlyList<Migration> pending, CatalogSnapshot before, CatalogSnapshot after)
    {
        if (records.Count == 0)
            return changes;
        var files = pending.ToDictionary(m => m.Version, m => m.Up, StringComparer.Ordinal);
        var index = new RecordIndex(records);
        return [.. changes.Select(change => StatementOf(change, index, files, before, after) is { } statement
            ? change with { Statement = statement }
            : change)];
    }

    static StatementRef? StatementOf(SchemaChange change, RecordIndex records,
        IReadOnlyDictionary<string, MigrationFile> files, CatalogSnapshot before, CatalogSnapshot after)
    {
        var (own, parent) = Ids(change, before, after);
        var touched = own is { } self ? Distinct(records.Of(self.Oid, self.Sub)) : [];
        if (touched.Count == 0)
        {
            // A GRANT's records name no object: a GRANT or REVOKE after the object was created may have made it, as may
            // its creation itself (default privileges).
            var tableRecords = parent is { } table ? records.Of(table, 0) : [];
            var grants = change.Kind == ObjectKind.Grant ? records.GrantsAfter(parent is { } id ? records.Created(id) : -1) : [];
            touched = Distinct(tableRecords.Concat(grants).OrderBy(r => r.Position).Select(r => r.Record));
        }

        var statements = touched
            .Select(r => (Record: r, File: files.GetValueOrDefault(r.Version)))
            .Where(s => s.File is not null && s.Record.Index < s.File.Script.StatementsToRun.Count)
            .Select(s => (s.File!, Statement: s.File!.Script.StatementsToRun[s.Record.Index]))
            .ToList();
        if (statements.Count == 0)
            return null;
        var naming = statements.Where(s => Names(s.Statement, change)).ToList();
        if (naming.Count > 0)
            statements = naming;
        // The statement that made an object is its first; the one that dropped or last altered it, its last.
        var (file, statement) = change.Change == ChangeType.Added ? statements[0] : statements[^1];
        return new StatementRef(file.DisplayPath, statement.Line, statement.Column, statement.Excerpt);
    }

    static List<StatementRecord> Distinct(IEnumerable<StatementRecord> records) =>
        [.. records.DistinctBy(r => (r.Version, r.Index))];

    static List<StatementRecord> Distinct(IEnumerable<(int Position, StatementRecord Record)> records) => Distinct(records.Select(r => r.Record));

    /// <summary>
    /// The records looked up by object once, so attributing every change of a large plan stays linear: each record with
    /// its position in the order the statements ran.
    /// </summary>
    sealed class RecordIndex
    {
        readonly Dictionary<(uint Oid, int Sub), List<(int Position, StatementRecord Record)>> _byObject = [];
        readonly Dictionary<uint, int> _created = [];
        readonly List<(int Position, StatementRecord Record)> _grants = [];

        public RecordIndex(IReadOnlyList<StatementRecord> records)
        {
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                if (record.ObjectId is { } oid)
                {
                    if (!_byObject.TryGetValue((oid, record.SubId), out var list))
                        _byObject[(oid, record.SubId)] = list = [];
                    list.Add((i, record));
                    if (record.Tag.StartsWith("CREATE", StringComparison.Ordinal))
                        _created.TryAdd(oid, i);
                }

                if (record.Tag is "GRANT" or "REVOKE")
                    _grants.Add((i, record));
            }
        }

        /// <summary>The records of one object (a column: its table's oid and number; else number 0), in order.</summary>
        public IReadOnlyList<(int Position, StatementRecord Record)> Of(uint oid, int sub) =>
            _byObject.TryGetValue((oid, sub), out var list) ? list : [];

        /// <summary>The position of the statement that created the object; -1 when none of these did.</summary>
        public int Created(uint oid) => _created.TryGetValue(oid, out var position) ? position : -1;

        /// <summary>The GRANT and REVOKE records after <paramref name="position"/>, in order.</summary>
        public IEnumerable<(int Position, StatementRecord Record)> GrantsAfter(int position) => _grants.Where(g => g.Position > position);
    }

    /// <summary>
    /// The object's own oid and column number (none for a grant), and its table's oid, from the catalog's identities:
    /// <c>16395</c>, a column <c>16395.2</c>, a grant <c>16395:10</c> (<c>p</c>/<c>n</c> before a function's or schema's).
    /// </summary>
    static ((uint Oid, int Sub)? Own, uint? Parent) Ids(SchemaChange change, CatalogSnapshot before, CatalogSnapshot after)
    {
        var o = change.Object;
        var identity = o.Identity ?? "";
        switch (o.Kind)
        {
            case ObjectKind.Column:
            {
                var dot = identity.IndexOf('.', StringComparison.Ordinal);
                return dot > 0 && Oid(identity[..dot]) is { } table && int.TryParse(identity[(dot + 1)..], CultureInfo.InvariantCulture, out var number)
                    ? ((table, number), table)
                    : (null, null);
            }

            case ObjectKind.Grant:
            {
                var colon = identity.IndexOf(':', StringComparison.Ordinal);
                return (null, colon > 0 ? Oid(identity[..colon].TrimStart('p', 'n')) : null);
            }

            default:
            {
                var parent = o.Parent is null || o.ParentKind is null ? null
                    : (after.Find(new ObjectKey(o.ParentKind.Value, o.Schema, null, o.Parent))
                       ?? before.Find(new ObjectKey(o.ParentKind.Value, o.Schema, null, o.Parent)))?.Identity;
                return (Oid(identity) is { } oid ? (oid, 0) : null, Oid(parent));
            }
        }
    }

    static uint? Oid(string? text) => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var oid) ? oid : null;

    /// <summary>Whether the statement names the object (a column, a constraint, a grant's role) among its identifiers.</summary>
    static bool Names(SqlStatement statement, SchemaChange change)
    {
        var paren = change.Name.IndexOf('(', StringComparison.Ordinal);
        var name = change.Kind == ObjectKind.Function && paren > 0 ? change.Name[..paren] : change.Name;
        var previous = change.PreviousName;
        var grantee = change.Kind == ObjectKind.Grant ? name.ToLowerInvariant() : null;
        return statement.Tokens.Any(t => t.IsIdentifier && t.Name is { } n
            && (n == name || n == previous || (grantee is not null && n == grantee)));
    }
}
