namespace DualEngine.Backends.Managed;

/// <summary>
/// A backstop for RealmOptions.HeapLimitBytes: the engine's memory budget counts only some allocations
/// (e.g. not <c>new Array(n).fill(x)</c>), so a script could grow the heap past the limit and take the process
/// down. Every 100 ms this checks the managed heap; over the limit it confirms with a full collection and then
/// terminates the script, which the realm reports as "OutOfMemory". The heap is the process's (as the engine's
/// own verdict), so limits must sit well above what the host itself uses.
/// </summary>
internal sealed class HeapWatchdog : IDisposable
{
    private readonly long _limit;
    private readonly Action _terminate;
    private readonly Timer _timer;
    private int _checking;

    public HeapWatchdog(long limit, Action terminate)
    {
        _limit = limit;
        _terminate = terminate;
        _timer = new Timer(_ => Check(), null, 100, 100);
    }

    /// <summary>Set when the watchdog stopped the script; the realm reads and clears it when reporting the termination.</summary>
    public volatile bool Exceeded;

    private void Check()
    {
        if (Interlocked.Exchange(ref _checking, 1) == 1) return;
        try
        {
            if (GC.GetTotalMemory(forceFullCollection: false) <= _limit) return;
            if (GC.GetTotalMemory(forceFullCollection: true) <= _limit) return;  // it was garbage
            Exceeded = true;
            _terminate();
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    public void Dispose() => _timer.Dispose();
}
