using DualEngine.Abstractions.Engines;
using DualEngine.Runtime;
using DualEngine.Runtime.Extensions;

namespace DualEngine.Tests.Shared;

/// <summary>
/// The runtime (event loop, console, timers, exit codes, error output) in process, written once and run on
/// every engine: each backend's test project derives a class that says which engine.
/// </summary>
public abstract class RuntimeContractTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dualrt-rt-").FullName;

    /// <summary>A fresh engine for one runtime.</summary>
    protected abstract IJsEngine CreateEngine();

    /// <summary>What <c>e.promise instanceof Promise</c> prints in rejection events: "true" where the engine tells the host which promise was rejected.</summary>
    protected virtual string RejectionEventHasPromise => "true";

    /// <summary>Whether a handler attached after an "unhandledrejection" reaches the "rejectionhandled" event.</summary>
    protected virtual bool ReportsLateHandlers => true;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(string source, TimeSpan? timeout = null, long? heapLimit = null, string[]? args = null)
    {
        string path = Path.Combine(_dir, "main.js");
        File.WriteAllText(path, source);
        var (code, stdout, stderr) = RuntimeHarness.Run(CreateEngine(), path, stdio => new RuntimeOptions
        {
            Stdio = stdio,
            Timeout = timeout,
            HeapLimitBytes = heapLimit,
            Args = args ?? [],
        });
        return (code, stdout, stderr.Replace(new Uri(path).AbsoluteUri, "file:///main.js"));
    }

    [Fact]
    public void Timers_microtasks_and_sync_code_run_in_html_order()
    {
        var (code, output, _) = Run("""
            console.log("sync 1");
            setTimeout(() => { console.log("timeout 0 a"); Promise.resolve().then(() => console.log("micro in timeout a")); }, 0);
            setTimeout(() => console.log("timeout 0 b"), 0);
            // Registered after the 0 ms timers: its deadline is then later than theirs however long the thread stalls
            // between these calls (registered first, a stall of over 100 ms before the next call made it due first).
            setTimeout(() => console.log("timeout 100"), 100);
            queueMicrotask(() => console.log("microtask"));
            Promise.resolve().then(() => console.log("promise"));
            const id = setTimeout(() => console.log("cancelled"), 5);
            clearTimeout(id);
            let n = 0;
            const iv = setInterval(() => { console.log("interval", ++n); if (n === 3) clearInterval(iv); }, 1);
            console.log("sync 2");
            """);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // On failure, show the whole output: ordering bugs are easier to read from it than from one assertion.
        Assert.True(lines.Length >= 7 && lines[..7].SequenceEqual(["sync 1", "sync 2", "microtask", "promise", "timeout 0 a", "micro in timeout a", "timeout 0 b"]), output);
        Assert.True(lines.Where(l => l.StartsWith("interval")).SequenceEqual(["interval 1", "interval 2", "interval 3"]), output);
        Assert.True(lines.Last(l => l.StartsWith("timeout")) == "timeout 100", output);
        Assert.DoesNotContain("cancelled", output);
    }

    [Fact]
    public void Unref_timer_does_not_keep_the_program_alive()
    {
        var (code, output, _) = Run("""
            const id = setTimeout(() => console.log("never"), 50);
            Deno.unrefTimer(id);
            console.log("done");
            """);
        Assert.Equal(0, code);
        Assert.Equal("done\n", output);
    }

    [Fact]
    public void Deno_exit_stops_immediately_with_its_code()
    {
        var (code, output, _) = Run("""
            console.log("before");
            setTimeout(() => { Deno.exit(7); console.log("after exit"); }, 1);
            """);
        Assert.Equal(7, code);
        Assert.Equal("before\n", output);
    }

    [Fact]
    public void Deno_exitCode_is_used_at_normal_end_and_args_are_passed()
    {
        var (code, output, _) = Run("Deno.exitCode = 3; console.log(Deno.args.join('|'));", args: ["a", "b c"]);
        Assert.Equal(3, code);
        Assert.Equal("a|b c\n", output);
    }

    [Fact]
    public void Top_level_throw_prints_deno_shaped_error_with_caret()
    {
        var (code, _, err) = Run("function foo() {\n  throw new Error(\"boom\");\n}\nfoo();\n");
        Assert.Equal(1, code);
        Assert.Equal("""
            error: Uncaught (in promise) Error: boom
              throw new Error("boom");
                    ^
                at foo (file:///main.js:2:9)
                at file:///main.js:4:1

            """.Replace("\r", ""), err);
    }

    [Fact]
    public void Throw_in_timer_is_an_uncaught_error()
    {
        var (code, _, err) = Run("setTimeout(() => { throw new TypeError('late'); }, 1);");
        Assert.Equal(1, code);
        Assert.StartsWith("error: Uncaught TypeError: late\n", err);
    }

    [Fact]
    public void Unhandled_rejection_exits_with_1()
    {
        var (code, output, err) = Run("Promise.reject(new RangeError('nobody listens')); setTimeout(() => console.log('not reached'), 20);");
        Assert.Equal(1, code);
        Assert.StartsWith("error: Uncaught (in promise) RangeError: nobody listens\n", err);
        Assert.Equal("", output);
    }

    [Fact]
    public void Infinite_loop_is_stopped_by_the_timeout()
    {
        var (code, _, err) = Run("while (true) {}", timeout: TimeSpan.FromMilliseconds(300));
        Assert.Equal(1, code);
        Assert.Equal("error: Execution timed out after 300 ms\n", err);
    }

    [Fact]
    public void Allocation_bomb_is_stopped_by_the_heap_limit()
    {
        var (code, _, err) = Run("const keep = []; while (true) keep.push(new Array(1000).fill(Math.random()));", heapLimit: 64L << 20);
        Assert.Equal(1, code);
        Assert.Contains("heap out of memory", err);
    }

    [Fact]
    public void Top_level_await_that_never_settles_is_reported()
    {
        var (code, _, err) = Run("await new Promise(() => {});");
        Assert.Equal(1, code);
        Assert.Equal("error: Top-level await promise never resolved\n", err);
    }

    [Fact]
    public void Uncaught_op_error_shows_the_programs_line_not_the_runtimes()
    {
        var (code, _, err) = Run("console.log('start');\nconst text = Deno.readTextFileSync('/nonexistent/dualrt-file');\n");
        Assert.Equal(1, code);
        var lines = err.Split('\n');
        Assert.StartsWith("error: Uncaught (in promise) NotCapable: Requires read access", lines[0]);  // the harness grants nothing
        // As Deno: the code frame is the program's line (the error was built in ext:fs), the caret at its call.
        Assert.Equal("const text = Deno.readTextFileSync('/nonexistent/dualrt-file');", lines[1]);
        Assert.Matches(@"^ {13,18}\^$", lines[2]);
        Assert.Contains("at file:///main.js:2:", err);
    }

    [Fact]
    public void Op_errors_surface_as_Deno_errors_classes()
    {
        var (code, output, _) = Run("""
            console.log(typeof Deno.errors.NotFound, new Deno.errors.NotCapable("x") instanceof Error, new Deno.errors.BadResource("y").name);
            """);
        Assert.Equal(0, code);
        Assert.Equal("function true BadResource\n", output);
    }

    [Fact]
    public void Console_formats_values_like_deno()
    {
        var (_, output, _) = Run("""
            console.log("s", 1, -0, 10n, true, null, undefined, Symbol("q"));
            console.log({ a: 1, "b-c": "x", n: { m: [1, "two"] } }, [], {});
            console.log(new Map([[1, "a"]]), new Set([1]), [function f() {}, class K {}]);
            console.log("%s is %d years and %i", "Bob", 42.5, 42.9, "extra");
            """);
        Assert.Equal("""
            s 1 -0 10n true null undefined Symbol(q)
            { a: 1, "b-c": "x", n: { m: [ 1, "two" ] } } [] {}
            Map(1) { 1 => "a" } Set(1) { 1 } [ [Function: f], [class K] ]
            Bob is 42 years and 42 extra

            """.Replace("\r", ""), output);
    }

    [Fact]
    public void Lifecycle_and_unhandledrejection_events_follow_deno()
    {
        // Expected output produced by deno 2.9.6 on the same program.
        var (code, output, _) = Run("""
            addEventListener("load", () => console.log("load"));
            addEventListener("beforeunload", () => console.log("beforeunload"));
            addEventListener("unload", () => console.log("unload"));
            addEventListener("unhandledrejection", (e) => { console.log("unhandled:", e.reason.message, e.promise instanceof Promise); e.preventDefault(); });
            Promise.reject(new Error("handled by listener"));
            setTimeout(() => console.log("timer"), 5);
            console.log("main");
            """);
        Assert.Equal(0, code);
        Assert.Equal($"main\nload\nunhandled: handled by listener {RejectionEventHasPromise}\ntimer\nbeforeunload\nunload\n", output);
    }

    [Fact]
    public void Cancelled_beforeunload_keeps_running_and_uncancelled_does_not()
    {
        var (code, output, _) = Run("""
            let n = 0;
            addEventListener("beforeunload", (e) => {
              console.log("beforeunload", n);
              if (n++ < 2) { e.preventDefault(); setTimeout(() => console.log("more work", n), 1); }
              else setTimeout(() => console.log("never: not cancelled"), 1);
            });
            addEventListener("unload", () => console.log("unload"));
            """);
        Assert.Equal(0, code);
        Assert.Equal("beforeunload 0\nmore work 1\nbeforeunload 1\nmore work 2\nbeforeunload 2\nunload\n", output);
    }

    [Fact]
    public void Unhandledrejection_listener_that_does_not_prevent_leaves_it_fatal()
    {
        var (code, output, err) = Run("""
            addEventListener("unhandledrejection", () => console.log("seen, not prevented"));
            Promise.reject(new Error("still fatal"));
            """);
        Assert.Equal(1, code);
        Assert.Equal("seen, not prevented\n", output);
        Assert.StartsWith("error: Uncaught (in promise) Error: still fatal\n", err);
    }

    [Fact]
    public void EventTarget_dispatch_once_handleEvent_and_stopImmediatePropagation()
    {
        var (_, output, _) = Run("""
            const t = new EventTarget();
            const e = new Event("x", { cancelable: true });
            t.addEventListener("x", (ev) => { console.log("1", ev.type, ev.target === t, ev.eventPhase); ev.preventDefault(); }, { once: true });
            t.addEventListener("x", { handleEvent(ev) { console.log("2", this !== t, ev.defaultPrevented); ev.stopImmediatePropagation(); } });
            t.addEventListener("x", () => console.log("3 never"));
            console.log(t.dispatchEvent(e), e.defaultPrevented, e.eventPhase);
            console.log(t.dispatchEvent(new Event("x")));
            """);
        Assert.Equal("1 x true 2\n2 true true\nfalse true 0\n2 true false\ntrue\n", output);
    }

    [Fact]
    public void TypeScript_modules_run_with_types_erased_and_positions_kept()
    {
        File.WriteAllText(Path.Combine(_dir, "b.ts"), "export const twice = (n: number): number => n * 2;\n");
        string main = Path.Combine(_dir, "a.ts");
        File.WriteAllText(main, """
            interface Point { x: number; y: number }
            enum Color { Red, Green = "g" }
            import { twice } from "./b.ts";
            class Box<T> { constructor(private readonly value: T) {} get(): T { return this.value; } }
            console.log(Math.hypot(3, 4 as number), Color.Red, Color.Green, new Box<string>("boxed").get(), twice(21)!);
            throw new Error("where?");
            """);
        var (code, stdout, stderr) = RuntimeHarness.Run(CreateEngine(), main);
        Assert.Equal(1, code);
        Assert.Equal("5 0 g boxed 42\n", stdout);
        Assert.Contains($"at {new Uri(main).AbsoluteUri}:6:7", stderr);  // same line:col as the .ts source
    }

    [Fact]
    public void User_extension_from_examples_adds_ops_js_and_state()
    {
        string main = Path.Combine(_dir, "ext.js");
        File.WriteAllText(main, "console.log(greeting.greet('Ada'), greeting.greet('Bo'), await greeting.shout('hi'));");
        var (code, stdout, _) = RuntimeHarness.Run(CreateEngine(), main, stdio => new RuntimeOptions
        {
            Stdio = stdio,
            Extensions = [Examples.CustomExtension.GreetingExtension.Create()],
        });
        Assert.Equal(0, code);
        Assert.Equal("Hello, Ada! (greeting #1) Hello, Bo! (greeting #2) HI\n", stdout);
    }

    [Fact]
    public void Extension_with_a_missing_or_cyclic_dependency_is_a_clear_error_at_start()
    {
        var missing = new Extension { Name = "lonely", Dependencies = ["nowhere"] };
        var ex = Assert.Throws<ExtensionException>(() => new JsRuntime(CreateEngine(), new RuntimeOptions { Extensions = [missing] }));
        Assert.Equal("extension \"lonely\" depends on \"nowhere\", which is not registered", ex.Message);
        var a = new Extension { Name = "a", Dependencies = ["b"] };
        var b = new Extension { Name = "b", Dependencies = ["a"] };
        ex = Assert.Throws<ExtensionException>(() => new JsRuntime(CreateEngine(), new RuntimeOptions { Extensions = [a, b] }));
        Assert.Equal("extension dependency cycle: a -> b -> a", ex.Message);
    }

    [Fact]
    public void Late_handler_dispatches_rejectionhandled_after_its_checkpoint()
    {
        // Expected output produced by deno 2.9.6 on the same program.
        var (code, output, _) = Run("""
            addEventListener("unhandledrejection", (e) => { console.log("unhandled", e.reason.message); e.preventDefault(); });
            addEventListener("rejectionhandled", (e) => console.log("handled later", e.reason.message, e.promise instanceof Promise));
            const p = Promise.reject(new Error("late"));
            setTimeout(() => { p.catch(() => console.log("caught")); }, 10);
            """);
        Assert.Equal(0, code);
        Assert.Equal("unhandled late\ncaught\n" + (ReportsLateHandlers ? "handled later late true\n" : ""), output);
    }
}
