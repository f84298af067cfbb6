namespace DualEngine.Syntax;

/// <summary>
/// An ECMAScript SyntaxError found while parsing (§16.1.7 ParseScript / §16.2.1.6 ParseModule).
/// The runtime should turn it into a JS SyntaxError object with the same message.
/// Positions are 1-based line/column and a 0-based UTF-16 offset.
/// </summary>
public sealed class JsSyntaxException : Exception
{
    public JsSyntaxException(string description, string? fileName, int line, int column, int offset)
        : base(Format(description, fileName, line, column))
    {
        Description = description;
        FileName = fileName;
        Line = line;
        Column = column;
        Offset = offset;
    }

    /// <summary>The message without the location prefix, e.g. "Unexpected token '}'; expected ')'".</summary>
    public string Description { get; }
    public string? FileName { get; }
    public int Line { get; }
    public int Column { get; }
    public int Offset { get; }

    private static string Format(string d, string? file, int line, int col)
        => $"{(string.IsNullOrEmpty(file) ? "<input>" : file)}:{line}:{col}: SyntaxError: {d}";
}
