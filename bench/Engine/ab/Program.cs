// A/B comparison of two builds of the managed engine (src/Engine) in one process. Each build is loaded into
// its own AssemblyLoadContext; per workload, run() alternates between them (order flipped every round), so
// both see the same machine conditions from one run to the next. On the shared 2-core machine the speed of
// separate processes differs by up to 1.6× (see README), which hides a 10% change; paired runs in one
// process do not. Reflection is fine here: this is a benchmark tool, not the engine.
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

string baseDir = Arg("--base") ?? throw new ArgumentException("--base DIR (a build of src/Engine)");
string newDir = Arg("--new") ?? throw new ArgumentException("--new DIR (a build of src/Engine)");
int rounds = int.Parse(Arg("--rounds") ?? "15", CultureInfo.InvariantCulture);
int warmup = int.Parse(Arg("--warmup") ?? "20", CultureInfo.InvariantCulture);
// Each build is loaded this many times: every copy is compiled to its own addresses, and where the interpreter
// loop's code lands moves its speed by up to 1.6x (the same code, measured), so one copy per side would
// compare two layouts as much as two builds. A round runs every copy once; a side's time is its copies' mean.
int copies = int.Parse(Arg("--copies") ?? "3", CultureInfo.InvariantCulture);
var files = Positional().ToList();

var a = Enumerable.Range(0, copies).Select(i => new Build($"base{i}", baseDir)).ToList();
var b = Enumerable.Range(0, copies).Select(i => new Build($"new{i}", newDir)).ToList();
Console.WriteLine($"A/B in one process: {rounds} rounds after {warmup} warm-up runs, {copies} copies of each build; CPU ms per run()");
Console.WriteLine($"{"workload",-16} {"base ms",8} {"new ms",8} {"new/base",9}  ratio range (middle half)");
foreach (var file in files)
{
    var ra = a.Select(x => x.Load(file)).ToList();
    var rb = b.Select(x => x.Load(file)).ToList();
    for (int i = 0; i < warmup; i++) { ra.ForEach(r => r()); rb.ForEach(r => r()); }
    var ta = new List<double>();
    var tb = new List<double>();
    for (int i = 0; i < rounds; i++)
    {
        // Interleave the copies and flip the order each round: a later run may find caches warmer or colder.
        double sa = 0, sb = 0;
        for (int c = 0; c < copies; c++)
        {
            if ((i + c) % 2 == 0) { sa += ra[c](); sb += rb[c](); }
            else { sb += rb[c](); sa += ra[c](); }
        }
        ta.Add(sa / copies);
        tb.Add(sb / copies);
    }
    var ratios = ta.Zip(tb, (x, y) => y / x).OrderBy(r => r).ToList();
    string name = Path.GetFileNameWithoutExtension(file);
    Console.WriteLine($"{name,-16} {Median(ta),8:F2} {Median(tb),8:F2} {Median(ratios),8:F3}x  {ratios[ratios.Count / 4]:F3}-{ratios[ratios.Count * 3 / 4]:F3}");
}
return 0;

static double Median(List<double> xs)
{
    var s = xs.OrderBy(x => x).ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

IEnumerable<string> Positional()
{
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i].StartsWith("--", StringComparison.Ordinal)) { i++; continue; }
        yield return args[i];
    }
}

/// <summary>One build of DualEngine.Engine.dll (and its DualEngine.Syntax.dll) in its own load context.</summary>
sealed class Build
{
    private readonly string _name;
    private readonly Assembly _engine;

    public Build(string name, string dir)
    {
        _name = name;
        var context = new DirectoryContext(name, dir);
        _engine = context.LoadFromAssemblyPath(Path.Combine(dir, "DualEngine.Engine.dll"));
    }

    /// <summary>Evaluates the file in a fresh engine and realm; the returned function runs run() once and returns its CPU ms.</summary>
    public Func<double> Load(string file)
    {
        var optionsType = _engine.GetType("DualEngine.Engine.EngineOptions", throwOnError: true)!;
        var options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty("TimeLimit")!.SetValue(options, TimeSpan.FromMinutes(5));
        optionsType.GetProperty("MemoryLimitBytes")!.SetValue(options, 2L << 30);
        var engineType = _engine.GetType("DualEngine.Engine.JsEngine", throwOnError: true)!;
        var engine = Activator.CreateInstance(engineType, options)!;
        var realm = engineType.GetMethod("CreateRealm")!.Invoke(engine, null)!;
        var realmType = realm.GetType();
        var valueType = _engine.GetType("DualEngine.Engine.JsValue", throwOnError: true)!;
        realmType.GetMethod("Evaluate")!.Invoke(realm, [File.ReadAllText(file), file]);
        var run = realmType.GetMethod("GetGlobal")!.Invoke(realm, ["run"]);
        var undefined = valueType.GetField("Undefined")!.GetValue(null);
        var call = realmType.GetMethod("Call", [valueType, valueType, valueType.MakeArrayType()])!;
        var microtasks = realmType.GetMethod("RunMicrotasks")!;
        var display = realmType.GetMethod("ToDisplayString")!;
        object?[] callArgs = [run, undefined, Array.CreateInstance(valueType, 0)];
        string? checksum = null;
        return () =>
        {
            double c0 = Environment.CpuUsage.TotalTime.TotalMilliseconds;
            var result = call.Invoke(realm, callArgs);
            microtasks.Invoke(realm, null);
            double ms = Environment.CpuUsage.TotalTime.TotalMilliseconds - c0;
            string sum = (string)display.Invoke(realm, [result])!;
            if (checksum is not null && sum != checksum) throw new InvalidOperationException($"{_name}: {file}: result changed between runs");
            checksum = sum;
            return ms;
        };
    }

    private sealed class DirectoryContext(string name, string dir) : AssemblyLoadContext(name)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string path = Path.Combine(dir, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
