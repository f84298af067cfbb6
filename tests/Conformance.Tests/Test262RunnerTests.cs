using Xunit.Abstractions;

namespace DualEngine.Conformance.Tests;

/// <summary>
/// The test262 runner on a tiny made-up test262 tree (in a temp folder, with the real harness files):
/// it must tell passes from failures for each kind of test, and survive a test that hangs and one
/// that aborts the engine's process.
/// </summary>
[Collection("conformance")]
public sealed class Test262RunnerTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"fake-test262-{Environment.ProcessId}-{Guid.NewGuid():N}");

    [Fact]
    public void Runner_reports_each_kind_of_outcome_and_survives_hangs_and_crashes()
    {
        string? harness = FindSharedHarness();
        if (harness is null)
        {
            output.WriteLine("shared/test262 not found: nothing to run");
            return;
        }
        Directory.CreateDirectory(Path.Combine(_root, "harness"));
        foreach (var name in new[] { "assert.js", "sta.js", "doneprintHandle.js", "compareArray.js" })
            File.Copy(Path.Combine(harness, name), Path.Combine(_root, "harness", name));

        Write("pass.js", "flags: [onlyStrict]", "assert.sameValue(1 + 1, 2);");
        Write("fail.js", "", "assert.sameValue(1, 2, 'deliberate');");
        Write("sloppy-only-fails-in-strict.js", "", "with ({}) {}");
        Write("includes.js", "includes: [compareArray.js]", "assert.compareArray([1, 2], [1, 2]);");
        Write("async-pass.js", "flags: [async]", "Promise.resolve().then(() => $DONE());");
        Write("async-never-done.js", "flags: [async]", "Promise.resolve();");
        Write("negative-parse.js", "negative:\n  phase: parse\n  type: SyntaxError", "$DONOTEVALUATE();\nvar = ;");
        Write("negative-wrong-type.js", "negative:\n  phase: runtime\n  type: TypeError", "throw new RangeError('x');");
        Write("module.js", "flags: [module]", "import { v } from './module-dep_FIXTURE.js';\nassert.sameValue(v, 42);");
        File.WriteAllText(Path.Combine(_root, "test", "module-dep_FIXTURE.js"), "export const v = 42;\n");
        Write("eval-script.js", "", "$262.evalScript('let fromEvalScript = 7;');\nassert.sameValue(fromEvalScript, 7);\nassert.throws(SyntaxError, () => $262.evalScript('let fromEvalScript = 8;'));");
        Write("detach.js", "", "var b = new ArrayBuffer(8);\n$262.detachArrayBuffer(b);\nassert.sameValue(b.byteLength, 0);");
        Write("excluded.js", "features: [Temporal]", "throw new Error('must be skipped');");
        Write("hangs.js", "", "while (true) {}");
        Write("aborts.js", "", "eval('%AbortJS(\"deliberate abort\")');");

        string outDir = Path.Combine(_root, "out");
        var result = ProcessRunner.Run(RepoPaths.DotnetHost,
            [RepoPaths.Test262Runner, "--test262", _root, "--engine", "v8", "--timeout", "1500", "--out", outDir],
            RepoPaths.Root, TimeSpan.FromMinutes(3));
        output.WriteLine(result.Stdout + result.Stderr);
        Assert.False(result.TimedOut, "the runner hung");
        Assert.Equal(1, result.ExitCode);  // failures that no baseline lists are regressions

        var failures = File.ReadLines(Path.Combine(outDir, "v8-failures.txt"))
            .Where(l => !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf("  #", StringComparison.Ordinal)]["test/".Length..], l => l[(l.IndexOf("  #", StringComparison.Ordinal) + 3)..].Trim());
        Assert.Equal(
            ["aborts.js", "async-never-done.js", "fail.js", "hangs.js", "negative-wrong-type.js", "sloppy-only-fails-in-strict.js"],
            failures.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("sloppy: Test262Error: deliberate", failures["fail.js"]);
        Assert.StartsWith("strict: SyntaxError", failures["sloppy-only-fails-in-strict.js"]);
        Assert.Contains("did not print Test262:AsyncTestComplete", failures["async-never-done.js"]);
        Assert.Contains("expected TypeError", failures["negative-wrong-type.js"]);
        Assert.Equal("sloppy: timeout", failures["hangs.js"]);
        Assert.StartsWith("crash:", failures["aborts.js"]);
        Assert.Contains("| **total** | 14 | 7 | 6 | 1 |", File.ReadAllText(Path.Combine(outDir, "v8.md")));
    }

    private void Write(string name, string frontmatter, string body)
    {
        Directory.CreateDirectory(Path.Combine(_root, "test"));
        File.WriteAllText(Path.Combine(_root, "test", name), $"/*---\ndescription: runner self-test\n{frontmatter}\n---*/\n{body}\n");
    }

    private static string? FindSharedHarness()
    {
        for (var dir = new DirectoryInfo(RepoPaths.Root); dir is not null; dir = dir.Parent)
        {
            var harness = Path.Combine(dir.FullName, "shared", "test262", "harness");
            if (File.Exists(Path.Combine(harness, "assert.js"))) return harness;
        }
        return null;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
