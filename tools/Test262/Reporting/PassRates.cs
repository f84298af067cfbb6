using System.Text;
using DualEngine.Test262.Running;

namespace DualEngine.Test262.Reporting;

/// <summary>Pass rates per directory as a markdown table: the rate is passed / (passed + failed); skipped files (excluded features) are counted apart.</summary>
public static class PassRates
{
    /// <param name="depth">How many folders below test/ to group by (1: built-ins, language, annexB...).</param>
    public static string Table(string engine, IEnumerable<Outcome> outcomes, int depth)
    {
        var rows = outcomes
            .GroupBy(o => Directory(o.Path, depth))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.ToList()))
            .ToList();
        var all = outcomes.ToList();
        var text = new StringBuilder();
        text.AppendLine($"| {engine}: directory | files | passed | failed | skipped | pass rate |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows) text.AppendLine(row);
        text.AppendLine(Row("**total**", all));
        return text.ToString();
    }

    private static string Row(string name, List<Outcome> group)
    {
        int passed = group.Count(o => o.Verdict == Verdict.Pass);
        int failed = group.Count(o => o.Verdict == Verdict.Fail);
        int skipped = group.Count(o => o.Verdict == Verdict.Skip);
        string rate = passed + failed == 0 ? "—" : $"{100.0 * passed / (passed + failed):0.00}%";
        return $"| {name} | {group.Count} | {passed} | {failed} | {skipped} | {rate} |";
    }

    private static string Directory(string path, int depth)
    {
        var parts = path.Split('/');
        // parts[0] is "test"; the last part is the file name.
        int take = Math.Min(depth, parts.Length - 2);
        return take == 0 ? "." : string.Join('/', parts.Skip(1).Take(take));
    }
}
