using System.Collections.Concurrent;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.EventLoop;

/// <summary>
/// Collects async ops' completions from thread-pool threads; the loop drains them on the realm's thread
/// in one batch per turn (as deno_core's event loop polls all ready op futures in one tick).
/// </summary>
internal sealed class AsyncOpQueue : IAsyncOpSink
{
    private readonly ConcurrentQueue<PromiseSettlement> _completed = new();
    private readonly SemaphoreSlim _signal;
    private int _pending;

    public AsyncOpQueue(SemaphoreSlim signal) => _signal = signal;

    /// <summary>Ops started and not yet delivered to JS: they keep the loop alive.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public bool HasCompletions => !_completed.IsEmpty;

    public void Track(int promiseId, Task<OpValue> task)
    {
        Interlocked.Increment(ref _pending);
        task.ContinueWith(static (t, state) =>
        {
            var (queue, id) = ((AsyncOpQueue, int))state!;
            queue._completed.Enqueue(t.IsCompletedSuccessfully
                ? PromiseSettlement.Resolve(id, t.Result)
                : PromiseSettlement.Reject(id, OpError.From(t.Exception?.InnerException)));
            queue._signal.Release();
        }, (this, promiseId), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Takes every completion available now.</summary>
    public PromiseSettlement[] Drain()
    {
        var batch = new List<PromiseSettlement>();
        while (_completed.TryDequeue(out var item)) batch.Add(item);
        Interlocked.Add(ref _pending, -batch.Count);
        return batch.ToArray();
    }
}
