using DualEngine.Runtime.Permissions.Descriptors;

namespace DualEngine.Runtime.Permissions;

/// <summary>
/// The state of one permission kind: what is granted (globally or by scope), what --deny flags refuse,
/// and what the user refused at a prompt (Deno's UnaryPermission). Denials always win over grants.
/// Not thread-safe: <see cref="PermissionContainer"/> serializes access.
/// </summary>
internal sealed class PermissionSet(PermissionKind kind, bool checksRejectPartial)
{
    private bool _grantedGlobal;
    private readonly List<PermissionDescriptor> _granted = [];
    private bool _flagDeniedGlobal;
    private readonly List<PermissionDescriptor> _flagDenied = [];
    private bool _promptDeniedGlobal;
    private readonly List<PermissionDescriptor> _promptDenied = [];

    public PermissionKind Kind { get; } = kind;

    /// <summary>
    /// For paths a check of a folder is refused when a deny flag covers something inside it
    /// (reading /a could read /a/secret); net, env and the others have no such nesting in practice.
    /// </summary>
    public bool ChecksRejectPartial { get; } = checksRejectPartial;

    public void Grant(PermissionDescriptor? scope) => Insert(scope, ref _grantedGlobal, _granted);
    public void DenyByFlag(PermissionDescriptor? scope) => Insert(scope, ref _flagDeniedGlobal, _flagDenied);
    public void DenyByPrompt(PermissionDescriptor? scope) => Insert(scope, ref _promptDeniedGlobal, _promptDenied);

    /// <summary>Everything granted and nothing denied: checks can skip descriptor work.</summary>
    public bool IsFullyGranted => _grantedGlobal && !_flagDeniedGlobal && _flagDenied.Count == 0 && !_promptDeniedGlobal && _promptDenied.Count == 0;

    /// <param name="partialIsDenied">Checks refuse partly denied scopes; query/request report them as partial.</param>
    public PermissionStatus Query(PermissionDescriptor? request, bool partialIsDenied)
    {
        if (IsFlagDenied(request) || IsPromptDenied(request))
            return new PermissionStatus(PermissionState.Denied);
        var partlyDenied = IsPartlyFlagDenied(request);
        if (IsGranted(request))
        {
            if (!partlyDenied) return new PermissionStatus(PermissionState.Granted);
            return partialIsDenied
                ? new PermissionStatus(PermissionState.Denied)
                : new PermissionStatus(PermissionState.Granted, Partial: true);
        }
        return partialIsDenied && partlyDenied
            ? new PermissionStatus(PermissionState.Denied)
            : new PermissionStatus(PermissionState.Prompt);
    }

    /// <summary>
    /// Deno.permissions.revoke: drops the grants that cover the scope and the ones inside it (a global
    /// grant stays unless the whole kind is revoked, as in Deno), then reports the new state.
    /// </summary>
    public PermissionStatus Revoke(PermissionDescriptor? scope)
    {
        if (scope is null)
        {
            _grantedGlobal = false;
            _granted.Clear();
        }
        else
        {
            _granted.RemoveAll(g => scope.IsWithin(g) || g.IsWithin(scope));
        }
        return Query(scope, partialIsDenied: false);
    }

    private bool IsGranted(PermissionDescriptor? request) =>
        _grantedGlobal || (request is not null && _granted.Any(request.IsWithin));

    private bool IsFlagDenied(PermissionDescriptor? request) =>
        _flagDeniedGlobal || (request is not null && _flagDenied.Any(request.IsWithin));

    /// <summary>A refusal at a prompt covers the refused scope and what its descriptor says (<see cref="PermissionDescriptor.RefusalCovers"/>).</summary>
    private bool IsPromptDenied(PermissionDescriptor? request) =>
        _promptDeniedGlobal
        || (request is null ? _promptDenied.Count > 0 : _promptDenied.Any(d => d.RefusalCovers(request)));

    private bool IsPartlyFlagDenied(PermissionDescriptor? request) =>
        request is null ? _flagDenied.Count > 0 : _flagDenied.Any(request.Overlaps);

    private static void Insert(PermissionDescriptor? scope, ref bool global, List<PermissionDescriptor> list)
    {
        if (scope is null) global = true;
        else list.Add(scope);
    }
}
