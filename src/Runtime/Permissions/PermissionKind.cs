namespace DualEngine.Runtime.Permissions;

/// <summary>The permission kinds of Deno 2 (<c>Deno.PermissionName</c>), one flag pair each: --allow-X / --deny-X.</summary>
public enum PermissionKind { Read, Write, Net, Env, Sys, Run, Ffi, Import }

public static class PermissionKinds
{
    /// <summary>Every kind, in Deno's order (also the order of messages listing them).</summary>
    public static IReadOnlyList<PermissionKind> All { get; } =
    [
        PermissionKind.Read, PermissionKind.Write, PermissionKind.Net, PermissionKind.Env,
        PermissionKind.Sys, PermissionKind.Run, PermissionKind.Ffi, PermissionKind.Import,
    ];

    /// <summary>The name used in flags, messages and <c>Deno.permissions</c> descriptors ("read", "net", ...).</summary>
    public static string Name(this PermissionKind kind) => kind switch
    {
        PermissionKind.Read => "read",
        PermissionKind.Write => "write",
        PermissionKind.Net => "net",
        PermissionKind.Env => "env",
        PermissionKind.Sys => "sys",
        PermissionKind.Run => "run",
        PermissionKind.Ffi => "ffi",
        PermissionKind.Import => "import",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string name, out PermissionKind kind)
    {
        foreach (var candidate in All)
        {
            if (candidate.Name() == name)
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
