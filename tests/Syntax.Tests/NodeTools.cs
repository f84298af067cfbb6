using System.Diagnostics;

namespace DualEngine.Syntax.Tests;

/// <summary>Runs node and the oracle packages in ts-oracle/ (installed on demand, git-ignored).</summary>
internal static class NodeTools
{
    private static readonly object Gate = new();

    public static string? FindNode()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var p = Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>
    /// Null when node and the oracle packages are usable; otherwise why not. An npm failure (e.g. no
    /// network) is a skip unless DUALENGINE_REQUIRE_ORACLES=1, in which case it is returned as null
    /// and the caller's EnsureOracles assertion fails loudly.
    /// </summary>
    public static string? Unavailable()
    {
        if (FindNode() == null) return "node is not on PATH";
        var install = EnsureOracles();
        if (install == null) return null;
        if (Environment.GetEnvironmentVariable("DUALENGINE_REQUIRE_ORACLES") == "1")
            throw new InvalidOperationException(install);
        return install;
    }

    public static string OracleDir => Path.Combine(Test262Locator.ProjectDir(), "ts-oracle");

    /// <summary>Ensures ts-oracle/node_modules exists (runs `npm install` once). Returns an error message or null.</summary>
    public static string? EnsureOracles()
    {
        lock (Gate)
        {
            if (Directory.Exists(Path.Combine(OracleDir, "node_modules", "typescript")) &&
                Directory.Exists(Path.Combine(OracleDir, "node_modules", "acorn"))) return null;
            var (code, output) = Run(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", "install --no-audit --no-fund", OracleDir, TimeSpan.FromMinutes(5));
            return code == 0 ? null : $"npm install failed ({code}): {output}";
        }
    }

    public static (int ExitCode, string Output) Run(string file, string args, string workDir, TimeSpan timeout, string? stdin = null)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin != null,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        if (stdin != null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)timeout.TotalMilliseconds))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "timeout");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
