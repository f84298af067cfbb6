namespace DualEngine.Runtime.Permissions.Descriptors;

/// <summary>A sys scope: one of the system-information kinds Deno's APIs check (Deno.SysPermissionDescriptor.kind).</summary>
internal sealed class SysDescriptor(string kind) : PermissionDescriptor
{
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "hostname", "osRelease", "osUptime", "loadavg", "networkInterfaces", "systemMemoryInfo",
        "uid", "gid", "cpus", "homedir", "getegid", "username", "statfs", "getPriority", "setPriority",
    ];

    public string Kind { get; } = kind;

    public override string Display => Kind;

    public static SysDescriptor Parse(string value) =>
        Kinds.Contains(value)
            ? new SysDescriptor(value)
            : throw new FormatException($"unknown system info kind \"{value}\" (expected one of {string.Join(", ", Kinds)})");

    public override bool IsWithin(PermissionDescriptor scope) => scope is SysDescriptor sys && sys.Kind == Kind;
}
