namespace DualEngine.Engine.Values;

/// <summary>
/// A lazy string concatenation so that <c>s += x</c> in a loop costs O(1) per step (§6.1.4 strings are
/// immutable, so sharing the parts is safe). Flattened once, iteratively, on first read; afterwards the rope
/// keeps only the flat text.
/// </summary>
/// <remarks>
/// A rope is one of three shapes, told apart by <c>_right</c>:
/// <list type="bullet">
/// <item>a node: <c>_left</c> and <c>_right</c> are the parts (each a string or another rope);</item>
/// <item>a view: <c>_right</c> is a <see cref="Buffer"/> and the text is its first <see cref="Length"/> chars;</item>
/// <item>flattened: <c>_right</c> is null and <c>_left</c> is the flat text.</item>
/// </list>
/// Views exist because a node per <c>s += x</c> leaves a chain of one object per step that stays alive until
/// the result is read: the GC traces it and copies it from gen0 to gen1 to gen2, which costs far more than the
/// append itself. So once a left-deep chain has grown, its text is copied into a char buffer with spare room
/// and later appends write in place after it (SpiderMonkey's "extensible strings" idea): each step then leaves
/// only the previous small view object behind, which dies young.
/// </remarks>
internal sealed class JsRope
{
    // Each part is a string or another JsRope. Once flattened, _left holds the flat text and _right is null
    // (a separate field for the text would make every node 8 bytes bigger, and `s += x` makes one per step).
    // A view has _left null and _right its Buffer.
    private object? _left;
    private object? _right;

    public int Length { get; }

    /// <summary>Depth bound: beyond it we flatten eagerly so a rope never gets deep enough to hurt.</summary>
    private const int MaxDepth = 1 << 16;

    // Nodes on the longest path down to a flat part or a view (which count as depth 0). Not readonly: a node
    // becomes a view when its text moves into a buffer.
    private int _depth;

    /// <summary>Results shorter than this are copied into a flat string instead of becoming a rope node.</summary>
    internal const int MinRopeLength = 64;

    /// <summary>
    /// A node on the left of a concatenation moves into a buffer once it has at least one level of depth per
    /// this many chars: the copy then costs at most this many chars per node it replaces (a char copy is about
    /// a hundred times cheaper than allocating and collecting a node). Copying whenever the left is a node
    /// would make a loop that keeps two strings growing from one prefix (<c>t = s + a; s += b</c>) copy the
    /// whole text every step; with the bound the copies stay amortized O(1) per step, and a short node on the
    /// left of many concatenations (<c>prefix + i</c>) is copied once and then shared.
    /// </summary>
    private const int CopyCharsPerNode = 128;

    /// <summary>
    /// The chars shared by the views of one growing string. Chars below <see cref="Used"/> are never written
    /// again (growth copies them to a new array), so every view reads its prefix from <see cref="Chars"/>
    /// whatever happened after it was made; only the view whose length equals <see cref="Used"/> (the tip) may
    /// append in place, and at most one view has that length because each append makes Used grow.
    /// </summary>
    private sealed class Buffer(int capacity, int used)
    {
        public char[] Chars = Allocate(capacity);
        public int Used = used;

        /// <summary>Room for at least <paramref name="needed"/> chars, never more than twice that (the slack bound).</summary>
        public static int CapacityFor(int needed) => (int)Math.Min(2L * needed, MaxStringLength);

        public void Grow(int needed)
        {
            var chars = Allocate(CapacityFor(needed));
            Chars.AsSpan(0, Used).CopyTo(chars);
            Chars = chars;
        }

        // A buffer is a large string in the making: accounted like one, before it is allocated. Not zeroed:
        // only chars below Used are ever read, and those were written first.
        private static char[] Allocate(int capacity)
        {
            MemoryBudget.Account(capacity * 2L);
            return GC.AllocateUninitializedArray<char>(capacity);
        }
    }

    private JsRope(object left, object right, int length, int depth)
    {
        _left = left;
        _right = right;
        Length = length;
        _depth = depth;
    }

    /// <summary>A view of the first <paramref name="length"/> chars of <paramref name="buffer"/>.</summary>
    private JsRope(Buffer buffer, int length)
    {
        _right = buffer;
        Length = length;
    }

    /// <summary>Concatenates two string payloads (each a string or a rope).</summary>
    public static JsValue Concat(in JsValue a, in JsValue b) => JsValue.FromStringPayload(Concat(a._ref!, b._ref!));

    /// <summary>
    /// Concatenates two string payloads given as their references (a string or a rope each); the result is a
    /// payload too. Payloads rather than JsValues, here and in <see cref="ConcatNumber(object, double, bool)"/>:
    /// a JsValue built field by field and then returned is copied whole (16 + 8 bytes), and a 16-byte load of
    /// two 8-byte stores cannot be forwarded from the store buffer; the interpreter stores a payload straight
    /// into its register (<see cref="JsValue.StoreString"/>).
    /// </summary>
    internal static object Concat(object ra, object rb)
    {
        string? sa = ra as string, sb = rb as string;
        int la = sa is not null ? sa.Length : ((JsRope)ra).Length;
        int lb = sb is not null ? sb.Length : ((JsRope)rb).Length;
        if (la == 0) return rb;
        if (lb == 0) return ra;
        long total = (long)la + lb;
        if (total > MaxStringLength) Throw.RangeError("Invalid string length");
        if (total < MinRopeLength)
            return string.Concat(sa ?? ((JsRope)ra).Flatten(), sb ?? ((JsRope)rb).Flatten());
        if (sa is null && Extend((JsRope)ra, (int)total, out var room) is { } view)
        {
            if (sb is not null) sb.CopyTo(room);
            else Fill(room, (JsRope)rb);
            return view;
        }
        return Node(ra, rb, (int)total);
    }

    /// <summary>
    /// <paramref name="target"/> + (<paramref name="a"/> + b) for `s += a + b`, where b is the string payload
    /// <paramref name="b"/> or, when that is null, <paramref name="number"/>. When target is a growing buffer view
    /// both parts are written after it in one step; otherwise it is the two concatenations (same text).
    /// </summary>
    internal static object ConcatTwo(object target, object a, object? b, double number)
    {
        if (target is JsRope rope && a is string sa && b is null or string)
        {
            Span<char> digits = stackalloc char[NumberFormatting.MaxLength];
            ReadOnlySpan<char> tail = b is string sb ? sb
                : SmallIntegerString(number) is { } small ? small
                : digits[..NumberFormatting.Format(number, digits)];
            long total = (long)rope.Length + sa.Length + tail.Length;
            if (total > MaxStringLength) Throw.RangeError("Invalid string length");
            if (sa.Length + tail.Length > 0 && Extend(rope, (int)total, out var room) is { } view)
            {
                sa.CopyTo(room);
                tail.CopyTo(room[sa.Length..]);
                return view;
            }
        }
        return Concat(target, b is null ? ConcatNumber(a, number, numberFirst: false) : Concat(a, b));
    }

    /// <summary>
    /// string + number or number + string (§13.15.3 with one side a Number): the number is formatted straight
    /// into the result, so a short result costs one allocation.
    /// </summary>
    public static JsValue ConcatNumber(in JsValue str, double number, bool numberFirst) =>
        JsValue.FromStringPayload(ConcatNumber(str._ref!, number, numberFirst));

    /// <summary><see cref="ConcatNumber(in JsValue, double, bool)"/> on a string payload (a string or a rope), giving one.</summary>
    internal static object ConcatNumber(object str, double number, bool numberFirst)
    {
        if (SmallIntegerString(number) is { } small)
            return numberFirst ? Concat(small, str) : Concat(str, small);
        return ConcatFormatted(str, number, numberFirst);
    }

    /// <summary>Small non-negative integers (and -0, which prints as "0") from the shared table, no formatting; else null.</summary>
    private static string? SmallIntegerString(double number)
    {
        int i = (int)number;
        return i == number && (uint)i < 1024 ? IndexStrings.Get((uint)i) : null;
    }

    private static object ConcatFormatted(object rs, double number, bool numberFirst)
    {
        Span<char> digits = stackalloc char[NumberFormatting.MaxLength];
        int n = NumberFormatting.Format(number, digits);
        string? s = rs as string;
        int ls = s is not null ? s.Length : ((JsRope)rs).Length;
        long total = (long)ls + n;
        if (total > MaxStringLength) Throw.RangeError("Invalid string length");
        if (total < MinRopeLength)
        {
            s ??= ((JsRope)rs).Flatten();
            ReadOnlySpan<char> d = digits[..n];
            return numberFirst ? string.Concat(d, s) : string.Concat(s, d);
        }
        if (!numberFirst && s is null && Extend((JsRope)rs, (int)total, out var room) is { } view)
        {
            digits[..n].CopyTo(room);
            return view;
        }
        string num = new(digits[..n]);
        return numberFirst ? Node(num, rs, (int)total) : Node(rs, num, (int)total);
    }

    /// <summary>
    /// The view that <paramref name="left"/> followed by <c>total - left.Length</c> more chars will be, with
    /// <paramref name="room"/> the span the caller must fill with them; null when a node is the better result
    /// (the caller then makes one). The caller has checked the length limits.
    /// </summary>
    private static JsRope? Extend(JsRope left, int total, out Span<char> room)
    {
        room = default;
        Buffer buffer;
        switch (left._right)
        {
            case null:
                // Flat: a node shares the text; copying it would double the memory for the same string.
                return null;
            case Buffer b:
                // Not the tip: the chars after it belong to another string, and copying the prefix for this
                // branch could repeat every step; a node shares it, and moves to a buffer once it has grown.
                if (left.Length != b.Used) return null;
                if (total > b.Chars.Length) b.Grow(total);
                buffer = b;
                break;
            default:
                if ((long)left._depth * CopyCharsPerNode < left.Length) return null;
                buffer = new Buffer(Buffer.CapacityFor(total), left.Length);
                Fill(buffer.Chars.AsSpan(0, left.Length), left);
                // The node becomes a view of the copy, so its parts can be collected (as flattening would do)
                // and later concatenations with it on the left share the buffer instead of copying again.
                left._left = null;
                left._right = buffer;
                left._depth = 0;
                break;
        }
        room = buffer.Chars.AsSpan(buffer.Used, total - buffer.Used);
        buffer.Used = total;
        return new JsRope(buffer, total);
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
        if (_right is Buffer buffer)
        {
            // The flat text replaces the reference to the buffer, so a buffer no view needs any more can go.
            var text = new string(buffer.Chars, 0, Length);
            _left = text;
            _right = null;
            return text;
        }
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
                else if (rope._right is Buffer buffer)
                {
                    pos -= rope.Length;
                    buffer.Chars.AsSpan(0, rope.Length).CopyTo(span[pos..]);
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
