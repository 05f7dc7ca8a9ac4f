namespace CiMigrate;

/// <summary>The database or an external service failed: exit code 3, message printed as is.</summary>
public class ExecutionException(string message, Exception? inner = null) : Exception(message, inner);
