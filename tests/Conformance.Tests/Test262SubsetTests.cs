using Xunit.Abstractions;

namespace DualEngine.Conformance.Tests;

/// <summary>
/// The test262 CI subset (every 10th file by a stable hash; tools/Test262/README.md) on every engine the
/// runner can create, through the built runner as a process. Fails on any test that fails and is not
/// in tools/Test262/baselines/&lt;engine&gt;.txt, i.e. on a regression.
/// </summary>
[Collection("conformance")]
public sealed class Test262SubsetTests(ITestOutputHelper output)
{
    [Fact]
    public void Test262_ci_subset_has_no_regressions()
    {
        Assert.True(File.Exists(RepoPaths.Test262Runner), $"{RepoPaths.Test262Runner} is not built");
        // A fresh folder per run: concurrent runs on one machine must not share (or delete) each other's.
        string outDir = Path.Combine(Path.GetTempPath(), $"test262-ci-{Guid.NewGuid():N}");
        ProcessResult result;
        try
        {
            result = ProcessRunner.Run(RepoPaths.DotnetHost, [RepoPaths.Test262Runner, "--ci", "--engine", "all", "--out", outDir],
                RepoPaths.Root, TimeSpan.FromMinutes(10));
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
        output.WriteLine(result.Stdout);
        output.WriteLine(result.Stderr);
        // The runner's pass-rate tables and verdict lines (not its progress) for CI's log.
        CiSummary.Write("test262-subset.md", "test262 CI subset (every 10th file):\n" +
            string.Join('\n', result.Stdout.Split('\n').Where(l => l.StartsWith('|') || l.Contains(" passed, ", StringComparison.Ordinal) || l.Contains("REGRESSION", StringComparison.Ordinal))) + "\n");
        if (result.ExitCode == 2 && result.Stderr.Contains("test262 not found", StringComparison.Ordinal))
        {
            output.WriteLine("shared/test262 is not beside the repository: nothing to run");
            return;
        }
        Assert.False(result.TimedOut, "the test262 CI subset took over 10 minutes");
        Assert.True(result.ExitCode == 0, $"test262 CI subset failed (exit {result.ExitCode}):\n{Tail(result.Stdout, 120)}\n{result.Stderr}");
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}
