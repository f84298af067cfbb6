namespace DualEngine.Abstractions.Ops;

/// <summary>
/// Marks an op parameter that the op source generator fills from <see cref="OpState"/>
/// (<c>call.State.Get&lt;T&gt;()</c>) instead of from a JavaScript argument, like deno_core's
/// <c>#[state] &amp;T</c>. The parameter's type must be a class; a nullable parameter gets null
/// when the state has no such service.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromStateAttribute : Attribute
{
}
