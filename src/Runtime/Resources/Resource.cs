using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Resources;

/// <summary>
/// Base for resources with async work. Each owns a cancellation source that its async ops pass on
/// (<see cref="RunAsync{T}"/>); closing cancels it, so pending ops reject with "Interrupted", as a
/// pending read does in Deno when its file is closed.
/// </summary>
public abstract class Resource : IResource
{
    private readonly CancellationTokenSource _closing = new();
    private int _closed;

    public abstract string Name { get; }

    /// <summary>Cancelled when the resource is closed. (The source is never disposed, so the token stays valid.)</summary>
    public CancellationToken Closing => _closing.Token;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        _closing.Cancel();
        Release();
    }

    /// <summary>Frees what the resource holds (streams, sockets). Runs once, after pending work was cancelled.</summary>
    protected abstract void Release();

    /// <summary>
    /// Runs an async operation on this resource with <see cref="Closing"/> as its token. When the resource is
    /// closed before or while it runs, the operation fails with OpError "Interrupted" ("operation canceled").
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation)
    {
        if (IsClosed) throw Interrupted();
        try
        {
            return await operation(Closing).ConfigureAwait(false);
        }
        catch (Exception e) when (IsClosed && e is OperationCanceledException or ObjectDisposedException)
        {
            // Closing disposes the underlying stream or socket, which some APIs report as
            // ObjectDisposedException rather than cancellation: both mean "closed under the op".
            throw Interrupted();
        }
    }

    /// <inheritdoc cref="RunAsync{T}(Func{CancellationToken, Task{T}})"/>
    public Task RunAsync(Func<CancellationToken, Task> operation) =>
        RunAsync(async token =>
        {
            await operation(token).ConfigureAwait(false);
            return true;
        });

    internal static OpError Interrupted() => new("Interrupted", "operation canceled");
}
