using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax;

/// <summary>
/// Early errors for RegularExpressionLiteral (§13.2.7.2): flags must be valid and unique, and the
/// body must parse as a Pattern (§22.2.1) with the [UnicodeMode] / [UnicodeSetsMode] parameters
/// chosen by `u` / `v`. Without either flag the Annex B.1.2 web-compat grammar applies.
/// Named groups follow ES2025 (duplicates allowed in different alternatives).
/// </summary>
internal sealed partial class RegExpValidator
{
    private readonly string _p;
    private readonly bool _u;      // u or v: UnicodeMode
    private readonly bool _v;      // UnicodeSetsMode
    private readonly bool _namedMode; // \k is a GroupName reference (u mode or pattern has named groups)
    private readonly int _groupCount;
    private readonly Func<int, string, Exception> _error;
    private int _i;
    private int _disjunctionIds;
    private readonly List<(int Id, int Alt)> _path = new();
    /// <summary>Per group name, a trie of the (disjunction, alternative) paths where it was declared.</summary>
    private readonly Dictionary<string, PathTrie> _groups = new();
    private readonly List<(string Name, int Pos)> _backrefs = new();

    private RegExpValidator(string pattern, bool u, bool v, Func<int, string, Exception> error)
    {
        _p = pattern;
        _u = u || v;
        _v = v;
        _error = error;
        _groupCount = CountGroups(pattern, out bool hasNamed);
        _namedMode = _u || hasNamed;
    }

    public static void Validate(string pattern, string flags, int offset, Lexer lexer)
        => Validate(pattern, flags, (pos, msg) => lexer.Error(offset, $"Invalid regular expression: /{pattern}/{flags}: {msg}"));

    /// <summary>Validates flags and pattern; <paramref name="error"/> builds the exception to throw.</summary>
    public static void Validate(string pattern, string flags, Func<int, string, Exception> error)
    {
        const string valid = "dgimsuvy";
        int seen = 0;
        foreach (char c in flags)
        {
            int bit = valid.IndexOf(c);
            if (bit < 0 || (seen & (1 << bit)) != 0) throw error(0, "Invalid flags");
            seen |= 1 << bit;
        }
        bool u = flags.Contains('u'), v = flags.Contains('v');
        if (u && v) throw error(0, "Invalid flags");
        var validator = new RegExpValidator(pattern, u, v, error);
        // Like V8 (kMaxCaptures), refuse absurd capture counts instead of doing unbounded work.
        if (validator._groupCount > 65535) throw error(0, "Too many captures");
        validator.Run();
    }

    private Exception Err(string msg) => _error(_i, msg);

    private void Run()
    {
        ParseDisjunction();
        if (_i < _p.Length) throw Err(_p[_i] == ')' ? "Unmatched ')'" : "Unexpected character");
        foreach (var (name, pos) in _backrefs)
            if (!_groups.ContainsKey(name)) throw _error(pos, "Invalid named capture referenced");
    }

    /// <summary>Counts capturing groups up front: backreferences may point forward.</summary>
    private static int CountGroups(string p, out bool hasNamed)
    {
        int count = 0;
        hasNamed = false;
        int classDepth = 0;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '\\') { i++; continue; }
            if (c == '[') { classDepth++; continue; }
            if (c == ']') { if (classDepth > 0) classDepth--; continue; }
            if (classDepth > 0 || c != '(') continue;
            if (i + 1 < p.Length && p[i + 1] == '?')
            {
                if (i + 2 < p.Length && p[i + 2] == '<' && i + 3 < p.Length && p[i + 3] != '=' && p[i + 3] != '!')
                {
                    count++;
                    hasNamed = true;
                }
            }
            else count++;
        }
        return count;
    }

    private bool Eat(char c)
    {
        if (_i < _p.Length && _p[_i] == c) { _i++; return true; }
        return false;
    }

    private int Cur => _i < _p.Length ? _p[_i] : -1;
    private int At(int k) => _i + k < _p.Length ? _p[_i + k] : -1;

    private int _depth;

    private void ParseDisjunction()
    {
        // Groups and nested classes recurse; refuse absurd nesting instead of overflowing the stack.
        if (++_depth > 1000 || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw Err("Regular expression too large");
        int id = ++_disjunctionIds;
        int alt = 0;
        _path.Add((id, alt));
        ParseAlternative();
        while (Eat('|'))
        {
            alt++;
            _path[^1] = (id, alt);
            ParseAlternative();
        }
        _path.RemoveAt(_path.Count - 1);
        _depth--;
    }

    private void ParseAlternative()
    {
        while (_i < _p.Length && _p[_i] != '|' && _p[_i] != ')') ParseTerm();
    }

    private void ParseTerm()
    {
        char c = _p[_i];
        switch (c)
        {
            case '^':
            case '$':
                _i++;
                NoQuantifier();
                return;
            case '\\' when At(1) == 'b' || At(1) == 'B':
                _i += 2;
                NoQuantifier();
                return;
            case '(':
                ParseGroup();
                return;
            case '[':
                if (_v) ParseClassSetClass(); else ParseClass();
                ParseQuantifierOpt();
                return;
            case '.':
                _i++;
                ParseQuantifierOpt();
                return;
            case '*': case '+': case '?':
                throw Err("Nothing to repeat");
            case '{':
                if (_u) throw Err("Lone quantifier brackets");
                // Annex B: `{` is a literal unless it forms a braced quantifier (InvalidBracedQuantifier).
                if (TryReadBracedQuantifier(out _, consume: false)) throw Err("Nothing to repeat");
                _i++;
                ParseQuantifierOpt();
                return;
            case '}': case ']':
                if (_u) throw Err("Lone quantifier brackets");
                _i++;
                ParseQuantifierOpt();
                return;
            case '\\':
                ParseAtomEscape();
                ParseQuantifierOpt();
                return;
            default:
                _i += char.IsHighSurrogate(c) && At(1) >= 0 && char.IsLowSurrogate((char)At(1)) && _u ? 2 : 1;
                ParseQuantifierOpt();
                return;
        }
    }

    private void NoQuantifier()
    {
        if (_i >= _p.Length) return;
        char c = _p[_i];
        if (c == '*' || c == '+' || c == '?') throw Err("Nothing to repeat");
        if (c == '{' && (_u || TryReadBracedQuantifier(out _, consume: false))) throw Err("Nothing to repeat");
    }

    private void ParseGroup()
    {
        int start = _i;
        _i++; // (
        bool quantifiable = true;
        if (Eat('?'))
        {
            if (Eat(':')) { }
            else if (Eat('=') || Eat('!'))
            {
                quantifiable = !_u; // Annex B QuantifiableAssertion
            }
            else if (Cur == '<' && (At(1) == '=' || At(1) == '!'))
            {
                _i += 2;
                quantifiable = false;
            }
            else if (Eat('<'))
            {
                int namePos = _i;
                string name = ParseGroupName();
                if (!_groups.TryGetValue(name, out var trie)) _groups[name] = trie = new PathTrie();
                if (!trie.TryAdd(_path)) throw _error(namePos, "Duplicate capture group name");
            }
            else if (Cur is 'i' or 'm' or 's' or '-') ParseModifiers();
            else throw Err("Invalid group");
        }
        ParseDisjunction();
        if (!Eat(')')) throw _error(start, "Unterminated group");
        if (quantifiable) ParseQuantifierOpt();
        else NoQuantifier();
    }

    /// <summary>
    /// `(?ims-ims:` pattern modifiers (ES2025 RegularExpressionModifiers): only i, m, s; no repeats;
    /// not both adding and removing a flag; `(?-:` is an error.
    /// </summary>
    private void ParseModifiers()
    {
        int seen = 0;
        int add = 0, remove = 0;
        bool removing = false;
        while (true)
        {
            int c = Cur;
            if (c == ':') { _i++; break; }
            if (c == '-' && !removing) { removing = true; _i++; continue; }
            int bit = c switch { 'i' => 1, 'm' => 2, 's' => 4, _ => 0 };
            if (bit == 0 || (seen & bit) != 0) throw Err("Invalid group modifiers");
            seen |= bit;
            if (removing) remove |= bit; else add |= bit;
            _i++;
        }
        if (removing && add == 0 && remove == 0) throw Err("Invalid group modifiers");
    }

    /// <summary>
    /// Paths of earlier groups with one name. Two groups conflict unless they sit in different
    /// alternatives of a common disjunction (ES2025 MightBothParticipate). Walking the new path
    /// down the trie answers that in O(depth) instead of comparing with every earlier group.
    /// </summary>
    private sealed class PathTrie
    {
        private bool _terminal;
        private int _childId = -1;
        private bool _mixedIds;
        private Dictionary<int, PathTrie>? _byAlt;

        public bool TryAdd(List<(int Id, int Alt)> path)
        {
            var node = this;
            bool conflict = false;
            foreach (var (id, alt) in path)
            {
                // An earlier group ended here (it encloses us) or continues into another disjunction: both may participate.
                if (node._terminal || node._mixedIds || (node._childId >= 0 && node._childId != id)) conflict = true;
                if (node._childId >= 0 && node._childId != id) node._mixedIds = true;
                node._childId = node._childId < 0 ? id : node._childId;
                node._byAlt ??= new Dictionary<int, PathTrie>();
                if (!node._byAlt.TryGetValue(alt, out var next)) node._byAlt[alt] = next = new PathTrie();
                else if (node._childId == id && !node._mixedIds) { /* same alternative: keep walking */ }
                node = next;
            }
            if (node._terminal || node._byAlt != null) conflict = true;
            node._terminal = true;
            return !conflict;
        }
    }

    /// <summary>RegExpIdentifierName (§22.2.1) up to and including '>'.</summary>
    private string ParseGroupName()
    {
        var sb = new System.Text.StringBuilder();
        bool first = true;
        while (true)
        {
            if (_i >= _p.Length) throw Err("Invalid capture group name");
            if (_p[_i] == '>') { _i++; break; }
            int cp;
            if (_p[_i] == '\\')
            {
                _i++;
                if (!Eat('u')) throw Err("Invalid capture group name");
                cp = ReadRegExpUnicodeEscape(forceUnicode: true);
                if (cp < 0) throw Err("Invalid Unicode escape in capture group name");
            }
            else
            {
                cp = _p[_i];
                if (char.IsHighSurrogate(_p[_i]) && _i + 1 < _p.Length && char.IsLowSurrogate(_p[_i + 1]))
                {
                    cp = char.ConvertToUtf32(_p[_i], _p[_i + 1]);
                    _i++;
                }
                _i++;
            }
            bool ok = first ? CharClass.IsIdentifierStart(cp) : CharClass.IsIdentifierPart(cp);
            if (!ok) throw Err("Invalid capture group name");
            sb.Append(cp >= 0xD800 && cp <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));
            first = false;
        }
        if (sb.Length == 0) throw Err("Invalid capture group name");
        return sb.ToString();
    }

    /// <summary>
    /// After `\u`: RegExpUnicodeEscapeSequence. In Unicode mode (or group names) a surrogate pair
    /// written as two escapes is one code point, and `\u{...}` is allowed. Returns -1 if malformed.
    /// </summary>
    private int ReadRegExpUnicodeEscape(bool forceUnicode = false)
    {
        bool uni = _u || forceUnicode;
        if (uni && Cur == '{')
        {
            int save = _i;
            _i++;
            int v = 0, digits = 0;
            while (_i < _p.Length && _p[_i] != '}')
            {
                int h = CharClass.HexValue(_p[_i]);
                if (h < 0) { _i = save; return -1; }
                v = v * 16 + h;
                if (v > 0x10FFFF) { _i = save; return -1; }
                _i++;
                digits++;
            }
            if (!Eat('}') || digits == 0) { _i = save; return -1; }
            return v;
        }
        int lead = Hex4(_i);
        if (lead < 0) return -1;
        _i += 4;
        if (uni && lead >= 0xD800 && lead <= 0xDBFF && Cur == '\\' && At(1) == 'u')
        {
            int trail = Hex4(_i + 2);
            if (trail >= 0xDC00 && trail <= 0xDFFF)
            {
                _i += 6;
                return char.ConvertToUtf32((char)lead, (char)trail);
            }
        }
        return lead;
    }

    private int Hex4(int at)
    {
        if (at + 4 > _p.Length) return -1;
        int v = 0;
        for (int k = 0; k < 4; k++)
        {
            int h = CharClass.HexValue(_p[at + k]);
            if (h < 0) return -1;
            v = v * 16 + h;
        }
        return v;
    }

    private void ParseQuantifierOpt()
    {
        if (_i >= _p.Length) return;
        char c = _p[_i];
        if (c == '*' || c == '+' || c == '?') _i++;
        else if (c == '{')
        {
            if (!TryReadBracedQuantifier(out bool ordered, consume: true))
            {
                if (_u) throw Err("Incomplete quantifier");
                return; // Annex B: literal '{', next term
            }
            if (!ordered) throw Err("numbers out of order in {} quantifier");
        }
        else return;
        Eat('?');
    }

    /// <summary>`{n}`, `{n,}`, `{n,m}`; <paramref name="ordered"/> is false when n &gt; m.</summary>
    private bool TryReadBracedQuantifier(out bool ordered, bool consume)
    {
        ordered = true;
        int j = _i + 1;
        int s1 = j;
        while (j < _p.Length && char.IsAsciiDigit(_p[j])) j++;
        if (j == s1) return false;
        string a = _p.Substring(s1, j - s1), b = a;
        if (j < _p.Length && _p[j] == ',')
        {
            j++;
            int s2 = j;
            while (j < _p.Length && char.IsAsciiDigit(_p[j])) j++;
            b = j == s2 ? "" : _p.Substring(s2, j - s2);
        }
        if (j >= _p.Length || _p[j] != '}') return false;
        if (b.Length > 0) ordered = CompareDecimal(a, b) <= 0;
        if (consume) _i = j + 1;
        return true;
    }

    private static int CompareDecimal(string a, string b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        if (a.Length != b.Length) return a.Length.CompareTo(b.Length);
        return string.CompareOrdinal(a, b);
    }
}
