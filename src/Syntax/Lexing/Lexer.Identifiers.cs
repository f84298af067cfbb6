using System.Text;

namespace DualEngine.Syntax.Lexing;

public sealed partial class Lexer
{
    private readonly StringBuilder _sb = new();

    private int CodePointAt(int p, out int width)
    {
        char c = _src[p];
        if (char.IsHighSurrogate(c) && p + 1 < _src.Length && char.IsLowSurrogate(_src[p + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, _src[p + 1]);
        }
        width = 1;
        return c;
    }

    private void ScanIdentifierOrError()
    {
        int cp = CodePointAt(_pos, out _);
        if (cp == '\\' || CharClass.IsIdentifierStart(cp))
        {
            Tok.Type = TokenType.Name;
            Tok.Value = ReadIdentifierName(out Tok.Escaped);
            return;
        }
        throw Error(_pos, cp < 0x20 || cp > 0x7E
            ? $"Invalid or unexpected character U+{cp:X4}"
            : $"Invalid or unexpected token '{(char)cp}'");
    }

    private void ScanPrivateName()
    {
        // §12.7 PrivateIdentifier :: # IdentifierName
        int start = _pos;
        _pos++;
        if (_pos >= _src.Length) throw Error(start, "Invalid or unexpected token '#'");
        int cp = CodePointAt(_pos, out _);
        if (cp != '\\' && !CharClass.IsIdentifierStart(cp)) throw Error(start, "Invalid or unexpected token '#'");
        Tok.Type = TokenType.PrivateName;
        Tok.Value = ReadIdentifierName(out Tok.Escaped);
    }

    /// <summary>Reads IdentifierName (§12.7) starting at _pos, resolving \u escapes (§12.7.1).</summary>
    private string ReadIdentifierName(out bool escaped)
    {
        escaped = false;
        int start = _pos;
        // Fast path: plain ASCII identifier without escapes.
        while (_pos < _src.Length)
        {
            char c = _src[_pos];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$' || c == '_') { _pos++; continue; }
            if (c < 128 && c != '\\') return Intern(start, _pos - start);
            break;
        }
        if (_pos >= _src.Length) return Intern(start, _pos - start);

        _sb.Clear();
        _sb.Append(_src, start, _pos - start);
        bool first = _pos == start;
        while (_pos < _src.Length)
        {
            int cp = CodePointAt(_pos, out int w);
            if (cp == '\\')
            {
                int escStart = _pos;
                if (Peek(1) != 'u') throw Error(_pos, "Invalid Unicode escape sequence");
                _pos += 2;
                int v = ReadUnicodeEscapeBody(escStart);
                bool ok = first ? CharClass.IsIdentifierStart(v) : CharClass.IsIdentifierPart(v);
                if (!ok) throw Error(escStart, "Invalid Unicode escape sequence in identifier");
                _sb.Append(char.ConvertFromUtf32(v));
                escaped = true;
            }
            else if (first ? CharClass.IsIdentifierStart(cp) : CharClass.IsIdentifierPart(cp))
            {
                _sb.Append(_src, _pos, w);
                _pos += w;
            }
            else break;
            first = false;
        }
        return _sb.ToString();
    }

    /// <summary>After `\u`: reads XXXX or {X...} (§12.9.4 UnicodeEscapeSequence) and returns the code point.</summary>
    private int ReadUnicodeEscapeBody(int escStart)
    {
        if (Peek() == '{')
        {
            _pos++;
            int v = 0, digits = 0;
            while (_pos < _src.Length && _src[_pos] != '}')
            {
                int h = CharClass.HexValue(_src[_pos]);
                if (h < 0) throw Error(escStart, "Invalid Unicode escape sequence");
                v = v * 16 + h;
                if (v > 0x10FFFF) throw Error(escStart, "Undefined Unicode code-point");
                _pos++;
                digits++;
            }
            if (_pos >= _src.Length || digits == 0) throw Error(escStart, "Invalid Unicode escape sequence");
            _pos++;
            return v;
        }
        int r = 0;
        for (int i = 0; i < 4; i++)
        {
            int h = _pos < _src.Length ? CharClass.HexValue(_src[_pos]) : -1;
            if (h < 0) throw Error(escStart, "Invalid Unicode escape sequence");
            r = r * 16 + h;
            _pos++;
        }
        return r;
    }

    // A tiny intern table: identifiers repeat a lot and the parser compares keywords by value.
    private readonly Dictionary<int, string[]> _names = new();

    private string Intern(int start, int len)
    {
        var span = _src.AsSpan(start, len);
        int h = string.GetHashCode(span);
        if (_names.TryGetValue(h, out var arr))
        {
            foreach (var s in arr)
                if (span.SequenceEqual(s)) return s;
            var s2 = span.ToString();
            var grown = new string[arr.Length + 1];
            arr.CopyTo(grown, 0);
            grown[arr.Length] = s2;
            _names[h] = grown;
            return s2;
        }
        var str = span.ToString();
        _names[h] = new[] { str };
        return str;
    }
}
