namespace DualEngine.Runtime.Permissions.Descriptors;

/// <summary>
/// An env scope: a variable name, or "PREFIX_*" for every name with that prefix. Names compare
/// case-insensitively on Windows, whose environment block is case-insensitive, and exactly elsewhere.
/// </summary>
internal sealed class EnvDescriptor(string name, bool isPrefix) : PermissionDescriptor
{
    public string Name { get; } = name;
    public bool IsPrefix { get; } = isPrefix;

    public override string Display => IsPrefix ? Name + "*" : Name;

    private static StringComparison Comparison =>
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static EnvDescriptor Parse(string value)
    {
        if (value.Length == 0) throw new FormatException("Empty env not allowed");
        if (value.Contains('=') || value.Contains('\0')) throw new FormatException($"invalid env name: '{value}'");
        return value.EndsWith('*') ? new EnvDescriptor(value[..^1], true) : new EnvDescriptor(value, false);
    }

    public override bool IsWithin(PermissionDescriptor scope) => scope switch
    {
        EnvDescriptor { IsPrefix: true } prefix => Name.StartsWith(prefix.Name, Comparison),
        EnvDescriptor exact => !IsPrefix && Name.Equals(exact.Name, Comparison),
        _ => false,
    };
}
