using System.Diagnostics;

namespace DualEngine.Bench.Runtime;

/// <summary>
/// Wall time from process start to exit for hello.js: dualrt (with and without the startup snapshot)
/// against deno and node, measured alternately in the same run so machine load affects all alike.
/// </summary>
internal static class StartupBench
{
    public static void Run(string[] args)
    {
        string dualrt = args.ElementAtOrDefault(0) ?? throw new ArgumentException("usage: startup <dualrt> <deno> <hello.js>");
        string deno = args.ElementAtOrDefault(1) ?? "deno";
        string hello = args.ElementAtOrDefault(2) ?? "examples/hello.js";
        const int runs = 21;
        var commands = new (string Name, string File, string Args)[]
        {
            ("dualrt run (snapshot)", dualrt, $"run {hello}"),
            ("dualrt run --no-snapshot", dualrt, $"run --no-snapshot {hello}"),
            ("deno run", deno, $"run {hello}"),
            ("node", "node", $"-e \"console.log('Hello from node')\""),
        };
        var samples = commands.Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < runs + 1; i++)
        {
            for (int c = 0; c < commands.Length; c++)
            {
                double ms = Time(commands[c].File, commands[c].Args);
                if (i > 0) samples[c].Add(ms);  // the first round warms the file cache
            }
        }
        double denoMedian = Median(samples[2]);
        Console.WriteLine($"startup: hello.js, median of {runs} runs (wall ms, process start to exit)");
        Console.WriteLine($"{"command",-28} {"median",8} {"min",8} {"vs deno",8}");
        for (int c = 0; c < commands.Length; c++)
        {
            double median = Median(samples[c]);
            Console.WriteLine($"{commands[c].Name,-28} {median,8:0.0} {samples[c].Min(),8:0.0} {median / denoMedian,7:0.00}x");
        }
        Console.WriteLine();
    }

    private static double Time(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["NO_COLOR"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        double ms = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}");
        return ms;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
