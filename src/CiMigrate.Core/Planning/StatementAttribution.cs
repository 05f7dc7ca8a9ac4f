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
        var index = new RecordIndex(records);
        var statements = new Statements(pending);
        return [.. changes.Select(change => StatementOf(change, index, statements, before, after) is { } statement
            ? change with { Statement = statement }
            : change)];
    }

    static StatementRef? StatementOf(SchemaChange change, RecordIndex records, Statements statements, CatalogSnapshot before,
        CatalogSnapshot after)
    {
        var (own, parent) = Ids(change, before, after);
        var touched = own is { } self ? records.Of(self.Oid, self.Sub) : [];
        var forward = change.Change == ChangeType.Added;
        var candidates = Walk(touched, [], forward);
        if (touched.Count == 0)
        {
            // A GRANT's records name no object: a GRANT or REVOKE after the object was created may have made it, as may
            // its creation itself (default privileges).
            var tableRecords = parent is { } table ? records.Of(table, 0) : [];
            var grants = change.Kind == ObjectKind.Grant ? records.GrantsAfter(parent is { } id ? records.Created(id) : -1) : [];
            candidates = Walk(tableRecords, grants, forward);
        }

        // The statement that made an object is its first; the one that dropped or last altered it, its last; among
        // those that name it when any does. Walked in that order, so a plan of 1,000 files stops at the first that fits
        // rather than reading every GRANT after the object's.
        (MigrationFile File, SqlStatement Statement)? first = null;
        foreach (var record in candidates)
        {
            if (statements.Of(record) is not { } found)
                continue;
            first ??= found;
            if (statements.Names(found.Statement, change))
                return Reference(found);
        }

        return first is { } any ? Reference(any) : null;
    }

    static StatementRef Reference((MigrationFile File, SqlStatement Statement) found) =>
        new(found.File.DisplayPath, found.Statement.Line, found.Statement.Column, found.Statement.Excerpt);

    /// <summary>
    /// Two lists of records, each in the order the statements ran, walked as one: first to last (an added object), or
    /// last to first.
    /// </summary>
    static IEnumerable<StatementRecord> Walk(IReadOnlyList<(int Position, StatementRecord Record)> a,
        IReadOnlyList<(int Position, StatementRecord Record)> b, bool forward)
    {
        int i = forward ? 0 : a.Count - 1, j = forward ? 0 : b.Count - 1;
        bool More(int k, IReadOnlyList<(int Position, StatementRecord Record)> list) => forward ? k < list.Count : k >= 0;
        while (More(i, a) || More(j, b))
        {
            var takeA = !More(j, b) || (More(i, a) && (forward ? a[i].Position <= b[j].Position : a[i].Position >= b[j].Position));
            yield return takeA ? a[i].Record : b[j].Record;
            if (takeA)
                i += forward ? 1 : -1;
            else
                j += forward ? 1 : -1;
        }
    }

    /// <summary>
    /// The pending files' statements, each file parsed once for the whole attribution (a file keeps its parse only
    /// weakly, and a plan of 1,000 files asks for the same ones thousands of times), with each statement's identifiers.
    /// </summary>
    sealed class Statements(IReadOnlyList<Migration> pending)
    {
        readonly Dictionary<string, MigrationFile> _files = pending.ToDictionary(m => m.Version, m => m.Up, StringComparer.Ordinal);
        readonly Dictionary<string, IReadOnlyList<SqlStatement>> _parsed = new(StringComparer.Ordinal);
        readonly Dictionary<SqlStatement, HashSet<string>> _identifiers = new(ReferenceEqualityComparer.Instance);

        /// <summary>The statement a record was made by; null when it is none of the pending files'.</summary>
        public (MigrationFile File, SqlStatement Statement)? Of(StatementRecord record)
        {
            if (!_files.TryGetValue(record.Version, out var file))
                return null;
            if (!_parsed.TryGetValue(record.Version, out var toRun))
                _parsed[record.Version] = toRun = file.Script.StatementsToRun;
            return record.Index < toRun.Count ? (file, toRun[record.Index]) : null;
        }

        /// <summary>Whether the statement names the object (a column, a constraint, a grant's role) among its identifiers.</summary>
        public bool Names(SqlStatement statement, SchemaChange change)
        {
            if (!_identifiers.TryGetValue(statement, out var names))
                _identifiers[statement] = names = [.. statement.Tokens.Where(t => t.IsIdentifier && t.Name is not null).Select(t => t.Name!)];
            var paren = change.Name.IndexOf('(', StringComparison.Ordinal);
            var name = change.Kind == ObjectKind.Function && paren > 0 ? change.Name[..paren] : change.Name;
            return names.Contains(name) || (change.PreviousName is { } previous && names.Contains(previous))
                || (change.Kind == ObjectKind.Grant && names.Contains(name.ToLowerInvariant()));
        }
    }

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

        /// <summary>The GRANT and REVOKE records after <paramref name="position"/>, in order (found by halving: they are in order).</summary>
        public IReadOnlyList<(int Position, StatementRecord Record)> GrantsAfter(int position)
        {
            int low = 0, high = _grants.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_grants[middle].Position > position)
                    high = middle;
                else
                    low = middle + 1;
            }

            return new Tail(_grants, low);
        }
    }

    /// <summary>A list from one of its positions on, without a copy.</summary>
    sealed class Tail(List<(int Position, StatementRecord Record)> list, int start) : IReadOnlyList<(int Position, StatementRecord Record)>
    {
        public (int Position, StatementRecord Record) this[int index] => list[start + index];

        public int Count => list.Count - start;

        public IEnumerator<(int Position, StatementRecord Record)> GetEnumerator() => list.Skip(start).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
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
}
