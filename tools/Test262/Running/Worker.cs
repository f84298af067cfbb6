using DualEngine.Test262.Host;
using DualEngine.Test262.Model;

namespace DualEngine.Test262.Running;

/// <summary>
/// A worker process: reads test paths from stdin, one per line, runs each in-process and answers with
/// one JSON line per test. The driver starts one per core, so a test that crashes the engine or hangs
/// past its termination costs one worker, never the run.
/// </summary>
public static class Worker
{
    public static int Run(string engineName, string root, TimeSpan timeout)
    {
        var engine = Engines.Create(engineName, out string? unavailable, out string hostScript);
        if (engine is null)
        {
            Console.Error.WriteLine($"error: {unavailable}");
            return 2;
        }
        var executor = new TestExecutor(engine, hostScript, root, new Harness(root), timeout);
        using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        string? line;
        while ((line = Console.In.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            Outcome outcome;
            try
            {
                outcome = executor.Run(TestFile.Load(root, line));
            }
            catch (Exception ex)
            {
                outcome = Outcome.Fail(line, $"host error: {ex.GetType().Name}: {ex.Message}", 0);
            }
            stdout.WriteLine(OutcomeJson.Write(outcome, Environment.WorkingSet));
        }
        return 0;
    }
}
