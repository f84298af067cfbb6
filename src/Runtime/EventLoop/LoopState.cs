using System.Diagnostics;
using DualEngine.Abstractions.Engines;

namespace DualEngine.Runtime.EventLoop;

/// <summary>What ops need of the event loop: timers, the clock, and the way out (Deno.exit).</summary>
public sealed class LoopState
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    internal readonly TimerQueue Timers = new();
    internal IRealm? Realm;

    internal long NowMs => _clock.ElapsedMilliseconds;

    /// <summary>Set by <c>Deno.exit(code)</c>; once set, no more JS runs and no more output is written.</summary>
    public int? ExitRequested { get; private set; }

    /// <summary>Deno.exitCode: the code used when the program ends normally.</summary>
    public int ExitCode { get; set; }

    internal void RequestExit(int code)
    {
        ExitRequested ??= code;
        Realm?.Terminate($"Deno.exit({code})");
    }
}
