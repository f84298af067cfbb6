namespace DualEngine.Runtime.Permissions.Descriptors;

/// <summary>A read, write or ffi scope: a file or folder and everything below it.</summary>
/// <param name="Requested">The path as given, shown in messages (Deno shows what the program asked for).</param>
/// <param name="Resolved">The real path it designates (see <see cref="RealPath"/>), used for every comparison.</param>
internal sealed class PathDescriptor(string requested, string resolved) : PermissionDescriptor
{
    public string Requested { get; } = requested;
    public string Resolved { get; } = resolved;

    public override string Display => Requested;

    public static PathDescriptor Parse(string value, string currentDirectory)
    {
        if (value.Length == 0) throw new FormatException("Empty path is not allowed");
        if (value.Contains('\0')) throw new FormatException($"Path contains a NUL character: \"{value.Replace("\0", "\\0")}\"");
        var path = value.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(value).LocalPath : value;
        return new PathDescriptor(value, RealPath.Resolve(path, currentDirectory));
    }

    public override bool IsWithin(PermissionDescriptor scope) =>
        scope is PathDescriptor path && RealPath.IsWithin(Resolved, path.Resolved);
}
