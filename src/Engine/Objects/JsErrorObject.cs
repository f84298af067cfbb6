using System.Text;

namespace DualEngine.Engine.Objects;

/// <summary>One entry of a captured JS stack: function name and source position.</summary>
internal readonly record struct StackFrameInfo(string FunctionName, string FileName, int Line, int Column)
{
    public override string ToString()
    {
        string location = Line > 0 ? $"{FileName}:{Line}:{Column}" : FileName;
        return FunctionName.Length == 0 ? "    at " + location : $"    at {FunctionName} ({location})";
    }
}

/// <summary>
/// An Error instance (§20.5.1): an ordinary object with [[ErrorData]]. We keep the captured stack here
/// (V8 exposes it as an own "stack" property, which hosts and Deno's runtime JS expect).
/// </summary>
internal sealed class JsErrorObject : JsObject
{
    public JsErrorObject(JsObject prototype) : base(prototype) { }

    public override string ClassName => "Error";

    public StackFrameInfo[] Frames { get; private set; } = [];

    /// <summary>Records the stack and defines "stack" as "Name: message\n    at ..." (V8 format).</summary>
    public void CaptureStack(StackFrameInfo[] frames)
    {
        Frames = frames;
        var sb = new StringBuilder(HeadLine());
        foreach (var f in frames) sb.Append('\n').Append(f.ToString());
        FastSet("stack", JsValue.FromString(sb.ToString()), PropertyFlags.Hidden);
    }

    /// <summary>Error.prototype.toString's result computed without calling user code (getters are skipped).</summary>
    public string HeadLine()
    {
        string name = SafeString("name", "Error");
        string message = SafeString("message", "");
        return message.Length == 0 ? name : name.Length == 0 ? message : name + ": " + message;
    }

    private string SafeString(string key, string fallback)
    {
        for (JsObject? o = this; o is not null; o = o._prototype)
        {
            int slot = o._shape.IndexOf(key);
            if (slot < 0) continue;
            if ((o._shape.FlagsAt(slot) & PropertyFlags.Accessor) != 0) return fallback;
            var v = o._slots[slot];
            return v.IsString ? v.AsString() : v.IsUndefined ? fallback : v.IsObject || v.IsSymbol ? fallback : Conversions.ToString(v);
        }
        return fallback;
    }
}
