using CiMigrate.Hosting;

namespace CiMigrate.Execution;

/// <summary>
/// The stable codes of <see cref="Events.RunRefused"/>: one per reason a run is refused before anything of it runs,
/// each with what it costs: 2 for a problem in the files or the command, 3 for the database's state, 1 for a gate.
/// Reports and scripts match on these, never on the message.
/// </summary>
public static class RefusalCodes
{
    /// <summary>A file holds BEGIN, COMMIT or ROLLBACK that is not a whole BEGIN ... COMMIT block (or in a file marked no-transaction).</summary>
    public static readonly RefusalCode TransactionControl = new("transaction-control", ExitCodes.Usage);

    /// <summary>A statement cannot run in the transaction it would be in: the file's BEGIN ... COMMIT wrapper, or the one transaction of <c>--atomic</c>/<c>--dry-run</c>.</summary>
    public static readonly RefusalCode NeedsNoTransaction = new("needs-no-transaction", ExitCodes.Usage);

    /// <summary>A file marked no-transaction in a run that puts every file in one transaction (<c>--atomic</c>, <c>--dry-run</c>).</summary>
    public static readonly RefusalCode NoTransactionInOneTransaction = new("no-transaction-in-one-transaction", ExitCodes.Usage);

    /// <summary>A migration to roll back has no down file.</summary>
    public static readonly RefusalCode MissingDownFile = new("missing-down-file", ExitCodes.Usage);

    /// <summary>A migration to roll back is applied but has no local file.</summary>
    public static readonly RefusalCode MissingLocalFile = new("missing-local-file", ExitCodes.Usage);

    /// <summary>The app's schema does not exist and the environment may not create it.</summary>
    public static readonly RefusalCode SchemaMissing = new("schema-missing", ExitCodes.Execution);

    /// <summary>A file without a transaction creates an index that exists invalid, left by an earlier failed build.</summary>
    public static readonly RefusalCode InvalidIndex = new("invalid-index", ExitCodes.Execution);

    /// <summary>The ledger lost rows of migrations whose apply its events record.</summary>
    public static readonly RefusalCode LostLedgerRows = new("lost-ledger-rows", ExitCodes.Execution);

    /// <summary>The app's schema holds objects while the ledger has no migration of the app.</summary>
    public static readonly RefusalCode SchemaWithoutHistory = new("schema-without-history", ExitCodes.Execution);

    /// <summary>The ledger recorded the app's migrations in another schema than the settings name now.</summary>
    public static readonly RefusalCode SchemaMismatch = new("schema-mismatch", ExitCodes.Usage);

    /// <summary>An applied migration's file changed since it was applied.</summary>
    public static readonly RefusalCode EditedMigration = new("edited-migration", ExitCodes.Usage);

    /// <summary>A pending migration is older than the newest applied one.</summary>
    public static readonly RefusalCode OutOfOrder = new("out-of-order", ExitCodes.Usage);

    /// <summary>Lint found errors in the pending migrations.</summary>
    public static readonly RefusalCode LintErrors = new("lint-errors", ExitCodes.Findings);

    /// <summary>The pending migrations are not the reviewed plan (<c>--expect-plan</c>).</summary>
    public static readonly RefusalCode PlanMismatch = new("plan-mismatch", ExitCodes.Findings);

    /// <summary>
    /// <c>--expect-plan</c> was given empty: the job that should have reviewed or applied the plan reported none (its
    /// output was empty), so there is nothing to check the pending migrations against.
    /// </summary>
    public static readonly RefusalCode NoReviewedPlan = new("no-reviewed-plan", ExitCodes.Findings);

    /// <summary>A pending migration has not passed through the required environment (<c>requires</c>).</summary>
    public static readonly RefusalCode NotPromoted = new("not-promoted", ExitCodes.Findings);

    /// <summary>The run has no approval for a protected environment.</summary>
    public static readonly RefusalCode NotApproved = new("not-approved", ExitCodes.Findings);

    /// <summary>A contract migration whose expand migration has not been in the environment for <c>contractAfter</c> yet.</summary>
    public static readonly RefusalCode ContractTooEarly = new("contract-too-early", ExitCodes.Findings);

    /// <summary>A <c>-- ci-migrate:allow-schema</c> comment without its schema or its reason.</summary>
    public static readonly RefusalCode AllowSchemaWithoutReason = new("allow-schema-without-reason", ExitCodes.Usage);

    /// <summary>The committed segments of a partly applied migration changed in its file since they ran.</summary>
    public static readonly RefusalCode AppliedPartChanged = new("applied-part-changed", ExitCodes.Usage);

    /// <summary>A partly applied migration in a run that puts every file in one transaction (<c>--atomic</c>, <c>--dry-run</c>).</summary>
    public static readonly RefusalCode PartlyApplied = new("partly-applied", ExitCodes.Usage);

    /// <summary>A <c>-- ci-migrate:allow-schema</c> comment naming several schemas, PostgreSQL's own, the ledger or another app's.</summary>
    public static readonly RefusalCode AllowSchemaRefused = new("allow-schema-refused", ExitCodes.Usage);

    /// <summary>A statement that changes what every app shares (event triggers, ALTER DATABASE/SYSTEM, role memberships) without an allowance.</summary>
    public static readonly RefusalCode GlobalDdl = new("global-ddl", ExitCodes.Usage);

    /// <summary>A statement the shadow would run that reaches the server's files or programs (COPY ... PROGRAM, pg_read_file).</summary>
    public static readonly RefusalCode ServerAccess = new("server-access", ExitCodes.Usage);

    /// <summary>Every code, for reading a report back.</summary>
    public static IReadOnlyList<RefusalCode> All { get; } =
    [
        TransactionControl, NeedsNoTransaction, NoTransactionInOneTransaction, MissingDownFile, MissingLocalFile, SchemaMissing,
        InvalidIndex, LostLedgerRows, SchemaWithoutHistory, SchemaMismatch, EditedMigration, OutOfOrder, LintErrors, PlanMismatch,
        NoReviewedPlan, NotPromoted, NotApproved, ContractTooEarly, AllowSchemaWithoutReason, AppliedPartChanged, PartlyApplied, AllowSchemaRefused,
        GlobalDdl, ServerAccess,
    ];
}
