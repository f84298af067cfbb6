namespace DualEngine.Runtime.Permissions.Descriptors;

/// <summary>
/// Resolves a path the way the file system will: "." and ".." and every symbolic link along the way,
/// like realpath(3), but for paths that do not exist yet too. The longest existing prefix is resolved
/// physically (so a link inside an allowed folder that points outside it resolves outside it, and
/// "link/.." is the link target's parent); the missing rest is appended lexically, since nothing
/// below a missing component can be a link. A dangling link resolves to where it points, so writing
/// through it is judged by its target.
/// </summary>
internal static class RealPath
{
    /// <summary>Linux's limit on links followed in one lookup (ELOOP); past it the path is taken as is.</summary>
    private const int MaxLinks = 40;

    public static string Resolve(string path, string currentDirectory)
    {
        var full = Path.IsPathFullyQualified(path) ? path : Path.Join(currentDirectory, path);
        var links = 0;
        return Walk(full, ref links);
    }

    private static string Walk(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var current = root;
        var components = fullPath[root.Length..].Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var missing = false;
        foreach (var component in components)
        {
            if (component == ".") continue;
            if (component == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Join(current, component);
            if (!missing && TryReadLink(next, out var target) && links < MaxLinks)
            {
                links++;
                var targetFull = Path.IsPathFullyQualified(target) ? target : Path.Join(current, target);
                current = Walk(targetFull, ref links);
                continue;
            }
            // Once a component is missing nothing below it exists: resolve the rest lexically.
            missing = missing || !(File.Exists(next) || Directory.Exists(next));
            current = next;
        }
        return current;
    }

    private static bool TryReadLink(string path, out string target)
    {
        try
        {
            // LinkTarget reads the link itself (lstat + readlink), for file and folder links alike, and is
            // null for anything that is not a link, including paths that do not exist.
            target = new FileInfo(path).LinkTarget ?? "";
            return target.Length > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            target = "";
            return false;
        }
    }

    /// <summary>Paths compare as the OS's default file system does: case-insensitively on Windows.</summary>
    public static StringComparison Comparison =>
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>True when <paramref name="path"/> is <paramref name="scope"/> or below it, by whole components.</summary>
    public static bool IsWithin(string path, string scope)
    {
        if (path.Equals(scope, Comparison)) return true;
        var prefix = Path.EndsInDirectorySeparator(scope) ? scope : scope + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, Comparison);
    }
}
