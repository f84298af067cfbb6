namespace DualEngine.Syntax;

/// <summary>AtomEscape, CharacterEscape and property escapes (§22.2.1, Annex B.1.2).</summary>
internal sealed partial class RegExpValidator
{
    private const string SyntaxCharacters = "^$\\.*+?()[]{}|";

    private void ParseAtomEscape()
    {
        int start = _i;
        _i++; // backslash
        if (_i >= _p.Length) throw Err("\\ at end of pattern");
        char c = _p[_i];
        if (c >= '1' && c <= '9')
        {
            int save = _i;
            long n = 0;
            while (_i < _p.Length && char.IsAsciiDigit(_p[_i]))
            {
                if (n < int.MaxValue) n = n * 10 + (_p[_i] - '0');
                _i++;
            }
            if (n <= _groupCount) return; // DecimalEscape backreference
            if (_u) throw _error(start, "Invalid escape");
            // Annex B: not a backreference, so a legacy octal escape or identity escape.
            _i = save;
            if (c >= '8') { _i++; return; }
            ReadLegacyOctal();
            return;
        }
        if (c == 'k')
        {
            _i++;
            if (!_namedMode) return; // Annex B identity escape
            if (!Eat('<')) throw Err("Invalid named reference");
            string name = ParseGroupName();
            _backrefs.Add((name, start));
            return;
        }
        if (c is 'd' or 'D' or 's' or 'S' or 'w' or 'W') { _i++; return; }
        if ((c == 'p' || c == 'P') && _u) { ParsePropertyEscape(); return; }
        ParseCharacterEscape(inClass: false);
    }

    private void ReadLegacyOctal()
    {
        // LegacyOctalEscapeSequence: up to three octal digits with value <= 0o377.
        int first = _p[_i] - '0';
        _i++;
        if (Cur >= '0' && Cur <= '7')
        {
            _i++;
            if (first <= 3 && Cur >= '0' && Cur <= '7') _i++;
        }
    }

    /// <summary>
    /// CharacterEscape after the backslash. Returns the code point it denotes, used for class range
    /// checks. For Annex B `\c` without a control letter the backslash is literal and 'c' is left unread.
    /// </summary>
    private int ParseCharacterEscape(bool inClass)
    {
        char c = _p[_i];
        switch (c)
        {
            case 'f': _i++; return 0x0C;
            case 'n': _i++; return 0x0A;
            case 'r': _i++; return 0x0D;
            case 't': _i++; return 0x09;
            case 'v': _i++; return 0x0B;
            case 'c':
            {
                int l = At(1);
                if ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z')) { _i += 2; return l % 32; }
                if (inClass && !_u && (char.IsAsciiDigit((char)Math.Max(l, 0)) || l == '_')) { _i += 2; return l % 32; }
                if (_u) throw Err("Invalid unicode escape");
                return '\\';
            }
            case '0':
                if (!(At(1) >= '0' && At(1) <= '9')) { _i++; return 0; }
                if (_u) throw Err("Invalid decimal escape");
                return ReadLegacyOctalValue();
            case '1': case '2': case '3': case '4': case '5': case '6': case '7':
                if (_u) throw Err("Invalid class escape");
                return ReadLegacyOctalValue();
            case '8': case '9':
                if (_u) throw Err("Invalid class escape");
                _i++;
                return c;
            case 'x':
            {
                int h1 = At(1) >= 0 ? Lexing.CharClass.HexValue(At(1)) : -1;
                int h2 = At(2) >= 0 ? Lexing.CharClass.HexValue(At(2)) : -1;
                if (h1 >= 0 && h2 >= 0) { _i += 3; return h1 * 16 + h2; }
                if (_u) throw Err("Invalid escape");
                _i++;
                return 'x';
            }
            case 'u':
            {
                _i++;
                int save = _i;
                int cp = ReadRegExpUnicodeEscape();
                if (cp >= 0) return cp;
                if (_u) throw Err("Invalid Unicode escape");
                _i = save;
                return 'u';
            }
            default:
                if (_u)
                {
                    if (SyntaxCharacters.IndexOf(c) >= 0 || c == '/' || (inClass && c == '-')) { _i++; return c; }
                    throw Err("Invalid escape");
                }
                if (c == 'k' && _namedMode) throw Err("Invalid escape");
                if (char.IsHighSurrogate(c) && At(1) >= 0 && char.IsLowSurrogate((char)At(1)))
                {
                    _i += 2;
                    return char.ConvertToUtf32(c, _p[_i - 1]);
                }
                _i++;
                return c;
        }
    }

    private int ReadLegacyOctalValue()
    {
        int v = _p[_i] - '0';
        _i++;
        if (Cur >= '0' && Cur <= '7')
        {
            v = v * 8 + (_p[_i] - '0');
            _i++;
            if (v < 32 && Cur >= '0' && Cur <= '7')
            {
                v = v * 8 + (_p[_i] - '0');
                _i++;
            }
        }
        return v;
    }

    /// <summary>`\p{Name}`, `\p{Name=Value}` (§22.2.2.9). Returns whether it is a property of strings.</summary>
    private bool ParsePropertyEscape()
    {
        bool negated = _p[_i] == 'P';
        _i++;
        if (!Eat('{')) throw Err("Invalid property name");
        int s = _i;
        while (_i < _p.Length && _p[_i] != '}')
        {
            char ch = _p[_i];
            if (!(char.IsAsciiLetterOrDigit(ch) || ch == '_' || ch == '=')) throw Err("Invalid property name");
            _i++;
        }
        if (_i >= _p.Length) throw Err("Invalid property name");
        string body = _p.Substring(s, _i - s);
        _i++;
        if (!UnicodePropertyNames.IsValid(body, out bool ofStrings)) throw Err("Invalid property name");
        if (ofStrings && (!_v || negated)) throw Err("Invalid property name");
        return ofStrings;
    }
}
