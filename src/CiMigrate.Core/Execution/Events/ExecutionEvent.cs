using System.Text.Json.Serialization;

namespace CiMigrate.Execution.Events;

/// <summary>
/// Something the executor did or met, as data (Atlas's typed events): the executor emits them and never formats
/// output; tasks render them as text, JSON or markdown. The JSON discriminator is <c>type</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(LockWaiting), "lockWaiting")]
[JsonDerivedType(typeof(LockAcquired), "lockAcquired")]
[JsonDerivedType(typeof(LedgerUpgraded), "ledgerUpgraded")]
[JsonDerivedType(typeof(SchemaCreated), "schemaCreated")]
[JsonDerivedType(typeof(BackupWritten), "backupWritten")]
[JsonDerivedType(typeof(BackupNotNeeded), "backupNotNeeded")]
[JsonDerivedType(typeof(MigrationStarted), "migrationStarted")]
[JsonDerivedType(typeof(MigrationApplied), "migrationApplied")]
[JsonDerivedType(typeof(SegmentCommitted), "segmentCommitted")]
[JsonDerivedType(typeof(MigrationResumed), "migrationResumed")]
[JsonDerivedType(typeof(PartialSettled), "partialSettled")]
[JsonDerivedType(typeof(MigrationFailed), "migrationFailed")]
[JsonDerivedType(typeof(LockTimeoutRetry), "lockTimeoutRetry")]
[JsonDerivedType(typeof(MigrationSkipped), "migrationSkipped")]
[JsonDerivedType(typeof(MigrationRolledBack), "migrationRolledBack")]
[JsonDerivedType(typeof(MigrationBaselined), "migrationBaselined")]
[JsonDerivedType(typeof(ChecksumAccepted), "checksumAccepted")]
[JsonDerivedType(typeof(MigrationForgotten), "migrationForgotten")]
[JsonDerivedType(typeof(LedgerRowRestored), "ledgerRowRestored")]
[JsonDerivedType(typeof(SupabaseVersionTaken), "supabaseVersionTaken")]
[JsonDerivedType(typeof(SupabaseRowAdopted), "supabaseRowAdopted")]
[JsonDerivedType(typeof(SupabaseRowLeft), "supabaseRowLeft")]
[JsonDerivedType(typeof(SchemaUsageGranted), "schemaUsageGranted")]
[JsonDerivedType(typeof(ReplayedWithoutTransaction), "replayedWithoutTransaction")]
[JsonDerivedType(typeof(DryRunRolledBack), "dryRunRolledBack")]
[JsonDerivedType(typeof(PostgrestNotified), "postgrestNotified")]
[JsonDerivedType(typeof(PostgrestRestarted), "postgrestRestarted")]
[JsonDerivedType(typeof(GrantsChecked), "grantsChecked")]
[JsonDerivedType(typeof(RunFailed), "runFailed")]
[JsonDerivedType(typeof(SchemaGuardUnavailable), "schemaGuardUnavailable")]
[JsonDerivedType(typeof(SchemaGuardRepaired), "schemaGuardRepaired")]
[JsonDerivedType(typeof(WrapperLeftOut), "wrapperLeftOut")]
[JsonDerivedType(typeof(RunRefused), "runRefused")]
public abstract record ExecutionEvent;
