using System.Diagnostics;
using DualEngine.Test262.Host;
using DualEngine.Test262.Planning;
using DualEngine.Test262.Reporting;
using DualEngine.Test262.Running;

namespace DualEngine.Test262;

/// <summary>
/// Runs the planned tests on each engine, writes the pass-rate tables and failure list, and compares
/// failures with the engine's baseline: a failing test the baseline does not list is a regression
/// (after one serial retry, so a timeout on a loaded machine does not fail CI).
/// </summary>
public static class Driver
{
    public static int Run(Options options, string root)
    {
        string tool = Locations.ToolDirectory();
        string outDir = options.OutDir ?? Path.Combine(tool, "results");
        Directory.CreateDirectory(outDir);
        var engines = options.Engines.Contains("all") ? Engines.Names.ToList() : options.Engines.Distinct().ToList();
        int exit = 0;
        foreach (string engine in engines)
        {
            if (Engines.Create(engine, out string? unavailable, out _) is null)
            {
                Console.WriteLine($"{engine}: skipped ({unavailable})");
                if (!options.Engines.Contains("all")) exit = Math.Max(exit, 2);
                continue;
            }
            exit = Math.Max(exit, RunEngine(options, root, tool, outDir, engine));
        }
        return exit;
    }

    private static int RunEngine(Options options, string root, string tool, string outDir, string engine)
    {
        var clock = Stopwatch.StartNew();
        var excluded = options.NoExclusions ? [] : KeyedList.Read(Path.Combine(tool, $"excluded-features.{engine}.txt"));
        var plan = TestPlan.Build(root, options.Filters, options.Every, excluded, options.Features);
        Console.WriteLine($"{engine}: {plan.ToRun.Count} test files to run, {plan.Skipped.Count} skipped; {options.Jobs} workers, {options.Timeout.TotalSeconds:0} s per mode");

        var pool = new WorkerPool(engine, root, options.Jobs, options.Timeout);
        int done = 0;
        var outcomes = pool.Run(plan.ToRun, _ =>
        {
            int n = Interlocked.Increment(ref done);
            if (n % 2000 == 0) Console.WriteLine($"  {n}/{plan.ToRun.Count} ({clock.Elapsed.TotalSeconds:0} s)");
        });

        string baselinePath = Path.Combine(tool, "baselines", $"{engine}.txt");
        var baseline = KeyedList.Read(baselinePath);
        var suspects = outcomes.Where(o => o.Verdict == Verdict.Fail && !baseline.ContainsKey(o.Path)).ToList();
        if (suspects.Count is > 0 and <= 200 && !options.UpdateBaseline)
        {
            // One serial retry: a regression must fail twice, the second time with the machine to itself.
            var retried = new WorkerPool(engine, root, 1, options.Timeout * 2).Run(suspects.Select(s => (s.Path, 2)).ToList(), _ => { });
            var retriedByPath = retried.ToDictionary(o => o.Path);
            outcomes = outcomes.Select(o => retriedByPath.TryGetValue(o.Path, out var r) ? r : o).ToList();
        }

        var all = outcomes.Concat(plan.Skipped).OrderBy(o => o.Path, StringComparer.Ordinal).ToList();
        var failures = all.Where(o => o.Verdict == Verdict.Fail).ToList();
        var regressions = failures.Where(o => !baseline.ContainsKey(o.Path)).ToList();
        var byPath = all.ToDictionary(o => o.Path, StringComparer.Ordinal);
        var ran = byPath.Keys.ToHashSet(StringComparer.Ordinal);
        var fixedTests = baseline.Keys.Where(k => byPath.TryGetValue(k, out var o) && o.Verdict == Verdict.Pass).ToList();

        string table = PassRates.Table(engine, all, 1);
        Console.WriteLine();
        Console.Write(table);
        Directory.CreateDirectory(outDir);  // again: a long run must not fail at the end because the folder went away
        File.WriteAllText(Path.Combine(outDir, $"{engine}.md"),
            $"# test262 on {engine}\n\n{Describe(options)}; {clock.Elapsed.TotalMinutes:0.0} min; peak worker memory {pool.PeakWorkerBytes / (1 << 20)} MiB\n\n"
            + table + "\n" + PassRates.Table(engine, all, 2));
        KeyedList.Write(Path.Combine(outDir, $"{engine}-failures.txt"), [$"test262 failures on {engine} ({Describe(options)})"],
            failures.Select(f => KeyValuePair.Create(f.Path, f.Message)));

        Console.WriteLine($"\n{engine}: {all.Count(o => o.Verdict == Verdict.Pass)} passed, {failures.Count} failed ({failures.Count - regressions.Count} known), "
            + $"{plan.Skipped.Count} skipped in {clock.Elapsed.TotalSeconds:0} s; peak worker memory {pool.PeakWorkerBytes / (1 << 20)} MiB");
        Console.WriteLine($"results: {Path.Combine(outDir, engine + ".md")}, {Path.Combine(outDir, engine + "-failures.txt")}");
        if (fixedTests.Count > 0)
        {
            Console.WriteLine($"{fixedTests.Count} baseline entries now pass (remove them, or run with --update-baseline):");
            foreach (var path in fixedTests.Take(50)) Console.WriteLine($"  fixed: {path}");
        }

        if (options.UpdateBaseline)
        {
            var updated = baseline.Where(e => !ran.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value);
            foreach (var f in failures) updated[f.Path] = f.Message;
            Directory.CreateDirectory(Path.GetDirectoryName(baselinePath)!);
            KeyedList.Write(baselinePath,
                [$"test262 known failures on {engine}: \"path  # first failing mode: reason\".",
                 "A failing test listed here is not a regression; written by --update-baseline (see README.md)."],
                updated);
            Console.WriteLine($"baseline written: {baselinePath} ({updated.Count} entries)");
            return 0;
        }
        if (regressions.Count == 0) return 0;
        Console.WriteLine($"\n{regressions.Count} REGRESSIONS (failing, not in {baselinePath}):");
        foreach (var r in regressions.Take(200)) Console.WriteLine($"  {r.Path}  # {r.Message}");
        return 1;
    }

    private static string Describe(Options o) =>
        (o.Filters.Count > 0 ? "filter " + string.Join(", ", o.Filters) : "all of test/")
        + (o.Features.Count > 0 ? ", features " + string.Join(", ", o.Features) : "")
        + (o.NoExclusions ? ", no exclusions" : "")
        + (o.Every > 1 ? $", every {o.Every}th file" : "");
}
