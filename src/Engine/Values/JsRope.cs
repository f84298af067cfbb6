namespace DualEngine.Engine.Values;

/// <summary>
/// A lazy string concatenation so that <c>s += x</c> in a loop costs O(1) per step (§6.1.4 strings are
/// immutable, so sharing the parts is safe). Flattened once, iteratively, on first read; afterwards the rope
/// keeps only the flat text.
/// </summary>
internal sealed class JsRope
{
    // Each part is a string or another JsRope. Once flattened, _left holds the flat text and _right is null
    // (a separate field for the text would make every node 8 bytes bigger, and `s += x` makes one per step).
    private object? _left;
    private object? _right;

    public int Length { get; }

    /// <summary>Depth bound: beyond it we flatten eagerly so a rope never gets deep enough to hurt.</summary>
    private const int MaxDepth = 1 << 16;
    private readonly int _depth;

    /// <summary>Results shorter than this are copied into a flat string instead of becoming a rope node.</summary>
    internal const int MinRopeLength = 64;

    private JsRope(object left, object right, int length, int depth)
    {
        _left = left;
        _right = right;
        Length = length;
        _depth = depth;
    }

    /// <summary>Concatenates two string payloads (each a string or a rope).</summary>
    public static JsValue Concat(in JsValue a, in JsValue b) => Concat(a._ref!, b._ref!);

    /// <summary>Concatenates two string payloads given as their references (a string or a rope each).</summary>
    private static JsValue Concat(object ra, object rb)
    {
        string? sa = ra as string, sb = rb as string;
        int la = sa is not null ? sa.Length : ((JsRope)ra).Length;
        int lb = sb is not null ? sb.Length : ((JsRope)rb).Length;
        if (la == 0) return sb is not null ? JsValue.FromString(sb) : JsValue.FromRope((JsRope)rb);
        if (lb == 0) return sa is not null ? JsValue.FromString(sa) : JsValue.FromRope((JsRope)ra);
        long total = (long)la + lb;
        if (total > MaxStringLength) Throw.RangeError("Invalid string length");
        if (total < MinRopeLength)
            return JsValue.FromString(string.Concat(sa ?? ((JsRope)ra).Flatten(), sb ?? ((JsRope)rb).Flatten()));
        return JsValue.FromRope(Node(ra, rb, (int)total));
    }

    /// <summary>
    /// string + number or number + string (§13.15.3 with one side a Number): the number is formatted straight
    /// into the result, so a short result costs one allocation.
    /// </summary>
    public static JsValue ConcatNumber(in JsValue str, double number, bool numberFirst)
    {
        int i = (int)number;
        if (i == number && (uint)i < 1024)
        {
            // Small non-negative integers (and -0, which prints as "0"): the shared table, no formatting.
            string small = IndexStrings.Get((uint)i);
            return numberFirst ? Concat(small, str._ref!) : Concat(str._ref!, small);
        }
        return ConcatFormatted(str, number, numberFirst);
    }

    private static JsValue ConcatFormatted(in JsValue str, double number, bool numberFirst)
    {
        Span<char> digits = stackalloc char[NumberFormatting.MaxLength];
        int n = NumberFormatting.Format(number, digits);
        object rs = str._ref!;
        string? s = rs as string;
        int ls = s is not null ? s.Length : ((JsRope)rs).Length;
        long total = (long)ls + n;
        if (total > MaxStringLength) Throw.RangeError("Invalid string length");
        if (total < MinRopeLength)
        {
            s ??= ((JsRope)rs).Flatten();
            ReadOnlySpan<char> d = digits[..n];
            return JsValue.FromString(numberFirst ? string.Concat(d, s) : string.Concat(s, d));
        }
        string num = new(digits[..n]);
        return JsValue.FromRope(numberFirst ? Node(num, rs, (int)total) : Node(rs, num, (int)total));
    }

    private static JsRope Node(object left, object right, int total)
    {
        int depth = Math.Max(DepthOf(left), DepthOf(right)) + 1;
        var rope = new JsRope(left, right, total, depth);
        if (depth > MaxDepth) rope.Flatten();
        return rope;
    }

    /// <summary>V8's limit (2^29 - 24 UTF-16 units); beyond it `+` throws RangeError.</summary>
    public const int MaxStringLength = (1 << 29) - 24;

    private static int DepthOf(object part) => part is JsRope r && r._right is not null ? r._depth : 0;

    public string Flatten() => _right is null ? (string)_left! : FlattenNow();

    private string FlattenNow()
    {
        // One allocation, filled from the end: a rope built by `s += x` is deep on the left, so walking
        // right-to-left keeps the explicit stack at one or two entries (no recursion for any shape).
        var flat = string.Create(Length, this, static (span, root) => Fill(span, root));
        _left = flat;
        _right = null;
        return flat;
    }

    private static void Fill(Span<char> span, JsRope root)
    {
        int pos = span.Length;
        Stack<object>? stack = null;
        object? part = root;
        while (true)
        {
            if (part is string s)
            {
                pos -= s.Length;
                s.CopyTo(span[pos..]);
            }
            else
            {
                var rope = (JsRope)part!;
                if (rope._right is null)
                {
                    var flat = (string)rope._left!;
                    pos -= flat.Length;
                    flat.CopyTo(span[pos..]);
                }
                else
                {
                    // Right part first (we fill backwards); the left part continues the walk.
                    (stack ??= new Stack<object>()).Push(rope._left!);
                    part = rope._right;
                    continue;
                }
            }
            if (stack is null || stack.Count == 0) break;
            part = stack.Pop();
        }
    }

    public override string ToString() => Flatten();
}
