namespace DualEngine.Syntax.Tests;

/// <summary>Finds the shared test262 checkout: a `shared/test262` directory beside some ancestor of the test assembly.</summary>
internal static class Test262Locator
{
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("TEST262_DIR");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "test262");
            if (Directory.Exists(Path.Combine(candidate, "test"))) return candidate;
        }
        return null;
    }

    /// <summary>The directory of this test project's sources (for the committed baseline file).</summary>
    public static string ProjectDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Syntax.Tests.csproj"))) return dir.FullName;
        }
        throw new InvalidOperationException("Syntax.Tests project directory not found");
    }
}
