using System.Text;

namespace DualEngine.Runtime.EventLoop;

/// <summary>
/// The program's standard output and error. Output is buffered and flushed when the loop goes idle
/// and at exit; stdout is flushed before anything is written to stderr so their order is kept.
/// </summary>
public sealed class Stdio(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    /// <summary>The process's own streams, buffered, UTF-8 without BOM.</summary>
    public static Stdio Console()
    {
        var utf8 = new UTF8Encoding(false);
        var stdout = new StreamWriter(System.Console.OpenStandardOutput(), utf8, 1 << 16) { AutoFlush = false };
        var stderr = new StreamWriter(System.Console.OpenStandardError(), utf8, 1 << 12) { AutoFlush = true };
        return new Stdio(stdout, stderr);
    }

    public void WriteOut(string text) => Out.Write(text);

    public void WriteError(string text)
    {
        Out.Flush();
        Error.Write(text);
        Error.Flush();
    }

    public void Flush()
    {
        Out.Flush();
        Error.Flush();
    }
}
