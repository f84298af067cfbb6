namespace DualEngine.Abstractions.Errors;

/// <summary>A JavaScript exception surfaced to .NET code (uncaught throw, syntax error, termination).</summary>
public sealed class JsException(JsError error) : Exception(error.Headline)
{
    public JsError Error { get; } = error;

    /// <summary>True when the script was stopped by <c>Terminate</c>, a time budget or a heap limit.</summary>
    public bool IsTermination => Error.Name is "Terminated" or "OutOfMemory";
}
