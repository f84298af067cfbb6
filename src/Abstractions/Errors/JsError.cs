namespace DualEngine.Abstractions.Errors;

/// <summary>
/// A JavaScript error as it crosses into .NET: what was thrown, and where.
/// </summary>
/// <param name="Name">The error's name ("TypeError", "SyntaxError", ...) or "Uncaught" for a thrown non-error value.</param>
/// <param name="Message">The message, or the thrown value converted to a string.</param>
/// <param name="Stack">The engine's stack string (includes name and message), if any.</param>
/// <param name="FileName">The script or module URL where the error was thrown, if known.</param>
/// <param name="Line">1-based line, 0 if unknown.</param>
/// <param name="Column">1-based column, 0 if unknown.</param>
/// <param name="SourceLine">The text of that line, for the caret display.</param>
public sealed record JsError(
    string Name,
    string Message,
    string? Stack = null,
    string? FileName = null,
    int Line = 0,
    int Column = 0,
    string? SourceLine = null)
{
    /// <summary>True when the value thrown was an Error object (else it was e.g. a string or number).</summary>
    public bool IsErrorObject { get; init; } = true;

    /// <summary>"Name: message", or just the message when there is no name.</summary>
    public string Headline => IsErrorObject ? (Message.Length == 0 ? Name : $"{Name}: {Message}") : Message;
}
