using System.Globalization;

namespace DualEngine.Syntax.Lexing;

/// <summary>Character classification for the lexical grammar (§12.2–§12.7).</summary>
public static class CharClass
{
    /// <summary>§12.3 LineTerminator: LF, CR, LS, PS.</summary>
    public static bool IsLineTerminator(int c) => c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;

    /// <summary>§12.2 WhiteSpace: TAB VT FF ZWNBSP and any Zs (USP).</summary>
    public static bool IsWhiteSpace(int c)
    {
        if (c < 128) return c == ' ' || c == '\t' || c == 0x0B || c == 0x0C;
        return c == 0xA0 || c == 0xFEFF || (c <= 0xFFFF && CharUnicodeInfo.GetUnicodeCategory((char)c) == UnicodeCategory.SpaceSeparator);
    }

    /// <summary>§12.7 IdentifierStartChar: UnicodeIDStart, $, _.</summary>
    public static bool IsIdentifierStart(int c)
    {
        if (c < 128)
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_';
        return IsIdStartUnicode(c);
    }

    /// <summary>§12.7 IdentifierPartChar: UnicodeIDContinue, $, ZWNJ, ZWJ.</summary>
    public static bool IsIdentifierPart(int c)
    {
        if (c < 128)
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$' || c == '_';
        if (c == 0x200C || c == 0x200D) return true;
        return IsIdContinueUnicode(c);
    }

    // ID_Start = L + Nl + Other_ID_Start - Pattern_Syntax - Pattern_White_Space (UAX #31).
    private static bool IsIdStartUnicode(int c)
    {
        if (c == 0x2E2F) return false; // VERTICAL TILDE: Lm but Pattern_Syntax
        if (c is 0x1885 or 0x1886 or 0x2118 or 0x212E or 0x309B or 0x309C) return true; // Other_ID_Start
        switch (Category(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
                return true;
            default:
                return false;
        }
    }

    // ID_Continue = ID_Start + Mn + Mc + Nd + Pc + Other_ID_Continue.
    private static bool IsIdContinueUnicode(int c)
    {
        if (IsIdStartUnicode(c)) return true;
        if (c is 0x00B7 or 0x0387 or 0x19DA or 0x30FB or 0xFF65 || (c >= 0x1369 && c <= 0x1371)) return true; // Other_ID_Continue
        switch (Category(c))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return c != 0x2E2F;
            default:
                return false;
        }
    }

    private static UnicodeCategory Category(int c)
        => c <= 0xFFFF ? CharUnicodeInfo.GetUnicodeCategory((char)c) : CharUnicodeInfo.GetUnicodeCategory(c);

    public static int HexValue(int c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
