using System.Collections.Concurrent;

namespace DualEngine.Test262.Running;

/// <summary>The harness/ files, read once per process and shared by every test.</summary>
public sealed class Harness(string root)
{
    private readonly ConcurrentDictionary<string, (string Url, string Source)> _files = new(StringComparer.Ordinal);

    /// <summary>The file's URL (used as the script name, so stacks point at it) and its text.</summary>
    public (string Url, string Source) Get(string name) => _files.GetOrAdd(name, n =>
    {
        string path = Path.Combine(root, "harness", n);
        return (new Uri(path).AbsoluteUri, File.ReadAllText(path));
    });

    /// <summary>What INTERPRETING.md says to load before a (non-raw) test: assert.js and sta.js, doneprintHandle.js for async tests, then the includes.</summary>
    public static IEnumerable<string> For(Model.TestFile test)
    {
        yield return "assert.js";
        yield return "sta.js";
        if (test.IsAsync) yield return "doneprintHandle.js";
        foreach (var include in test.Includes)
            if (include is not ("assert.js" or "sta.js" or "doneprintHandle.js")) yield return include;
    }
}
