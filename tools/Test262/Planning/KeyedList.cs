namespace DualEngine.Test262.Planning;

/// <summary>
/// The runner's list files: one entry per line, "key  # reason"; blank lines and lines starting with
/// '#' are comments. Used for baselines (key = test path) and excluded features (key = feature).
/// </summary>
public static class KeyedList
{
    public static Dictionary<string, string> Read(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int hash = line.IndexOf(" #", StringComparison.Ordinal);
            string key = (hash >= 0 ? line[..hash] : line).Trim();
            string reason = hash >= 0 ? line[(hash + 2)..].Trim() : "";
            result[key] = reason;
        }
        return result;
    }

    public static void Write(string path, IEnumerable<string> header, IEnumerable<KeyValuePair<string, string>> entries)
    {
        using var output = new StreamWriter(path);
        foreach (var line in header) output.WriteLine("# " + line);
        foreach (var (key, reason) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            output.WriteLine(reason.Length > 0 ? $"{key}  # {Printable(reason)}" : key);
    }

    // Failure messages can quote a test's strings, NULs included: escaped, so the list stays a text file (git
    // diffs it) and one entry stays one line.
    private static string Printable(string reason) =>
        reason.Any(char.IsControl)
            ? string.Concat(reason.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))
            : reason;
}
