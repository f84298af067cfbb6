using System.Text;

namespace DualEngine.Generators;

/// <summary>Builds generated C# line by line with four-space indentation and \n line ends (stable golden files on every OS).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _depth * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line).Line("{");
        _depth++;
        return this;
    }

    public SourceWriter Close(string closer = "}")
    {
        _depth--;
        return Line(closer);
    }

    public override string ToString() => _text.ToString();
}
