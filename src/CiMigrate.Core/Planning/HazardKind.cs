namespace CiMigrate.Planning;

/// <summary>What can go wrong when a plan is applied.</summary>
public enum HazardKind
{
    /// <summary>Rows or values are lost: a dropped table or column, a narrowing type change.</summary>
    DataLoss,

    /// <summary>A table is rewritten while locked: a type change, a column with a volatile default.</summary>
    Rewrite,

    /// <summary>A lock on an existing table that blocks the running app while the migration runs.</summary>
    Lock,

    /// <summary>The running app (old code) breaks: a column, table, view or function it uses changes or goes.</summary>
    Breaking,

    /// <summary>The migration changes a schema the app does not own (another app's, public, auth, ...).</summary>
    Isolation,

    /// <summary>A pending migration failed on the target itself (<c>diff --dry-run-on-target</c>): apply would stop there.</summary>
    FailsOnTarget,

    /// <summary>A migration failed on the shadow replay: it would fail on the target too, and the plan stops there.</summary>
    FailsOnShadow,

    /// <summary>
    /// A pending migration creates an object outside the app's schema that the target already has (another app's
    /// <c>public.messages</c>): the shadow, empty, cannot see it.
    /// </summary>
    CollidesOnTarget,

    /// <summary>
    /// The shadow ran another PostgreSQL major version than the target: what differs between the two (syntax, catalog,
    /// defaults) was not checked, so a plan that looks clean may still fail or behave differently on the target.
    /// </summary>
    ShadowVersion,

    /// <summary>
    /// A table the pending migrations leave reachable through Supabase's API (USAGE on its schema and a privilege on
    /// it for a role that does not bypass RLS) with row level security disabled: every row is open to the anon key.
    /// </summary>
    ExposedWithoutRls,
}
