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
        System.Net.Sockets.SocketException socket => FromSocket(socket),
        IOException { InnerException: System.Net.Sockets.SocketException socket } => FromSocket(socket),
        FileNotFoundException or DirectoryNotFoundException => new OpError("NotFound", exception.Message),
        UnauthorizedAccessException => new OpError("PermissionDenied", exception.Message),
        ArgumentException => new OpError("TypeError", exception.Message),
        null => new OpError("Error", "unknown error"),
        _ => new OpError("Error", exception.Message),
    };
    public static OpError RangeError(string message) => new("RangeError", message);

    /// <summary>
    /// A socket error as Deno reports it: the class by kind (Rust's io::ErrorKind names, Deno.errors) and
    /// the OS text with its errno, e.g. ConnectionRefused "Connection refused (os error 111)".
    /// </summary>
    public static OpError FromSocket(System.Net.Sockets.SocketException exception)
    {
        var className = exception.SocketErrorCode switch
        {
            System.Net.Sockets.SocketError.ConnectionRefused => "ConnectionRefused",
            System.Net.Sockets.SocketError.ConnectionReset => "ConnectionReset",
            System.Net.Sockets.SocketError.ConnectionAborted => "ConnectionAborted",
            System.Net.Sockets.SocketError.NotConnected => "NotConnected",
            System.Net.Sockets.SocketError.AddressAlreadyInUse => "AddrInUse",
            System.Net.Sockets.SocketError.AddressNotAvailable => "AddrNotAvailable",
            System.Net.Sockets.SocketError.TimedOut => "TimedOut",
            System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable => "NetworkUnreachable",
            System.Net.Sockets.SocketError.Shutdown => "BrokenPipe",
            System.Net.Sockets.SocketError.OperationAborted => "Interrupted",
            System.Net.Sockets.SocketError.AccessDenied => "PermissionDenied",
            _ => "Error",
        };
        return new OpError(className, $"{exception.Message} (os error {exception.NativeErrorCode})");
    }
}
