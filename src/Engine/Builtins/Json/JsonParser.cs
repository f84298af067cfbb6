using System.Globalization;
using System.Text;

namespace DualEngine.Engine.Builtins;

/// <summary>JSON.parse's grammar (§25.5.1, ECMA-404), building JS values directly.</summary>
internal sealed class JsonParser
{
    private readonly Realm _realm;
    private readonly string _text;
    private int _pos;

    private JsonParser(Realm realm, string text)
    {
        _realm = realm;
        _text = text;
    }

    public static JsValue Parse(Realm realm, string text)
    {
        var p = new JsonParser(realm, text);
        p.SkipWhitespace();
        var v = p.ParseValue();
        p.SkipWhitespace();
        if (p._pos < text.Length) p.Fail();
        return v;
    }

    private void Fail()
    {
        if (_pos >= _text.Length) Throw.SyntaxError("Unexpected end of JSON input");
        Throw.SyntaxError($"Unexpected token '{_text[_pos]}', \"{Snippet()}\" is not valid JSON");
    }

    private string Snippet() => _text.Length > 30 ? _text[..30] + "..." : _text;

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r') _pos++;
    }

    private JsValue ParseValue()
    {
        Throw.IfStackLow();
        if (_pos >= _text.Length) Fail();
        char c = _text[_pos];
        switch (c)
        {
            case '{': return ParseObject();
            case '[': return ParseArray();
            case '"': return JsValue.FromString(ParseString());
            case 't': Expect("true"); return JsValue.True;
            case 'f': Expect("false"); return JsValue.False;
            case 'n': Expect("null"); return JsValue.Null;
            default:
                if (c == '-' || char.IsAsciiDigit(c)) return ParseNumber();
                Fail();
                return default;
        }
    }

    private void Expect(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) Fail();
        _pos += word.Length;
    }

    private JsValue ParseNumber()
    {
        int start = _pos;
        if (_text[_pos] == '-') _pos++;
        if (_pos >= _text.Length) Fail();
        if (_text[_pos] == '0') _pos++;
        else if (char.IsAsciiDigit(_text[_pos])) while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        else Fail();
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            if (_pos >= _text.Length || !char.IsAsciiDigit(_text[_pos])) Fail();
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        }
        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-') _pos++;
            if (_pos >= _text.Length || !char.IsAsciiDigit(_text[_pos])) Fail();
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        }
        return JsValue.FromNumber(double.Parse(_text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private string ParseString()
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) Throw.SyntaxError("Unterminated string in JSON at position " + _pos);
            char c = _text[_pos++];
            if (c == '"') return sb.ToString();
            if (c < 0x20) { _pos--; Fail(); }
            if (c != '\\') { sb.Append(c); continue; }
            if (_pos >= _text.Length) Fail();
            char e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    ushort code = 0;
                    if (_pos + 4 > _text.Length || !ushort.TryParse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out code)) { _pos--; Fail(); }
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default: _pos--; Fail(); break;
            }
        }
    }

    private JsValue ParseArray()
    {
        _pos++;
        var arr = _realm.NewArray();
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == ']') { _pos++; return JsValue.FromObject(arr); }
        while (true)
        {
            SkipWhitespace();
            arr.Push(ParseValue());
            SkipWhitespace();
            if (_pos >= _text.Length) Fail();
            if (_text[_pos] == ',') { _pos++; continue; }
            if (_text[_pos] == ']') { _pos++; return JsValue.FromObject(arr); }
            Fail();
        }
    }

    private JsValue ParseObject()
    {
        _pos++;
        var obj = _realm.NewObject();
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '}') { _pos++; return JsValue.FromObject(obj); }
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != '"') Fail();
            var key = ParseString();
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != ':') Fail();
            _pos++;
            SkipWhitespace();
            var value = ParseValue();
            obj.DefineOwnProperty(key, PropertyDescriptor.Data(value));
            SkipWhitespace();
            if (_pos >= _text.Length) Fail();
            if (_text[_pos] == ',') { _pos++; continue; }
            if (_text[_pos] == '}') { _pos++; return JsValue.FromObject(obj); }
            Fail();
        }
    }
}
