using System.Text;
using Xunit.Abstractions;

namespace DualEngine.Conformance.Tests;

/// <summary>
/// conformance/ on every engine: each program must print what Deno printed (its expectations) on
/// every engine, except where known-failures.&lt;engine&gt;.txt lists it, and all engines must agree.
/// </summary>
[Collection("conformance")]
public sealed class ConformanceTests(ConformanceRunFixture run, ITestOutputHelper output) : IClassFixture<ConformanceRunFixture>
{
    public static TheoryData<string> Programs() => new(ConformanceProgram.All().Select(p => p.RelativePath));

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_prints_what_Deno_prints_on_every_engine(string path)
    {
        var program = new ConformanceProgram(path);
        Assert.True(program.HasExpectations, $"{path} has no expectations; run conformance/regenerate.sh {path}");
        Assert.NotEmpty(run.Engines);
        var problems = new StringBuilder();
        foreach (var engine in run.Engines)
        {
            var result = run.Result(engine, path);
            string diff = Compare(program.ExpectedStdout, program.ExpectedStderr, program.ExpectedExitCode, result);
            bool known = KnownFailures.For(engine).TryGetValue(path, out var reason);
            if (diff.Length > 0 && !known) problems.Append($"[{engine}] differs from Deno's output:\n{diff}");
            if (diff.Length > 0 && known) output.WriteLine($"[{engine}] known failure: {reason}");
            if (diff.Length == 0 && known) output.WriteLine($"[{engine}] listed in known-failures.{engine}.txt but passes now: remove the line");
        }
        // A difference between engines fails even where both differ from Deno in a known way, unless the
        // engine's known-failures list documents it (its own output differs from Deno's and so from the others').
        var first = run.Engines[0];
        foreach (var engine in run.Engines.Skip(1))
        {
            if (KnownFailures.For(engine).ContainsKey(path)) continue;
            var a = run.Result(first, path);
            string diff = Compare(a.Stdout, a.Stderr, a.ExitCode, run.Result(engine, path));
            if (diff.Length > 0) problems.Append($"[{engine}] differs from [{first}]:\n{diff}");
        }
        Assert.True(problems.Length == 0, $"{path}\n{problems}");
    }

    [Fact]
    public void Known_failure_lists_name_existing_programs()
    {
        var programs = ConformanceProgram.All().Select(p => p.RelativePath).ToHashSet(StringComparer.Ordinal);
        foreach (var engine in Engines.Known)
        {
            var stale = KnownFailures.For(engine).Keys.Where(k => !programs.Contains(k)).ToList();
            Assert.True(stale.Count == 0, $"known-failures.{engine}.txt names missing programs: {string.Join(", ", stale)}");
        }
    }

    /// <summary>Empty when the result matches; else a readable report of each stream that differs.</summary>
    private static string Compare(string stdout, string stderr, int code, ProcessResult actual)
    {
        var text = new StringBuilder();
        if (actual.TimedOut) text.AppendLine("  timed out (killed)");
        if (actual.ExitCode != code) text.AppendLine($"  exit code: expected {code}, got {actual.ExitCode}");
        if (actual.Stdout != stdout) text.Append("  stdout (- expected, + actual):\n").Append(TextDiff.Lines(stdout, actual.Stdout));
        if (actual.Stderr != stderr) text.Append("  stderr (- expected, + actual):\n").Append(TextDiff.Lines(stderr, actual.Stderr));
        return text.ToString();
    }
}
