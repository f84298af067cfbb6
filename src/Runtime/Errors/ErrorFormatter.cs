using System.Text;
using System.Text.RegularExpressions;
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
        string? line = error.SourceLine;
        int column = error.Column;
        // An error raised inside the runtime's own JS (an op's error built in ext:fs/30_fs.js, say) is shown,
        // as Deno shows it, at the first frame in the program's code: that is the line its author wrote.
        if (error.FileName?.StartsWith("ext:", StringComparison.Ordinal) == true)
        {
            (line, column) = FirstProgramFrame(error.Stack) is { } frame ? (ReadLine(frame.Url, frame.Line), frame.Column) : (null, 0);
        }
        if (line is null || column <= 0) return;
        text.Append(line).Append('\n');
        // The caret sits under the column; tabs are kept so it lines up in a terminal.
        var pad = new StringBuilder();
        for (int i = 0; i < column - 1 && i < line.Length; i++) pad.Append(line[i] == '\t' ? '\t' : ' ');
        text.Append(pad).Append("^\n");
    }

    // "    at name (file:///a/b.js:3:7)" or "    at file:///a/b.js:3:7"
    private static readonly Regex FrameLocation = new(@"^\s+at (?:.*\()?(file:[^\s()]+):(\d+):(\d+)\)?$", RegexOptions.CultureInvariant);

    private static (string Url, int Line, int Column)? FirstProgramFrame(string? stack)
    {
        if (stack is null) return null;
        foreach (var frame in stack.Split('\n'))
        {
            var match = FrameLocation.Match(frame);
            if (match.Success) return (match.Groups[1].Value, int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
        }
        return null;
    }

    private static string? ReadLine(string fileUrl, int lineNumber)
    {
        try
        {
            string path = new Uri(fileUrl).LocalPath;
            return File.ReadLines(path).Skip(lineNumber - 1).FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UriFormatException)
        {
            return null;  // the file changed or went away since it ran: no code frame rather than a wrong one
        }
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
