using System.Numerics;

namespace DualEngine.Engine;

/// <summary>The language types of ECMA-262 §6.1, as a host sees them.</summary>
public enum JsValueKind : byte { Undefined, Null, Boolean, Number, String, Symbol, BigInt, Object }

/// <summary>
/// An ECMAScript language value (§6.1) without boxing, in two words: a reference and a 64-bit word.
/// Strings (a <see cref="string"/> or a <see cref="JsRope"/>), symbols, bigints and objects live in
/// <c>_ref</c>, with their tag in the word. Undefined, null and booleans are a tag in the word and no
/// reference. A number is the bitwise complement of its IEEE 754 bits in the word, so that every number's word
/// is at least <see cref="FirstNumberWord"/> and the tags stay below it: all zeros (<c>default</c>) is
/// undefined, and "is this a number" is one unsigned comparison. The words below FirstNumberWord are the
/// complements of NaNs with a payload of all ones that no arithmetic produces (x86 makes 0xFFF8...0, and .NET's
/// double.NaN is that too); <see cref="FromNumber"/> maps any NaN to the one NaN all the same.
/// The internal tag <see cref="Tag.Empty"/> marks holes (array holes, uninitialized let/const bindings)
/// and never escapes to script code.
/// </summary>
/// <remarks>
/// Two words rather than a reference, a double and a tag (24 bytes with padding): every copy of a value
/// (registers, property slots, array elements) is a store fewer, and every slot array a third smaller, which
/// the allocation-heavy workload in bench/Engine felt most (fewer bytes to allocate and to clear).
/// </remarks>
public readonly struct JsValue : IEquatable<JsValue>
{
    internal enum Tag : byte { Undefined, Null, Boolean, Number, String, Symbol, BigInt, Object, Empty }

    internal readonly object? _ref;
    /// <summary>The tag (true is <see cref="TrueWord"/>), or for a number the complement of its bits.</summary>
    internal readonly long _bits;

    /// <summary>Bytes per value in an array of values (for the memory budget).</summary>
    internal const int Size = 16;

    /// <summary>The smallest word of a number; the words of the other tags are below it.</summary>
    internal const ulong FirstNumberWord = 32;
    private const long TrueWord = (long)Tag.Boolean | 16;
    private static readonly long CanonicalNaNWord = ~BitConverter.DoubleToInt64Bits(double.NaN);

    private JsValue(Tag tag, object? reference)
    {
        _bits = (long)tag;
        _ref = reference;
    }

    private JsValue(long bits)
    {
        _bits = bits;
        _ref = null;
    }

    /// <summary>The tag: for a number <see cref="Tag.Number"/>, otherwise the low bits of the word.</summary>
    internal Tag _tag
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (ulong)_bits >= FirstNumberWord ? Tag.Number : (Tag)(_bits & 15);
    }

    /// <summary>The number; only meaningful when <see cref="IsNumber"/>.</summary>
    internal double _number
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BitConverter.Int64BitsToDouble(~_bits);
    }

    public static readonly JsValue Undefined = default;
    public static readonly JsValue Null = new(Tag.Null, null);
    public static readonly JsValue True = new(TrueWord);
    public static readonly JsValue False = new((long)Tag.Boolean);
    internal static readonly JsValue Empty = new(Tag.Empty, null);
    internal static readonly JsValue NaN = FromNumber(double.NaN);
    internal static readonly JsValue Zero = FromNumber(0);
    internal static readonly JsValue EmptyString = new(Tag.String, "");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue FromNumber(double value) => new(NumberWord(value));

    /// <summary>A number's word: the complement of its bits, every NaN as the one canonical NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long NumberWord(double value) => double.IsNaN(value) ? CanonicalNaNWord : ~BitConverter.DoubleToInt64Bits(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue FromBoolean(bool value) => new(value ? TrueWord : (long)Tag.Boolean);
    public static JsValue FromString(string value) => new(Tag.String, value);
    internal static JsValue FromRope(JsRope rope) => new(Tag.String, rope);
    /// <summary>A string value from its payload: a <see cref="string"/> or a <see cref="JsRope"/>.</summary>
    internal static JsValue FromStringPayload(object payload) => new(Tag.String, payload);
    internal static JsValue FromSymbol(JsSymbol symbol) => new(Tag.Symbol, symbol);
    internal static JsValue FromBigInt(BigInteger value) => new(Tag.BigInt, new JsBigInt(value));
    internal static JsValue FromBigInt(JsBigInt value) => new(Tag.BigInt, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static JsValue FromObject(JsObject value) => new(Tag.Object, value);
    /// <summary>An accessor pair stored in a property slot; never visible to scripts.</summary>
    internal static JsValue FromAccessor(AccessorPair pair) => new(Tag.Empty, pair);
    /// <summary>An engine-internal object (iterator record, environment, template site) kept in a register or constant.</summary>
    internal static JsValue FromInternal(object value) => new(Tag.Empty, value);
    internal object? InternalRef => _ref;

    /// <summary>
    /// JsValue's layout with the reference typed as a plain word: the interpreter stores primitives through
    /// it so that writing a number or boolean into a register or slot needs no GC write barrier (a null
    /// reference needs none; the JIT elides barriers for null stores the same way). Never used to store a
    /// non-null reference. The layout is checked once per process (CheckLayout, from JsEngine's static constructor).
    /// </summary>
    internal struct Bits
    {
        public nint Ref;
        public long Word;
    }

    /// <summary>
    /// Fails fast if <see cref="Bits"/> does not overlay JsValue exactly (size, reference first, then the
    /// word); the runtime lays out structs with references itself. Called once per process.
    /// </summary>
    internal static void CheckLayout()
    {
        var probe = new JsValue(Tag.String, "probe");
        ref var bits = ref Unsafe.As<JsValue, Bits>(ref probe);
        if (Unsafe.SizeOf<JsValue>() != Unsafe.SizeOf<Bits>() || Unsafe.SizeOf<JsValue>() != Size || bits.Ref == 0 || bits.Word != (long)Tag.String)
            throw new InvalidOperationException("JsValue.Bits does not match the layout of JsValue.");
    }

    /// <summary>
    /// Stores a number into <paramref name="slot"/> without a write barrier. The value must not be a NaN other
    /// than one arithmetic on numbers makes (the interpreter's fast paths); anything else goes through FromNumber.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreNumber(ref JsValue slot, double value)
    {
        ref var bits = ref Unsafe.As<JsValue, Bits>(ref slot);
        bits.Ref = 0;
        bits.Word = ~BitConverter.DoubleToInt64Bits(value);
    }

    /// <summary>Stores a boolean into <paramref name="slot"/> without a write barrier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreBoolean(ref JsValue slot, bool value)
    {
        ref var bits = ref Unsafe.As<JsValue, Bits>(ref slot);
        bits.Ref = 0;
        bits.Word = value ? TrueWord : (long)Tag.Boolean;
    }

    /// <summary>Copies <paramref name="value"/> into <paramref name="slot"/>; without a write barrier when it holds no reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Copy(ref JsValue slot, in JsValue value)
    {
        // Word by word: the JIT would copy the struct with the GC's byref-assignment helper even for a null
        // reference, and a 16-byte load of a value whose two words were just stored separately (registers are
        // read right after they are written all the time) cannot be forwarded from the store buffer.
        ref var to = ref Unsafe.As<JsValue, Bits>(ref slot);
        to.Word = value._bits;
        if (value._ref is null) to.Ref = 0;
        else Unsafe.As<JsValue, object?>(ref slot) = value._ref;
    }

    /// <summary>
    /// <see cref="Copy"/> for slots that usually get the reference they already hold: `this` pushed onto a frame's
    /// operand stack (a frame's `this` never changes, and the slot keeps what it held when it was popped).
    /// Storing a reference goes through the GC's write barrier, about 4 ns on this machine against under 1 ns for a
    /// plain store; storing the reference a slot already holds creates no new pointer for the GC to record, so
    /// that store is skipped. (Where the reference differs most of the time the extra compare is a loss, so
    /// <see cref="Copy"/> does not do it.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CopyOver(ref JsValue slot, in JsValue value)
    {
        if (value._ref is not null && ReferenceEquals(slot._ref, value._ref)) Unsafe.As<JsValue, Bits>(ref slot).Word = value._bits;
        else Copy(ref slot, value);
    }

    /// <summary>Stores a string payload (a <see cref="string"/> or a <see cref="JsRope"/>) into <paramref name="slot"/>, written the way <see cref="Copy"/> writes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreString(ref JsValue slot, object payload) => StoreReference(ref slot, Tag.String, payload);

    /// <summary>Stores an object into <paramref name="slot"/>, written the way <see cref="Copy"/> writes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreObject(ref JsValue slot, JsObject value) => StoreReference(ref slot, Tag.Object, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreReference(ref JsValue slot, Tag tag, object reference)
    {
        ref var bits = ref Unsafe.As<JsValue, Bits>(ref slot);
        bits.Word = (long)tag;
        Unsafe.As<JsValue, object?>(ref slot) = reference;
    }

    public static implicit operator JsValue(double value) => FromNumber(value);
    public static implicit operator JsValue(string value) => FromString(value);
    public static implicit operator JsValue(bool value) => FromBoolean(value);

    public JsValueKind Kind => _tag == Tag.Empty ? JsValueKind.Undefined : (JsValueKind)_tag;

    public bool IsUndefined => _bits == (long)Tag.Undefined;
    public bool IsNull => _bits == (long)Tag.Null;
    public bool IsNullish => (ulong)_bits <= (ulong)Tag.Null;
    public bool IsBoolean => (_bits | 16) == TrueWord;
    public bool IsNumber
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (ulong)_bits >= FirstNumberWord;
    }
    public bool IsString => _bits == (long)Tag.String;
    public bool IsSymbol => _bits == (long)Tag.Symbol;
    public bool IsBigInt => _bits == (long)Tag.BigInt;
    public bool IsObject => _bits == (long)Tag.Object;
    internal bool IsEmpty => _bits == (long)Tag.Empty;

    /// <summary>The number; only meaningful when <see cref="IsNumber"/>.</summary>
    public double AsNumber() => _number;
    public bool AsBoolean() => _bits == TrueWord;

    /// <summary>The string, flattening a rope on first use (the flat text is cached in the rope).</summary>
    public string AsString() => _ref as string ?? ((JsRope)_ref!).Flatten();

    internal JsObject AsObject() => (JsObject)_ref!;
    internal JsObject? TryObject => IsObject ? (JsObject)_ref! : null;
    internal JsSymbol AsSymbol() => (JsSymbol)_ref!;
    internal JsBigInt AsBigInt() => (JsBigInt)_ref!;
    internal int StringLength => _ref is string s ? s.Length : ((JsRope)_ref!).Length;

    /// <summary>True for callable objects (§7.2.3 IsCallable).</summary>
    internal bool IsCallable => _ref is JsFunction;

    /// <summary>A display form for hosts and debugging; not ToString of the spec for objects.</summary>
    public override string ToString() => _tag switch
    {
        Tag.Undefined or Tag.Empty => "undefined",
        Tag.Null => "null",
        Tag.Boolean => AsBoolean() ? "true" : "false",
        Tag.Number => NumberFormatting.ToJsString(_number),
        Tag.String => AsString(),
        Tag.Symbol => AsSymbol().ToString(),
        Tag.BigInt => AsBigInt().Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => AsObject().DisplayString(),
    };

    /// <summary>SameValue (§7.2.10).</summary>
    public bool Equals(JsValue other) => Operators.SameValue(this, other);
    public override bool Equals(object? obj) => obj is JsValue v && Equals(v);
    public override int GetHashCode() => _tag switch
    {
        Tag.Number => _number.GetHashCode(),
        Tag.Boolean => AsBoolean() ? 1 : 0,
        Tag.String => AsString().GetHashCode(),
        Tag.BigInt => AsBigInt().Value.GetHashCode(),
        Tag.Undefined or Tag.Null or Tag.Empty => (int)_tag,
        _ => RuntimeHelpers.GetHashCode(_ref!),
    };
}
