using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// Runs migrations on a <see cref="MigrationSession"/> as DbUp's engine does: checks the files (a problem is a
/// <see cref="RunRefused"/>, not an exception), chooses the <see cref="ITransactionStrategy"/> of the mode, and returns
/// the outcome. Emits events and never formats output; the work after DDL (<see cref="AfterApply"/>) is the caller's.
/// </summary>
public sealed class MigrationExecutor(MigrationSession session, ExecutionLog log)
{
    /// <summary>Applies <paramref name="pending"/> in order; stops at the first failure, leaving the rest pending.</summary>
    public async Task<ExecutionOutcome> ApplyAsync(IReadOnlyList<Migration> pending, ApplyOptions options,
        CancellationToken cancellationToken)
    {
        // Nothing to run, nothing to check: a no-op run costs no round trip here.
        if (pending.Count == 0 && !options.DryRun)
            return Outcome;
        var oneTransaction = options.DryRun ? "--dry-run" : options.Atomic ? "--atomic" : null;
        var problems = MigrationPreflight.Check(pending.Select(m => m.Up), oneTransaction, options.Checks);
        var replayedOutside = options.AlreadyApplied ? ReplayOutsideTransaction(pending, problems) : [];
        if (Refused([.. problems.Where(p => !replayedOutside.Contains(p.Finding.File ?? ""))]))
            return Outcome;
        if (session.Guard is { } guard && Refused(await guard.CheckAllowancesAsync(session.Connection, pending.Select(m => m.Up), cancellationToken)))
            return Outcome;
        var progress = session.LedgerVersion >= LedgerSchema.SegmentProgressVersion
            ? await session.Ledger.ReadProgressAsync(tableExists: true, cancellationToken)
            : [];
        var (resume, changed) = PartialApplication.Check(pending, progress, oneTransaction);
        if (Refused(changed))
            return Outcome;
        var schemaExists = await session.SchemaExistsAsync(cancellationToken);
        if (!schemaExists && !session.Environment.CreateSchema)
        {
            log.Add(SchemaMissing());
            return Outcome;
        }

        if (schemaExists && Refused(await InvalidIndexes.CheckBeforeAsync(session, pending.Select(m => m.Up),
            resume.ToDictionary(r => r.Key.Up, r => r.Value), cancellationToken)))
            return Outcome;

        var createSchema = schemaExists ? null : $"CREATE SCHEMA IF NOT EXISTS {Identifiers.Quote(session.App.Schema)}";
        if (createSchema is not null && !options.DryRun && !await CreateSchemaAsync(createSchema, cancellationToken))
            return Outcome;

        var context = Context(options.Provenance);
        var mirrored = await MirroredAsync(pending, cancellationToken);
        var steps = pending
            .Select(m => new MigrationStep(m, m.Up, () => mirrored.Contains(m)
                ? [session.Ledger.RecordApplied(m, options.Provenance), SupabaseHistory.RecordApplied(m, session.App.Name)]
                : [session.Ledger.RecordApplied(m, options.Provenance)], Forward: true)
            {
                OutsideTransaction = m.Up.Script.TransactionMode == TransactionMode.NoTransaction || replayedOutside.Contains(m.Up.DisplayPath),
                Resume = resume.GetValueOrDefault(m),
            })
            .ToList();
        ITransactionStrategy strategy = options.DryRun ? new DryRunTransaction(context, DryRunSetup(createSchema))
            : options.Atomic ? new AtomicTransaction(context)
            : new TransactionPerFile(context);
        await strategy.RunAsync(steps, cancellationToken);
        return Outcome;
    }

    /// <summary>Runs the down files of <paramref name="migrations"/> (newest first), each removing its ledger row.</summary>
    public async Task<ExecutionOutcome> RollbackAsync(IReadOnlyList<Migration> migrations, RunProvenance provenance,
        CancellationToken cancellationToken)
    {
        // Discovery leaves down files unread; one that is blank or not UTF-8 is refused here, before anything runs.
        DownFiles.Check(migrations);
        var missing = migrations.Where(m => m.Down is null).ToList();
        if (missing.Count > 0)
        {
            log.Add(new RunRefused(RefusalCodes.MissingDownFile,
                $"Cannot roll back: no down file for {string.Join(", ", missing.Select(m => m.Up.DisplayPath))}. Nothing was run.",
                "Add down/<version>_<name>.sql, or roll back fewer steps.",
                missing.Count == 1 ? missing[0].Up.DisplayPath : null, null, null));
            return Outcome;
        }

        if (Refused(MigrationPreflight.Check(migrations.Select(m => m.Down!), oneTransaction: null)))
            return Outcome;
        // A down file an earlier rollback left part-way resumes after its committed segments, as an up file does.
        var (resume, changed) = PartialApplication.CheckRollback(migrations, await session.Ledger.ReadProgressAsync(tableExists: true, cancellationToken));
        if (Refused(changed) || Refused(await InvalidIndexes.CheckBeforeAsync(session, migrations.Select(m => m.Down!),
            resume.ToDictionary(r => r.Key.Down!, r => r.Value), cancellationToken)))
            return Outcome;
        var mirrored = await MirroredAsync(migrations, cancellationToken);
        var steps = migrations
            .Select(m => new MigrationStep(m, m.Down!, () =>
                {
                    var removed = session.Ledger.RecordRemoved(m.Version, LedgerEventKind.Rollback, provenance, $"{m.Down!.DisplayPath} {m.Down.Checksum}");
                    return mirrored.Contains(m) ? [removed, SupabaseHistory.RecordRemoved(m, session.App.Name)] : [removed];
                },
                Forward: false) { Resume = resume.GetValueOrDefault(m) })
            .ToList();
        await new TransactionPerFile(Context(provenance)).RunAsync(steps, cancellationToken);
        return Outcome;
    }

    ExecutionOutcome Outcome => new(log.Events);

    RunContext Context(RunProvenance provenance) => new(session, log,
        new LockRetryPolicy(session.Environment.LockRetries + 1, LockRetryPolicy.JitteredDelay, log), provenance);

    /// <summary>
    /// The migrations whose rows the Supabase CLI's history gets (<c>mirrorSupabaseHistory</c>, by default when the
    /// table exists and the login may write it): all but those whose version the table holds under another name, each of which is reported.
    /// </summary>
    async Task<HashSet<Migration>> MirroredAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        if (migrations.Count == 0 || session.Environment.MirrorSupabaseHistory == false
            || !await SupabaseHistory.WritableAsync(session.Connection, cancellationToken))
            return [];
        var names = await SupabaseHistory.NamesAsync(session.Connection, [.. migrations.Select(m => m.Version)], cancellationToken);
        var mirrored = new HashSet<Migration>();
        foreach (var migration in migrations)
        {
            if (names.TryGetValue(migration.Version, out var name) && name != migration.Name)
                log.Add(new SupabaseVersionTaken(migration.Version, migration.Name, name));
            else
                mirrored.Add(migration);
        }

        return mirrored;
    }

    /// <summary>
    /// For migrations the target applied already: the files refused only for needing to run outside a transaction,
    /// each noted; they replay statement by statement.
    /// </summary>
    HashSet<string> ReplayOutsideTransaction(IReadOnlyList<Migration> migrations, IReadOnlyList<RunRefused> problems)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var migration in migrations)
        {
            var path = migration.Up.DisplayPath;
            var own = problems.Where(p => p.Finding.File == path).ToList();
            if (own.Count == 0 || own.Any(p => p.Code != RefusalCodes.NeedsNoTransaction))
                continue;
            files.Add(path);
            log.Add(new ReplayedWithoutTransaction(migration.Version, path, own[0].Finding.Message));
        }

        return files;
    }

    bool Refused(IReadOnlyList<RunRefused> problems)
    {
        foreach (var problem in problems)
            log.Add(problem);
        return problems.Count > 0;
    }

    /// <summary>What a dry run creates inside its transaction: the app's schema and the ledger when they are missing or old.</summary>
    IReadOnlyList<string> DryRunSetup(string? createSchema) =>
    [
        .. createSchema is null ? [] : new[] { createSchema },
        .. session.LedgerVersion < LedgerSchema.LatestVersion ? LedgerSchema.UpgradeStatements(session.LedgerVersion) : [],
    ];

    RunRefused SchemaMissing() => new(RefusalCodes.SchemaMissing,
        $"The schema {session.App.Schema} of app '{session.App.Name}' does not exist in {session.Target}, and createSchema " +
        $"is off for environment '{session.Environment.Name}'.",
        "Create the schema, or set createSchema to true.", null, null, null);

    async Task<bool> CreateSchemaAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, session.Connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            log.Add(new RunFailed(
                $"The role {session.Connection.UserName} may not run '{sql}' in {session.Target} ({ex.MessageText}): grant the " +
                "privilege, or create the schema as its owner first.", null));
            return false;
        }

        log.Add(new SchemaCreated(session.App.Schema));
        if (await GrantApiUsageAsync(cancellationToken) is { Count: > 0 } granted)
            log.Add(new SchemaUsageGranted(session.App.Schema, granted));
        return true;
    }

    /// <summary>
    /// USAGE on the schema just created for the app's API roles that exist: without it Supabase's API answers
    /// "permission denied for schema" whatever the tables' grants say.
    /// </summary>
    async Task<IReadOnlyList<string>> GrantApiUsageAsync(CancellationToken cancellationToken)
    {
        var roles = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT rolname FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname", session.Connection))
        {
            command.Parameters.Add(new() { Value = session.App.ApiRoles.ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                roles.Add(reader.GetString(0));
        }

        if (roles.Count == 0)
            return roles;
        await using var grant = new NpgsqlCommand(
            $"GRANT USAGE ON SCHEMA {Identifiers.Quote(session.App.Schema)} TO {string.Join(", ", roles.Select(Identifiers.Quote))}", session.Connection);
        await grant.ExecuteNonQueryAsync(cancellationToken);
        return roles;
    }
}
