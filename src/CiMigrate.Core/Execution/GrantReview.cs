using CiMigrate.Execution.Events;

namespace CiMigrate.Execution;

/// <summary>The runbook's grants after DDL: reported when missing, or granted when <c>autoGrant</c> is on.</summary>
public sealed class GrantReview : IAfterApplyHook
{
    public async Task RunAsync(MigrationSession session, ExecutionLog log, CancellationToken cancellationToken)
    {
        if (!await session.SchemaExistsAsync(cancellationToken))
            return;
        var missing = await GrantCheck.FindMissingAsync(session.Connection, session.App.Schema, session.App.ApiRoles, cancellationToken);
        var grant = missing.Count > 0 && session.Environment.AutoGrant;
        if (grant)
            await GrantCheck.GrantAsync(session.Connection, session.App.Schema, missing, cancellationToken);
        log.Add(new GrantsChecked(missing, Granted: grant));
    }
}
