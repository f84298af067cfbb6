namespace DualEngine.Runtime.EventLoop;

/// <summary>
/// Timers by due time (then by start order, so equal deadlines fire in the order they were set,
/// as HTML's "run steps after a timeout" requires). Only ref'd timers keep the loop alive.
/// </summary>
internal sealed class TimerQueue
{
    private readonly PriorityQueue<int, (long Due, long Seq)> _queue = new();
    private readonly Dictionary<int, (long Due, long Seq, bool Refed)> _active = new();
    private long _seq;
    private int _refed;

    public int RefedCount => _refed;

    public void Start(int id, double delayMs, bool refed, long nowMs)
    {
        Cancel(id);
        long due = nowMs + (long)Math.Max(0, delayMs);
        var seq = ++_seq;
        _active[id] = (due, seq, refed);
        _queue.Enqueue(id, (due, seq));
        if (refed) _refed++;
    }

    public void Cancel(int id)
    {
        if (_active.Remove(id, out var t) && t.Refed) _refed--;
    }

    public void SetRef(int id, bool refed)
    {
        if (!_active.TryGetValue(id, out var t) || t.Refed == refed) return;
        _active[id] = t with { Refed = refed };
        _refed += refed ? 1 : -1;
    }

    /// <summary>Milliseconds until the next live timer is due (0 if overdue), or null when there is none.</summary>
    public long? NextDelay(long nowMs)
    {
        while (_queue.TryPeek(out int id, out var key))
        {
            if (_active.TryGetValue(id, out var t) && t.Seq == key.Seq) return Math.Max(0, key.Due - nowMs);
            _queue.Dequeue();  // cancelled or restarted: stale entry
        }
        return null;
    }

    /// <summary>Removes and returns the next timer that is due at <paramref name="nowMs"/>, if any.</summary>
    public bool TryTakeDue(long nowMs, out int id)
    {
        id = 0;
        if (NextDelay(nowMs) is not 0) return false;
        id = _queue.Dequeue();
        Cancel(id);
        return true;
    }
}
