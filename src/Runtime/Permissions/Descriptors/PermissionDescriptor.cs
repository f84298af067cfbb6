namespace DualEngine.Runtime.Permissions.Descriptors;

/// <summary>
/// One scope of a permission kind: an allow or deny entry from the flags, or the thing an op asks for.
/// The container only needs containment between descriptors of the same kind.
/// </summary>
internal abstract class PermissionDescriptor
{
    /// <summary>What messages show between quotes: the path as requested, "host:port", the variable name...</summary>
    public abstract string Display { get; }

    /// <summary>True when this (a request) falls inside <paramref name="scope"/> (an allow or deny entry).</summary>
    public abstract bool IsWithin(PermissionDescriptor scope);

    /// <summary>
    /// True when <paramref name="deny"/> covers part but not necessarily all of this request: a granted
    /// request is then reported as partial, and a path check is refused (reading /a could read /a/secret).
    /// </summary>
    public virtual bool Overlaps(PermissionDescriptor deny) => deny.IsWithin(this);

    /// <summary>
    /// True when a refusal of this scope at a prompt answers <paramref name="request"/> too: the refused scope
    /// itself, what lies inside it, and (by default) what contains it, as asking for /a after refusing /a/b.
    /// </summary>
    public virtual bool RefusalCovers(PermissionDescriptor request) => request.IsWithin(this) || IsWithin(request);
}
