using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Errors;
using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;
using DualEngine.Backends.V8.Native;

namespace DualEngine.Backends.V8;

/// <summary>A V8 isolate with one context. Thread-safe entry through the shim's Locker; meant for one thread at a time.</summary>
internal sealed unsafe class V8Realm : IRealm
{
    private nint _native;
    private GCHandle _self;
    private GCHandle _state;  // the OpState typed slow entries get (DirectOpInfo)
    private readonly Action<string>? _log;

    internal readonly OpDescriptor[] Ops;
    internal readonly V8OpCall Call;
    internal readonly IModuleLoader? ModuleLoader;
    internal GCHandle PinnedModuleSource;  // kept alive until the shim compiled it (next load call frees it)

    private readonly MappedSnapshot? _snapshot;  // V8 may read it until the isolate is gone

    internal V8Realm(OpDescriptor[] ops, nint opTable, RealmOptions options, MappedSnapshot? snapshot)
    {
        _snapshot = snapshot;
        Ops = ops;
        Call = new V8OpCall(options.State);
        ModuleLoader = options.ModuleLoader;
        _log = options.Log;
        _self = GCHandle.Alloc(this);
        _state = GCHandle.Alloc(options.State);
        _native = Dv8.RealmNew(GCHandle.ToIntPtr(_self), GCHandle.ToIntPtr(_state), opTable,
            snapshot is null ? null : snapshot.Blob, snapshot?.BlobLength ?? 0, options.HeapLimitBytes ?? 0);
        if (_native == 0)
        {
            _self.Free();
            _state.Free();
            snapshot?.Dispose();
            throw new InvalidOperationException("V8 could not create an isolate");
        }
        FromSnapshot = Dv8.RealmFromSnapshot(_native) != 0;
    }

    internal bool FromSnapshot { get; }

    /// <summary>See <see cref="V8Engine.LeaveIsolatesAtExit"/>.</summary>
    internal bool LeaveIsolateAtExit { get; init; }

    // Every handle the shim passes back is this realm's own (_self): no type check needed on each op call.
    internal static V8Realm FromHandle(nint handle) => Unsafe.As<V8Realm>(GCHandle.FromIntPtr(handle).Target!);

    public long HeapUsedBytes => (long)Dv8.HeapUsed(Native);

    private nint Native => _native != 0 ? _native : throw new ObjectDisposedException(nameof(V8Realm));

    public void EvaluateScript(string source, string fileName)
    {
        int rc;
        fixed (char* src = source)
        fixed (char* name = fileName)
        {
            rc = Dv8.EvalScript(Native, src, source.Length, name, fileName.Length);
        }
        if (rc != 0) throw LastError();
    }

    public PromiseHandle EvaluateModule(string url)
    {
        int rc, id;
        fixed (char* u = url)
        {
            rc = Dv8.EvalModule(Native, u, url.Length, &id);
        }
        ReleaseModuleSource();
        if (rc != 0) throw LastError();
        return new PromiseHandle(id);
    }

    public PromiseStatus GetPromiseStatus(PromiseHandle promise, out JsError? rejection)
    {
        rejection = null;
        switch (Dv8.PromiseStatus(Native, promise.Id))
        {
            case 0: return PromiseStatus.Fulfilled;
            case 2: return PromiseStatus.Pending;
            case 1:
                rejection = V8Values.ReadError(Dv8.LastError(Native));
                return PromiseStatus.Rejected;
            default: throw new ArgumentException($"no promise with id {promise.Id}", nameof(promise));
        }
    }

    public void SettlePromises(ReadOnlySpan<PromiseSettlement> settlements)
    {
        nint realm = Native;
        foreach (var s in settlements)
        {
            if (s.Error is { } error)
            {
                V8Values.With(OpValue.From(error.Message), value =>
                {
                    fixed (char* cls = error.ClassName)
                    {
                        Dv8.Settle(realm, s.PromiseId, value, cls, error.ClassName.Length);
                    }
                });
            }
            else
            {
                V8Values.With(s.Value, value => Dv8.Settle(realm, s.PromiseId, value, null, 0));
            }
        }
    }

    public bool CallHook(string hook, ReadOnlySpan<OpValue> args)
    {
        // Pin every argument's payload for the duration of the call.
        var natives = new Dv8Value[args.Length];
        var pins = new GCHandle[args.Length];
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                natives[i] = new Dv8Value { Kind = (int)args[i].Kind, Number = args[i].Number };
                if (args[i].Ref is { } payload)
                {
                    pins[i] = GCHandle.Alloc(payload, GCHandleType.Pinned);
                    natives[i].Data = (void*)pins[i].AddrOfPinnedObject();
                    natives[i].Length = payload switch { string s => s.Length, byte[] b => b.Length, _ => 0 };
                }
            }
            int rc, truthy = 0;
            fixed (char* name = hook)
            fixed (Dv8Value* values = natives)
            {
                rc = Dv8.CallHook(Native, name, hook.Length, values, args.Length, &truthy);
            }
            if (rc == 1) throw LastError();
            return rc == 0 && truthy != 0;
        }
        finally
        {
            foreach (var pin in pins)
                if (pin.IsAllocated) pin.Free();
        }
    }

    public void RunMicrotasks()
    {
        if (Dv8.RunMicrotasks(Native) != 0) throw LastError();
    }

    public IReadOnlyList<JsError> TakeUnhandledRejections()
    {
        List<JsError>? list = null;
        while (Dv8.TakeUnhandledRejection(Native) == 0)
            (list ??= []).Add(V8Values.ReadError(Dv8.LastError(Native)));
        return list ?? (IReadOnlyList<JsError>)[];
    }

    public void Terminate(string reason)
    {
        _log?.Invoke($"terminating: {reason}");
        var native = _native;
        if (native != 0) Dv8.Terminate(native);
    }

    private JsException LastError() => new(V8Values.ReadError(Dv8.LastError(Native)));

    internal void ReleaseModuleSource()
    {
        if (PinnedModuleSource.IsAllocated) PinnedModuleSource.Free();
    }

    public void Dispose()
    {
        if (_native == 0) return;
        if (LeaveIsolateAtExit)
        {
            // The process is about to end: the isolate and the handles the shim holds to this realm stay as they are.
            _native = 0;
            return;
        }
        Dv8.RealmDispose(_native);
        _native = 0;
        _snapshot?.Dispose();
        ReleaseModuleSource();
        _self.Free();
        _state.Free();
    }
}
