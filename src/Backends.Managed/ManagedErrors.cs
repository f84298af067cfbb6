using DualEngine.Abstractions.Errors;
using DualEngine.Engine;

namespace DualEngine.Backends.Managed;

/// <summary>
/// Turns the engine's <see cref="JsEngineException"/> into the contract's <see cref="JsError"/> the way the
/// V8 shim fills Dv8Error (convert.cc CaptureValue): names and messages of Error objects, thrown strings
/// quoted and other values shown by the runtime's "inspect" hook (as Deno prints "Uncaught { code: 42 }"),
/// terminations as "Terminated"/"OutOfMemory", and the source line of the location for the caret.
/// </summary>
internal sealed class ManagedErrors(ManagedRealm owner)
{
    // The text of every script and module by file name, for JsError.SourceLine (the engine reports file:line:col only).
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    public void Remember(string fileName, string source) => _sources[fileName] = source;

    public JsError OutOfMemory() => new("OutOfMemory", "JavaScript heap out of memory (heap limit reached)");

    public JsError From(JsEngineException e)
    {
        if (e.IsTermination) return e.Name == "OutOfMemory" ? OutOfMemory() : new JsError("Terminated", "Script execution was terminated");
        if (!e.IsErrorObject) return FromValue(e.ThrownValue, e.JsMessage);
        return new JsError(e.Name, e.JsMessage, e.JsStack, e.FileName, e.Line, e.Column, SourceLine(e.FileName, e.Line));
    }

    /// <summary>A thrown value that is not an Error object: strings quoted, objects as the "inspect" hook shows them.</summary>
    private JsError FromValue(JsValue value, string text)
    {
        string message = value.IsString ? "\"" + value.AsString() + "\"" : text;
        if (value.IsObject && owner.Inspect(value) is { } shown) message = shown;
        return new JsError("", message) { IsErrorObject = false };
    }

    public JsException Exception(JsEngineException e) => new(From(e));

    private string? SourceLine(string? fileName, int line)
    {
        if (fileName is null || line <= 0 || !_sources.TryGetValue(fileName, out var source)) return null;
        int start = 0;
        for (int n = 1; n < line; n++)
        {
            int next = NextLineStart(source, start);
            if (next < 0) return null;
            start = next;
        }
        int end = start;
        while (end < source.Length && !IsLineTerminator(source[end])) end++;
        return source[start..end];
    }

    // ECMA-262 §12.3 line terminators: LF, CR (CRLF counts once), LS, PS, as the engine counts lines.
    private static int NextLineStart(string source, int from)
    {
        for (int i = from; i < source.Length; i++)
        {
            char c = source[i];
            if (c == '\r') return i + 1 < source.Length && source[i + 1] == '\n' ? i + 2 : i + 1;
            if (c is '\n' or '\u2028' or '\u2029') return i + 1;
        }
        return -1;
    }

    private static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';
}
