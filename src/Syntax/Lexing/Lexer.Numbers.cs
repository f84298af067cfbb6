using System.Globalization;
using System.Numerics;

namespace DualEngine.Syntax.Lexing;

public sealed partial class Lexer
{
    /// <summary>§12.9.3 NumericLiteral, including separators (ES2021), BigInt suffix and legacy octal (B.1.1).</summary>
    private void ScanNumber()
    {
        int start = _pos;
        char c = _src[_pos];
        if (c == '0' && _pos + 1 < _src.Length)
        {
            char n = (char)(_src[_pos + 1] | 0x20);
            int radix = n == 'x' ? 16 : n == 'o' ? 8 : n == 'b' ? 2 : 0;
            if (radix != 0)
            {
                _pos += 2;
                string digits = ReadDigits(radix, allowSeparators: true);
                if (digits.Length == 0) throw Error(start, "Invalid or unexpected token: missing digits after '0" + _src[start + 1] + "'");
                var big = ParseRadix(digits, radix);
                if (Peek() == 'n')
                {
                    _pos++;
                    Tok.Type = TokenType.BigInt;
                    Tok.BigInt = big;
                }
                else
                {
                    Tok.Type = TokenType.Number;
                    Tok.Number = ToDouble(big);
                }
                CheckAfterNumber();
                return;
            }
            if (_src[_pos + 1] >= '0' && _src[_pos + 1] <= '9' || _src[_pos + 1] == '_')
            {
                // LegacyOctalIntegerLiteral (0777) or NonOctalDecimalIntegerLiteral (089), Annex B / §12.9.3.
                if (_src[_pos + 1] == '_') throw Error(_pos + 1, "Numeric separator can not be used after leading 0");
                Tok.LegacyOctal = true;
                int p = _pos + 1;
                bool octal = true;
                while (p < _src.Length && _src[p] >= '0' && _src[p] <= '9') { if (_src[p] >= '8') octal = false; p++; }
                if (p < _src.Length && _src[p] == '_') throw Error(p, "Numeric separator can not be used after leading 0");
                if (octal)
                {
                    _pos = p;
                    Tok.Type = TokenType.Number;
                    Tok.Number = ToDouble(ParseRadix(_src.Substring(start + 1, p - start - 1), 8));
                    if (Peek() == 'n') throw Error(start, "Invalid BigInt literal: legacy octal");
                    CheckAfterNumber();
                    return;
                }
                // NonOctalDecimalIntegerLiteral may continue as a decimal with fraction/exponent (e.g. 08.5).
                _pos = start;
                ReadDecimal(start, legacyNoSeparators: true);
                return;
            }
        }
        ReadDecimal(start, legacyNoSeparators: false);
    }

    private void ReadDecimal(int start, bool legacyNoSeparators)
    {
        bool isInt = true;
        if (_src[_pos] != '.') ReadDigits(10, !legacyNoSeparators);
        if (Peek() == '.')
        {
            isInt = false;
            _pos++;
            if (Peek() == '_') throw Error(_pos, "Numeric separators are not allowed here");
            ReadDigits(10, true);
        }
        int e = Peek();
        if (e == 'e' || e == 'E')
        {
            isInt = false;
            _pos++;
            if (Peek() == '+' || Peek() == '-') _pos++;
            if (Peek() == '_') throw Error(_pos, "Numeric separators are not allowed here");
            if (ReadDigits(10, true).Length == 0) throw Error(start, "Invalid or unexpected token: missing exponent");
        }
        string text = _src.Substring(start, _pos - start);
        if (text.Contains('_')) text = text.Replace("_", "");
        if (Peek() == 'n')
        {
            if (!isInt || legacyNoSeparators) throw Error(start, "Invalid BigInt literal");
            _pos++;
            Tok.Type = TokenType.BigInt;
            Tok.BigInt = BigInteger.Parse(text, CultureInfo.InvariantCulture);
            CheckAfterNumber();
            return;
        }
        Tok.Type = TokenType.Number;
        Tok.Number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        CheckAfterNumber();
    }

    /// <summary>Digits of the radix with `_` separators between digits only (§12.9.3 NumericLiteralSeparator).</summary>
    private string ReadDigits(int radix, bool allowSeparators)
    {
        int start = _pos;
        bool lastSep = false;
        bool any = false;
        while (_pos < _src.Length)
        {
            char c = _src[_pos];
            if (c == '_')
            {
                if (!allowSeparators) throw Error(_pos, "Numeric separators are not allowed here");
                if (!any || lastSep) throw Error(_pos, "Only one underscore is allowed as numeric separator");
                lastSep = true;
                _pos++;
                continue;
            }
            int v = CharClass.HexValue(c);
            if (v < 0 || v >= radix) break;
            lastSep = false;
            any = true;
            _pos++;
        }
        if (lastSep) throw Error(_pos - 1, "Numeric separators are not allowed at the end of numeric literals");
        var s = _src.Substring(start, _pos - start);
        return s.Contains('_') ? s.Replace("_", "") : s;
    }

    /// <summary>
    /// Value of a hex/octal/binary digit string. Radices are powers of two, so the digits are packed
    /// as bits directly: linear time even for megabyte-long literals (multiply-add would be quadratic).
    /// </summary>
    private static BigInteger ParseRadix(string digits, int radix)
    {
        if (digits.Length <= 12)
        {
            long l = 0;
            foreach (char c in digits) l = l * radix + CharClass.HexValue(c);
            return l;
        }
        int bitsPerDigit = radix == 16 ? 4 : radix == 8 ? 3 : 1;
        var bytes = new byte[(digits.Length * bitsPerDigit + 7) / 8 + 1];
        int bit = 0;
        for (int i = digits.Length - 1; i >= 0; i--, bit += bitsPerDigit)
        {
            int v = CharClass.HexValue(digits[i]);
            for (int b = 0; b < bitsPerDigit; b++)
                if ((v & (1 << b)) != 0) bytes[(bit + b) >> 3] |= (byte)(1 << ((bit + b) & 7));
        }
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>
    /// Correctly rounded (ties-to-even) conversion; `(double)BigInteger` truncates, but §12.9.3.3
    /// (RoundMVResult) requires IEEE round-to-nearest for literals like 0x20000000000003.
    /// </summary>
    internal static double ToDouble(BigInteger v)
    {
        if (v.IsZero) return 0;
        long bits = (long)v.GetBitLength();
        if (bits <= 53) return (long)v;
        int shift = (int)(bits - 54);
        long top = (long)(v >> shift);               // 54 significant bits: 53 + rounding bit
        bool sticky = !(v & ((BigInteger.One << shift) - 1)).IsZero;
        long mant = top >> 1;
        if ((top & 1) != 0 && (sticky || (mant & 1) != 0)) mant++;
        return Math.ScaleB(mant, shift + 1);
    }

    /// <summary>§12.9.3: the source character after a NumericLiteral must not be IdentifierStart or DecimalDigit.</summary>
    private void CheckAfterNumber()
    {
        if (_pos >= _src.Length) return;
        int cp = CodePointAt(_pos, out _);
        if ((cp >= '0' && cp <= '9') || cp == '\\' || CharClass.IsIdentifierStart(cp))
            throw Error(_pos, "Invalid or unexpected token after numeric literal");
    }
}
