namespace CiMigrate.Hosting;

/// <summary>
/// A gate said no (promotion, reviewed plan hash, approval): exit code 1, message printed as is. Nothing was applied.
/// </summary>
public class GateRefusedException(string message, Exception? inner = null) : Exception(message, inner);
