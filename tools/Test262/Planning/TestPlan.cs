using DualEngine.Test262.Model;
using DualEngine.Test262.Running;

namespace DualEngine.Test262.Planning;

/// <summary>
/// Which test files a run covers and which of them are skipped before running: fixtures are never
/// tests, files under a filter only, every Nth file (by a stable hash of its path) for the CI subset,
/// and features the engine does not have (excluded-features.&lt;engine&gt;.txt) are skipped with a reason.
/// </summary>
public sealed class TestPlan
{
    public List<(string Path, int Modes)> ToRun { get; } = [];
    public List<Outcome> Skipped { get; } = [];

    public static TestPlan Build(string root, IReadOnlyList<string> filters, int every, IReadOnlyDictionary<string, string> excludedFeatures,
        IReadOnlyList<string>? onlyFeatures = null)
    {
        var plan = new TestPlan();
        var prefixes = filters.Select(Normalize).ToList();
        var files = Directory.EnumerateFiles(Path.Combine(root, "test"), "*.js", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => !p.Contains("_FIXTURE", StringComparison.Ordinal))
            .Where(p => prefixes.Count == 0 || prefixes.Any(x => p.StartsWith(x, StringComparison.Ordinal)))
            .Where(p => every <= 1 || StableHash(p) % (uint)every == 0)
            .OrderBy(p => p, StringComparer.Ordinal);
        foreach (var path in files)
        {
            var test = TestFile.Load(root, path);
            if (onlyFeatures is { Count: > 0 } && !test.Features.Any(onlyFeatures.Contains)) continue;
            string? excluded = test.Features.FirstOrDefault(excludedFeatures.ContainsKey);
            if (excluded is not null)
                plan.Skipped.Add(Outcome.Skip(path, $"feature {excluded}: {excludedFeatures[excluded]}"));
            else if (test.Flags.Contains("CanBlockIsFalse"))
                plan.Skipped.Add(Outcome.Skip(path, "CanBlockIsFalse: this host's main thread can block (Atomics.wait)"));
            else
                plan.ToRun.Add((path, test.Modes().Count));
        }
        return plan;
    }

    /// <summary>"built-ins/Array", "test/built-ins/Array/" and "language" all name folders under test/.</summary>
    private static string Normalize(string filter)
    {
        filter = filter.Replace('\\', '/').TrimStart('.', '/');
        return filter.StartsWith("test/", StringComparison.Ordinal) ? filter : "test/" + filter;
    }

    // FNV-1a: the subset must be the same on every machine and every run (string.GetHashCode is randomized).
    private static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return hash;
    }
}
