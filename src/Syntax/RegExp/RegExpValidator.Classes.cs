namespace DualEngine.Syntax;

/// <summary>CharacterClass (§22.2.1): ClassContents for legacy/u mode, ClassSetExpression for v mode.</summary>
internal sealed partial class RegExpValidator
{
    /// <summary>`[...]` without the v flag. Ranges must be ordered; class escapes in ranges only in Annex B mode.</summary>
    private void ParseClass()
    {
        int start = _i;
        _i++;
        Eat('^');
        while (true)
        {
            if (_i >= _p.Length) throw _error(start, "Unterminated character class");
            if (_p[_i] == ']') { _i++; return; }
            int a = ParseClassAtom();
            if (Cur == '-' && At(1) != ']' && At(1) >= 0)
            {
                _i++;
                int b = ParseClassAtom();
                if (a < 0 || b < 0)
                {
                    if (_u) throw Err("Invalid character class");
                    continue;
                }
                if (a > b) throw Err("Range out of order in character class");
            }
        }
    }

    /// <summary>One ClassAtom; returns its code point or -1 for a class escape like \d.</summary>
    private int ParseClassAtom()
    {
        char c = _p[_i];
        if (c != '\\')
        {
            if (_u && char.IsHighSurrogate(c) && At(1) >= 0 && char.IsLowSurrogate((char)At(1)))
            {
                _i += 2;
                return char.ConvertToUtf32(c, _p[_i - 1]);
            }
            _i++;
            return c;
        }
        _i++;
        if (_i >= _p.Length) throw Err("\\ at end of pattern");
        c = _p[_i];
        if (c == 'b') { _i++; return 8; }
        if (c == '-' && _u) { _i++; return '-'; }
        if (c is 'd' or 'D' or 's' or 'S' or 'w' or 'W') { _i++; return -1; }
        if ((c == 'p' || c == 'P') && _u) { ParsePropertyEscape(); return -1; }
        if (c == 'B' && _u) throw Err("Invalid class escape");
        return ParseCharacterEscape(inClass: true);
    }

    // ----- v flag (UnicodeSetsMode) -----------------------------------------------------------

    private const string DoublePunctuators = "&!#$%*+,.:;<=>?@^`~";
    private const string ReservedPunctuators = "&-!#%,:;<=>@`~";
    private const string ClassSetSyntax = "()[]{}/-\\|";

    private bool IsDouble(string op) => _i + 1 < _p.Length && _p[_i] == op[0] && _p[_i + 1] == op[1];

    /// <summary>`[` `^`? ClassSetExpression `]`; returns MayContainStrings.</summary>
    private bool ParseClassSetClass()
    {
        int start = _i;
        _i++;
        if (++_depth > 1000 || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw Err("Regular expression too large");
        bool negated = Eat('^');
        bool strings = ParseClassSetExpression(start);
        _depth--;
        if (!Eat(']')) throw _error(start, "Unterminated character class");
        if (negated && strings) throw _error(start, "Negated character class may contain strings");
        return !negated && strings;
    }

    private bool ParseClassSetExpression(int start)
    {
        if (Cur == ']') return false;
        bool first = ParseClassSetOperandOrRange(allowRange: true, out bool wasRange);
        if (IsDouble("&&") || IsDouble("--"))
        {
            if (wasRange) throw Err("Invalid set operation in character class");
            bool intersection = IsDouble("&&");
            string op = intersection ? "&&" : "--";
            bool result = first;
            while (IsDouble(op))
            {
                _i += 2;
                if (intersection && Cur == '&') throw Err("Invalid set operation in character class");
                bool s = ParseClassSetOperandOrRange(allowRange: false, out _);
                if (intersection) result &= s;
            }
            if (Cur != ']') throw Err("Invalid set operation in character class");
            return result;
        }
        bool any = first;
        while (Cur != ']')
        {
            if (_i >= _p.Length) throw _error(start, "Unterminated character class");
            if (IsDouble("&&") || IsDouble("--")) throw Err("Invalid set operation in character class");
            any |= ParseClassSetOperandOrRange(allowRange: true, out _);
        }
        return any;
    }

    /// <summary>NestedClass, ClassStringDisjunction, class escape, or ClassSetCharacter (optionally a range).</summary>
    private bool ParseClassSetOperandOrRange(bool allowRange, out bool wasRange)
    {
        wasRange = false;
        if (_i >= _p.Length) throw Err("Unterminated character class");
        char c = _p[_i];
        if (c == '[') return ParseClassSetClass();
        if (c == '\\' && _i + 1 < _p.Length)
        {
            char e = _p[_i + 1];
            if (e == 'q')
            {
                _i += 2;
                return ParseClassStringDisjunction();
            }
            if (e is 'd' or 'D' or 's' or 'S' or 'w' or 'W') { _i += 2; return false; }
            if (e == 'p' || e == 'P')
            {
                _i++;
                return ParsePropertyEscape();
            }
        }
        int a = ParseClassSetCharacter();
        if (allowRange && Cur == '-' && At(1) != '-')
        {
            _i++;
            int b = ParseClassSetCharacter();
            if (a > b) throw Err("Range out of order in character class");
            wasRange = true;
        }
        return false;
    }

    private int ParseClassSetCharacter()
    {
        if (_i >= _p.Length) throw Err("Unterminated character class");
        char c = _p[_i];
        if (c == '\\')
        {
            _i++;
            if (_i >= _p.Length) throw Err("\\ at end of pattern");
            char e = _p[_i];
            if (e == 'b') { _i++; return 8; }
            if (ReservedPunctuators.IndexOf(e) >= 0) { _i++; return e; }
            return ParseCharacterEscape(inClass: true);
        }
        if (_i + 1 < _p.Length && _p[_i + 1] == c && DoublePunctuators.IndexOf(c) >= 0)
            throw Err("Invalid set operation in character class");
        if (ClassSetSyntax.IndexOf(c) >= 0) throw Err("Invalid character in character class");
        if (char.IsHighSurrogate(c) && At(1) >= 0 && char.IsLowSurrogate((char)At(1)))
        {
            _i += 2;
            return char.ConvertToUtf32(c, _p[_i - 1]);
        }
        _i++;
        return c;
    }

    /// <summary>`\q{abc|d}`: may contain strings when some alternative is not exactly one character.</summary>
    private bool ParseClassStringDisjunction()
    {
        if (!Eat('{')) throw Err("Invalid escape");
        bool strings = false;
        int len = 0;
        while (true)
        {
            if (_i >= _p.Length) throw Err("Unterminated class string disjunction");
            char c = _p[_i];
            if (c == '}' || c == '|')
            {
                if (len != 1) strings = true;
                len = 0;
                _i++;
                if (c == '}') break;
                continue;
            }
            ParseClassSetCharacter();
            len++;
        }
        return strings;
    }
}
