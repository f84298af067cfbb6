using System.Diagnostics;
using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Errors;
using DualEngine.Abstractions.Ops;
using DualEngine.Test262.Host;
using DualEngine.Test262.Model;

namespace DualEngine.Test262.Running;

/// <summary>
/// Runs one test file in every mode it needs, each in a fresh realm that is disposed afterwards
/// (INTERPRETING.md: host, harness, then the test; async tests end by printing their verdict).
/// Never throws: whatever goes wrong becomes a failing <see cref="Outcome"/>.
/// </summary>
public sealed class TestExecutor(IJsEngine engine, string engineHostScript, string root, Harness harness, TimeSpan timeout)
{
    private const long HeapLimit = 1L << 30;  // a runaway test ends with OutOfMemory instead of taking the machine
    private static readonly string Prelude = Engines.ReadResource("prelude.js");
    private readonly Test262ModuleLoader _loader = new(root);
    private readonly string _rootUrl = new Uri(Path.GetFullPath(root).TrimEnd('/') + "/").AbsoluteUri;

    public Outcome Run(TestFile test)
    {
        var clock = Stopwatch.StartNew();
        foreach (var mode in test.Modes())
        {
            string? failure;
            try
            {
                failure = RunMode(test, mode);
            }
            catch (Exception ex)
            {
                failure = $"host error: {ex.GetType().Name}: {ex.Message}";
            }
            if (failure is not null)
                return Outcome.Fail(test.RelativePath, $"{mode.ToString().ToLowerInvariant()}: {OneLine(failure.Replace(_rootUrl, ""))}", clock.Elapsed.TotalMilliseconds);
        }
        return Outcome.Pass(test.RelativePath, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Returns null when the mode passed, else why it failed.</summary>
    private string? RunMode(TestFile test, RunMode mode)
    {
        var host = new TestHost();
        var state = new OpState();
        state.Put(host);
        using var realm = engine.CreateRealm(new RealmOptions
        {
            Ops = HostOps.All,
            State = state,
            ModuleLoader = _loader,
            HeapLimitBytes = HeapLimit,
        });
        host.Realm = realm;
        using var watchdog = new Watchdog(realm, host, timeout);

        try
        {
            if (engineHostScript.Length > 0) realm.EvaluateScript(engineHostScript, "test262-engine-host.js");
            realm.EvaluateScript(Prelude, "test262-host.js");
            if (mode != Model.RunMode.Raw)
            {
                foreach (string include in Harness.For(test))
                {
                    var (harnessUrl, source) = harness.Get(include);
                    realm.EvaluateScript(source, harnessUrl);
                }
            }
        }
        catch (JsException ex)
        {
            return ex.IsTermination ? Terminated(ex, watchdog) : $"harness failed: {ex.Error.Headline}";
        }

        JsError? error = null;
        bool pending = false;
        string url = new Uri(test.FullPath).AbsoluteUri;
        try
        {
            if (mode == Model.RunMode.Module)
            {
                var promise = realm.EvaluateModule(url);
                realm.RunMicrotasks();
                var status = realm.GetPromiseStatus(promise, out var rejection);
                if (status == PromiseStatus.Rejected) error = rejection;
                pending = status == PromiseStatus.Pending;
            }
            else
            {
                string source = mode == Model.RunMode.Strict ? "\"use strict\";\n" + test.Source : test.Source;
                realm.EvaluateScript(source, url);
                realm.RunMicrotasks();
            }
        }
        catch (JsException ex) when (ex.IsTermination)
        {
            return Terminated(ex, watchdog);
        }
        catch (JsException ex)
        {
            error = ex.Error;
        }
        if (watchdog.Fired) return "timeout";

        if (test.Negative is { } negative)
        {
            if (error is null) return $"expected {negative.Type} in phase {negative.Phase}, but nothing was thrown";
            string name = ErrorName(error);
            return name == negative.Type ? null : $"expected {negative.Type} in phase {negative.Phase}, got {Describe(error)}";
        }
        if (error is not null) return Describe(error);
        if (test.IsAsync)
        {
            List<string> printed;
            lock (host.Printed) printed = [.. host.Printed];
            if (printed.Contains("Test262:AsyncTestComplete")) return null;
            var failure = printed.FirstOrDefault(p => p.StartsWith("Test262:AsyncTestFailure:", StringComparison.Ordinal));
            return failure ?? "async test did not print Test262:AsyncTestComplete";
        }
        if (pending) return "module evaluation did not settle (top-level await pending)";
        return null;
    }

    private static string Terminated(JsException ex, Watchdog watchdog) =>
        ex.Error.Name == "OutOfMemory" ? "out of memory (1 GiB heap limit)" : watchdog.Fired ? "timeout" : $"terminated: {ex.Error.Message}";

    /// <summary>The thrown value's constructor name: the name property of an Error, or the "Name:" prefix of what a non-Error (Test262Error) converts to.</summary>
    private static string ErrorName(JsError error)
    {
        if (error.IsErrorObject) return error.Name;
        int colon = error.Message.IndexOf(':');
        return colon > 0 ? error.Message[..colon] : error.Message;
    }

    private static string Describe(JsError error) => error.IsErrorObject ? error.Headline : error.Message;

    private static string OneLine(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
