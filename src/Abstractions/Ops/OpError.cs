namespace DualEngine.Abstractions.Ops;

/// <summary>
/// An error an op raises to JavaScript. <see cref="ClassName"/> picks the JS error class:
/// the built-ins ("TypeError", "RangeError", "Error", ...) or a class the runtime registers
/// with <c>__core.registerErrorClass(name, ctor)</c> (e.g. "NotFound", "NotCapable").
/// Any other exception thrown by an op becomes an "Error" with its message.
/// </summary>
public class OpError(string className, string message) : Exception(message)
{
    public string ClassName { get; } = className;

    public static OpError TypeError(string message) => new("TypeError", message);
    public static OpError RangeError(string message) => new("RangeError", message);
}
