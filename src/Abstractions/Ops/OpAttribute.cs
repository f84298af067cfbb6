namespace DualEngine.Abstractions.Ops;

/// <summary>
/// Marks a static method as an op. The op source generator emits its binding (argument conversion,
/// result conversion, error mapping) into the containing partial class's <c>Ops</c> list.
/// Async ops return Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpAttribute : Attribute
{
    /// <summary>Also emit a V8 Fast API entry. Only for ops whose parameters and result are bool, int, uint or double and that cannot fail.</summary>
    public bool Fast { get; init; }
}
