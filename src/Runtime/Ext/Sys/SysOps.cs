using System.Globalization;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Ext.Sys;

/// <summary>
/// Ops behind js/33_sys.js: system information (Deno's runtime/ops/os). Each checks sys permission for its kind
/// (the names Deno.SysPermissionDescriptor takes) first; Deno.ppid needs none, as in Deno.
/// Linux reads sysinfo(2) and /proc (cached memory is reported, where Deno says 0); elsewhere .NET's values, else zeros.
/// </summary>
public static partial class SysOps
{
    [Op]
    public static string op_sys_os_release([FromState] PermissionContainer permissions)
    {
        permissions.Check(PermissionKind.Sys, "osRelease", "Deno.osRelease()");
        return ProcFile("/proc/sys/kernel/osrelease")?.Trim() ?? Environment.OSVersion.Version.ToString();
    }

    /// <summary>Whole seconds since boot.</summary>
    [Op]
    public static double op_sys_os_uptime([FromState] PermissionContainer permissions)
    {
        permissions.Check(PermissionKind.Sys, "osUptime", "Deno.osUptime()");
        if (Posix.SysInfo() is { } info) return info.Uptime;
        var text = ProcFile("/proc/uptime");
        return text is not null && double.TryParse(text.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? Math.Floor(seconds)
            : Environment.TickCount64 / 1000;
    }

    /// <summary>The 1, 5 and 15 minute load averages ([0, 0, 0] where the system has none).</summary>
    [Op]
    public static OpValue op_sys_loadavg([FromState] PermissionContainer permissions)
    {
        permissions.Check(PermissionKind.Sys, "loadavg", "Deno.loadavg()");
        var loads = Posix.SysInfo()?.Loads ?? LoadsFromProc();
        return OpValue.FromJson(JsonText.Write(json =>
        {
            json.WriteStartArray();
            foreach (var load in loads) json.WriteNumberValue(load);
            json.WriteEndArray();
        }));
    }

    /// <summary>Deno.SystemMemoryInfo in bytes: total, free, available, buffers, cached, swapTotal, swapFree.</summary>
    [Op]
    public static OpValue op_sys_system_memory_info([FromState] PermissionContainer permissions)
    {
        permissions.Check(PermissionKind.Sys, "systemMemoryInfo", "Deno.systemMemoryInfo()");
        var info = MemInfo();
        long Get(string key) => info.TryGetValue(key, out var kb) ? kb * 1024 : 0;
        long total = info.Count > 0 ? Get("MemTotal") : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return OpValue.FromJson(JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("total", total);
            json.WriteNumber("free", Get("MemFree"));
            json.WriteNumber("available", Get("MemAvailable"));
            json.WriteNumber("buffers", Get("Buffers"));
            json.WriteNumber("cached", Get("Cached"));
            json.WriteNumber("swapTotal", Get("SwapTotal"));
            json.WriteNumber("swapFree", Get("SwapFree"));
            json.WriteEndObject();
        }));
    }

    /// <summary>Deno.NetworkInterfaceInfo[]: one entry per address, IPv4 before IPv6 as Deno lists them.</summary>
    [Op]
    public static OpValue op_sys_network_interfaces([FromState] PermissionContainer permissions)
    {
        permissions.Check(PermissionKind.Sys, "networkInterfaces", "Deno.networkInterfaces()");
        var entries = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses.Select(address => (nic, address)))
            .OrderBy(e => e.address.Address.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
            .ToList();
        return OpValue.FromJson(JsonText.Write(json =>
        {
            json.WriteStartArray();
            foreach (var (nic, unicast) in entries)
            {
                var address = unicast.Address;
                bool v4 = address.AddressFamily == AddressFamily.InterNetwork;
                int prefix = unicast.PrefixLength;
                json.WriteStartObject();
                json.WriteString("family", v4 ? "IPv4" : "IPv6");
                json.WriteString("name", nic.Name);
                var shown = new System.Net.IPAddress(address.GetAddressBytes()).ToString();  // without the %scope suffix
                json.WriteString("address", shown);
                json.WriteString("netmask", Netmask(v4 ? 32 : 128, prefix));
                if (v4) json.WriteNull("scopeid");
                else json.WriteNumber("scopeid", address.ScopeId);
                json.WriteString("cidr", $"{shown}/{prefix}");
                json.WriteString("mac", Mac(nic));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }));
    }

    /// <summary>The user id, or null where there is none (Windows), as in Deno.</summary>
    [Op]
    public static OpValue op_sys_uid([FromState] PermissionContainer permissions)
    {
        permissions.Check(PermissionKind.Sys, "uid", "Deno.uid()");
        return Posix.Available ? OpValue.From(Posix.GetUid()) : OpValue.Null;
    }

    [Op]
    public static OpValue op_sys_gid([FromState] PermissionContainer permissions)
    {
        permissions.Check(PermissionKind.Sys, "gid", "Deno.gid()");
        return Posix.Available ? OpValue.From(Posix.GetGid()) : OpValue.Null;
    }

    /// <summary>Deno.ppid: no permission, like Deno.pid.</summary>
    [Op]
    public static int op_sys_ppid() => Posix.Available ? Posix.GetPpid() : 0;

    private static string? ProcFile(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static double[] LoadsFromProc()
    {
        var parts = ProcFile("/proc/loadavg")?.Split(' ') ?? [];
        var loads = new double[3];
        for (int i = 0; i < 3 && i < parts.Length; i++)
            loads[i] = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : 0;
        return loads;
    }

    private static Dictionary<string, long> MemInfo()
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in (ProcFile("/proc/meminfo") ?? "").Split('\n'))
        {
            // "MemTotal:       24684096 kB"
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var number = line[(colon + 1)..].Trim().Split(' ')[0];
            if (long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kb)) values[line[..colon]] = kb;
        }
        return values;
    }

    private static string Netmask(int bits, int prefix)
    {
        var bytes = new byte[bits / 8];
        for (int i = 0; i < Math.Clamp(prefix, 0, bits); i++) bytes[i / 8] |= (byte)(0x80 >> (i % 8));
        return new System.Net.IPAddress(bytes).ToString();
    }

    private static string Mac(NetworkInterface nic)
    {
        var bytes = nic.GetPhysicalAddress().GetAddressBytes();
        if (bytes.Length == 0) bytes = new byte[6];
        return string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
