using CiMigrate.History;

namespace CiMigrate.Execution;

/// <summary>What every transaction strategy of one run shares: the session, the log, the retry policy, the provenance.</summary>
sealed record RunContext(MigrationSession Session, ExecutionLog Log, LockRetryPolicy Retry, RunProvenance Provenance)
{
    public StepFailures Failures => new(this);
}
