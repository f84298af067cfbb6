using System.Numerics;

namespace DualEngine.Syntax.Lexing;

/// <summary>The current token. A plain struct so the lexer can snapshot/restore it for lookahead.</summary>
public struct Token
{
    public TokenType Type;
    public int Start;
    public int End;
    public int Line;
    public int Column;
    /// <summary>A line terminator appeared between the previous token and this one (drives ASI, §12.10).</summary>
    public bool NewlineBefore;
    /// <summary>Name contained a \u escape: it can never act as a keyword (§12.7.2).</summary>
    public bool Escaped;
    /// <summary>String had a legacy octal / \8 \9 escape, or number was legacy octal / 08-style.</summary>
    public bool LegacyOctal;
    /// <summary>Name / string value / private name / template cooked value (null when invalid escape).</summary>
    public string? Value;
    public double Number;
    public BigInteger BigInt;
    /// <summary>Template: raw value; RegExp: flags.</summary>
    public string? Raw;
    /// <summary>Template chunk ends with '`' (no further substitutions).</summary>
    public bool TemplateTail;
    /// <summary>Position of the first invalid escape in a template chunk (or -1).</summary>
    public int InvalidEscapeAt;
    public string? InvalidEscapeMessage;
}
