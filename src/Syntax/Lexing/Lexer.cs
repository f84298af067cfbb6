namespace DualEngine.Syntax.Lexing;

/// <summary>
/// On-demand tokenizer (§12). The parser drives it: it calls <see cref="Next"/> for the next
/// token and, where the syntactic grammar decides the goal symbol, asks for a re-scan
/// (<see cref="RescanAsRegExp"/> for InputElementRegExp, <see cref="RescanTemplateContinuation"/>
/// for InputElementTemplateTail, §12 goal symbols).
/// </summary>
public sealed partial class Lexer
{
    private readonly string _src;
    private readonly string? _fileName;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    /// <summary>The current token.</summary>
    public Token Tok;

    /// <summary>Modules forbid HTML-like comments (Annex B.1.1 applies only to Script).</summary>
    public bool IsModule { get; set; }
    public bool AnnexB { get; set; } = true;
    /// <summary>Set while skipping TypeScript types so that `>>` can be split by the parser.</summary>
    public bool TypeScript { get; set; }

    /// <summary>End offset of the previous token, for node End positions.</summary>
    public int PrevEnd { get; private set; }

    public string Source => _src;

    public Lexer(string source, string? fileName)
    {
        _src = source;
        _fileName = fileName;
    }

    /// <summary>Snapshot for arbitrary lookahead; restore with <see cref="Restore"/>.</summary>
    public readonly record struct State(Token Tok, int Pos, int Line, int LineStart, int PrevEnd);

    public State Save() => new(Tok, _pos, _line, _lineStart, PrevEnd);

    public void Restore(State s)
    {
        Tok = s.Tok; _pos = s.Pos; _line = s.Line; _lineStart = s.LineStart; PrevEnd = s.PrevEnd;
    }

    /// <summary>Skips a `#!` line at offset 0 (§12.5 Hashbang Comments) and returns its text.</summary>
    public string? ReadHashbang()
    {
        if (_src.Length >= 2 && _src[0] == '#' && _src[1] == '!')
        {
            int p = 2;
            while (p < _src.Length && !CharClass.IsLineTerminator(_src[p])) p++;
            _pos = p;
            return _src.Substring(2, p - 2);
        }
        return null;
    }

    public JsSyntaxException Error(int offset, string message)
    {
        if (offset > _src.Length) offset = _src.Length;
        if (offset < 0) offset = 0;
        var (line, column) = Locate(offset);
        return new JsSyntaxException(message, _fileName, line, column, offset);
    }

    /// <summary>
    /// Line/column of an offset. Errors are usually at or just before the current position, and
    /// TypeScript speculation raises many, so this walks from the known current line (O(distance)).
    /// </summary>
    private (int Line, int Column) Locate(int offset)
    {
        if (offset >= _lineStart && offset <= _pos + 1) return (_line, offset - _lineStart + 1);
        int line, lineStart;
        if (offset < _lineStart)
        {
            // Count line terminators between offset and the current line start, walking backwards.
            line = _line;
            int i = _lineStart - 1;
            while (i >= offset)
            {
                char c = _src[i];
                if (c == '\n' || c == '\u2028' || c == '\u2029' || (c == '\r' && (i + 1 >= _src.Length || _src[i + 1] != '\n'))) line--;
                i--;
            }
            lineStart = offset;
            while (lineStart > 0 && !CharClass.IsLineTerminator(_src[lineStart - 1])) lineStart--;
            return (line, offset - lineStart + 1);
        }
        // Ahead of the lexer (rare): scan forward from the current line start.
        line = _line;
        lineStart = _lineStart;
        for (int i = _lineStart; i < offset; i++)
        {
            char c = _src[i];
            if (c == '\n' || c == '\u2028' || c == '\u2029' || (c == '\r' && (i + 1 >= _src.Length || _src[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart + 1);
    }

    public (int Line, int Column) LineColumnOf(int offset) => Locate(Math.Clamp(offset, 0, _src.Length));

    private int Peek(int ahead = 0)
    {
        int p = _pos + ahead;
        return p < _src.Length ? _src[p] : -1;
    }

    private void NewLine(int nextLineStart)
    {
        _line++;
        _lineStart = nextLineStart;
    }

    /// <summary>Advances to the next token using the InputElementDiv goal.</summary>
    public void Next()
    {
        PrevEnd = Tok.End;
        bool nl = SkipTrivia(Tok.Type == TokenType.EOF && Tok.End == 0);
        Tok = default;
        Tok.NewlineBefore = nl;
        Tok.InvalidEscapeAt = -1;
        Tok.Start = _pos;
        Tok.Line = _line;
        Tok.Column = _pos - _lineStart + 1;
        if (_pos >= _src.Length)
        {
            Tok.Type = TokenType.EOF;
            Tok.End = _pos;
            return;
        }
        ScanToken();
        Tok.End = _pos;
    }

    /// <summary>Skips whitespace and comments. Returns whether a line terminator was crossed.</summary>
    private bool SkipTrivia(bool atStart)
    {
        bool nl = false;
        while (_pos < _src.Length)
        {
            char c = _src[_pos];
            switch (c)
            {
                case ' ': case '\t': case '\u000B': case '\u000C': case '\u00A0': case '\uFEFF':
                    _pos++;
                    continue;
                case '\n': case '\u2028': case '\u2029':
                    _pos++;
                    NewLine(_pos);
                    nl = true;
                    continue;
                case '\r':
                    _pos++;
                    if (_pos < _src.Length && _src[_pos] == '\n') _pos++;
                    NewLine(_pos);
                    nl = true;
                    continue;
                case '/':
                    if (Peek(1) == '/') { SkipLineComment(2); continue; }
                    if (Peek(1) == '*') { if (SkipBlockComment()) nl = true; continue; }
                    return nl;
                case '<':
                    // Annex B.1.1 SingleLineHTMLOpenComment `<!--`.
                    if (!IsModule && AnnexB && Peek(1) == '!' && Peek(2) == '-' && Peek(3) == '-') { SkipLineComment(4); continue; }
                    return nl;
                case '-':
                    // Annex B.1.1 SingleLineHTMLCloseComment `-->` only at the start of a line.
                    if (!IsModule && AnnexB && (nl || atStart) && Peek(1) == '-' && Peek(2) == '>') { SkipLineComment(3); continue; }
                    return nl;
                default:
                    if (c > 127 && CharClass.IsWhiteSpace(c)) { _pos++; continue; }
                    return nl;
            }
        }
        return nl;
    }

    private void SkipLineComment(int skip)
    {
        _pos += skip;
        while (_pos < _src.Length && !CharClass.IsLineTerminator(_src[_pos])) _pos++;
    }

    private bool SkipBlockComment()
    {
        int start = _pos;
        _pos += 2;
        bool nl = false;
        while (true)
        {
            if (_pos >= _src.Length) throw Error(start, "Unterminated comment");
            char c = _src[_pos];
            if (c == '*' && Peek(1) == '/') { _pos += 2; break; }
            if (c == '\r')
            {
                _pos++;
                if (_pos < _src.Length && _src[_pos] == '\n') _pos++;
                NewLine(_pos);
                nl = true;
                continue;
            }
            if (c == '\n' || c == '\u2028' || c == '\u2029') { _pos++; NewLine(_pos); nl = true; continue; }
            _pos++;
        }
        return nl;
    }

    private void ScanToken()
    {
        char c = _src[_pos];
        switch (c)
        {
            case '(': _pos++; Tok.Type = TokenType.LParen; return;
            case ')': _pos++; Tok.Type = TokenType.RParen; return;
            case '{': _pos++; Tok.Type = TokenType.LBrace; return;
            case '}': _pos++; Tok.Type = TokenType.RBrace; return;
            case '[': _pos++; Tok.Type = TokenType.LBracket; return;
            case ']': _pos++; Tok.Type = TokenType.RBracket; return;
            case ';': _pos++; Tok.Type = TokenType.Semicolon; return;
            case ',': _pos++; Tok.Type = TokenType.Comma; return;
            case ':': _pos++; Tok.Type = TokenType.Colon; return;
            case '~': _pos++; Tok.Type = TokenType.Tilde; return;
            case '@': _pos++; Tok.Type = TokenType.At; return;
            case '.':
                if (Peek(1) >= '0' && Peek(1) <= '9') { ScanNumber(); return; }
                if (Peek(1) == '.' && Peek(2) == '.') { _pos += 3; Tok.Type = TokenType.Ellipsis; return; }
                _pos++; Tok.Type = TokenType.Dot; return;
            case '?':
                if (Peek(1) == '?') { Op(Peek(2) == '=' ? 3 : 2, Peek(2) == '=' ? TokenType.QQEq : TokenType.QQ); return; }
                // §12.8 OptionalChainingPunctuator: `?.` [lookahead ∉ DecimalDigit]
                if (Peek(1) == '.' && !(Peek(2) >= '0' && Peek(2) <= '9')) { Op(2, TokenType.QuestionDot); return; }
                Op(1, TokenType.Question); return;
            case '=':
                if (Peek(1) == '>') { Op(2, TokenType.Arrow); return; }
                if (Peek(1) == '=') { Op(Peek(2) == '=' ? 3 : 2, Peek(2) == '=' ? TokenType.EqEqEq : TokenType.EqEq); return; }
                Op(1, TokenType.Eq); return;
            case '!':
                if (Peek(1) == '=') { Op(Peek(2) == '=' ? 3 : 2, Peek(2) == '=' ? TokenType.NotEqEq : TokenType.NotEq); return; }
                Op(1, TokenType.Bang); return;
            case '+':
                if (Peek(1) == '+') { Op(2, TokenType.PlusPlus); return; }
                Op(Peek(1) == '=' ? 2 : 1, Peek(1) == '=' ? TokenType.PlusEq : TokenType.Plus); return;
            case '-':
                if (Peek(1) == '-') { Op(2, TokenType.MinusMinus); return; }
                Op(Peek(1) == '=' ? 2 : 1, Peek(1) == '=' ? TokenType.MinusEq : TokenType.Minus); return;
            case '*':
                if (Peek(1) == '*') { Op(Peek(2) == '=' ? 3 : 2, Peek(2) == '=' ? TokenType.StarStarEq : TokenType.StarStar); return; }
                Op(Peek(1) == '=' ? 2 : 1, Peek(1) == '=' ? TokenType.StarEq : TokenType.Star); return;
            case '/':
                Op(Peek(1) == '=' ? 2 : 1, Peek(1) == '=' ? TokenType.SlashEq : TokenType.Slash); return;
            case '%':
                Op(Peek(1) == '=' ? 2 : 1, Peek(1) == '=' ? TokenType.PercentEq : TokenType.Percent); return;
            case '^':
                Op(Peek(1) == '=' ? 2 : 1, Peek(1) == '=' ? TokenType.CaretEq : TokenType.Caret); return;
            case '&':
                if (Peek(1) == '&') { Op(Peek(2) == '=' ? 3 : 2, Peek(2) == '=' ? TokenType.AmpAmpEq : TokenType.AmpAmp); return; }
                Op(Peek(1) == '=' ? 2 : 1, Peek(1) == '=' ? TokenType.AmpEq : TokenType.Amp); return;
            case '|':
                if (Peek(1) == '|') { Op(Peek(2) == '=' ? 3 : 2, Peek(2) == '=' ? TokenType.PipePipeEq : TokenType.PipePipe); return; }
                Op(Peek(1) == '=' ? 2 : 1, Peek(1) == '=' ? TokenType.PipeEq : TokenType.Pipe); return;
            case '<':
                if (Peek(1) == '<') { Op(Peek(2) == '=' ? 3 : 2, Peek(2) == '=' ? TokenType.ShlEq : TokenType.Shl); return; }
                Op(Peek(1) == '=' ? 2 : 1, Peek(1) == '=' ? TokenType.LtEq : TokenType.Lt); return;
            case '>':
                if (Peek(1) == '>')
                {
                    if (Peek(2) == '>') { Op(Peek(3) == '=' ? 4 : 3, Peek(3) == '=' ? TokenType.UShrEq : TokenType.UShr); return; }
                    Op(Peek(2) == '=' ? 3 : 2, Peek(2) == '=' ? TokenType.ShrEq : TokenType.Shr); return;
                }
                Op(Peek(1) == '=' ? 2 : 1, Peek(1) == '=' ? TokenType.GtEq : TokenType.Gt); return;
            case '"': case '\'':
                ScanString(c); return;
            case '`':
                _pos++;
                ScanTemplateChunk(); return;
            case '#':
                ScanPrivateName(); return;
            default:
                if (c >= '0' && c <= '9') { ScanNumber(); return; }
                ScanIdentifierOrError();
                return;
        }
    }

    private void Op(int len, TokenType type)
    {
        _pos += len;
        Tok.Type = type;
    }

    /// <summary>
    /// TypeScript type arguments end with `>` but the lexer may have produced `>>`, `>=`...
    /// Splits off the first `>` as its own token.
    /// </summary>
    public void SplitGreaterThan()
    {
        _pos = Tok.Start + 1;
        Tok.Type = TokenType.Gt;
        Tok.End = _pos;
    }

    /// <summary>TypeScript `<` at the start of type arguments when lexed as `<<` or `<=`.</summary>
    public void SplitLessThan()
    {
        _pos = Tok.Start + 1;
        Tok.Type = TokenType.Lt;
        Tok.End = _pos;
    }
}
