namespace DualEngine.Engine;

/// <summary>
/// A script error that reached the host: an uncaught throw, a syntax error, or a termination
/// (time budget, cancellation, memory budget). Never thrown for errors a script catches.
/// </summary>
public sealed class JsEngineException : Exception
{
    internal JsEngineException(string name, string message, string? stack, string? fileName, int line, int column,
        JsValue thrown, bool isErrorObject, bool isTermination, Exception? inner = null)
        : base(isErrorObject || isTermination ? (message.Length == 0 ? name : name + ": " + message) : message, inner)
    {
        Name = name;
        JsMessage = message;
        JsStack = stack;
        FileName = fileName;
        Line = line;
        Column = column;
        ThrownValue = thrown;
        IsErrorObject = isErrorObject;
        IsTermination = isTermination;
    }

    /// <summary>The error's name ("TypeError", ...), "Terminated"/"OutOfMemory" for terminations, "Uncaught" for thrown non-errors.</summary>
    public string Name { get; }
    /// <summary>The error's message, or the thrown value converted to a string.</summary>
    public string JsMessage { get; }
    /// <summary>The JS stack string ("TypeError: msg\n    at f (file:1:2)..."), if the thrown value had one.</summary>
    public string? JsStack { get; }
    public string? FileName { get; }
    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; }
    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; }
    /// <summary>The value the script threw (undefined for terminations).</summary>
    public JsValue ThrownValue { get; }
    public bool IsErrorObject { get; }
    /// <summary>True when the script was stopped (time budget, cancellation, memory budget, Terminate) rather than threw.</summary>
    public bool IsTermination { get; }
}
