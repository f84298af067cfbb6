namespace DualEngine.Runtime.Permissions;

/// <summary>
/// The permission part of a command line, before any value is resolved: what --allow-X, --deny-X,
/// -A and --no-prompt said. Built by <see cref="PermissionFlags"/> or directly by an embedder.
/// For each kind, a missing entry means "flag not given", an empty list means the whole kind
/// (flag without a value) and a list scopes it.
/// </summary>
public sealed class PermissionOptions
{
    private readonly Dictionary<PermissionKind, List<string>> _allow = new();
    private readonly Dictionary<PermissionKind, List<string>> _deny = new();

    /// <summary>-A / --allow-all: every kind granted (deny flags still win).</summary>
    public bool AllowAll { get; set; }

    /// <summary>False after --no-prompt: what is not granted is denied without asking.</summary>
    public bool Prompt { get; set; } = true;

    /// <summary>The --allow-X lists given, by kind (a snapshot).</summary>
    public IReadOnlyDictionary<PermissionKind, IReadOnlyList<string>> Allowed => Snapshot(_allow);

    /// <summary>The --deny-X lists given, by kind (a snapshot).</summary>
    public IReadOnlyDictionary<PermissionKind, IReadOnlyList<string>> Denied => Snapshot(_deny);

    private static Dictionary<PermissionKind, IReadOnlyList<string>> Snapshot(Dictionary<PermissionKind, List<string>> lists) =>
        lists.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.ToArray());

    /// <summary>Grants <paramref name="kind"/>, for the given values or (none given) entirely.</summary>
    public PermissionOptions Allow(PermissionKind kind, params string[] values)
    {
        Add(_allow, kind, values);
        return this;
    }

    /// <summary>Denies <paramref name="kind"/>, for the given values or (none given) entirely.</summary>
    public PermissionOptions Deny(PermissionKind kind, params string[] values)
    {
        Add(_deny, kind, values);
        return this;
    }

    private static void Add(Dictionary<PermissionKind, List<string>> lists, PermissionKind kind, string[] values)
    {
        if (!lists.TryGetValue(kind, out var list))
        {
            lists[kind] = new List<string>(values);
            return;
        }
        // A flag without a value widens an earlier scoped one to the whole kind; a scoped flag never
        // narrows an earlier unscoped one.
        if (values.Length == 0 || list.Count == 0) list.Clear();
        else list.AddRange(values);
    }
}
