using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.EventLoop;

namespace DualEngine.Runtime.Ext.Timers;

/// <summary>Ops behind js/02_timers.js. Callbacks stay in JS; the loop calls the "timer" hook with the id when due.</summary>
public static partial class TimerOps
{
    [Op]
    public static void op_timer_start([FromState] LoopState loop, int id, double delayMs, bool refed) =>
        loop.Timers.Start(id, delayMs, refed, loop.NowMs);

    [Op]
    public static void op_timer_cancel([FromState] LoopState loop, int id) => loop.Timers.Cancel(id);

    [Op]
    public static void op_timer_ref([FromState] LoopState loop, int id, bool refed) => loop.Timers.SetRef(id, refed);

    /// <summary>performance.now(): milliseconds since the runtime started, with sub-millisecond precision.</summary>
    [Op(Fast = true)]
    public static double op_timer_now() => System.Diagnostics.Stopwatch.GetElapsedTime(StartTimestamp).TotalMilliseconds;

    private static readonly long StartTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
}
