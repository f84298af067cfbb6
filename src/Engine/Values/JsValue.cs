using System.Numerics;

namespace DualEngine.Engine;

/// <summary>The language types of ECMA-262 §6.1, as a host sees them.</summary>
public enum JsValueKind : byte { Undefined, Null, Boolean, Number, String, Symbol, BigInt, Object }

/// <summary>
/// An ECMAScript language value (§6.1) without boxing: a tag, a double and one reference.
/// Numbers and booleans live in <c>_number</c>; strings (a <see cref="string"/> or a <see cref="JsRope"/>),
/// symbols, bigints and objects live in <c>_ref</c>. <c>default</c> is undefined.
/// The internal tag <see cref="Tag.Empty"/> marks holes (array holes, uninitialized let/const bindings)
/// and never escapes to script code.
/// </summary>
public readonly struct JsValue : IEquatable<JsValue>
{
    internal enum Tag : byte { Undefined, Null, Boolean, Number, String, Symbol, BigInt, Object, Empty }

    internal readonly object? _ref;
    internal readonly double _number;
    internal readonly Tag _tag;

    private JsValue(Tag tag, double number, object? reference)
    {
        _tag = tag;
        _number = number;
        _ref = reference;
    }

    public static readonly JsValue Undefined = default;
    public static readonly JsValue Null = new(Tag.Null, 0, null);
    public static readonly JsValue True = new(Tag.Boolean, 1, null);
    public static readonly JsValue False = new(Tag.Boolean, 0, null);
    internal static readonly JsValue Empty = new(Tag.Empty, 0, null);
    internal static readonly JsValue NaN = new(Tag.Number, double.NaN, null);
    internal static readonly JsValue Zero = new(Tag.Number, 0, null);
    internal static readonly JsValue EmptyString = new(Tag.String, 0, "");

    public static JsValue FromNumber(double value) => new(Tag.Number, value, null);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue FromBoolean(bool value) => value ? True : False;
    public static JsValue FromString(string value) => new(Tag.String, 0, value);
    internal static JsValue FromRope(JsRope rope) => new(Tag.String, 0, rope);
    /// <summary>A string value from its payload: a <see cref="string"/> or a <see cref="JsRope"/>.</summary>
    internal static JsValue FromStringPayload(object payload) => new(Tag.String, 0, payload);
    internal static JsValue FromSymbol(JsSymbol symbol) => new(Tag.Symbol, 0, symbol);
    internal static JsValue FromBigInt(BigInteger value) => new(Tag.BigInt, 0, new JsBigInt(value));
    internal static JsValue FromBigInt(JsBigInt value) => new(Tag.BigInt, 0, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static JsValue FromObject(JsObject value) => new(Tag.Object, 0, value);
    /// <summary>An accessor pair stored in a property slot; never visible to scripts.</summary>
    internal static JsValue FromAccessor(AccessorPair pair) => new(Tag.Empty, 0, pair);
    /// <summary>An engine-internal object (iterator record, environment, template site) kept in a register or constant.</summary>
    internal static JsValue FromInternal(object value) => new(Tag.Empty, 0, value);
    internal object? InternalRef => _ref;

    /// <summary>
    /// JsValue's layout with the reference typed as a plain word: the interpreter stores primitives through
    /// it so that writing a number or boolean into a register or slot needs no GC write barrier (a null
    /// reference needs none; the JIT elides barriers for null stores the same way). Never used to store a
    /// non-null reference. Layout checked by a test (JsValueLayoutTests).
    /// </summary>
    internal struct Bits
    {
        public nint Ref;
        public double Number;
        /// <summary>The tag and the padding after it, written as one word (see <see cref="Copy"/>); read the tag as a byte.</summary>
        public long TagWord;
    }

    /// <summary>
    /// Fails fast if <see cref="Bits"/> does not overlay JsValue exactly (size, reference first, then the
    /// number, then the tag); the runtime lays out structs with references itself. Called once per process.
    /// </summary>
    internal static void CheckLayout()
    {
        var probe = new JsValue(Tag.String, 2.5, "probe");
        ref var bits = ref Unsafe.As<JsValue, Bits>(ref probe);
        if (Unsafe.SizeOf<JsValue>() != Unsafe.SizeOf<Bits>() || bits.Ref == 0 || bits.Number != 2.5 || (Tag)(byte)bits.TagWord != Tag.String)
            throw new InvalidOperationException("JsValue.Bits does not match the layout of JsValue.");
    }

    /// <summary>Stores a number into <paramref name="slot"/> without a write barrier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreNumber(ref JsValue slot, double value)
    {
        ref var bits = ref Unsafe.As<JsValue, Bits>(ref slot);
        bits.Ref = 0;
        bits.Number = value;
        bits.TagWord = (long)Tag.Number;
    }

    /// <summary>Stores a boolean into <paramref name="slot"/> without a write barrier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreBoolean(ref JsValue slot, bool value)
    {
        ref var bits = ref Unsafe.As<JsValue, Bits>(ref slot);
        bits.Ref = 0;
        bits.Number = value ? 1 : 0;
        bits.TagWord = (long)Tag.Boolean;
    }

    /// <summary>Copies <paramref name="value"/> into <paramref name="slot"/>; without a write barrier when it holds no reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Copy(ref JsValue slot, in JsValue value)
    {
        // Field by field. The JIT would copy the struct with a 16-byte and an 8-byte move, and a load that is
        // wider than the store that wrote its bytes (two 8-byte stores, or the tag's single byte) cannot be
        // forwarded from the store buffer: it waits until the stores retire. Registers are read right after
        // they are written all the time. So the tag is read as the byte it is, and written as a whole word,
        // which every later read (a byte, or the JIT's own 8-byte copies) can be forwarded from.
        ref var to = ref Unsafe.As<JsValue, Bits>(ref slot);
        to.Number = value._number;
        to.TagWord = (long)value._tag;
        if (value._ref is null) to.Ref = 0;
        else Unsafe.As<JsValue, object?>(ref slot) = value._ref;
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
        bits.Number = 0;
        bits.TagWord = (long)tag;
        Unsafe.As<JsValue, object?>(ref slot) = reference;
    }

    public static implicit operator JsValue(double value) => FromNumber(value);
    public static implicit operator JsValue(string value) => FromString(value);
    public static implicit operator JsValue(bool value) => FromBoolean(value);

    public JsValueKind Kind => _tag == Tag.Empty ? JsValueKind.Undefined : (JsValueKind)_tag;

    public bool IsUndefined => _tag == Tag.Undefined;
    public bool IsNull => _tag == Tag.Null;
    public bool IsNullish => _tag <= Tag.Null;
    public bool IsBoolean => _tag == Tag.Boolean;
    public bool IsNumber => _tag == Tag.Number;
    public bool IsString => _tag == Tag.String;
    public bool IsSymbol => _tag == Tag.Symbol;
    public bool IsBigInt => _tag == Tag.BigInt;
    public bool IsObject => _tag == Tag.Object;
    internal bool IsEmpty => _tag == Tag.Empty;

    /// <summary>The number; only meaningful when <see cref="IsNumber"/>.</summary>
    public double AsNumber() => _number;
    public bool AsBoolean() => _number != 0;

    /// <summary>The string, flattening a rope on first use (the flat text is cached in the rope).</summary>
    public string AsString() => _ref as string ?? ((JsRope)_ref!).Flatten();

    internal JsObject AsObject() => (JsObject)_ref!;
    internal JsObject? TryObject => _tag == Tag.Object ? (JsObject)_ref! : null;
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
        Tag.Boolean => _number.GetHashCode(),
        Tag.String => AsString().GetHashCode(),
        Tag.BigInt => AsBigInt().Value.GetHashCode(),
        Tag.Undefined or Tag.Null or Tag.Empty => (int)_tag,
        _ => RuntimeHelpers.GetHashCode(_ref!),
    };
}
