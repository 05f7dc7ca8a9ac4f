namespace CiMigrate.Tasks;

/// <summary>
/// The migrations of an expand-contract column rename, as pgroll's alter-column operation does it: the expand adds the
/// new column, keeps both in step with a trigger (old apps write the old column, new apps the new one), and backfills
/// in batches of <see cref="BatchRows"/> rows, each batch committed on its own so no lock is held for long; the
/// contract drops the trigger and the old column.
/// </summary>
/// <param name="Schema">The app's schema.</param>
/// <param name="Table">The table, unqualified.</param>
/// <param name="Old">The column apps use today.</param>
/// <param name="New">The column they move to.</param>
/// <param name="Type">The old column's type (<c>format_type</c>), which the new one gets.</param>
sealed record ColumnRename(string Schema, string Table, string Old, string New, string Type)
{
    const int BatchRows = 1000;

    string Sync => $"{Table}_{Old}_{New}_sync";

    /// <summary>Adds <see cref="New"/>, the trigger, and backfills; runs statement by statement to commit each batch.</summary>
    public string Expand(string name) => $"""
        -- ci-migrate:no-transaction
        -- ci-migrate:expand
        -- {name.Replace('_', ' ')}: {Table}.{Old} becomes {Table}.{New} without downtime.
        --
        -- Expand: {New} is added beside {Old}, a trigger keeps the two in step (an app writing either one is seen
        -- by apps reading the other), and existing rows are copied in batches of {BatchRows}. Deploy the apps that
        -- use {New}; the contract migration drops {Old} once they all do. Constraints, defaults and indexes of
        -- {Old} are not copied: add those {New} needs here.
        SET search_path TO {Schema};

        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS {New} {Type};

        {SyncFunction()}

        DROP TRIGGER IF EXISTS {Sync} ON {Table};

        CREATE TRIGGER {Sync} BEFORE INSERT OR UPDATE ON {Table} FOR EACH ROW EXECUTE FUNCTION {Sync}();

        {Backfill(New, Old)}

        """;

    /// <summary>Undoes the expand: the trigger, its function and the new column go.</summary>
    public string ExpandDown(string fileName) => $"""
        -- Undoes {fileName}: drops the trigger, its function and {Table}.{New}.
        SET search_path TO {Schema};

        DROP TRIGGER IF EXISTS {Sync} ON {Table};

        DROP FUNCTION IF EXISTS {Sync}();

        ALTER TABLE {Table} DROP COLUMN IF EXISTS {New};

        """;

    /// <summary>Drops the trigger, its function and the old column; refused by prod-apply until the expand is old enough.</summary>
    public string Contract(string name, string expandVersion) => $"""
        -- ci-migrate:contract {expandVersion}
        -- {name.Replace('_', ' ')}: completes the rename of {Table}.{Old} to {Table}.{New} begun by {expandVersion}.
        -- BREAKING CHANGE: {Table}.{Old} is dropped; every app must read and write {Table}.{New} before this runs.
        SET search_path TO {Schema};

        DROP TRIGGER IF EXISTS {Sync} ON {Table};

        DROP FUNCTION IF EXISTS {Sync}();

        ALTER TABLE {Table} DROP COLUMN IF EXISTS {Old};

        """;

    /// <summary>Undoes the contract: {Old} comes back, filled from {New}, and the trigger keeps them in step again.</summary>
    public string ContractDown(string fileName) => $"""
        -- ci-migrate:no-transaction
        -- Undoes {fileName}: {Table}.{Old} comes back, filled from {Table}.{New}, kept in step by the trigger again.
        SET search_path TO {Schema};

        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS {Old} {Type};

        {SyncFunction()}

        DROP TRIGGER IF EXISTS {Sync} ON {Table};

        CREATE TRIGGER {Sync} BEFORE INSERT OR UPDATE ON {Table} FOR EACH ROW EXECUTE FUNCTION {Sync}();

        {Backfill(Old, New)}

        """;

    // An insert fills whichever column the app left empty; an update copies the column the app changed. The body
    // names no table, so an empty search_path costs nothing and keeps callers from changing what it means.
    string SyncFunction() => $$"""
        CREATE OR REPLACE FUNCTION {{Sync}}() RETURNS trigger LANGUAGE plpgsql SET search_path = '' AS $sync$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                IF NEW.{{New}} IS NULL THEN
                    NEW.{{New}} := NEW.{{Old}};
                ELSIF NEW.{{Old}} IS NULL THEN
                    NEW.{{Old}} := NEW.{{New}};
                END IF;
            ELSIF NEW.{{Old}} IS DISTINCT FROM OLD.{{Old}} THEN
                NEW.{{New}} := NEW.{{Old}};
            ELSIF NEW.{{New}} IS DISTINCT FROM OLD.{{New}} THEN
                NEW.{{Old}} := NEW.{{New}};
            END IF;
            RETURN NEW;
        END
        $sync$;
        """;

    // Outside a transaction block a DO block may COMMIT: each batch holds its row locks only until its own commit.
    string Backfill(string target, string source) => $$"""
        DO $backfill$
        DECLARE
            copied bigint;
        BEGIN
            LOOP
                UPDATE {{Table}} SET {{target}} = {{source}}
                WHERE ctid = ANY (ARRAY(SELECT ctid FROM {{Table}} WHERE {{target}} IS NULL AND {{source}} IS NOT NULL LIMIT {{BatchRows}}));
                GET DIAGNOSTICS copied = ROW_COUNT;
                EXIT WHEN copied = 0;
                COMMIT;
            END LOOP;
        END
        $backfill$;
        """;
}
