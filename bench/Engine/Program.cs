using System.Diagnostics;
using System.Globalization;
using DualEngine.Engine;

// Managed engine vs node on the workloads in bench/Engine/workloads (one file each, defining a global run()).
//   bench/Engine/run.sh [--runs N] [--warmup N] [--node PATH] [--managed-only] [--wall] [name | file.js ...]
// Each workload runs warm-up + N times in-process on the managed engine and in one node process with
// the same counts (timed inside JS with performance.now, so process start is excluded); the table shows
// medians. Both engines must print the same checksum, or the row fails and the exit code is 1.
// Times are CPU time of the process (user + system, getrusage on both sides) by default, which a loaded
// machine distorts far less than wall time; --wall switches the table to wall-clock times (both are
// always measured). Per-thread schedstat would exclude background JIT/GC threads but only advances at
// scheduler ticks, too coarse for node's sub-millisecond runs.

int runs = IntArg("--runs", 7);
int warmup = IntArg("--warmup", 20);
string node = StringArg("--node") ?? "node";
// --managed-only: skip node (for profiling the managed engine, e.g. under dotnet-trace).
bool managedOnly = args.Contains("--managed-only");
bool wall = args.Contains("--wall");
var names = args.Where((a, i) => !a.StartsWith("--") && (i == 0 || !args[i - 1].StartsWith("--") || args[i - 1] is "--managed-only" or "--wall")).ToHashSet();

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

Console.WriteLine($"runs {runs} (median) after {warmup} warm-up; {Environment.ProcessorCount} cores; load {LoadAverage()}; .NET {Environment.Version}; node {NodeVersion(node)}");
Console.WriteLine();
Console.WriteLine($"{(wall ? "wall-clock" : "CPU")} ms per run, medians");
Console.WriteLine($"{"workload",-18} {"managed ms",11} {"node ms",9} {"ratio",8} {"Jint 4",7} {"goal",7}  check");
bool allOk = true;
foreach (var (name, title, jint) in workloads)
{
    if (names.Count > 0 && !names.Contains(name) && !Path.IsPathRooted(name)) continue;
    string file = Path.IsPathRooted(name) ? name : Path.Combine(dir, name + ".js");
    var (wallTimes, cpuTimes, sum) = RunManaged(file);
    var times = wall ? wallTimes : cpuTimes;
    if (managedOnly)
    {
        Console.WriteLine($"{title,-18} {Median(times),11:F1}");
        continue;
    }
    var (nodeWall, nodeCpu, nodeSum) = RunNode(file);
    var nodeTimes = wall ? nodeWall : nodeCpu;
    double m = Median(times), n = Median(nodeTimes), ratio = m / n, goal = jint / 2;
    bool ok = sum == nodeSum;
    allOk &= ok;
    string check = ok ? $"ok ({sum})" : $"MISMATCH managed {sum} node {nodeSum}";
    string mark = double.IsNaN(goal) || ratio <= goal ? "" : " *";
    Console.WriteLine($"{title,-18} {m,11:F1} {n,9:F2} {ratio,7:F1}x {jint,6:F0}x {goal,6:F1}x  {check}{mark}");
}
Console.WriteLine();
Console.WriteLine("* = ratio above the goal");
return allOk ? 0 : 1;

(List<double> Wall, List<double> Cpu, string Checksum) RunManaged(string file)
{
    var engine = new JsEngine(new EngineOptions { TimeLimit = TimeSpan.FromMinutes(5), MemoryLimitBytes = 2L << 30 });
    var realm = engine.CreateRealm();
    realm.Evaluate(File.ReadAllText(file), file);
    var run = realm.GetGlobal("run");
    var times = new List<double>();
    var cpu = new List<double>();
    string? checksum = null;
    for (int i = 0; i < warmup + runs; i++)
    {
        double c0 = CpuMs();
        long t0 = Stopwatch.GetTimestamp();
        var result = realm.Call(run, JsValue.Undefined);
        realm.RunMicrotasks();
        if (result.IsObject)
        {
            var state = realm.GetPromiseState(result, out var settled);
            if (state != JsPromiseState.Fulfilled) throw new InvalidOperationException($"{file}: promise {state}: {realm.ToDisplayString(settled)}");
            result = settled;
        }
        double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        double cpuMs = CpuMs() - c0;
        if (i >= warmup)
        {
            times.Add(ms);
            cpu.Add(cpuMs);
        }
        string c = realm.ToDisplayString(result);
        if (checksum is not null && c != checksum) throw new InvalidOperationException($"{file}: checksum changed between runs: {checksum} vs {c}");
        checksum = c;
    }
    return (times, cpu, checksum!);
}

(List<double> Wall, List<double> Cpu, string Checksum) RunNode(string file)
{
    var psi = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { runner, file, warmup.ToString(CultureInfo.InvariantCulture), runs.ToString(CultureInfo.InvariantCulture) })
        psi.ArgumentList.Add(a);
    using var p = Process.Start(psi)!;
    string output = p.StandardOutput.ReadToEnd();
    string error = p.StandardError.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException($"node failed on {file}: {error}");
    var parts = output.Trim().Split('\n')[^1].Split('|', 3);
    return (ParseTimes(parts[0]), ParseTimes(parts[1]), parts[2]);
}

static List<double> ParseTimes(string csv) => csv.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();


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
