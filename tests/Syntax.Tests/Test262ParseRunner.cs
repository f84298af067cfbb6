using System.Collections.Concurrent;
using DualEngine.Syntax.Parsing;

namespace DualEngine.Syntax.Tests;

/// <summary>Classifies test262 files as parse / no-parse with our parser.</summary>
internal static class Test262ParseRunner
{
    public static readonly string[] Roots = { "test/language", "test/built-ins", "test/annexB" };

    /// <summary>
    /// Proposals beyond ES2024 + import attributes that we deliberately do not parse yet;
    /// tests using them are skipped (and counted as skipped in the report).
    /// </summary>
    public static readonly HashSet<string> UnsupportedFeatures = new()
    {
        "decorators", "source-phase-imports", "source-phase-imports-module-source", "import-defer", "export-defer",

    };

    public sealed record Outcome(string Path, bool Ok, string Detail);

    public static IEnumerable<string> EnumerateFiles(string test262, Func<string, bool>? filter = null)
    {
        foreach (var root in Roots)
        {
            var dir = Path.Combine(test262, root);
            if (!Directory.Exists(dir)) continue;
            var files = Directory.GetFiles(dir, "*.js", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var f in files)
            {
                if (f.EndsWith("_FIXTURE.js", StringComparison.Ordinal)) continue;
                var rel = Path.GetRelativePath(test262, f).Replace('\\', '/');
                if (filter != null && !filter(rel)) continue;
                yield return f;
            }
        }
    }

    public static (List<Outcome> Results, int Skipped) Run(string test262, IEnumerable<string> files)
    {
        var results = new ConcurrentBag<Outcome>();
        int skipped = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var tc = Test262Case.Load(test262, file);
            if (tc.Features.Any(UnsupportedFeatures.Contains))
            {
                Interlocked.Increment(ref skipped);
                return;
            }
            results.Add(Classify(tc));
        });
        var list = results.ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return (list, skipped);
    }

    public static Outcome Classify(Test262Case tc)
    {
        var modes = new List<(string Source, bool Module)>();
        if (tc.Module) modes.Add((tc.Source, true));
        else if (tc.Raw || tc.NoStrict) modes.Add((tc.Source, false));
        else if (tc.OnlyStrict) modes.Add(("\"use strict\";\n" + tc.Source, false));
        else
        {
            modes.Add((tc.Source, false));
            modes.Add(("\"use strict\";\n" + tc.Source, false));
        }
        foreach (var (source, module) in modes)
        {
            string? error = null;
            try
            {
                Parser.Parse(source, module, new ParserOptions { FileName = tc.RelativePath });
            }
            catch (JsSyntaxException e)
            {
                error = e.Message;
            }
            catch (Exception e)
            {
                return new Outcome(tc.RelativePath, false, $"CRASH {e.GetType().Name}: {e.Message}");
            }
            string mode = module ? "module" : source.StartsWith("\"use strict\";\n", StringComparison.Ordinal) && !tc.Raw ? "strict" : "sloppy";
            if (tc.NegativeParse && error == null) return new Outcome(tc.RelativePath, false, $"[{mode}] parsed but should fail");
            if (!tc.NegativeParse && error != null) return new Outcome(tc.RelativePath, false, $"[{mode}] {error}");
        }
        return new Outcome(tc.RelativePath, true, "");
    }

    /// <summary>Top-level bucket for the report: test/language/&lt;dir&gt;, test/built-ins, test/annexB.</summary>
    public static string Bucket(string path)
    {
        var parts = path.Split('/');
        if (parts.Length > 2 && parts[1] == "language") return $"{parts[0]}/{parts[1]}/{parts[2]}";
        return parts.Length > 1 ? $"{parts[0]}/{parts[1]}" : path;
    }
}
