namespace DualEngine.Abstractions.Ops;

/// <summary>
/// Per-realm services shared by ops, keyed by type (deno_core's OpState).
/// Each extension puts its state here at realm start; ops take it as a parameter.
/// </summary>
public sealed class OpState
{
    private readonly Dictionary<Type, object> _items = new();

    public void Put<T>(T value) where T : class => _items[typeof(T)] = value;

    public T Get<T>() where T : class =>
        _items.TryGetValue(typeof(T), out var value)
            ? (T)value
            : throw new InvalidOperationException($"op state has no {typeof(T).Name}; is its extension registered?");

    public bool TryGet<T>(out T? value) where T : class
    {
        var found = _items.TryGetValue(typeof(T), out var item);
        value = (T?)item;
        return found;
    }

    /// <summary>Where async ops hand their running tasks; set by the runtime's event loop.</summary>
    public IAsyncOpSink? AsyncOps { get; set; }
}

/// <summary>Receives async ops' tasks; completions are delivered to JS by the event loop in batches.</summary>
public interface IAsyncOpSink
{
    void Track(int promiseId, Task<OpValue> task);
}
