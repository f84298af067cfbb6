using System.Numerics;

namespace DualEngine.Syntax.Ast;

public enum LiteralKind : byte { Null, Boolean, Number, String, BigInt, RegExp }

/// <summary>
/// A literal value (§13.2.3, §12.9). Exactly one of the typed value properties is meaningful,
/// chosen by <see cref="LiteralKind"/>. <see cref="Raw"/> is the exact source text.
/// </summary>
public sealed class Literal : Expression
{
    public Literal() : base(NodeKind.Literal) { }

    public LiteralKind LiteralKind { get; set; }
    public string Raw { get; set; } = "";

    public bool BooleanValue { get; set; }
    public double NumberValue { get; set; }
    /// <summary>Cooked string value (escapes resolved) for String literals.</summary>
    public string? StringValue { get; set; }
    /// <summary>Value of a BigInt literal such as `0x1fn` (§12.9.3).</summary>
    public BigInteger BigIntValue { get; set; }
    /// <summary>Pattern and flags of a RegExp literal (§12.9.5); the pattern is already validated.</summary>
    public RegExpValue? Regex { get; set; }

    /// <summary>
    /// True for strings that contain a legacy octal escape or \8 \9, and for legacy octal
    /// numbers like 017 or 08 (forbidden in strict mode, §12.9.4.1, §12.9.3.1).
    /// </summary>
    public bool IsLegacyOctal { get; set; }

    /// <summary>A boxed value for tools that want one: null, bool, double, string, BigInteger or RegExpValue.</summary>
    public object? Value => LiteralKind switch
    {
        LiteralKind.Null => null,
        LiteralKind.Boolean => BooleanValue,
        LiteralKind.Number => NumberValue,
        LiteralKind.String => StringValue,
        LiteralKind.BigInt => BigIntValue,
        _ => Regex,
    };
}

/// <summary>Body and flags of a regular expression literal `/pattern/flags`.</summary>
public sealed record RegExpValue(string Pattern, string Flags);
