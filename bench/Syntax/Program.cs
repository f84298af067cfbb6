using System.Diagnostics;
using DualEngine.Syntax;
using DualEngine.Syntax.Parsing;
using DualEngine.Syntax.TypeScript;

// Parser throughput benchmark against acorn on node, in the same run.
//   dotnet run -c Release --project bench/Syntax -- [file.js] [--iterations N]
//   dotnet run -c Release --project bench/Syntax -- --erase file.ts      (prints erased JS)
// Default input: typescript.js from tests/Syntax.Tests/ts-oracle/node_modules (npm install there first).

if (args.Length >= 2 && args[0] == "--erase")
{
    try { Console.Write(TypeScriptEraser.Erase(File.ReadAllText(args[1]), args[1])); return 0; }
    catch (JsSyntaxException e) { Console.Error.WriteLine(e.Message); return 1; }
}

if (args.Length >= 2 && args[0] == "--lex")
{
    // Tokenizer alone (no regex/template re-scans), to see how parse time splits.
    var text = File.ReadAllText(args[1]);
    for (int round = 0; round < 5; round++)
    {
        var sw0 = Stopwatch.StartNew();
        var lx = new DualEngine.Syntax.Lexing.Lexer(text, null);
        int n = 0;
        try
        {
            do { lx.Next(); n++; } while (lx.Tok.Type != DualEngine.Syntax.Lexing.TokenType.EOF);
        }
        catch (JsSyntaxException) { }
        Console.WriteLine($"lex: {n:N0} tokens in {sw0.Elapsed.TotalMilliseconds:F0} ms");
    }
    return 0;
}

string repo = FindRepoRoot();
string oracle = Path.Combine(repo, "tests", "Syntax.Tests", "ts-oracle");
int itIndex = Array.IndexOf(args, "--iterations");
int iterations = itIndex >= 0 && itIndex + 1 < args.Length ? int.Parse(args[itIndex + 1]) : 10;
string file = args.Where((a, i) => !a.StartsWith("--") && (itIndex < 0 || i != itIndex + 1)).FirstOrDefault()
              ?? Path.Combine(oracle, "node_modules", "typescript", "lib", "typescript.js");
if (!File.Exists(file))
{
    Console.Error.WriteLine($"Input {file} not found. Run `npm install` in {oracle} or pass a file.");
    return 2;
}
var source = File.ReadAllText(file);
double mb = source.Length * 2 / 1024.0 / 1024.0; // UTF-16 bytes, as held in memory
double mbUtf8 = new FileInfo(file).Length / 1024.0 / 1024.0;
Console.WriteLine($"input: {file} ({mbUtf8:F2} MB on disk, {source.Length:N0} chars)");

bool module = file.EndsWith(".mjs", StringComparison.Ordinal);
// Warm up (JIT, tiering).
for (int i = 0; i < 3; i++) Parser.Parse(source, module);

var times = new List<double>();
long allocated = 0;
for (int i = 0; i < iterations; i++)
{
    long before = GC.GetAllocatedBytesForCurrentThread();
    var sw = Stopwatch.StartNew();
    Parser.Parse(source, module);
    sw.Stop();
    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    times.Add(sw.Elapsed.TotalMilliseconds);
}
times.Sort();
double median = times[times.Count / 2];
Console.WriteLine($"DualEngine.Syntax: median {median:F1} ms  = {mbUtf8 / (median / 1000):F1} MB/s (file bytes); allocated {allocated / (double)source.Length:F1} bytes per source char ({allocated / 1024.0 / 1024.0:F1} MB)");

// acorn on node, same file, same protocol (warm-up then median).
string script = $$"""
const acorn = require({{Json(Path.Combine(oracle, "node_modules", "acorn"))}});
const src = require("fs").readFileSync({{Json(file)}}, "utf8");
const opts = { ecmaVersion: "latest", sourceType: {{(module ? "\"module\"" : "\"script\"")}} };
for (let i = 0; i < 3; i++) acorn.parse(src, opts);
const t = [];
for (let i = 0; i < {{iterations}}; i++) { const s = process.hrtime.bigint(); acorn.parse(src, opts); t.push(Number(process.hrtime.bigint() - s) / 1e6); }
t.sort((a, b) => a - b);
console.log(t[Math.floor(t.length / 2)].toFixed(1));
""";
try
{
    var psi = new ProcessStartInfo("node", "-") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
    using var p = Process.Start(psi)!;
    p.StandardInput.Write(script);
    p.StandardInput.Close();
    var output = p.StandardOutput.ReadToEnd().Trim();
    var err = p.StandardError.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode == 0 && double.TryParse(output, System.Globalization.CultureInfo.InvariantCulture, out var acornMs))
        Console.WriteLine($"acorn (node {GetNodeVersion()}): median {acornMs:F1} ms  = {mbUtf8 / (acornMs / 1000):F1} MB/s; ratio ours/acorn time = {median / acornMs:F2}");
    else
        Console.WriteLine($"acorn run failed: {err.Trim()}");
}
catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
{
    Console.WriteLine($"node not available: {e.Message}");
}
return 0;

static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);

static string GetNodeVersion()
{
    try
    {
        var p = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
        var v = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return v;
    }
    catch (Exception) { return "?"; }
}

static string FindRepoRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        if (Directory.Exists(Path.Combine(d.FullName, "src", "Syntax"))) return d.FullName;
    return Directory.GetCurrentDirectory();
}
