using System.Runtime.InteropServices;

namespace DualEngine.Runtime.Ext.Sys;

/// <summary>
/// The few libc calls .NET has no API for (ids, signals). Source-generated P/Invoke: no runtime marshalling
/// code, so trimming and NativeAOT stay safe. Callers check <see cref="Available"/> first (false on Windows).
/// </summary>
internal static partial class Posix
{
    public static bool Available => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    [LibraryImport("libc", EntryPoint = "getuid")]
    public static partial uint GetUid();

    [LibraryImport("libc", EntryPoint = "getgid")]
    public static partial uint GetGid();

    [LibraryImport("libc", EntryPoint = "getppid")]
    public static partial int GetPpid();

    /// <summary>
    /// sysinfo(2) on 64-bit Linux: uptime in seconds and the load averages at full precision (/proc/loadavg
    /// rounds them to two decimals; Deno reads these). Null elsewhere.
    /// </summary>
    public static unsafe (long Uptime, double[] Loads)? SysInfo()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess) return null;
        // struct sysinfo is 112 bytes on 64-bit Linux: long uptime; unsigned long loads[3]; ... (offsets 0, 8, 16, 24).
        byte* info = stackalloc byte[256];
        if (SysInfoNative(info) != 0) return null;
        const double loadScale = 1 << 16;  // SI_LOAD_SHIFT
        return (*(long*)info, [*(ulong*)(info + 8) / loadScale, *(ulong*)(info + 16) / loadScale, *(ulong*)(info + 24) / loadScale]);
    }

    [LibraryImport("libc", EntryPoint = "sysinfo")]
    private static unsafe partial int SysInfoNative(byte* info);

    /// <summary>kill(2): 0 on success, -1 with errno set otherwise.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
