using System.Diagnostics;
using DualEngine.Engine.Interpreter;

namespace DualEngine.Engine;

/// <summary>
/// The managed ECMAScript engine: an agent (§9.7) that owns the call stack and the limits, and creates realms.
/// Single-threaded: use an engine and its realms from one thread at a time (only <see cref="Terminate"/> is thread-safe).
/// </summary>
public sealed class JsEngine
{
    static JsEngine() => JsValue.CheckLayout();

    public JsEngine(EngineOptions? options = null)
    {
        Options = options ?? new EngineOptions();
        MemoryLimit = Options.MemoryLimitBytes ?? long.MaxValue;
        MaxCallDepth = Options.MaxCallDepth;
        Machine = new Machine(this);
    }

    public EngineOptions Options { get; }

    public Realm CreateRealm() => new(this);

    /// <summary>Stops the running script as soon as possible (callable from any thread).</summary>
    public void Terminate() => _terminateRequested = true;

    /// <summary>Bytes accounted against the memory budget so far.</summary>
    public long AccountedBytes => AllocatedBytes;

    internal readonly Machine Machine;
    internal long AllocatedBytes;
    internal readonly long MemoryLimit;
    private volatile bool _terminateRequested;

    // ---- host entry bookkeeping ----

    private int _hostDepth;
    private long _deadline;
    private JsEngine? _previousCurrent;

    /// <summary>Called when the host enters JS; starts the time budget for the outermost entry.</summary>
    internal void EnterHost()
    {
        if (_hostDepth++ == 0)
        {
            _previousCurrent = MemoryBudget.Current;
            MemoryBudget.Current = this;
            _terminateRequested = false;
            _deadline = Options.TimeLimit is { } limit ? Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
            _ticks = 0;
        }
    }

    internal void ExitHost()
    {
        if (--_hostDepth == 0)
        {
            MemoryBudget.Current = _previousCurrent;
            _previousCurrent = null;
        }
    }

    // ---- limits ----

    internal int CallDepth;
    /// <summary><see cref="EngineOptions.MaxCallDepth"/>, kept here: every call compares with it, and through Options it is one more dependent load.</summary>
    internal readonly int MaxCallDepth;
    private int _ticks;

    /// <summary>Checked at loop back-edges and calls: time budget, cancellation, Terminate. Cheap unless every 4096th tick.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Tick()
    {
        if (++_ticks < 4096) return;
        _ticks = 0;
        CheckInterrupts();
    }

    private void CheckInterrupts()
    {
        if (_terminateRequested) throw new ScriptTerminatedException("Terminated", "Script terminated by the host");
        if (Options.CancellationToken.IsCancellationRequested) throw new ScriptTerminatedException("Terminated", "Script cancelled");
        if (Stopwatch.GetTimestamp() > _deadline) throw new ScriptTerminatedException("Terminated", "Script timed out");
    }

    /// <summary>
    /// Counts one more call, JS or native, toward <see cref="MaxCallDepth"/> (RangeError beyond it). For natives the
    /// .NET stack is also checked where they re-enter JS (see Interpreter.StackSwitch) and where they recurse
    /// themselves (Throw.IfStackLow).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnterCall()
    {
        if (++CallDepth > MaxCallDepth)
        {
            CallDepth--;
            Throw.StackOverflow();
        }
    }

    internal void ExitCall() => CallDepth--;
}
