using System.Diagnostics;

namespace DualEngine.Conformance.Tests;

/// <summary>What a process printed and how it ended.</summary>
internal sealed record ProcessResult(string Stdout, string Stderr, int ExitCode, bool TimedOut);

/// <summary>Runs a process with a time limit, capturing both streams; a process over its limit is killed (it and its children).</summary>
internal static class ProcessRunner
{
    public static ProcessResult Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(timeout);
        if (!exited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return new ProcessResult(stdout.Result, stderr.Result, exited ? process.ExitCode : -1, !exited);
    }
}
