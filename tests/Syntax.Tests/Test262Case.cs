namespace DualEngine.Syntax.Tests;

/// <summary>The parts of a test262 file's YAML frontmatter that matter for parsing.</summary>
internal sealed class Test262Case
{
    public required string RelativePath { get; init; }
    public required string Source { get; init; }
    public bool Module { get; init; }
    public bool OnlyStrict { get; init; }
    public bool NoStrict { get; init; }
    public bool Raw { get; init; }
    /// <summary>`negative: phase: parse` — the file must fail to parse.</summary>
    public bool NegativeParse { get; init; }
    public List<string> Features { get; init; } = new();

    public static Test262Case Load(string root, string file)
    {
        var src = File.ReadAllText(file);
        var rel = Path.GetRelativePath(root, file).Replace('\\', '/');
        int a = src.IndexOf("/*---", StringComparison.Ordinal);
        int b = a < 0 ? -1 : src.IndexOf("---*/", a, StringComparison.Ordinal);
        string meta = a >= 0 && b > a ? src.Substring(a + 5, b - a - 5) : "";
        var flags = ReadList(meta, "flags");
        bool negativeParse = false;
        int n = meta.IndexOf("negative:", StringComparison.Ordinal);
        if (n >= 0)
        {
            // The phase line follows `negative:` within a few lines.
            var tail = meta.Substring(n, Math.Min(200, meta.Length - n));
            int p = tail.IndexOf("phase:", StringComparison.Ordinal);
            if (p >= 0)
            {
                var phase = tail.Substring(p + 6).TrimStart();
                negativeParse = phase.StartsWith("parse", StringComparison.Ordinal) || phase.StartsWith("early", StringComparison.Ordinal);
            }
        }
        return new Test262Case
        {
            RelativePath = rel,
            Source = src,
            Module = flags.Contains("module"),
            OnlyStrict = flags.Contains("onlyStrict"),
            NoStrict = flags.Contains("noStrict"),
            Raw = flags.Contains("raw"),
            NegativeParse = negativeParse,
            Features = ReadList(meta, "features"),
        };
    }

    /// <summary>Reads `key: [a, b]` or a block list `key:\n  - a\n  - b`.</summary>
    private static List<string> ReadList(string meta, string key)
    {
        var result = new List<string>();
        var lines = meta.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!line.StartsWith(key + ":", StringComparison.Ordinal)) continue;
            var rest = line.Substring(key.Length + 1).Trim();
            if (rest.StartsWith('['))
            {
                int close = rest.IndexOf(']');
                var inner = close > 0 ? rest.Substring(1, close - 1) : rest.Substring(1);
                foreach (var part in inner.Split(','))
                {
                    var s = part.Trim();
                    if (s.Length > 0) result.Add(s);
                }
            }
            else
            {
                for (int j = i + 1; j < lines.Length; j++)
                {
                    var l = lines[j].Trim();
                    if (!l.StartsWith("- ", StringComparison.Ordinal)) break;
                    result.Add(l.Substring(2).Trim());
                }
            }
            break;
        }
        return result;
    }
}
