using System.Text.Json;
using DualEngine.Syntax.Parsing;
using DualEngine.Syntax.Tools;
using Xunit.Abstractions;

namespace DualEngine.Syntax.Tests;

/// <summary>
/// Cross-checks the shape and positions of our tree against acorn (an independent ESTree parser)
/// on a deterministic sample of valid test262 files. Needs node; installs ts-oracle/node_modules itself.
/// </summary>
public sealed class AcornAstComparisonTests
{
    private readonly ITestOutputHelper _out;
    public AcornAstComparisonTests(ITestOutputHelper output) => _out = output;

    [Fact]
    public void Tree_matches_acorn_on_test262_sample()
    {
        var test262 = Test262Locator.Find();
        var unavailable = test262 == null ? "shared/test262 not found" : NodeTools.Unavailable();
        if (unavailable != null)
        {
            _out.WriteLine("SKIPPED (acorn comparison): " + unavailable);
            Assert.NotNull(unavailable);
            return;
        }
        var node = NodeTools.FindNode()!;

        var work = Path.Combine(Path.GetTempPath(), "dualengine-acorn-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var jobs = new List<object>();
        int stride = int.TryParse(Environment.GetEnvironmentVariable("DUALENGINE_ACORN_STRIDE"), out var s) ? s : 7;
        int k = 0;
        foreach (var file in Test262ParseRunner.EnumerateFiles(test262, p => p.StartsWith("test/language/", StringComparison.Ordinal)))
        {
            if (k++ % stride != 0) continue;
            var tc = Test262Case.Load(test262, file);
            if (tc.NegativeParse || tc.Features.Any(Test262ParseRunner.UnsupportedFeatures.Contains)) continue;
            if (tc.Source.Contains("assert {", StringComparison.Ordinal)) continue; // legacy syntax acorn lacks
            string json;
            try { json = EstreeJson.Serialize(Parser.Parse(tc.Source, tc.Module)); }
            catch (JsSyntaxException) { continue; } // classification is another test's job
            var ours = Path.Combine(work, $"{jobs.Count}.json");
            File.WriteAllText(ours, json);
            jobs.Add(new Dictionary<string, object> { ["source"] = file, ["module"] = tc.Module, ["ours"] = ours });
        }
        var manifest = Path.Combine(work, "manifest.json");
        File.WriteAllText(manifest, JsonSerializer.Serialize(jobs));
        var (code, output) = NodeTools.Run(node, $"acorn-compare.mjs \"{manifest}\"", NodeTools.OracleDir, TimeSpan.FromMinutes(5));
        try { Directory.Delete(work, true); } catch (IOException) { }
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var l in lines.Take(60)) _out.WriteLine(l);
        Assert.Equal(0, code);
        var summary = lines.Last();
        Assert.Contains("\"mismatched\":0", summary);
    }
}
