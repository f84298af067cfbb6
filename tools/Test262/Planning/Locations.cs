namespace DualEngine.Test262.Planning;

/// <summary>Where the test262 checkout and the runner's own files are, found by walking up from the program.</summary>
public static class Locations
{
    /// <summary>The shared test262 checkout: $TEST262_DIR, or a "shared/test262" beside some ancestor folder. Never copied into the repo.</summary>
    public static string? FindTest262(string? start = null)
    {
        var env = Environment.GetEnvironmentVariable("TEST262_DIR");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "test"))) return Path.GetFullPath(env);
        foreach (var dir in Ancestors(start ?? AppContext.BaseDirectory).Concat(Ancestors(Environment.CurrentDirectory)))
        {
            var candidate = Path.Combine(dir, "shared", "test262");
            if (Directory.Exists(Path.Combine(candidate, "test"))) return candidate;
        }
        return null;
    }

    /// <summary>tools/Test262 in the repository (for baselines and the excluded-features lists).</summary>
    public static string ToolDirectory()
    {
        foreach (var dir in Ancestors(AppContext.BaseDirectory).Concat(Ancestors(Environment.CurrentDirectory)))
        {
            if (File.Exists(Path.Combine(dir, "Test262.csproj"))) return dir;
            var nested = Path.Combine(dir, "tools", "Test262");
            if (File.Exists(Path.Combine(nested, "Test262.csproj"))) return nested;
        }
        throw new InvalidOperationException("tools/Test262 not found above the program or the current directory");
    }

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent) yield return dir.FullName;
    }
}
