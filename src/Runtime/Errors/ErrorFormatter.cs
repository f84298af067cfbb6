using System.Text;
using DualEngine.Abstractions.Errors;

namespace DualEngine.Runtime.Errors;

/// <summary>
/// Formats uncaught errors the way Deno prints them:
/// <code>
/// error: Uncaught (in promise) Error: boom
///   throw new Error("boom");
///         ^
///     at foo (file:///main.js:2:9)
/// </code>
/// </summary>
public static class ErrorFormatter
{
    public static string Uncaught(JsError error, bool inPromise)
    {
        var text = new StringBuilder("error: Uncaught ");
        if (inPromise) text.Append("(in promise) ");
        text.Append(error.Headline).Append('\n');
        AppendCodeFrame(text, error);
        AppendFrames(text, error);
        return text.ToString();
    }

    /// <summary>A module that failed to load, link or compile: no "Uncaught", as Deno prints graph errors.</summary>
    public static string LoadFailure(JsError error)
    {
        var text = new StringBuilder("error: ");
        if (error.Name == "SyntaxError")
        {
            text.Append(error.Headline).Append('\n');
            AppendCodeFrame(text, error);
            if (error.FileName is { Length: > 0 } file && file != "undefined") text.Append($"    at {file}:{error.Line}:{error.Column}\n");
            return text.ToString();
        }
        text.Append(error.Message).Append('\n');
        return text.ToString();
    }

    private static void AppendCodeFrame(StringBuilder text, JsError error)
    {
        if (error.SourceLine is not { } line || error.Column <= 0) return;
        text.Append(line).Append('\n');
        // The caret sits under the column; tabs are kept so it lines up in a terminal.
        var pad = new StringBuilder();
        for (int i = 0; i < error.Column - 1 && i < line.Length; i++) pad.Append(line[i] == '\t' ? '\t' : ' ');
        text.Append(pad).Append("^\n");
    }

    private static void AppendFrames(StringBuilder text, JsError error)
    {
        if (error.Stack is not { } stack) return;
        foreach (var frame in stack.Split('\n'))
        {
            if (frame.StartsWith("    at ", StringComparison.Ordinal)) text.Append(frame).Append('\n');
        }
    }
}
