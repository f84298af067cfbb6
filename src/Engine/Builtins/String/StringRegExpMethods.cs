using System.Text;

namespace DualEngine.Engine.Builtins;

/// <summary>String.prototype methods that delegate to a RegExp's Symbol methods (§22.1.3.13-22).</summary>
internal static class StringRegExpMethods
{
    private static JsFunction? Method(in JsValue v, JsSymbol symbol)
    {
        if (!v.IsObject) return null;
        var m = v.AsObject().Get(symbol, v);
        return m.IsNullish ? null : m._ref as JsFunction ?? Throw.TypeError<JsFunction>("Symbol method is not a function");
    }

    private static JsValue Invoke(in JsValue rx, JsSymbol symbol, JsValue arg)
    {
        var m = Method(rx, symbol) ?? Throw.TypeError<JsFunction>(symbol.Description + " is not a function");
        return m.Call(rx, [arg]);
    }

    public static JsValue Replace(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, bool all)
    {
        if (thisValue.IsNullish) Throw.TypeError("String.prototype.replace called on null or undefined");
        var searchValue = args.At(0);
        var replaceValue = args.At(1);
        if (!searchValue.IsNullish)
        {
            if (all && searchValue._ref is JsRegExp re && !re.Global) Throw.TypeError("replaceAll must be called with a global RegExp");
            var replacer = Method(searchValue, WellKnownSymbols.Replace);
            if (replacer is not null) return replacer.Call(searchValue, [thisValue, replaceValue]);
        }
        var s = Conversions.ToString(thisValue);
        var search = Conversions.ToString(searchValue);
        var fn = replaceValue._ref as JsFunction;
        string? replacement = fn is null ? Conversions.ToString(replaceValue) : null;
        int pos = s.IndexOf(search, 0, StringComparison.Ordinal);
        if (pos < 0) return JsValue.FromString(s);
        if (!all)
        {
            // One match: prefix + substitution + suffix in a single allocation.
            string sub = fn is not null
                ? Conversions.ToString(fn.Call(JsValue.Undefined, [JsValue.FromString(search), JsValue.FromNumber(pos), JsValue.FromString(s)]))
                : GetSubstitution(search, s, pos, NoCaptures, JsValue.Undefined, replacement!);
            return JsValue.FromString(string.Concat(s.AsSpan(0, pos), sub, s.AsSpan(pos + search.Length)));
        }
        var positions = new List<int>();
        int advance = Math.Max(1, search.Length);
        while (pos >= 0)
        {
            positions.Add(pos);
            if (!all) break;
            pos = pos + advance > s.Length ? -1 : s.IndexOf(search, pos + advance, StringComparison.Ordinal);
        }
        if (positions.Count == 0) return JsValue.FromString(s);
        var sb = new StringBuilder();
        int end = 0;
        foreach (var p in positions)
        {
            sb.Append(s, end, p - end);
            sb.Append(fn is not null
                ? Conversions.ToString(fn.Call(JsValue.Undefined, [JsValue.FromString(search), JsValue.FromNumber(p), JsValue.FromString(s)]))
                : GetSubstitution(search, s, p, NoCaptures, JsValue.Undefined, replacement!));
            end = p + search.Length;
        }
        sb.Append(s, end, s.Length - end);
        return JsValue.FromString(sb.ToString());
    }

    /// <summary>The captures of a string (not RegExp) match: none. Never modified.</summary>
    private static readonly List<JsValue> NoCaptures = [];

    /// <summary>GetSubstitution (§22.1.3.19.1): $$, $&amp;, $`, $', $n, $nn, $&lt;name&gt;.</summary>
    public static string GetSubstitution(string matched, string str, int position, List<JsValue> captures, in JsValue namedCaptures, string replacement)
    {
        // No '$': the replacement is used as is (the common case, and no allocation).
        if (replacement.IndexOf('$') < 0) return replacement;
        var sb = new StringBuilder();
        int m = captures.Count;
        for (int i = 0; i < replacement.Length; i++)
        {
            char c = replacement[i];
            if (c != '$' || i + 1 >= replacement.Length) { sb.Append(c); continue; }
            char n = replacement[i + 1];
            switch (n)
            {
                case '$': sb.Append('$'); i++; break;
                case '&': sb.Append(matched); i++; break;
                case '`': sb.Append(str, 0, position); i++; break;
                case '\'':
                    int tail = Math.Min(position + matched.Length, str.Length);
                    sb.Append(str, tail, str.Length - tail);
                    i++;
                    break;
                case '<':
                    int close = replacement.IndexOf('>', i + 2);
                    if (namedCaptures.IsUndefined || close < 0) { sb.Append(c); break; }
                    var groupName = replacement.Substring(i + 2, close - i - 2);
                    var capture = namedCaptures.AsObject().Get(groupName);
                    if (!capture.IsUndefined) sb.Append(Conversions.ToString(capture));
                    i = close;
                    break;
                default:
                    if (char.IsAsciiDigit(n))
                    {
                        int digits = i + 2 < replacement.Length && char.IsAsciiDigit(replacement[i + 2]) ? 2 : 1;
                        int index = int.Parse(replacement.AsSpan(i + 1, digits));
                        if (digits == 2 && (index == 0 || index > m)) { digits = 1; index = n - '0'; }
                        if (index >= 1 && index <= m)
                        {
                            var cap = captures[index - 1];
                            if (!cap.IsUndefined) sb.Append(cap.AsString());
                            i += digits;
                            break;
                        }
                    }
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    public static JsValue Match(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (thisValue.IsNullish) Throw.TypeError("String.prototype.match called on null or undefined");
        var regexp = args.At(0);
        var matcher = regexp.IsNullish ? null : Method(regexp, WellKnownSymbols.Match);
        if (matcher is not null) return matcher.Call(regexp, [thisValue]);
        var s = Conversions.ToString(thisValue);
        var rx = RegExpConstructor.Create(realm, regexp.IsUndefined ? "" : Conversions.ToString(regexp), "");
        return Invoke(rx, WellKnownSymbols.Match, JsValue.FromString(s));
    }

    public static JsValue MatchAll(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (thisValue.IsNullish) Throw.TypeError("String.prototype.matchAll called on null or undefined");
        var regexp = args.At(0);
        if (!regexp.IsNullish)
        {
            if (regexp._ref is JsRegExp re && !re.Global) Throw.TypeError("matchAll must be called with a global RegExp");
            var matcher = Method(regexp, WellKnownSymbols.MatchAll);
            if (matcher is not null) return matcher.Call(regexp, [thisValue]);
        }
        var s = Conversions.ToString(thisValue);
        var rx = RegExpConstructor.Create(realm, regexp.IsUndefined ? "" : Conversions.ToString(regexp), "g");
        return Invoke(rx, WellKnownSymbols.MatchAll, JsValue.FromString(s));
    }

    public static JsValue Search(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (thisValue.IsNullish) Throw.TypeError("String.prototype.search called on null or undefined");
        var regexp = args.At(0);
        var searcher = regexp.IsNullish ? null : Method(regexp, WellKnownSymbols.Search);
        if (searcher is not null) return searcher.Call(regexp, [thisValue]);
        var rx = RegExpConstructor.Create(realm, regexp.IsUndefined ? "" : Conversions.ToString(regexp), "");
        return Invoke(rx, WellKnownSymbols.Search, JsValue.FromString(Conversions.ToString(thisValue)));
    }
}
