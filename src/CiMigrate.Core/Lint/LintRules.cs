using CiMigrate.Lint.Rules;

namespace CiMigrate.Lint;

/// <summary>Every lint rule, registered explicitly in one list (no scanning): add a rule here and nowhere else.</summary>
public static class LintRules
{
    public static IReadOnlyList<ILintRule> All { get; } =
    [
        // House rules of the runbook
        new SearchPathHeaderRule(),
        new SearchPathChangedRule(),
        new ForeignSchemaRule(),
        new GlobalDdlRule(),
        new NewTableGrantsRule(),
        new SchemaApiUsageRule(),
        new NewTableRlsRule(),
        new BreakingChangeRule(),
        new TransactionControlRule(),
        new ConcurrentlyInTransactionRule(),

        // Idempotency
        new CreateIfNotExistsRule(),
        new AddColumnIfNotExistsRule(),
        new DropIfExistsRule(),
        new PolicyDropBeforeCreateRule(),
        new TriggerDropBeforeCreateRule(),
        new InsertOnConflictRule(),
        new CreateOrReplaceRule(),
        new ConcurrentIndexGuardRule(),

        // Files
        new FileNameRule(),
        new VersionSharedByAppsRule(),
        new SkippedFileRule(),
        new MissingDownMigrationRule(),
        new DownFileLocationRule(),
        new ContractWithoutExpandRule(),

        // Locks and rewrites
        new RequireConcurrentIndexRule(),
        new AddingRequiredFieldRule(),
        new AddingVolatileDefaultRule(),
        new SetNotNullRule(),
        new ConstraintMissingNotValidRule(),
        new UniqueConstraintWithoutIndexRule(),
        new ChangingColumnTypeRule(),
        new RequireLockTimeoutRule(),
        new BanTruncateCascadeRule(),
        new UnboundedDeleteUpdateRule(),
        new DropDatabaseRule(),

        // Supabase security
        new FunctionSearchPathRule(),
        new SecurityDefinerExposedRule(),
        new ViewSecurityInvokerRule(),
        new PolicyAlwaysTrueRule(),
        new PolicyUserMetadataRule(),
        new AuthUsersExposedRule(),
        new ServerAccessRule(),
    ];
}
