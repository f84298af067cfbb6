using System.Text;
using System.Text.Json;
using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Errors;
using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Errors;
using DualEngine.Runtime.EventLoop;
using DualEngine.Runtime.Extensions;
using DualEngine.Runtime.Modules;
using DualEngine.Runtime.Permissions;
using DualEngine.Runtime.Ext.Resources;
using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime;

/// <summary>
/// A runtime on one engine realm (Deno's MainWorker): builds the realm from the extensions, runs a
/// main module or script, and drives the event loop until nothing keeps it alive. Returns Deno's exit
/// codes and prints uncaught errors in Deno's format; never throws for a script's own errors.
/// </summary>
public sealed class JsRuntime : IDisposable
{
    private readonly RuntimeOptions _options;
    private readonly IRealm _realm;
    private readonly LoopState _loop = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly AsyncOpQueue _asyncOps;
    private readonly Stdio _stdio;
    private readonly IModuleLoader _loader;
    private readonly ResourceTable _resources = new();
    private volatile bool _timedOut;
    private bool _loadDispatched;

    public JsRuntime(IJsEngine engine, RuntimeOptions options)
    {
        _options = options;
        _stdio = options.Stdio ?? Stdio.Console();
        _asyncOps = new AsyncOpQueue(_wake);
        var permissions = options.Permissions ?? new PermissionContainer(new PermissionOptions { Prompt = false });
        _loader = new EvalAwareLoader(options.ModuleLoader ?? new FileModuleLoader(new ModuleSpecifierResolver(), TypeScriptTranspiler.Transpile,
            new RemoteModuleStore(RemoteModuleStore.DefaultCacheDirectory, permissions)));
        var (extensions, ops, bootstrap) = Describe(options);
        var state = new OpState { AsyncOps = _asyncOps };
        state.Put(_stdio);
        state.Put(_loop);
        state.Put(permissions);
        _resources.AddStdio(ResourceTable.Stdin, new StdioResource("stdin"));
        _resources.AddStdio(ResourceTable.Stdout, new StdioResource("stdout"));
        _resources.AddStdio(ResourceTable.Stderr, new StdioResource("stderr"));
        state.Put(_resources);
        foreach (var ext in extensions) ext.InitializeState?.Invoke(state);
        _realm = engine.CreateRealm(new RealmOptions
        {
            Ops = ops,
            State = state,
            Bootstrap = bootstrap,
            ModuleLoader = _loader,
            HeapLimitBytes = options.HeapLimitBytes,
            Log = options.Log,
        });
        _loop.Realm = _realm;
        _realm.CallHook("bootstrap", [OpValue.FromJson(BootstrapJson(engine))]);
    }

    /// <summary>The engine realm, for hosts and tests that drive it directly.</summary>
    public IRealm Realm => _realm;

    /// <summary>The ordered extensions, their ops and bootstrap sources for <paramref name="options"/> (also what a snapshot holds).</summary>
    public static (IReadOnlyList<Extension> Extensions, IReadOnlyList<OpDescriptor> Ops, IReadOnlyList<ScriptSource> Bootstrap) Describe(RuntimeOptions options)
    {
        var extensions = ExtensionGraph.Order(BuiltinExtensions.All.Concat(options.Extensions));
        var ops = new List<OpDescriptor>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ext in extensions)
        {
            foreach (var op in ext.Ops)
            {
                if (!names.Add(op.Name)) throw new ExtensionException($"op {op.Name} of extension \"{ext.Name}\" is already defined");
                ops.Add(op);
            }
        }
        var bootstrap = extensions.SelectMany(e => e.Sources).Select(s => new ScriptSource(s.Name, s.Text)).ToList();
        return (extensions, ops, bootstrap);
    }

    /// <summary>Runs an ES module (a path or URL) as the main module; returns the exit code.</summary>
    public int RunMainModule(string specifier)
    {
        return Run(() =>
        {
            string url;
            try
            {
                url = ModuleSpecifierResolver.ResolveMainModule(specifier, Environment.CurrentDirectory).Href;
            }
            catch (Exception ex)
            {
                throw new JsException(new JsError("TypeError", ex.Message));
            }
            return _realm.EvaluateModule(url);
        });
    }

    /// <summary>Runs code as a module named $deno$eval (as `deno eval`); returns the exit code.</summary>
    public int RunEval(string code)
    {
        string url = new Uri(Path.Combine(Environment.CurrentDirectory, "$deno$eval.js")).AbsoluteUri;
        ((EvalAwareLoader)_loader).Add(url, code);
        return Run(() => _realm.EvaluateModule(url));
    }

    private int Run(Func<PromiseHandle> start)
    {
        using var timeout = _options.Timeout is { } limit
            ? new Timer(_ => { _timedOut = true; _realm.Terminate("timeout"); _wake.Release(); }, null, limit, Timeout.InfiniteTimeSpan)
            : null;
        try
        {
            PromiseHandle main;
            try
            {
                main = start();
            }
            catch (JsException ex) when (!ex.IsTermination)
            {
                Report(ErrorFormatter.LoadFailure(ex.Error));
                return 1;
            }
            return Loop(main);
        }
        catch (JsException ex) when (ex.IsTermination)
        {
            return Terminated(ex.Error);
        }
        catch (JsException ex)
        {
            Report(ErrorFormatter.Uncaught(ex.Error, inPromise: false));
            return 1;
        }
        finally
        {
            _stdio.Flush();
        }
    }

    // The event loop (ARCHITECTURE.md): due timers, then completed async ops in one batch, each followed
    // by a microtask checkpoint; repeat while ref'd timers or pending ops keep it alive.
    private int Loop(PromiseHandle main)
    {
        while (true)
        {
            _realm.RunMicrotasks();
            if (_loop.ExitRequested is { } exit) return exit;
            var status = _realm.GetPromiseStatus(main, out var rejection);
            if (status == PromiseStatus.Rejected)
            {
                Report(ErrorFormatter.Uncaught(rejection!, inPromise: true));
                return 1;
            }
            if (status == PromiseStatus.Fulfilled && !_loadDispatched)
            {
                // Deno: "load" once the main module has evaluated, before pending rejections are looked at.
                _loadDispatched = true;
                _realm.CallHook("lifecycle", [OpValue.From("load")]);
                continue;
            }
            if (Rejections() is { } failed) return failed;
            if (!Alive)
            {
                if (status == PromiseStatus.Pending)
                {
                    Report("error: Top-level await promise never resolved\n");
                    return 1;
                }
                // "beforeunload" when nothing is left; as in Deno, only a listener that cancels it keeps the
                // program running (work it merely schedules does not).
                bool cancelled = _realm.CallHook("lifecycle", [OpValue.From("beforeunload")]);
                if (Checkpoint() is { } afterBeforeUnload) return afterBeforeUnload;
                if (cancelled) continue;
                return Lifecycle("unload") ?? _loop.ExitCode;
            }
            if (!_asyncOps.HasCompletions)
            {
                long? delay = _loop.Timers.NextDelay(_loop.NowMs);
                if (delay is not 0)
                {
                    _stdio.Flush();
                    _wake.Wait(delay is { } ms ? (int)Math.Min(ms, int.MaxValue) : Timeout.Infinite);
                }
            }
            if (_timedOut) return Terminated(new JsError("Terminated", "timeout"));
            while (_loop.Timers.TryTakeDue(_loop.NowMs, out int id))
            {
                _realm.CallHook("timer", [OpValue.From(id)]);
                if (Checkpoint() is { } code) return code;
            }
            var completions = _asyncOps.Drain();
            if (completions.Length > 0) _realm.SettlePromises(completions);
        }
    }

    /// <summary>Ref'd timers and pending async ops keep the loop alive.</summary>
    private bool Alive => _loop.Timers.RefedCount > 0 || _asyncOps.Pending > 0;

    private int? Lifecycle(string type)
    {
        _realm.CallHook("lifecycle", [OpValue.From(type)]);
        return Checkpoint();
    }

    /// <summary>Microtask checkpoint, then exit requests and unhandled rejections. Returns an exit code to stop with, or null.</summary>
    private int? Checkpoint()
    {
        _realm.RunMicrotasks();
        return Rejections();
    }

    /// <summary>An exit request, or the first rejection no "unhandledrejection" listener handled, ends the program.</summary>
    private int? Rejections()
    {
        if (_loop.ExitRequested is { } code) return code;
        var unhandled = _realm.TakeUnhandledRejections();
        if (_loop.ExitRequested is { } exitCode) return exitCode;
        if (unhandled.Count > 0)
        {
            Report(ErrorFormatter.Uncaught(unhandled[0], inPromise: true));
            return 1;
        }
        return null;
    }

    private int Terminated(JsError error)
    {
        if (_loop.ExitRequested is { } code) return code;
        if (_timedOut) Report($"error: Execution timed out after {_options.Timeout!.Value.TotalMilliseconds:0} ms\n");
        else if (error.Name == "OutOfMemory") Report($"error: Uncaught RangeError: {error.Message}\n");
        else Report($"error: {error.Message}\n");
        return 1;
    }

    private void Report(string text) => _stdio.WriteError(text);

    private string BootstrapJson(IJsEngine engine)
    {
        return Ext.JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("args");
            foreach (var arg in _options.Args) json.WriteStringValue(arg);
            json.WriteEndArray();
            json.WriteNumber("pid", Environment.ProcessId);
            json.WriteString("version", _options.Version);
            json.WriteString("v8Version", engine.Name == "v8" ? engine.Version : "");
            json.WriteString("engine", engine.Name);
            json.WriteEndObject();
        });
    }

    public void Dispose()
    {
        _resources.Dispose();
        _realm.Dispose();
        _wake.Dispose();
    }

    /// <summary>Serves in-memory modules (the eval source) and delegates everything else.</summary>
    private sealed class EvalAwareLoader(IModuleLoader inner) : IModuleLoader
    {
        private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

        public void Add(string url, string source) => _sources[url] = source;

        public string Resolve(string specifier, string? referrer) =>
            _sources.ContainsKey(specifier) ? specifier : inner.Resolve(specifier, referrer);

        public ModuleSource Load(string url, string? type) =>
            _sources.TryGetValue(url, out var source) ? new ModuleSource(url, ModuleKind.JavaScript, source) : inner.Load(url, type);
    }
}
