using System.Collections.Concurrent;
using System.Diagnostics;

namespace DualEngine.Test262.Running;

/// <summary>
/// The driver side: one worker process per job slot, fed test paths over stdin. A worker that dies
/// fails its current test as a crash and is replaced; one that gives no answer in time is killed and
/// fails its test as a hang. Workers are recycled now and then so memory stays bounded.
/// </summary>
public sealed class WorkerPool(string engine, string root, int jobs, TimeSpan testTimeout)
{
    private const int RecycleAfterTests = 3000;
    private const long RecycleAboveBytes = 3L << 30;
    private long _peakWorkingSet;

    /// <summary>The largest working set any one worker reported (bytes).</summary>
    public long PeakWorkerBytes => Interlocked.Read(ref _peakWorkingSet);

    public List<Outcome> Run(IReadOnlyList<(string Path, int Modes)> tests, Action<Outcome> progress)
    {
        var queue = new ConcurrentQueue<(string Path, int Modes)>(tests);
        var results = new ConcurrentBag<Outcome>();
        var slots = Enumerable.Range(0, Math.Max(1, jobs)).Select(_ => Task.Run(() =>
        {
            WorkerProcess? worker = null;
            int served = 0;
            try
            {
                while (queue.TryDequeue(out var test))
                {
                    worker ??= WorkerProcess.Start(engine, root, testTimeout);
                    // Each mode has its own budget; after it, termination should take well under the grace.
                    var limit = testTimeout * test.Modes + TimeSpan.FromSeconds(15);
                    var outcome = worker.Ask(test.Path, limit, out long workingSet);
                    if (outcome is null || workingSet > RecycleAboveBytes || ++served >= RecycleAfterTests)
                    {
                        outcome ??= Outcome.Fail(test.Path, worker.Failure, limit.TotalMilliseconds);
                        worker.Dispose();
                        worker = null;
                        served = 0;
                    }
                    long peak;
                    while (workingSet > (peak = Interlocked.Read(ref _peakWorkingSet)) &&
                           Interlocked.CompareExchange(ref _peakWorkingSet, workingSet, peak) != peak) { }
                    results.Add(outcome);
                    progress(outcome);
                }
            }
            finally
            {
                worker?.Dispose();
            }
        })).ToArray();
        Task.WaitAll(slots);
        return [.. results];
    }
}

/// <summary>One worker process (this program with --worker) and its pipes.</summary>
internal sealed partial class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _stderr = [];

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                if (_stderr.Count < 200) _stderr.Add(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Why the last <see cref="Ask"/> got no answer.</summary>
    public string Failure { get; private set; } = "";

    public static WorkerProcess Start(string engine, string root, TimeSpan timeout)
    {
        // Run the same program: its apphost, or "dotnet exec <dll>" when started through dotnet.
        string self = Environment.ProcessPath!;
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.FileName = self;
            info.ArgumentList.Add("exec");
            info.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        }
        else
        {
            info.FileName = self;
        }
        foreach (var arg in new[] { "--worker", "--engine", engine, "--test262", root, "--timeout", ((int)timeout.TotalMilliseconds).ToString() })
            info.ArgumentList.Add(arg);
        return new WorkerProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start a worker process"));
    }

    /// <summary>Sends one test and waits for its outcome; null when the worker died or gave no answer within <paramref name="limit"/>.</summary>
    public Outcome? Ask(string path, TimeSpan limit, out long workingSet)
    {
        workingSet = 0;
        try
        {
            _process.StandardInput.WriteLine(path);
            _process.StandardInput.Flush();
            var read = _process.StandardOutput.ReadLineAsync();
            if (!read.Wait(limit))
            {
                Failure = $"hang: no result after {limit.TotalSeconds:0} s (worker killed)";
                _process.Kill(entireProcessTree: true);
                return null;
            }
            if (read.Result is { } line) return OutcomeJson.Read(line, out workingSet);
        }
        catch (IOException)
        {
        }
        _process.WaitForExit(2000);
        string why;
        lock (_stderr) why = CrashSummary(_stderr);
        Failure = $"crash: worker exited (code {(_process.HasExited ? _process.ExitCode : -1)}){(why.Length > 0 ? ": " + why : "")}";
        return null;
    }

    /// <summary>
    /// What a V8 fatal error says, in one line: the failed check and the two frames below V8_Fatal
    /// (where it was detected), without addresses and paths, which differ every run.
    /// </summary>
    private static string CrashSummary(List<string> lines)
    {
        var picked = lines.Where(l => l.Contains("Check failed", StringComparison.Ordinal) || l.Contains("Fatal error", StringComparison.Ordinal)
                                      || l.Contains("out of memory", StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        int fatal = lines.FindIndex(l => l.Contains("V8_Fatal", StringComparison.Ordinal));
        if (fatal >= 0) picked.AddRange(lines.Skip(fatal + 1).Take(2));
        if (picked.Count == 0) picked.AddRange(lines.Where(l => l.Trim().Length > 1).TakeLast(3));
        return string.Join(" | ", picked.Select(l => NativeAddress().Replace(l, "").Trim(' ', '#')));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\+?0x[0-9a-f]+:?|\[0x[0-9a-f]+\]|/\S*/")]
    private static partial System.Text.RegularExpressions.Regex NativeAddress();

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
        }
        _process.Dispose();
    }
}
