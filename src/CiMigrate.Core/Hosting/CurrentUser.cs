using System.Runtime.InteropServices;

namespace CiMigrate.Hosting;

/// <summary>Who ci-migrate runs as. GitHub runs a Docker action as root, whatever uid the runner has.</summary>
static class CurrentUser
{
    public static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    [DllImport("libc", SetLastError = true)]
    static extern uint geteuid();
}
