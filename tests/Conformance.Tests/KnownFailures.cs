namespace DualEngine.Conformance.Tests;

/// <summary>conformance/known-failures.&lt;engine&gt;.txt: "path  # reason" per line; '#' lines are comments.</summary>
internal static class KnownFailures
{
    public static IReadOnlyDictionary<string, string> For(string engine)
    {
        var path = Path.Combine(RepoPaths.Conformance, $"known-failures.{engine}.txt");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int hash = line.IndexOf(" #", StringComparison.Ordinal);
            result[(hash >= 0 ? line[..hash] : line).Trim()] = hash >= 0 ? line[(hash + 2)..].Trim() : "";
        }
        return result;
    }
}
