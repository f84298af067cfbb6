namespace DualEngine.Syntax.Lexing;

public sealed partial class Lexer
{
    /// <summary>§12.9.4 StringLiteral.</summary>
    private void ScanString(char quote)
    {
        int start = _pos;
        _pos++;
        int chunk = _pos;
        _sb.Clear();
        while (true)
        {
            if (_pos >= _src.Length) throw Error(start, "Invalid or unexpected token: unterminated string literal");
            char c = _src[_pos];
            if (c == quote) break;
            if (c == '\\')
            {
                _sb.Append(_src, chunk, _pos - chunk);
                ReadEscape(inTemplate: false, start);
                chunk = _pos;
                continue;
            }
            // LS and PS are allowed in string literals since ES2019 (§12.9.4); CR and LF are not.
            if (c == '\n' || c == '\r') throw Error(start, "Invalid or unexpected token: unterminated string literal");
            _pos++;
            // They still end a line for line/column numbering.
            if (c == '\u2028' || c == '\u2029') NewLine(_pos);
        }
        _sb.Append(_src, chunk, _pos - chunk);
        _pos++;
        Tok.Type = TokenType.String;
        Tok.Value = _sb.ToString();
    }

    /// <summary>
    /// Reads one escape sequence at `\` and appends its value to _sb (§12.9.4 EscapeSequence,
    /// §12.9.6 template escapes). In templates an invalid escape is recorded instead of thrown
    /// because tagged templates allow it (cooked value becomes undefined).
    /// Returns false when the escape was invalid (templates only).
    /// </summary>
    private bool ReadEscape(bool inTemplate, int literalStart)
    {
        int escStart = _pos;
        _pos++;
        if (_pos >= _src.Length) throw Error(literalStart, "Invalid or unexpected token: unterminated literal");
        char c = _src[_pos];
        _pos++;
        switch (c)
        {
            case 'n': _sb.Append('\n'); return true;
            case 't': _sb.Append('\t'); return true;
            case 'r': _sb.Append('\r'); return true;
            case 'b': _sb.Append('\b'); return true;
            case 'f': _sb.Append('\f'); return true;
            case 'v': _sb.Append('\v'); return true;
            case '\r':
                // LineContinuation: produces nothing.
                if (Peek() == '\n') _pos++;
                NewLine(_pos);
                return true;
            case '\n': case '\u2028': case '\u2029':
                NewLine(_pos);
                return true;
            case 'x':
            {
                int h1 = _pos < _src.Length ? CharClass.HexValue(_src[_pos]) : -1;
                int h2 = _pos + 1 < _src.Length ? CharClass.HexValue(_src[_pos + 1]) : -1;
                if (h1 < 0 || h2 < 0) return InvalidEscape(inTemplate, escStart, "Invalid hexadecimal escape sequence");
                _pos += 2;
                _sb.Append((char)(h1 * 16 + h2));
                return true;
            }
            case 'u':
            {
                if (inTemplate)
                {
                    // Validate without throwing so tagged templates can keep going.
                    int save = _pos;
                    try
                    {
                        int v = ReadUnicodeEscapeBody(escStart);
                        _sb.Append(char.ConvertFromUtf32Lenient(v));
                        return true;
                    }
                    catch (JsSyntaxException)
                    {
                        _pos = save;
                        return InvalidEscape(true, escStart, "Invalid Unicode escape sequence");
                    }
                }
                int cp = ReadUnicodeEscapeBody(escStart);
                _sb.Append(char.ConvertFromUtf32Lenient(cp));
                return true;
            }
            case '0':
                if (!(Peek() >= '0' && Peek() <= '9')) { _sb.Append('\0'); return true; }
                if (inTemplate) return InvalidEscape(true, escStart, "Octal escape sequences are not allowed in template strings");
                goto case '1';
            case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            {
                if (inTemplate) return InvalidEscape(true, escStart, "Octal escape sequences are not allowed in template strings");
                // Annex B.1.2 LegacyOctalEscapeSequence: up to three digits, value <= 255.
                Tok.LegacyOctal = true;
                int v = c - '0';
                if (Peek() >= '0' && Peek() <= '7')
                {
                    v = v * 8 + (_src[_pos] - '0');
                    _pos++;
                    if (c <= '3' && Peek() >= '0' && Peek() <= '7')
                    {
                        v = v * 8 + (_src[_pos] - '0');
                        _pos++;
                    }
                }
                _sb.Append((char)v);
                return true;
            }
            case '8': case '9':
                // NonOctalDecimalEscapeSequence: sloppy strings only.
                if (inTemplate) return InvalidEscape(true, escStart, "\\8 and \\9 are not allowed in template strings");
                Tok.LegacyOctal = true;
                _sb.Append(c);
                return true;
            default:
                if (char.IsHighSurrogate(c) && _pos < _src.Length && char.IsLowSurrogate(_src[_pos]))
                {
                    _sb.Append(c).Append(_src[_pos]);
                    _pos++;
                    return true;
                }
                _sb.Append(c);
                return true;
        }
    }

    private bool InvalidEscape(bool inTemplate, int at, string message)
    {
        if (!inTemplate) throw Error(at, message);
        if (Tok.InvalidEscapeAt < 0)
        {
            Tok.InvalidEscapeAt = at;
            Tok.InvalidEscapeMessage = message;
        }
        return false;
    }

    /// <summary>
    /// Scans a template chunk after the opening '`' or the '}' that closes a substitution
    /// (§12.9.6). Sets Value (cooked, null if an escape was invalid), Raw and TemplateTail.
    /// </summary>
    private void ScanTemplateChunk()
    {
        int start = Tok.Start;
        int rawStart = _pos;
        _sb.Clear();
        int chunk = _pos;
        while (true)
        {
            if (_pos >= _src.Length) throw Error(start, "Unterminated template literal");
            char c = _src[_pos];
            if (c == '`')
            {
                _sb.Append(_src, chunk, _pos - chunk);
                Tok.Raw = NormalizeRaw(rawStart, _pos);
                _pos++;
                Tok.TemplateTail = true;
                break;
            }
            if (c == '$' && Peek(1) == '{')
            {
                _sb.Append(_src, chunk, _pos - chunk);
                Tok.Raw = NormalizeRaw(rawStart, _pos);
                _pos += 2;
                break;
            }
            if (c == '\\')
            {
                _sb.Append(_src, chunk, _pos - chunk);
                ReadEscape(inTemplate: true, start);
                chunk = _pos;
                continue;
            }
            if (c == '\r')
            {
                // TV and TRV normalize CR and CR LF to LF (§12.9.6.1).
                _sb.Append(_src, chunk, _pos - chunk);
                _sb.Append('\n');
                _pos++;
                if (Peek() == '\n') _pos++;
                NewLine(_pos);
                chunk = _pos;
                continue;
            }
            if (c == '\n' || c == '\u2028' || c == '\u2029') { _pos++; NewLine(_pos); continue; }
            _pos++;
        }
        Tok.Type = TokenType.Template;
        Tok.Value = Tok.InvalidEscapeAt >= 0 ? null : _sb.ToString();
    }

    private string NormalizeRaw(int from, int to)
    {
        var s = _src.Substring(from, to - from);
        return s.Contains('\r') ? s.Replace("\r\n", "\n").Replace('\r', '\n') : s;
    }

    /// <summary>The parser saw `}` ending a template substitution: continue the template (InputElementTemplateTail).</summary>
    public void RescanTemplateContinuation()
    {
        _pos = Tok.Start + 1;
        Tok.Value = null;
        Tok.Raw = null;
        Tok.InvalidEscapeAt = -1;
        Tok.InvalidEscapeMessage = null;
        Tok.TemplateTail = false;
        ScanTemplateChunk();
        Tok.End = _pos;
    }

    /// <summary>
    /// The parser is at a `/` or `/=` where an expression may start: re-scan as a
    /// RegularExpressionLiteral (§12.9.5). Value = pattern body, Raw = flags.
    /// </summary>
    public void RescanAsRegExp()
    {
        int start = Tok.Start;
        _pos = start + 1;
        bool inClass = false;
        while (true)
        {
            if (_pos >= _src.Length) throw Error(start, "Invalid regular expression: missing /");
            char c = _src[_pos];
            if (CharClass.IsLineTerminator(c)) throw Error(start, "Invalid regular expression: missing /");
            if (c == '\\')
            {
                _pos++;
                if (_pos >= _src.Length || CharClass.IsLineTerminator(_src[_pos])) throw Error(start, "Invalid regular expression: missing /");
                _pos++;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) break;
            _pos++;
        }
        string body = _src.Substring(start + 1, _pos - start - 1);
        _pos++;
        int flagsStart = _pos;
        while (_pos < _src.Length)
        {
            int cp = CodePointAt(_pos, out int w);
            if (cp == '\\') throw Error(_pos, "Invalid regular expression flags");
            if (!CharClass.IsIdentifierPart(cp)) break;
            _pos += w;
        }
        Tok.Type = TokenType.RegExp;
        Tok.Value = body;
        Tok.Raw = _src.Substring(flagsStart, _pos - flagsStart);
        Tok.End = _pos;
    }
}

internal static class CharExtensions
{
    extension(char)
    {
        /// <summary>Like ConvertFromUtf32 but allows lone surrogates, which JS strings may contain.</summary>
        public static string ConvertFromUtf32Lenient(int cp)
            => cp >= 0xD800 && cp <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp);
    }
}
