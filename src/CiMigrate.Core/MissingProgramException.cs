using System.ComponentModel;

namespace CiMigrate;

/// <summary>
/// A system program ci-migrate runs (runuser, pg_dump, initdb, chown, ...) could not be started: not installed, or not
/// on PATH. A clear error naming the program and what needs it, instead of the runtime's Win32Exception.
/// </summary>
public sealed class MissingProgramException(string program, string neededFor, Win32Exception inner)
    : ExecutionException($"{neededFor} needs the program '{program}', which could not be started ({inner.Message}): install it, or put it on PATH.", inner)
{
    /// <summary>Starts a process, turning a program that cannot be started into this exception.</summary>
    public static void Start(System.Diagnostics.Process process, string neededFor)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new MissingProgramException(process.StartInfo.FileName, neededFor, e);
        }
    }
}
