namespace CiMigrate.Execution;

/// <summary>
/// The stable codes of <see cref="Events.RunRefused"/>: one per reason a run is refused before anything of it runs.
/// Reports and scripts match on these, never on the message.
/// </summary>
public static class RefusalCodes
{
    /// <summary>A file holds BEGIN, COMMIT or ROLLBACK: ci-migrate owns the transaction.</summary>
    public const string TransactionControl = "transaction-control";

    /// <summary>A statement cannot run in a transaction, and the file lacks the no-transaction marker.</summary>
    public const string NeedsNoTransaction = "needs-no-transaction";

    /// <summary>A file marked no-transaction in a run that puts every file in one transaction (<c>--atomic</c>, <c>--dry-run</c>).</summary>
    public const string NoTransactionInOneTransaction = "no-transaction-in-one-transaction";

    /// <summary>A migration to roll back has no down file.</summary>
    public const string MissingDownFile = "missing-down-file";

    /// <summary>A migration to roll back is applied but has no local file.</summary>
    public const string MissingLocalFile = "missing-local-file";

    /// <summary>The app's schema does not exist and the environment may not create it.</summary>
    public const string SchemaMissing = "schema-missing";

    /// <summary>A file without a transaction creates an index that exists invalid, left by an earlier failed build.</summary>
    public const string InvalidIndex = "invalid-index";

    /// <summary>The ledger lost rows of migrations whose apply its events record.</summary>
    public const string LostLedgerRows = "lost-ledger-rows";

    /// <summary>The app's schema holds objects while the ledger has no migration of the app.</summary>
    public const string SchemaWithoutHistory = "schema-without-history";

    /// <summary>The ledger recorded the app's migrations in another schema than the settings name now.</summary>
    public const string SchemaMismatch = "schema-mismatch";

    /// <summary>An applied migration's file changed since it was applied.</summary>
    public const string EditedMigration = "edited-migration";

    /// <summary>A pending migration is older than the newest applied one.</summary>
    public const string OutOfOrder = "out-of-order";

    /// <summary>Lint found errors in the pending migrations.</summary>
    public const string LintErrors = "lint-errors";

    /// <summary>The pending migrations are not the reviewed plan (<c>--expect-plan</c>).</summary>
    public const string PlanMismatch = "plan-mismatch";

    /// <summary>
    /// <c>--expect-plan</c> was given empty: the job that should have reviewed or applied the plan reported none (its
    /// output was empty), so there is nothing to check the pending migrations against.
    /// </summary>
    public const string NoReviewedPlan = "no-reviewed-plan";

    /// <summary>A pending migration has not passed through the required environment (<c>requires</c>).</summary>
    public const string NotPromoted = "not-promoted";

    /// <summary>The run has no approval for a protected environment.</summary>
    public const string NotApproved = "not-approved";

    /// <summary>A contract migration whose expand migration has not been in the environment for <c>contractAfter</c> yet.</summary>
    public const string ContractTooEarly = "contract-too-early";

    /// <summary>A <c>-- ci-migrate:allow-schema</c> comment without its schema or its reason.</summary>
    public const string AllowSchemaWithoutReason = "allow-schema-without-reason";
}
