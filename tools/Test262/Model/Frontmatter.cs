namespace DualEngine.Test262.Model;

/// <summary>
/// The subset of YAML that test262 frontmatter (the "/*--- ... ---*/" block) uses for the keys the
/// runner reads: flow lists (`flags: [a, b]`), block lists (`- a`), scalars, and one level of nested
/// mapping (`negative:` with `phase:`/`type:`). Multi-line text values (description, info) are skipped.
/// </summary>
public sealed class Frontmatter
{
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _scalars = new(StringComparer.Ordinal);

    public IReadOnlyList<string> List(string key) => _lists.TryGetValue(key, out var list) ? list : [];

    public string? Scalar(string key) => _scalars.TryGetValue(key, out var value) ? value : null;

    public static Frontmatter Parse(string source)
    {
        var result = new Frontmatter();
        int start = source.IndexOf("/*---", StringComparison.Ordinal);
        int end = start < 0 ? -1 : source.IndexOf("---*/", start, StringComparison.Ordinal);
        if (start < 0 || end < 0) return result;
        // Any line terminator: a few tests (line-terminator-normalisation-CR.js) use CR alone.
        var lines = source[(start + 5)..end].Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        string? parent = null;      // a top-level key whose value is on the following lines
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            int indent = line.Length - line.TrimStart().Length;
            string text = line.Trim();
            if (indent == 0)
            {
                parent = null;
                int colon = text.IndexOf(':');
                if (colon <= 0) continue;
                string key = text[..colon].Trim();
                string value = text[(colon + 1)..].Trim();
                if (value.Length == 0) { parent = key; continue; }
                if (value.StartsWith('[')) result._lists[key] = FlowList(value);
                else if (value is not (">" or "|" or ">-" or "|-")) result._scalars[key] = Unquote(value);
                continue;
            }
            if (parent is null) continue;
            if (text.StartsWith("- ", StringComparison.Ordinal))
            {
                if (!result._lists.TryGetValue(parent, out var list)) result._lists[parent] = list = [];
                list.Add(Unquote(text[2..].Trim()));
            }
            else if (text.IndexOf(':') is > 0 and var c)
            {
                result._scalars[$"{parent}.{text[..c].Trim()}"] = Unquote(text[(c + 1)..].Trim());
            }
        }
        return result;
    }

    private static List<string> FlowList(string value)
    {
        int close = value.IndexOf(']');
        string inner = close > 0 ? value[1..close] : value[1..];
        return inner.Split(',').Select(s => Unquote(s.Trim())).Where(s => s.Length > 0).ToList();
    }

    private static string Unquote(string s)
    {
        int hash = s.IndexOf(" #", StringComparison.Ordinal);  // trailing YAML comment
        if (hash >= 0) s = s[..hash].TrimEnd();
        return s.Length >= 2 && (s[0] == '"' || s[0] == '\'') && s[^1] == s[0] ? s[1..^1] : s;
    }
}
