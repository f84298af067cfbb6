using System.Diagnostics;
using System.Globalization;
using DualEngine.Engine;

// Managed engine vs node on the workloads in bench/Engine/workloads (one file each, defining a global run()).
//   bench/Engine/run.sh [--runs N] [--warmup N] [--node PATH] [--managed-only] [--wall] [--gc] [--jitless] [name | file.js ...]
// Each workload runs warm-up + N times in-process on the managed engine and in one node process, the runs
// alternating (each managed run is followed by one node run, timed inside JS, so process start is
// excluded); the table shows medians, and the ratio is the median of the per-pair ratios. Both engines
// must print the same checksum, or the row fails and the exit code is 1.
// Times are CPU time of the process (user + system, getrusage on both sides) by default, which a loaded
// machine distorts far less than wall time; --wall switches the table to wall-clock times (both are
// always measured). Per-thread schedstat would exclude background JIT/GC threads but only advances at
// scheduler ticks, too coarse for node's sub-millisecond runs.

int runs = IntArg("--runs", 7);
int warmup = IntArg("--warmup", 20);
string nodePath = StringArg("--node") ?? "node";
// --managed-only: skip node (for profiling the managed engine, e.g. under dotnet-trace).
bool managedOnly = args.Contains("--managed-only");
bool wall = args.Contains("--wall");
// --gc: print the last timed run's garbage collections and allocated bytes (managed side), on stderr.
bool gcStats = args.Contains("--gc");
// --jitless: a second peer, node --jitless (V8's Ignition interpreter without its compilers), run after each managed
// run like node; the last two columns compare the managed engine with that interpreter.
bool jitless = args.Contains("--jitless") && !managedOnly;
var names = args.Where((a, i) => !a.StartsWith("--") && (i == 0 || !args[i - 1].StartsWith("--") || args[i - 1] is "--managed-only" or "--wall" or "--gc" or "--jitless")).ToHashSet();

string dir = Path.Combine(AppContext.BaseDirectory, "workloads");
string runner = Path.Combine(AppContext.BaseDirectory, "node-runner.js");

// Jint 4's ratio to node on this machine (measured earlier); the goal is half of it.
var workloads = new (string Name, string Title, double Jint)[]
{
    ("recursion", "recursion (fib)", 60),
    ("property", "property access", 55),
    ("allocation", "allocation", 40),
    ("strings", "strings", 6),
    ("await", "await loops", 47),
};
// A name ending in .js is an ad-hoc workload (any file defining a global run()), for looking at one
// phase of a workload on its own; it has no Jint figure and no goal.
var adHoc = names.Where(n => n.EndsWith(".js", StringComparison.Ordinal)).ToList();
workloads = [.. workloads, .. adHoc.Select(f => (Path.GetFullPath(f), Path.GetFileName(f), double.NaN))];

Console.WriteLine($"runs {runs} (median) after {warmup} warm-up; {Environment.ProcessorCount} cores; load {LoadAverage()}; .NET {Environment.Version}; node {NodeVersion(nodePath)}");
Console.WriteLine();
Console.WriteLine($"{(wall ? "wall-clock" : "CPU")} ms per run, medians");
Console.WriteLine($"{"workload",-18} {"managed ms",11} {"node ms",9} {"ratio",8} {"Jint 4",7} {"goal",7}  " + (jitless ? $"{"check",-24}  | jitless ms  ratio" : "check"));
bool allOk = true;
foreach (var (name, title, jint) in workloads)
{
    if (names.Count > 0 && !names.Contains(name) && !Path.IsPathRooted(name)) continue;
    string file = Path.IsPathRooted(name) ? name : Path.Combine(dir, name + ".js");
    var (managed, nodeRuns, jitlessRuns) = Run(file);
    var times = managed.Select(r => wall ? r.Wall : r.Cpu).ToList();
    if (managedOnly)
    {
        Console.WriteLine($"{title,-18} {Median(times),11:F1}");
        continue;
    }
    var nodeTimes = nodeRuns.Select(r => wall ? r.Wall : r.Cpu).ToList();
    // The ratio is the median of each run's ratio to the node run right after it (same machine state), not
    // the ratio of the two medians: on a shared machine the speed changes from second to second.
    var ratios = times.Zip(nodeTimes, (m, n) => m / n).ToList();
    double ratio = Median(ratios), goal = jint / 2;
    string sum = managed[^1].Checksum, nodeSum = nodeRuns[^1].Checksum;
    bool ok = sum == nodeSum;
    allOk &= ok;
    string check = ok ? $"ok ({sum})" : $"MISMATCH managed {sum} node {nodeSum}";
    string mark = double.IsNaN(goal) || ratio <= goal ? "" : " *";
    string interpreter = "";
    if (jitless)
    {
        var jitlessTimes = jitlessRuns.Select(r => wall ? r.Wall : r.Cpu).ToList();
        var jitlessRatios = times.Zip(jitlessTimes, (m, n) => m / n).ToList();
        bool same = jitlessRuns[^1].Checksum == sum;
        allOk &= same;
        interpreter = $"  | {Median(jitlessTimes),10:F1} {Median(jitlessRatios),5:F2}x" + (same ? "" : $" MISMATCH {jitlessRuns[^1].Checksum}");
    }
    Console.WriteLine($"{title,-18} {Median(times),11:F1} {Median(nodeTimes),9:F2} {ratio,7:F1}x {jint,6:F0}x {goal,6:F1}x  " + (jitless ? $"{check + mark,-24}" : check + mark) + interpreter);
}
Console.WriteLine();
Console.WriteLine("* = ratio above the goal");
return allOk ? 0 : 1;

// Warm-up + N runs of the file on the managed engine, each followed by one run on node (unless
// --managed-only) and one on node --jitless (with --jitless); the timed runs of each.
(List<Sample> Managed, List<Sample> Node, List<Sample> Jitless) Run(string file)
{
    // Each workload starts from a collected heap, as node starts each in a fresh process: otherwise the garbage of the
    // workloads before it (allocation.js leaves a 2 GB budget's worth of dead objects behind) is collected, partly on
    // background GC threads whose CPU time counts, during this one's runs.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var engine = new JsEngine(new EngineOptions { TimeLimit = TimeSpan.FromMinutes(5), MemoryLimitBytes = 2L << 30 });
    var realm = engine.CreateRealm();
    realm.Evaluate(File.ReadAllText(file), file);
    var run = realm.GetGlobal("run");
    using var node = managedOnly ? null : NodeProcess.Start(nodePath, runner, file);
    using var interpreter = jitless ? NodeProcess.Start(nodePath, runner, file, "--jitless") : null;
    var jitlessRuns = new List<Sample>();
    var managed = new List<Sample>();
    var nodeRuns = new List<Sample>();
    int[] timedStart = new int[3];
    for (int i = 0; i < warmup + runs; i++)
    {
        if (i == warmup) for (int g = 0; g < 3; g++) timedStart[g] = GC.CollectionCount(g);
        double c0 = CpuMs();
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        long a0 = GC.GetTotalAllocatedBytes(precise: true);
        long t0 = Stopwatch.GetTimestamp();
        var result = realm.Call(run, JsValue.Undefined);
        realm.RunMicrotasks();
        if (result.IsObject)
        {
            var state = realm.GetPromiseState(result, out var settled);
            if (state != JsPromiseState.Fulfilled) throw new InvalidOperationException($"{file}: promise {state}: {realm.ToDisplayString(settled)}");
            result = settled;
        }
        var sample = new Sample(Stopwatch.GetElapsedTime(t0).TotalMilliseconds, CpuMs() - c0, realm.ToDisplayString(result));
        if (gcStats && i == warmup + runs - 1)
            Console.Error.WriteLine($"{Path.GetFileName(file)}: collections gen0 {GC.CollectionCount(0) - g0}, gen1 {GC.CollectionCount(1) - g1}, gen2 {GC.CollectionCount(2) - g2}; allocated {(GC.GetTotalAllocatedBytes(precise: true) - a0) / 1024} KB");
        if (managed.Count > 0 && sample.Checksum != managed[^1].Checksum) throw new InvalidOperationException($"{file}: checksum changed between runs");
        var nodeSample = node?.RunOnce();
        var jitlessSample = interpreter?.RunOnce();
        if (gcStats && i == warmup + runs - 1)
            Console.Error.WriteLine($"{Path.GetFileName(file)}: all {runs} timed runs: collections gen0 {GC.CollectionCount(0) - timedStart[0]}, gen1 {GC.CollectionCount(1) - timedStart[1]}, gen2 {GC.CollectionCount(2) - timedStart[2]}");
        if (i < warmup) continue;
        managed.Add(sample);
        if (nodeSample is not null) nodeRuns.Add(nodeSample);
        if (jitlessSample is not null) jitlessRuns.Add(jitlessSample);
    }
    return (managed, nodeRuns, jitlessRuns);
}



static double CpuMs() => Environment.CpuUsage.TotalTime.TotalMilliseconds;

static double Median(List<double> xs)
{
    var s = xs.OrderBy(x => x).ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

static string LoadAverage()
{
    try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
    catch (IOException) { return "n/a"; }
}

static string NodeVersion(string node)
{
    try
    {
        using var p = Process.Start(new ProcessStartInfo(node, "--version") { RedirectStandardOutput = true })!;
        string v = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return v;
    }
    catch (System.ComponentModel.Win32Exception) { return "not found"; }
}

int IntArg(string name, int fallback) => StringArg(name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;

string? StringArg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

/// <summary>One timed run: wall and CPU milliseconds, and the result as a string (the checksum).</summary>
sealed record Sample(double Wall, double Cpu, string Checksum);

/// <summary>node running node-runner.js: one run() per line written to its stdin.</summary>
sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _file;

    private NodeProcess(Process process, string file)
    {
        _process = process;
        _file = file;
    }

    public static NodeProcess Start(string node, string runner, string file, string? flag = null)
    {
        var psi = new ProcessStartInfo(node) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        if (flag is not null) psi.ArgumentList.Add(flag);
        psi.ArgumentList.Add(runner);
        psi.ArgumentList.Add(file);
        return new NodeProcess(Process.Start(psi)!, file);
    }

    public Sample RunOnce()
    {
        _process.StandardInput.WriteLine("run");
        _process.StandardInput.Flush();
        string? line = _process.StandardOutput.ReadLine();
        if (line is null) throw new InvalidOperationException($"node failed on {_file}: {_process.StandardError.ReadToEnd()}");
        var parts = line.Split('|', 3);
        return new Sample(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000)) _process.Kill();
        _process.Dispose();
    }
}
