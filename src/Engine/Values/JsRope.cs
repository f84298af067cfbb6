using System.Text;

namespace DualEngine.Engine.Values;

/// <summary>
/// A lazy string concatenation so that <c>s += x</c> in a loop costs O(1) per step (§6.1.4 strings are
/// immutable, so sharing the parts is safe). Flattened once, iteratively, on first read; afterwards the rope
/// keeps only the flat text.
/// </summary>
internal sealed class JsRope
{
    // Each part is a string or another JsRope; both become null once flattened.
    private object? _left;
    private object? _right;
    private string? _flat;

    public int Length { get; }

    /// <summary>Depth bound: beyond it we flatten eagerly so a rope never gets deep enough to hurt.</summary>
    private const int MaxDepth = 1 << 16;
    private readonly int _depth;

    private JsRope(object left, object right, int length, int depth)
    {
        _left = left;
        _right = right;
        Length = length;
        _depth = depth;
    }

    /// <summary>Concatenates two string payloads (each a string or a rope).</summary>
    public static JsValue Concat(JsValue a, JsValue b)
    {
        int la = a.StringLength, lb = b.StringLength;
        if (la == 0) return b;
        if (lb == 0) return a;
        long total = (long)la + lb;
        if (total > MaxStringLength) Throw.RangeError("Invalid string length");
        if (total < 64)
            return JsValue.FromString(string.Concat(a.AsString(), b.AsString()));
        int depth = Math.Max(DepthOf(a._ref!), DepthOf(b._ref!)) + 1;
        var rope = new JsRope(a._ref!, b._ref!, (int)total, depth);
        if (depth > MaxDepth) rope.Flatten();
        return JsValue.FromRope(rope);
    }

    /// <summary>V8's limit (2^29 - 24 UTF-16 units); beyond it `+` throws RangeError.</summary>
    public const int MaxStringLength = (1 << 29) - 24;

    private static int DepthOf(object part) => part is JsRope r && r._flat is null ? r._depth : 0;

    public string Flatten()
    {
        if (_flat is not null) return _flat;
        var sb = new StringBuilder(Length);
        // An explicit stack instead of recursion: a rope built by a long loop is deep on one side.
        var stack = new Stack<object>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var part = stack.Pop();
            if (part is string s) { sb.Append(s); continue; }
            var rope = (JsRope)part;
            if (rope._flat is not null) { sb.Append(rope._flat); continue; }
            stack.Push(rope._right!);
            stack.Push(rope._left!);
        }
        _flat = sb.ToString();
        _left = _right = null;
        return _flat;
    }

    public override string ToString() => Flatten();
}
