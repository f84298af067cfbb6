namespace DualEngine.Runtime.Permissions.Descriptors;

/// <summary>
/// A run scope: a program by name ("git") or path ("./tools/build"). Names are also resolved through
/// PATH, so allowing "git" allows "/usr/bin/git" and the other way round, as in Deno 2.
/// </summary>
internal sealed class RunDescriptor(string requested, string? resolved) : PermissionDescriptor
{
    public string Requested { get; } = requested;
    /// <summary>The real path of the program, when it was found.</summary>
    public string? Resolved { get; } = resolved;

    public override string Display => Requested;

    public static RunDescriptor Parse(string value, string currentDirectory)
    {
        if (value.Length == 0) throw new FormatException("Empty command name not allowed");
        var isPath = value.Contains('/') || (OperatingSystem.IsWindows() && value.Contains('\\'));
        var path = isPath ? RealPath.Resolve(value, currentDirectory) : FindOnPath(value);
        return new RunDescriptor(value, path is null ? null : RealPath.Resolve(path, currentDirectory));
    }

    public override bool IsWithin(PermissionDescriptor scope) =>
        scope is RunDescriptor run
        && (Requested.Equals(run.Requested, RealPath.Comparison)
            || (Resolved is not null && run.Resolved is not null && Resolved.Equals(run.Resolved, RealPath.Comparison)));

    private static string? FindOnPath(string name)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var extensions = OperatingSystem.IsWindows()
            ? new[] { "" }.Concat((Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries)).ToArray()
            : [""];
        foreach (var directory in directories)
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Join(directory, name + extension);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
