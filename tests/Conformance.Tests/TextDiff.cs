using System.Text;

namespace DualEngine.Conformance.Tests;

/// <summary>A line diff for failure messages: "-" expected, "+" actual, "  " common, from a longest-common-subsequence table (outputs are small).</summary>
internal static class TextDiff
{
    public static string Lines(string expected, string actual)
    {
        var a = Split(expected);
        var b = Split(actual);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var text = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { text.Append("    ").AppendLine(Show(a[x])); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { text.Append("  + ").AppendLine(Show(b[y])); y++; }
            else { text.Append("  - ").AppendLine(Show(a[x])); x++; }
        }
        return text.ToString();
    }

    private static string[] Split(string text)
    {
        var lines = text.Split('\n');
        // "a\n" is one line "a"; a missing final newline shows as a last line marked "(no newline)".
        if (lines.Length > 0 && lines[^1].Length == 0) return lines[..^1];
        lines[^1] += "  (no newline at end)";
        return lines;
    }

    private static string Show(string line) => line.Replace("\t", "→");
}
