using System.Globalization;
using System.Text;

namespace DualEngine.Engine.Builtins;

/// <summary>A JS pattern translated to .NET: the pattern, the JS capture count and the group names.</summary>
/// <param name="Pattern">The .NET pattern; every JS capturing group (named or not) is an unnamed .NET group with the same number.</param>
/// <param name="GroupCount">NcapturingParens of the JS pattern.</param>
/// <param name="Names">Each distinct JS group name in source order, with the numbers of the groups carrying it (several for
/// ES2025 duplicate named groups in different alternatives).</param>
internal sealed record TranslatedRegExp(string Pattern, int GroupCount, (string Name, int[] Groups)[] Names);

/// <summary>
/// Translates an ECMAScript pattern (already checked by the early-error validator, so it is well formed) to a .NET
/// pattern with the same meaning. Everything whose meaning differs between the two is rewritten explicitly:
/// <list type="bullet">
/// <item>`.`, `^`, `$` follow the dotAll / multiline state in force at that point: the regexp's flags, changed inside
/// `(?ims-ims:...)` modifier groups (ES2025) through a flag stack. `i` maps to .NET's inline `(?i:` / `(?-i:`.</item>
/// <item>`\d \w \s \b` and their negations are JS's ASCII / WhiteSpace+LineTerminator sets, written as explicit ranges and
/// matched case-sensitively; under `i` with `u`/`v`, `\w` also holds U+017F and U+212A (§22.2.2.9.3 WordCharacters).</item>
/// <item>Capturing groups are all unnamed, so .NET numbers them in JS order; names live in <see cref="TranslatedRegExp.Names"/>
/// (any IdentifierName, `$`, astral letters, escapes). `\k&lt;name&gt;` and `\N` become conditionals, so a reference to a group that
/// has not participated matches empty as in JS (it fails in .NET), forward references included.</item>
/// <item>A quantified group first drops (with .NET balancing groups) the captures of the groups inside it, so each iteration
/// starts with them undefined (RepeatMatcher step 4).</item>
/// <item>Without `u`/`v`, Annex B.1.2: `\c` not followed by a letter is a backslash, `\8`/`\9` and `\N` above the group count
/// are identity / legacy octal escapes, `\x`/`\u` without hex digits are letters, `\k` without named groups is `k`, and any
/// other identity escape (ZWJ, ZWNJ, `\C`...) is the character itself.</item>
/// </list>
/// </summary>
internal sealed class RegExpTranslator
{
    private const string LineTerminators = @"\n\r\u2028\u2029";
    private static readonly (int Lo, int Hi)[] DigitRanges = [('0', '9')];
    private static readonly (int Lo, int Hi)[] WordRanges = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
    private static readonly (int Lo, int Hi)[] WordRangesUnicodeIgnoreCase = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z'), (0x17F, 0x17F), (0x212A, 0x212A)];
    private static readonly (int Lo, int Hi)[] SpaceRanges =
        [(9, 13), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF)];

    private readonly string _p;
    private readonly bool _unicode;
    private readonly bool _sets; // v: classes nest
    private readonly StringBuilder _sb;
    private int _i;
    private bool _ignoreCase, _multiline, _dotAll;
    private readonly int _groupCount;
    private readonly List<(string Name, List<int> Groups)> _names = new();
    private readonly bool _hasNamed;

    private RegExpTranslator(string pattern, string flags)
    {
        _p = pattern;
        _unicode = flags.Contains('u') || flags.Contains('v');
        _sets = flags.Contains('v');
        _ignoreCase = flags.Contains('i');
        _multiline = flags.Contains('m');
        _dotAll = flags.Contains('s');
        _sb = new StringBuilder(pattern.Length + 16);
        _groupCount = ScanGroups();
        _hasNamed = _names.Count > 0;
    }

    public static TranslatedRegExp Translate(string pattern, string flags)
    {
        var t = new RegExpTranslator(pattern, flags);
        t.Run();
        var names = new (string, int[])[t._names.Count];
        for (int k = 0; k < names.Length; k++) names[k] = (t._names[k].Name, t._names[k].Groups.ToArray());
        return new TranslatedRegExp(t._sb.ToString(), t._groupCount, names);
    }

    // ---- pre-pass: capture count and names (backreferences may point forward) ----

    private int ScanGroups()
    {
        int count = 0;
        bool inClass = false;
        int classDepth = 0;
        for (int i = 0; i < _p.Length; i++)
        {
            char c = _p[i];
            if (c == '\\') { i++; continue; }
            if (c == '[') { if (!inClass || _sets) classDepth++; inClass = true; continue; }
            if (c == ']' && inClass) { if (--classDepth == 0) inClass = false; continue; }
            if (inClass || c != '(') continue;
            if (i + 1 < _p.Length && _p[i + 1] == '?')
            {
                if (i + 3 < _p.Length && _p[i + 2] == '<' && _p[i + 3] != '=' && _p[i + 3] != '!')
                {
                    count++;
                    int j = i + 3;
                    string name = ReadGroupName(ref j);
                    int k = _names.FindIndex(e => e.Name == name);
                    if (k < 0) _names.Add((name, new List<int> { count }));
                    else _names[k].Groups.Add(count);
                    i = j - 1;
                }
            }
            else count++;
        }
        return count;
    }

    /// <summary>RegExpIdentifierName from <paramref name="j"/> (just after `&lt;`) through `&gt;`, with its escapes decoded.</summary>
    private string ReadGroupName(ref int j)
    {
        var sb = new StringBuilder();
        while (j < _p.Length && _p[j] != '>')
        {
            if (_p[j] == '\\' && j + 1 < _p.Length && _p[j + 1] == 'u')
            {
                j += 2;
                int cp = ReadUnicodeEscapeBody(ref j, surrogatePairs: true);
                if (cp < 0) { sb.Append('u'); continue; }
                sb.Append(cp is >= 0xD800 and <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));
                continue;
            }
            sb.Append(_p[j++]);
        }
        j++; // '>'
        return sb.ToString();
    }

    /// <summary>After `\u`: `{hex}` or four hex digits (then, if <paramref name="surrogatePairs"/>, a trailing `\uDC00`-style half joins it). -1 if malformed.</summary>
    private int ReadUnicodeEscapeBody(ref int j, bool surrogatePairs)
    {
        if (surrogatePairs && j < _p.Length && _p[j] == '{')
        {
            int close = _p.IndexOf('}', j);
            if (close < 0 || close == j + 1) return -1;
            if (!int.TryParse(_p.AsSpan(j + 1, close - j - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int v) || v > 0x10FFFF) return -1;
            j = close + 1;
            return v;
        }
        int lead = Hex(j, 4);
        if (lead < 0) return -1;
        j += 4;
        if (surrogatePairs && lead is >= 0xD800 and <= 0xDBFF && j + 1 < _p.Length && _p[j] == '\\' && _p[j + 1] == 'u')
        {
            int trail = Hex(j + 2, 4);
            if (trail is >= 0xDC00 and <= 0xDFFF)
            {
                j += 6;
                return char.ConvertToUtf32((char)lead, (char)trail);
            }
        }
        return lead;
    }

    private int Hex(int at, int digits)
    {
        if (at + digits > _p.Length) return -1;
        int v = 0;
        for (int k = 0; k < digits; k++)
        {
            int h = HexValue(_p[at + k]);
            if (h < 0) return -1;
            v = v * 16 + h;
        }
        return v;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    // ---- main pass ----

    private readonly struct OpenGroup(bool ignoreCase, bool multiline, bool dotAll, int bodyStart, int groupsBefore)
    {
        public readonly bool IgnoreCase = ignoreCase, Multiline = multiline, DotAll = dotAll;
        public readonly int BodyStart = bodyStart, GroupsBefore = groupsBefore;
    }

    private void Run()
    {
        var open = new Stack<OpenGroup>();
        int groupsSoFar = 0;
        while (_i < _p.Length)
        {
            char c = _p[_i];
            switch (c)
            {
                case '\\':
                    EmitEscape();
                    break;
                case '[':
                    EmitClass();
                    break;
                case '(':
                {
                    var saved = new OpenGroup(_ignoreCase, _multiline, _dotAll, 0, groupsSoFar);
                    if (At(1) != '?') { _sb.Append('('); _i++; groupsSoFar++; }
                    else if (At(2) == ':' || At(2) == '=' || At(2) == '!') { _sb.Append(_p, _i, 3); _i += 3; }
                    else if (At(2) == '<' && (At(3) == '=' || At(3) == '!')) { _sb.Append(_p, _i, 4); _i += 4; }
                    else if (At(2) == '<')
                    {
                        int j = _i + 3;
                        ReadGroupName(ref j);
                        _i = j;
                        _sb.Append('(');
                        groupsSoFar++;
                    }
                    else EmitModifiers();
                    open.Push(new OpenGroup(saved.IgnoreCase, saved.Multiline, saved.DotAll, _sb.Length, saved.GroupsBefore));
                    break;
                }
                case ')':
                {
                    _i++;
                    _sb.Append(')');
                    if (open.Count == 0) break; // unbalanced: .NET reports it
                    var g = open.Pop();
                    (_ignoreCase, _multiline, _dotAll) = (g.IgnoreCase, g.Multiline, g.DotAll);
                    if (groupsSoFar > g.GroupsBefore && IsRepeatingQuantifierAt(_i))
                    {
                        // RepeatMatcher step 4: each iteration starts with the captures inside undefined.
                        // The body's alternatives are wrapped so the reset runs before each of them.
                        var reset = new StringBuilder();
                        for (int n = g.GroupsBefore + 1; n <= groupsSoFar; n++) reset.Append("(?>(?<-").Append(n).Append(">)?)");
                        reset.Append("(?:");
                        _sb.Insert(_sb.Length - 1, ')');
                        _sb.Insert(g.BodyStart, reset.ToString());
                    }
                    break;
                }
                case '.':
                    _i++;
                    if (_dotAll) _sb.Append(_unicode ? @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S])" : @"[\s\S]");
                    else _sb.Append(_unicode ? @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^" + LineTerminators + "])" : "[^" + LineTerminators + "]");
                    break;
                case '^':
                    _i++;
                    _sb.Append(_multiline ? "(?<![^" + LineTerminators + "])" : @"\A");
                    break;
                case '$':
                    _i++;
                    _sb.Append(_multiline ? "(?![^" + LineTerminators + "])" : @"\z");
                    break;
                case '{':
                    if (TryReadBracedQuantifier(_i, out int end, out string? quantifier)) { _sb.Append(quantifier); _i = end; }
                    else { _sb.Append(@"\{"); _i++; }
                    break;
                case '}': _sb.Append(@"\}"); _i++; break;
                case ']': _sb.Append(@"\]"); _i++; break;
                case '*': case '+': case '?': case '|':
                    _sb.Append(c);
                    _i++;
                    break;
                default:
                    if (_unicode && char.IsHighSurrogate(c) && At(1) >= 0 && char.IsLowSurrogate((char)At(1)))
                    {
                        // One code point: a following quantifier applies to both halves.
                        _sb.Append("(?:").Append(c).Append(_p[_i + 1]).Append(')');
                        _i += 2;
                        break;
                    }
                    AppendLiteral(c);
                    _i++;
                    break;
            }
        }
    }

    private int At(int k) => _i + k < _p.Length ? _p[_i + k] : -1;

    /// <summary>`(?ims-ims:`: the flags change until the matching `)`; `i` goes to .NET, `m` and `s` stay in this translator.</summary>
    private void EmitModifiers()
    {
        _i += 2; // (?
        bool removing = false;
        bool? ignoreCase = null;
        while (_i < _p.Length && _p[_i] != ':')
        {
            char f = _p[_i++];
            if (f == '-') { removing = true; continue; }
            bool on = !removing;
            if (f == 'i') ignoreCase = on;
            else if (f == 'm') _multiline = on;
            else if (f == 's') _dotAll = on;
        }
        _i++; // ':'
        if (ignoreCase is bool ic) { _ignoreCase = ic; _sb.Append(ic ? "(?i:" : "(?-i:"); }
        else _sb.Append("(?:");
    }

    /// <summary>Whether a quantifier that can run its atom more than once starts at <paramref name="at"/>.</summary>
    private bool IsRepeatingQuantifierAt(int at)
    {
        if (at >= _p.Length) return false;
        char c = _p[at];
        if (c == '*' || c == '+') return true;
        if (c != '{' || !TryReadBracedQuantifier(at, out _, out string? q)) return false;
        return q != "{0}" && q != "{1}" && q != "{0,1}" && q != "{1,1}" && q != "{0,0}";
    }

    /// <summary>`{n}`, `{n,}`, `{n,m}` at <paramref name="at"/>, with bounds past int.MaxValue clamped (.NET's limit; no string is that long).</summary>
    private bool TryReadBracedQuantifier(int at, out int end, out string? text)
    {
        end = at;
        text = null;
        int j = at + 1, s1 = j;
        while (j < _p.Length && char.IsAsciiDigit(_p[j])) j++;
        if (j == s1) return false;
        string a = Clamp(_p[s1..j]), b = a;
        bool comma = false;
        if (j < _p.Length && _p[j] == ',')
        {
            comma = true;
            int s2 = ++j;
            while (j < _p.Length && char.IsAsciiDigit(_p[j])) j++;
            b = j == s2 ? "" : Clamp(_p[s2..j]);
        }
        if (j >= _p.Length || _p[j] != '}') return false;
        end = j + 1;
        text = comma ? "{" + a + "," + b + "}" : "{" + a + "}";
        return true;

        static string Clamp(string digits)
        {
            digits = digits.TrimStart('0');
            if (digits.Length == 0) return "0";
            return digits.Length > 10 || long.Parse(digits, CultureInfo.InvariantCulture) > int.MaxValue - 1 ? (int.MaxValue - 1).ToString(CultureInfo.InvariantCulture) : digits;
        }
    }

    // ---- escapes outside a class ----

    private void EmitEscape()
    {
        if (_i + 1 >= _p.Length) { _sb.Append(@"\\"); _i++; return; }
        char n = _p[_i + 1];
        switch (n)
        {
            case 'd': _i += 2; EmitSet(DigitRanges, false); return;
            case 'D': _i += 2; EmitSet(DigitRanges, true); return;
            case 'w': _i += 2; EmitSet(WordSet, false); return;
            case 'W': _i += 2; EmitSet(WordSet, true); return;
            case 's': _i += 2; EmitSet(SpaceRanges, false); return;
            case 'S': _i += 2; EmitSet(SpaceRanges, true); return;
            case 'b':
            case 'B':
            {
                _i += 2;
                string w = "[" + RangesText(WordSet) + "]";
                string open = _ignoreCase ? "(?-i:" : "(?:";
                _sb.Append(n == 'b'
                    ? $"{open}(?<={w})(?!{w})|(?<!{w})(?={w}))"
                    : $"{open}(?<={w})(?={w})|(?<!{w})(?!{w}))");
                return;
            }
            case >= '1' and <= '9':
            {
                int j = _i + 1;
                while (j < _p.Length && char.IsAsciiDigit(_p[j])) j++;
                string digits = _p[(_i + 1)..j];
                if (_unicode || (digits.Length < 10 && int.Parse(digits, CultureInfo.InvariantCulture) <= _groupCount))
                {
                    _i = j;
                    EmitBackreference([int.Parse(digits, CultureInfo.InvariantCulture)]);
                    return;
                }
                _i++;
                AppendCodeUnit(ReadLegacyOctalOrIdentity());
                return;
            }
            case '0':
                _i++;
                if (_unicode) { _i++; AppendCodeUnit(0); return; }
                AppendCodeUnit(ReadLegacyOctalOrIdentity());
                return;
            case 'k':
                if (_unicode || _hasNamed)
                {
                    int j = _i + 3; // past \k<
                    string name = ReadGroupName(ref j);
                    _i = j;
                    int k = _names.FindIndex(e => e.Name == name);
                    EmitBackreference(k < 0 ? [] : _names[k].Groups);
                    return;
                }
                _i += 2;
                AppendLiteral('k');
                return;
            default:
                _i++;
                AppendCharacterEscape(inClass: false);
                return;
        }
    }

    private (int Lo, int Hi)[] WordSet => _ignoreCase && _unicode ? WordRangesUnicodeIgnoreCase : WordRanges;

    /// <summary>A backreference to whichever of <paramref name="groups"/> participated; none matches empty (§22.2.2.7.2 BackreferenceMatcher).</summary>
    private void EmitBackreference(IReadOnlyList<int> groups)
    {
        if (groups.Count == 0) { _sb.Append("(?:)"); return; }
        var inner = new StringBuilder();
        foreach (int n in groups) inner.Append("(?(").Append(n).Append(')').Append('\\').Append(n).Append('|');
        inner.Append(')', groups.Count);
        _sb.Append("(?:").Append(inner).Append(')');
    }

    private void EmitSet((int Lo, int Hi)[] ranges, bool negated)
    {
        var set = negated ? Complement(ranges) : ranges;
        _sb.Append(_ignoreCase ? "(?-i:[" : "(?:[").Append(RangesText(set)).Append("])");
    }

    /// <summary>
    /// At the character after the backslash of a CharacterEscape or IdentityEscape (also used in classes): appends it
    /// and advances past it. `\c` without a control letter (Annex B) is a backslash; the `c` is then read as itself.
    /// </summary>
    private void AppendCharacterEscape(bool inClass)
    {
        char n = _p[_i];
        switch (n)
        {
            case 'f': _i++; AppendCodeUnit('\f'); return;
            case 'n': _i++; AppendCodeUnit('\n'); return;
            case 'r': _i++; AppendCodeUnit('\r'); return;
            case 't': _i++; AppendCodeUnit('\t'); return;
            case 'v': _i++; AppendCodeUnit('\v'); return;
            case 'c':
            {
                int next = At(1);
                if (next >= 0 && char.IsAsciiLetter((char)next)) { _i += 2; AppendCodeUnit(next % 32); return; }
                if (inClass && !_unicode && next >= 0 && (char.IsAsciiDigit((char)next) || next == '_')) { _i += 2; AppendCodeUnit(next % 32); return; }
                AppendCodeUnit('\\'); // Annex B: `\c` is a backslash; `c` follows as a pattern character
                return;
            }
            case 'x':
            {
                int v = Hex(_i + 1, 2);
                if (v >= 0) { _i += 3; AppendCodeUnit(v); return; }
                _i++;
                AppendLiteral('x');
                return;
            }
            case 'u':
            {
                int j = _i + 1;
                int cp = ReadUnicodeEscapeBody(ref j, surrogatePairs: _unicode);
                if (cp < 0) { _i++; AppendLiteral('u'); return; }
                _i = j;
                if (cp > 0xFFFF)
                {
                    string pair = char.ConvertFromUtf32(cp);
                    if (inClass) { AppendCodeUnit(pair[0]); AppendCodeUnit(pair[1]); }
                    else { _sb.Append("(?:"); AppendCodeUnit(pair[0]); AppendCodeUnit(pair[1]); _sb.Append(')'); }
                }
                else AppendCodeUnit(cp);
                return;
            }
            case 'p':
            case 'P':
                if (_unicode && At(1) == '{')
                {
                    // Unicode property escapes go to .NET's \p{...} as they are (its category names overlap JS's).
                    int close = _p.IndexOf('}', _i);
                    _sb.Append('\\').Append(_p, _i, close - _i + 1);
                    _i = close + 1;
                    return;
                }
                _i++;
                AppendLiteral(n);
                return;
            default:
                if (char.IsHighSurrogate(n) && At(1) >= 0 && char.IsLowSurrogate((char)At(1)))
                {
                    _sb.Append(n).Append(_p[_i + 1]);
                    _i += 2;
                    return;
                }
                _i++;
                AppendLiteral(n);
                return;
        }
    }

    /// <summary>
    /// Annex B LegacyOctalEscapeSequence at _i (a digit): up to three octal digits with value ≤ 0o377; `\8` and `\9` are
    /// identity escapes.
    /// </summary>
    private int ReadLegacyOctalOrIdentity()
    {
        char d = _p[_i];
        if (d is '8' or '9') { _i++; return d; }
        int v = d - '0';
        _i++;
        if (_i < _p.Length && _p[_i] is >= '0' and <= '7')
        {
            v = v * 8 + (_p[_i] - '0');
            _i++;
            if (d <= '3' && _i < _p.Length && _p[_i] is >= '0' and <= '7')
            {
                v = v * 8 + (_p[_i] - '0');
                _i++;
            }
        }
        return v;
    }

    // ---- classes ----

    private void EmitClass()
    {
        _i++; // [
        bool negated = false;
        if (_i < _p.Length && _p[_i] == '^') { negated = true; _i++; }
        if (_i < _p.Length && _p[_i] == ']')
        {
            _i++;
            _sb.Append(negated ? @"[\s\S]" : "(?!)");
            return;
        }
        _sb.Append(negated ? "[^" : "[");
        // A range needs a single character on each side of '-'; otherwise '-' is a literal (Annex B ClassAtomNoDash rules).
        bool prevSingle = false;   // the last atom was a single character not yet used as a range start
        while (_i < _p.Length && _p[_i] != ']')
        {
            char c = _p[_i];
            if (c == '-')
            {
                _i++;
                bool nextSingle = _i < _p.Length && _p[_i] != ']' && !(_p[_i] == '\\' && _i + 1 < _p.Length && "dDwWsSpP".Contains(_p[_i + 1]));
                if (prevSingle && nextSingle)
                {
                    _sb.Append('-');
                    EmitClassAtom(); // the range end
                    prevSingle = false;
                }
                else
                {
                    _sb.Append(@"\-");
                    prevSingle = true;
                }
                continue;
            }
            prevSingle = EmitClassAtom();
        }
        _i++; // ]
        _sb.Append(']');
    }

    /// <summary>One ClassAtom at _i; returns whether it was a single character (can bound a range).</summary>
    private bool EmitClassAtom()
    {
        char c = _p[_i];
        if (c != '\\')
        {
            if (c == '[' || c == '^') { _sb.Append('\\').Append(c); _i++; return true; }
            if (_unicode && char.IsHighSurrogate(c) && At(1) >= 0 && char.IsLowSurrogate((char)At(1)))
            {
                _sb.Append(c).Append(_p[_i + 1]);
                _i += 2;
                return true;
            }
            AppendCodeUnit(c);
            _i++;
            return true;
        }
        if (_i + 1 >= _p.Length) { _i++; _sb.Append(@"\\"); return true; }
        char n = _p[_i + 1];
        switch (n)
        {
            case 'd': _i += 2; _sb.Append(RangesText(DigitRanges)); return false;
            case 'D': _i += 2; _sb.Append(RangesText(Complement(DigitRanges))); return false;
            case 'w': _i += 2; _sb.Append(RangesText(WordSet)); return false;
            case 'W': _i += 2; _sb.Append(RangesText(Complement(WordSet))); return false;
            case 's': _i += 2; _sb.Append(RangesText(SpaceRanges)); return false;
            case 'S': _i += 2; _sb.Append(RangesText(Complement(SpaceRanges))); return false;
            case 'p' or 'P' when _unicode && At(2) == '{':
            {
                int close = _p.IndexOf('}', _i);
                _sb.Append(_p, _i, close - _i + 1);
                _i = close + 1;
                return false;
            }
            case 'b': _i += 2; AppendCodeUnit('\b'); return true;
            case '-': _i += 2; _sb.Append(@"\-"); return true;
            case >= '0' and <= '9':
                _i++;
                if (_unicode) { _i++; AppendCodeUnit(0); return true; }
                AppendCodeUnit(ReadLegacyOctalOrIdentity());
                return true;
            default:
                _i++;
                AppendCharacterEscape(inClass: true);
                return true;
        }
    }

    // ---- output helpers ----

    private static (int Lo, int Hi)[] Complement((int Lo, int Hi)[] ranges)
    {
        var result = new List<(int, int)>();
        int next = 0;
        foreach (var (lo, hi) in ranges)
        {
            if (lo > next) result.Add((next, lo - 1));
            next = hi + 1;
        }
        if (next <= 0xFFFF) result.Add((next, 0xFFFF));
        return result.ToArray();
    }

    private static string RangesText((int Lo, int Hi)[] ranges)
    {
        var sb = new StringBuilder();
        foreach (var (lo, hi) in ranges)
        {
            sb.Append(@"\u").Append(lo.ToString("X4", CultureInfo.InvariantCulture));
            if (hi != lo) sb.Append(@"-\u").Append(hi.ToString("X4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>A pattern character as a .NET literal: letters and digits as they are, everything else escaped.</summary>
    private void AppendLiteral(char c) => AppendCodeUnit(c);

    private void AppendCodeUnit(int c)
    {
        if (c < 128 && (char.IsAsciiLetterOrDigit((char)c) || c == '_')) _sb.Append((char)c);
        else if (c < 128 && c > 32 && c != 127) _sb.Append('\\').Append((char)c);
        else _sb.Append(@"\u").Append(c.ToString("X4", CultureInfo.InvariantCulture));
    }
}
