namespace CiMigrate;

/// <summary>
/// A problem the user fixes in the command line, the settings or the files: exit code 2, message printed as is.
/// </summary>
public class UsageException(string message, Exception? inner = null) : Exception(message, inner);
