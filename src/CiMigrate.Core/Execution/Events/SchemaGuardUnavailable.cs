namespace CiMigrate.Execution.Events;

/// <summary>
/// The role that logged in may not create the schema guard's event triggers (a superuser, or Supabase's privileged
/// role, can): DDL outside the app's schema is then not stopped by the server; the ledger stays guarded.
/// </summary>
public sealed record SchemaGuardUnavailable(string Role, string Reason) : ExecutionEvent;
