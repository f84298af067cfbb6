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

    /// <summary>
    /// The JS error an op's exception becomes, by kind (as deno_core maps Rust errors to classes). One mapping
    /// for sync ops (each backend's call path) and async ops (the event loop's settlements).
    /// </summary>
    public static OpError From(Exception? exception) => exception switch
    {
        OpError e => e,
        OperationCanceledException => new OpError("Interrupted", "operation canceled"),
        FileNotFoundException or DirectoryNotFoundException => new OpError("NotFound", exception.Message),
        UnauthorizedAccessException => new OpError("PermissionDenied", exception.Message),
        ArgumentException => new OpError("TypeError", exception.Message),
        null => new OpError("Error", "unknown error"),
        _ => new OpError("Error", exception.Message),
    };
    public static OpError RangeError(string message) => new("RangeError", message);
}
