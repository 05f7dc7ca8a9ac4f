namespace CiMigrate.Execution.Events;

/// <summary>A <c>pg_dump</c> of the app's schema was written before applying; the restore command undoes the run.</summary>
public sealed record BackupWritten(string Path, string RestoreCommand) : ExecutionEvent;
