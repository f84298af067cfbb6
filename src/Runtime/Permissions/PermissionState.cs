namespace DualEngine.Runtime.Permissions;

/// <summary>The three states of <c>Deno.PermissionStatus.state</c>.</summary>
public enum PermissionState { Granted, Prompt, Denied }

/// <summary>
/// What <c>Deno.permissions.query/request/revoke</c> resolve to. <see cref="Partial"/> is true when the
/// permission is granted but a --deny flag covers part of its scope (e.g. granted read of /a with
/// --deny-read=/a/secret), as Deno's <c>PermissionStatus.partial</c>.
/// </summary>
public readonly record struct PermissionStatus(PermissionState State, bool Partial = false)
{
    /// <summary>The state as JS sees it: "granted", "prompt" or "denied".</summary>
    public string StateName => State switch
    {
        PermissionState.Granted => "granted",
        PermissionState.Prompt => "prompt",
        _ => "denied",
    };
}
