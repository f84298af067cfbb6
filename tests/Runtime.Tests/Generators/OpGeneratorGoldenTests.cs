using System.Runtime.CompilerServices;

namespace DualEngine.Runtime.Tests.Generators;

/// <summary>
/// Snapshots of the generator's output for representative ops (deno's op2 keeps expansion output as
/// golden files the same way). Run with DUALENGINE_UPDATE_GOLDEN=1 to rewrite the files after an
/// intended change, then review the diff.
/// </summary>
public sealed class OpGeneratorGoldenTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using DualEngine.Abstractions.Ops;

        """;

    [Fact]
    public void SyncOpsWithStringArguments() => AssertGolden("SyncStringOps", Usings + """
        namespace Sample;

        public static partial class TextOps
        {
            [Op]
            public static string op_text_repeat(string text, int count, string? separator) =>
                string.Join(separator ?? "", System.Linq.Enumerable.Repeat(text, count));

            [Op]
            internal static void op_text_log(string message, bool error) { }

            [Op]
            private static long op_text_length(byte[] data, uint offset, long extra, double scale) => data.Length;
        }
        """);

    [Fact]
    public void AsyncOps() => AssertGolden("AsyncOps", Usings + """
        namespace Sample;

        public static partial class FsOps
        {
            [Op]
            public static async Task<string> op_fs_read_text_file_async(string path)
            {
                await Task.Yield();
                return path;
            }

            [Op]
            public static Task op_fs_sleep_async(int ms) => Task.Delay(ms);

            [Op]
            public static ValueTask<byte[]?> op_fs_read_file_async(string path) => new((byte[]?)null);

            [Op]
            public static ValueTask op_fs_flush_async() => default;
        }
        """);

    [Fact]
    public void FastOps() => AssertGolden("FastOps", Usings + """
        namespace Sample;

        public static partial class MathOps
        {
            [Op(Fast = true)]
            public static int op_math_add(int a, int b) => a + b;

            [Op(Fast = true)]
            public static bool op_math_is_odd(uint value, bool invert) => (value % 2 == 1) != invert;

            [Op(Fast = true)]
            public static void op_math_noop() { }

            [Op(Fast = true)]
            public static double op_math_half(double value) => value / 2;

            // An async op beside fast ones: its helper awaits, so the class itself must not be unsafe.
            [Op]
            public static async Task<int> op_math_slow_async(int value) { await Task.Yield(); return value; }
        }
        """);

    [Fact]
    public void TypedSlowEntries() => AssertGolden("TypedOps", Usings + """
        namespace Sample;

        public sealed class Loop { public int Now; }
        public enum Mode { Read = 1, Write = 2 }

        public static partial class TimerOps
        {
            // State parameters and numbers/booleans: a typed entry (DirectOpInfo) besides Invoke.
            [Op]
            public static void op_timer_start([FromState] Loop loop, int id, double delay, bool refed) { }

            [Op]
            public static long op_timer_trunc(OpState state, long value, [FromState] Loop? maybe, uint bits) => value;

            [Op]
            public static Mode op_timer_mode(Mode mode) => mode;

            // No typed entry: a string parameter, an IOpCall parameter, more than 8 JS arguments, async.
            [Op]
            public static int op_timer_named(string name) => 0;

            [Op]
            public static int op_timer_raw(IOpCall call, int a) => a;

            [Op]
            public static int op_timer_nine(int a, int b, int c, int d, int e, int f, int g, int h, int i) => a;

            [Op]
            public static async Task<int> op_timer_wait_async(int ms) { await Task.Delay(ms); return ms; }
        }
        """);

    [Fact]
    public void StateAndStructuredParameters() => AssertGolden("StateOps", Usings + """
        namespace Sample;

        public sealed class Counter { public int Value; }
        public enum Mode { Read = 1, Write = 2 }

        public static partial class Outer
        {
            internal static partial class StateOps
            {
                [Op]
                public static double op_state_bump(OpState state, [FromState] Counter counter, [FromState] Counter? maybe, IOpCall call) => ++counter.Value;

                [Op]
                public static Mode op_state_mode(Mode mode, ReadOnlySpan<byte> bytes) => mode;

                [Op]
                public static System.Text.Json.JsonElement op_state_echo(System.Text.Json.JsonElement value) => value;

                [Op]
                public static OpValue op_state_raw() => OpValue.Null;
            }
        }
        """);

    [Fact]
    public void BadNameIsAnErrorAndTheOpIsLeftOut()
    {
        var run = AssertGolden("BadName", Usings + """
            namespace Sample;

            public static partial class BadOps
            {
                [Op] public static int readFile(string path) => 0;
                [Op] public static int op_bad_ok() => 1;
            }
            """, expectErrors: true);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DEOP001", diagnostic.Id);
        Assert.Contains("Op 'readFile' must be named op_<extension>_<verb>", diagnostic.GetMessage());
        // Reported on the readFile method itself (0-based line 7 of the input).
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("Ops.cs", 7), (span.Path, span.StartLinePosition.Line));
    }

    [Theory]
    [InlineData("[Op] public static int op_x_a(object o) => 0;", "DEOP002", "Parameter 'o' of op 'op_x_a' has type 'object'")]
    [InlineData("[Op] public static object op_x_a() => 0;", "DEOP003", "Op 'op_x_a' returns 'object'")]
    [InlineData("[Op(Fast = true)] public static int op_x_a(string s) => 0;", "DEOP004", "Fast op 'op_x_a' takes parameter 's'")]
    [InlineData("[Op(Fast = true)] public static Task<int> op_x_a() => Task.FromResult(1);", "DEOP004", "Fast op 'op_x_a' is async")]
    [InlineData("[Op(Fast = true)] public static long op_x_a() => 0;", "DEOP004", "Fast op 'op_x_a' returns Int64")]
    [InlineData("[Op] public int op_x_a() => 0;", "DEOP007", "Op 'op_x_a' must be static")]
    [InlineData("[Op] public static int op_x_a<T>() => 0;", "DEOP008", "Op 'op_x_a' must not be generic")]
    [InlineData("[Op] public static int op_x_a() => 0; [Op] public static int op_x_a(int a) => a;", "DEOP009", "Op 'op_x_a' is declared more than once in 'BadOps'")]
    [InlineData("[Op] public static int op_x_a([FromState] int a) => a;", "DEOP010", "Parameter 'a' of op 'op_x_a' is [FromState]")]
    public void BadSignaturesAreClearErrors(string member, string id, string message)
    {
        var run = GeneratorHarness.Generate(Usings + "public partial class BadOps { " + member + " }");
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage());
    }

    [Fact]
    public void NonPartialClassIsAnError()
    {
        var run = GeneratorHarness.Generate(Usings + "public static class Plain { [Op] public static int op_x_a() => 0; }");
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DEOP006", diagnostic.Id);
        Assert.Contains("'Plain'", diagnostic.GetMessage());
        // Nothing is emitted for it, so the user sees one error, not a second one about a partial declaration.
        Assert.Equal("", run.Generated);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void OpsInAGenericTypeAreAnErrorAndNotEmitted()
    {
        var run = GeneratorHarness.Generate(Usings + "public static partial class Box<T> { [Op] public static int op_x_a() => 0; }");
        Assert.Equal("DEOP008", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Equal("", run.Generated);
    }

    [Fact]
    public void FastOpWithoutUnsafeBlocksAsksForThem()
    {
        var run = GeneratorHarness.Generate(Usings + """
            public static partial class MathOps { [Op(Fast = true)] public static int op_math_add(int a, int b) => a + b; }
            """, allowUnsafe: false);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DEOP005", diagnostic.Id);
        Assert.Contains("<AllowUnsafeBlocks>true</AllowUnsafeBlocks>", diagnostic.GetMessage());
        // The rest still compiles, so the only error the user sees is the one that says what to do.
        Assert.Empty(run.CompilationErrors);
    }

    private static GeneratorHarness.Run AssertGolden(string name, string source, bool expectErrors = false,
        [CallerFilePath] string thisFile = "")
    {
        var run = GeneratorHarness.Generate(source);
        if (!expectErrors)
            Assert.Empty(run.GeneratorDiagnostics);
        // Generated code must compile on its own (with the input), or the golden file would bless a broken expansion.
        Assert.Empty(run.CompilationErrors.Where(d => !d.Id.StartsWith("DEOP", StringComparison.Ordinal)));
        Assert.Empty(run.GeneratedCodeWarnings);

        var goldenPath = Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden", name + ".golden.cs");
        if (Environment.GetEnvironmentVariable("DUALENGINE_UPDATE_GOLDEN") == "1")
            File.WriteAllText(goldenPath, run.Generated);
        Assert.True(File.Exists(goldenPath), $"missing {goldenPath}; run with DUALENGINE_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(goldenPath).ReplaceLineEndings("\n"), run.Generated);
        return run;
    }
}

public sealed class GeneratorHarnessTests
{
    [Fact]
    public void HarnessSeesWarningsInGeneratedFiles()
    {
        // An [Obsolete] op: the generated Invoke calls it, so the warning lands in the generated file.
        var run = GeneratorHarness.Generate("""
            using DualEngine.Abstractions.Ops;
            public static partial class OldOps { [System.Obsolete("old")] [Op] public static void op_old_x() { } }
            """);
        Assert.Contains(run.GeneratedCodeWarnings, d => d.Id == "CS0618");
    }
}
