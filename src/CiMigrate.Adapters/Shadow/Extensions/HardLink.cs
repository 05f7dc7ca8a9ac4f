using System.Runtime.InteropServices;

namespace CiMigrate.Shadow.Extensions;

/// <summary>link(2): .NET has no hard-link API.</summary>
static class HardLink
{
    /// <summary>False where the file system or <c>fs.protected_hardlinks</c> refuses (then copy instead).</summary>
    public static bool TryCreate(string existing, string link) => Link(existing, link) == 0;

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}
