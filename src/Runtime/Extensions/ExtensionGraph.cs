namespace DualEngine.Runtime.Extensions;

/// <summary>
/// Orders extensions so that each comes after its dependencies, keeping the given order otherwise.
/// Missing or cyclic dependencies and duplicate names are errors at start, named precisely.
/// </summary>
public static class ExtensionGraph
{
    public static IReadOnlyList<Extension> Order(IEnumerable<Extension> extensions)
    {
        var byName = new Dictionary<string, Extension>(StringComparer.Ordinal);
        var declared = new List<Extension>();
        foreach (var ext in extensions)
        {
            if (!byName.TryAdd(ext.Name, ext))
                throw new ExtensionException($"extension \"{ext.Name}\" is registered twice");
            declared.Add(ext);
        }
        var ordered = new List<Extension>(declared.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        foreach (var ext in declared) Visit(ext, [], byName, state, ordered);
        return ordered;
    }

    private static void Visit(Extension ext, List<string> path, Dictionary<string, Extension> byName,
        Dictionary<string, bool> state, List<Extension> ordered)
    {
        if (state.TryGetValue(ext.Name, out bool done))
        {
            if (done) return;
            throw new ExtensionException($"extension dependency cycle: {string.Join(" -> ", path)} -> {ext.Name}");
        }
        state[ext.Name] = false;
        path.Add(ext.Name);
        foreach (var dep in ext.Dependencies)
        {
            if (!byName.TryGetValue(dep, out var target))
                throw new ExtensionException($"extension \"{ext.Name}\" depends on \"{dep}\", which is not registered");
            Visit(target, path, byName, state, ordered);
        }
        path.RemoveAt(path.Count - 1);
        state[ext.Name] = true;
        ordered.Add(ext);
    }
}

public sealed class ExtensionException(string message) : Exception(message);
