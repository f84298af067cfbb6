using System.Globalization;
using System.Text;

namespace DualEngine.Engine.Builtins;

/// <summary>String.prototype (§22.1.3). Methods work on UTF-16 code units like the spec.</summary>
internal static class StringPrototype
{
    public static void Install(Realm realm, JsObject proto)
    {
        proto.DefineMethod(realm, "at", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "at");
            double rel = Position(a.At(0));
            double k = rel >= 0 ? rel : s.Length + rel;
            return k < 0 || k >= s.Length ? JsValue.Undefined : JsValue.FromString(CharStrings.Get(s[(int)k]));
        });
        proto.DefineMethod(realm, "charAt", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "charAt");
            double p = Position(a.At(0));
            return p < 0 || p >= s.Length ? JsValue.EmptyString : JsValue.FromString(CharStrings.Get(s[(int)p]));
        });
        proto.DefineMethod(realm, "charCodeAt", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "charCodeAt");
            double p = Position(a.At(0));
            return p < 0 || p >= s.Length ? JsValue.NaN : JsValue.FromNumber(s[(int)p]);
        });
        proto.DefineMethod(realm, "codePointAt", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "codePointAt");
            double p = Position(a.At(0));
            if (p < 0 || p >= s.Length) return JsValue.Undefined;
            return JsValue.FromNumber(CharStrings.CodePointAt(s, (int)p));
        });
        proto.DefineMethod(realm, "concat", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var result = JsValue.FromString(This(t, "concat"));
            foreach (var v in a) result = JsRope.Concat(result, Conversions.ToJsString(v));
            return result;
        });
        proto.DefineMethod(realm, "endsWith", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "endsWith");
            var search = SearchString(a.At(0), "endsWith");
            int end = a.At(1).IsUndefined ? s.Length : (int)Math.Clamp(Conversions.ToIntegerOrInfinity(a.At(1)), 0, s.Length);
            int start = end - search.Length;
            return JsValue.FromBoolean(start >= 0 && string.CompareOrdinal(s, start, search, 0, search.Length) == 0);
        });
        proto.DefineMethod(realm, "includes", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "includes");
            var search = SearchString(a.At(0), "includes");
            int pos = ClampedPosition(a.At(1), s.Length);
            return JsValue.FromBoolean(IndexOf(s, search, pos) >= 0);
        });
        proto.DefineMethod(realm, "indexOf", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "indexOf");
            var search = a.Length > 0 && a[0].IsString ? a[0].AsString() : Conversions.ToString(a.At(0));
            int pos = a.Length > 1 ? ClampedPosition(a[1], s.Length) : 0;
            return JsValue.FromNumber(IndexOf(s, search, pos));
        });
        proto.DefineMethod(realm, "lastIndexOf", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "lastIndexOf");
            var search = Conversions.ToString(a.At(0));
            double n = Conversions.ToNumber(a.At(1));
            int pos = double.IsNaN(n) ? s.Length : (int)Math.Clamp(Math.Truncate(n), 0, s.Length);
            int start = Math.Min(pos, s.Length - search.Length);
            if (start < 0) return JsValue.FromNumber(-1);
            // The last match starting at or before `start`: an ordinal search of the text up to start + |search|.
            return JsValue.FromNumber(s.AsSpan(0, start + search.Length).LastIndexOf(search.AsSpan()));
        });
        proto.DefineMethod(realm, "localeCompare", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromNumber(Math.Sign(string.Compare(This(t, "localeCompare"), Conversions.ToString(a.At(0)), CultureInfo.InvariantCulture, CompareOptions.None))));
        proto.DefineMethod(realm, "normalize", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "normalize");
            string f = a.At(0).IsUndefined ? "NFC" : Conversions.ToString(a.At(0));
            var form = f switch
            {
                "NFC" => NormalizationForm.FormC, "NFD" => NormalizationForm.FormD,
                "NFKC" => NormalizationForm.FormKC, "NFKD" => NormalizationForm.FormKD,
                _ => Throw.RangeError<NormalizationForm>("The normalization form should be one of NFC, NFD, NFKC, NFKD."),
            };
            try { return JsValue.FromString(s.Normalize(form)); }
            catch (ArgumentException) { return JsValue.FromString(s); }
        });
        proto.DefineMethod(realm, "padEnd", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Pad(t, a, atStart: false));
        proto.DefineMethod(realm, "padStart", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Pad(t, a, atStart: true));
        proto.DefineMethod(realm, "repeat", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "repeat");
            double n = Conversions.ToIntegerOrInfinity(a.At(0));
            if (n < 0 || double.IsInfinity(n)) Throw.RangeError("Invalid count value: " + Conversions.ToString(a.At(0)));
            if (s.Length == 0 || n == 0) return JsValue.EmptyString;
            if (s.Length * n > JsRope.MaxStringLength) Throw.RangeError("Invalid string length");
            MemoryBudget.Account((long)(s.Length * n * 2));
            var sb = new StringBuilder(s.Length * (int)n);
            for (int i = 0; i < n; i++) sb.Append(s);
            return JsValue.FromString(sb.ToString());
        });
        proto.DefineMethod(realm, "slice", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "slice");
            long from = a.Length > 0 ? ArrayOps.RelativeIndex(a[0], s.Length, 0) : 0;
            long to = a.Length > 1 ? ArrayOps.RelativeIndex(a[1], s.Length, s.Length) : s.Length;
            return from >= to ? JsValue.EmptyString : JsValue.FromString(s.Substring((int)from, (int)(to - from)));
        });
        proto.DefineMethod(realm, "startsWith", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "startsWith");
            var search = SearchString(a.At(0), "startsWith");
            int start = ClampedPosition(a.At(1), s.Length);
            return JsValue.FromBoolean(start + search.Length <= s.Length && string.CompareOrdinal(s, start, search, 0, search.Length) == 0);
        });
        proto.DefineMethod(realm, "substring", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "substring");
            int start = ClampedPosition(a.At(0), s.Length);
            int end = a.At(1).IsUndefined ? s.Length : ClampedPosition(a.At(1), s.Length);
            int from = Math.Min(start, end), to = Math.Max(start, end);
            return JsValue.FromString(s.Substring(from, to - from));
        });
        proto.DefineMethod(realm, "substr", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var s = This(t, "substr");
            long start = ArrayOps.RelativeIndex(a.At(0), s.Length, 0);
            double len = a.At(1).IsUndefined ? s.Length : Conversions.ToIntegerOrInfinity(a.At(1));
            long end = (long)Math.Min(start + Math.Max(len, 0), s.Length);
            return start >= end ? JsValue.EmptyString : JsValue.FromString(s.Substring((int)start, (int)(end - start)));
        });
        proto.DefineMethod(realm, "toLowerCase", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(CaseMapping.ToLower(This(t, "toLowerCase"))));
        proto.DefineMethod(realm, "toUpperCase", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(CaseMapping.ToUpper(This(t, "toUpperCase"))));
        proto.DefineMethod(realm, "toLocaleLowerCase", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(CaseMapping.ToLower(This(t, "toLocaleLowerCase"))));
        proto.DefineMethod(realm, "toLocaleUpperCase", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(CaseMapping.ToUpper(This(t, "toLocaleUpperCase"))));
        proto.DefineMethod(realm, "toString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => ThisStringValue(t, "toString"));
        proto.DefineMethod(realm, "valueOf", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => ThisStringValue(t, "valueOf"));
        proto.DefineMethod(realm, "trim", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(Conversions.TrimJsWhitespace(This(t, "trim"))));
        var trimStart = proto.DefineMethod(realm, "trimStart", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(This(t, "trimStart").TrimStart(JsWhitespace)));
        var trimEnd = proto.DefineMethod(realm, "trimEnd", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(This(t, "trimEnd").TrimEnd(JsWhitespace)));
        // B.2.2.15-16: the initial values of trimLeft and trimRight are the trimStart and trimEnd function objects themselves
        // (so their names stay "trimStart"/"trimEnd"), with the usual method attributes.
        proto.DefineValue("trimLeft", JsValue.FromObject(trimStart));
        proto.DefineValue("trimRight", JsValue.FromObject(trimEnd));
        proto.DefineMethod(realm, "isWellFormed", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(IsWellFormed(This(t, "isWellFormed"))));
        proto.DefineMethod(realm, "toWellFormed", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(ToWellFormed(This(t, "toWellFormed"))));
        proto.DefineMethod(realm, "split", 2, Split);
        proto.DefineMethod(realm, "replace", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => StringRegExpMethods.Replace(r, t, a, all: false));
        proto.DefineMethod(realm, "replaceAll", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => StringRegExpMethods.Replace(r, t, a, all: true));
        proto.DefineMethod(realm, "match", 1, StringRegExpMethods.Match);
        proto.DefineMethod(realm, "matchAll", 1, StringRegExpMethods.MatchAll);
        proto.DefineMethod(realm, "search", 1, StringRegExpMethods.Search);
        InstallHtmlMethods(realm, proto);
        proto.DefineMethod(realm, WellKnownSymbols.Iterator, "[Symbol.iterator]", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromObject(new JsStringIterator(r, This(t, "[Symbol.iterator]"))));
    }

    /// <summary>
    /// The HTML methods of Annex B.2.2.2-14 (anchor, big, blink, bold, fixed, fontcolor, fontsize, italics, link, small, strike,
    /// sub, sup): each is CreateHTML(this, tag, attribute, argument); the four with an attribute take one argument (length 1).
    /// </summary>
    private static void InstallHtmlMethods(Realm realm, JsObject proto)
    {
        Html(realm, proto, "anchor", "a", "name");
        Html(realm, proto, "big", "big", "");
        Html(realm, proto, "blink", "blink", "");
        Html(realm, proto, "bold", "b", "");
        Html(realm, proto, "fixed", "tt", "");
        Html(realm, proto, "fontcolor", "font", "color");
        Html(realm, proto, "fontsize", "font", "size");
        Html(realm, proto, "italics", "i", "");
        Html(realm, proto, "link", "a", "href");
        Html(realm, proto, "small", "small", "");
        Html(realm, proto, "strike", "strike", "");
        Html(realm, proto, "sub", "sub", "");
        Html(realm, proto, "sup", "sup", "");
    }

    private static void Html(Realm realm, JsObject proto, string name, string tag, string attribute) =>
        proto.DefineMethod(realm, name, attribute.Length == 0 ? 0 : 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromString(CreateHtml(t, name, tag, attribute, a.At(0))));

    /// <summary>
    /// CreateHTML (B.2.2.2.1): RequireObjectCoercible(this) and ToString(this) first, then ToString(value) only when there
    /// is an attribute, whose value has each '"' replaced by "&amp;quot;"; then "&lt;tag attr=\"v\"&gt;S&lt;/tag&gt;".
    /// </summary>
    internal static string CreateHtml(in JsValue thisValue, string method, string tag, string attribute, in JsValue value)
    {
        var s = This(thisValue, method);
        var sb = new StringBuilder(2 * tag.Length + s.Length + 5);
        sb.Append('<').Append(tag);
        if (attribute.Length != 0)
        {
            var v = Conversions.ToString(value);
            sb.Append(' ').Append(attribute).Append("=\"").Append(v.Replace("\"", "&quot;", StringComparison.Ordinal)).Append('"');
        }
        sb.Append('>').Append(s).Append("</").Append(tag).Append('>');
        if (sb.Length > JsRope.MaxStringLength) Throw.RangeError("Invalid string length");
        return sb.ToString();
    }

    private static readonly char[] JsWhitespace = ['\t', '\v', '\f', ' ', '\u00A0', '\uFEFF', '\n', '\r', '\u2028', '\u2029', '\u1680', '\u2000', '\u2001',
        '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000'];

    /// <summary>ToIntegerOrInfinity (§7.1.5) of a position argument; a Number skips the generic conversion.</summary>
    private static double Position(in JsValue v)
    {
        if (v.IsNumber)
        {
            double d = v._number;
            return double.IsNaN(d) ? 0 : Math.Truncate(d);
        }
        return Conversions.ToIntegerOrInfinity(v);
    }

    /// <summary>ToIntegerOrInfinity clamped to [0, length] (the start positions of indexOf, includes, substring...).</summary>
    internal static int ClampedPosition(in JsValue v, int length)
    {
        double d = v.IsNumber ? v._number : Conversions.ToIntegerOrInfinity(v);
        // NaN fails both tests and gives 0; fractions truncate toward zero, as ToIntegerOrInfinity does.
        if (d >= length) return length;
        return d > 0 ? (int)d : 0;
    }

    /// <summary>Ordinal search from <paramref name="pos"/> (0 &lt;= pos &lt;= s.Length); one code unit searches as a char.</summary>
    internal static int IndexOf(string s, string search, int pos) =>
        search.Length == 1 ? s.IndexOf(search[0], pos) : s.IndexOf(search, pos, StringComparison.Ordinal);

    /// <summary>RequireObjectCoercible(this) then ToString (the first steps of most methods).</summary>
    internal static string This(in JsValue thisValue, string method)
    {
        if (thisValue.IsString) return thisValue.AsString();
        if (thisValue.IsNullish) Throw.TypeError($"String.prototype.{method} called on null or undefined");
        return Conversions.ToString(thisValue);
    }

    private static JsValue ThisStringValue(in JsValue thisValue, string method)
    {
        if (thisValue.IsString) return thisValue;
        if (thisValue._ref is JsPrimitiveWrapper { PrimitiveValue.IsString: true } w) return w.PrimitiveValue;
        return Throw.TypeError<JsValue>($"String.prototype.{method} requires that 'this' be a String");
    }

    /// <summary>startsWith/endsWith/includes step 3-4: IsRegExp(searchString) must be false, then ToString.</summary>
    private static string SearchString(in JsValue v, string method)
    {
        if (IsRegExp(v)) Throw.TypeError($"First argument to String.prototype.{method} must not be a regular expression");
        return Conversions.ToString(v);
    }

    /// <summary>IsRegExp (§7.2.8): an object's @@match decides when it is not undefined (its getter may throw); else [[RegExpMatcher]].</summary>
    private static bool IsRegExp(in JsValue v)
    {
        if (v._ref is not JsObject o) return false;
        var matcher = o.Get(WellKnownSymbols.Match, v);
        if (!matcher.IsUndefined) return Conversions.ToBoolean(matcher);
        return o is JsRegExp;
    }

    private static JsValue Pad(in JsValue thisValue, ReadOnlySpan<JsValue> args, bool atStart)
    {
        var s = This(thisValue, atStart ? "padStart" : "padEnd");
        double maxLength = Conversions.ToLength(args.At(0));
        if (maxLength <= s.Length) return JsValue.FromString(s);
        string filler = args.At(1).IsUndefined ? " " : Conversions.ToString(args.At(1));
        if (filler.Length == 0) return JsValue.FromString(s);
        if (maxLength > JsRope.MaxStringLength) Throw.RangeError("Invalid string length");
        int fillLen = (int)maxLength - s.Length;
        var sb = new StringBuilder(fillLen);
        while (sb.Length < fillLen) sb.Append(filler);
        sb.Length = fillLen;
        return JsValue.FromString(atStart ? sb + s : s + sb);
    }

    private static bool IsWellFormed(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    private static string ToWellFormed(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>String.prototype.split (§22.1.3.23) for string separators; RegExp separators go through Symbol.split.</summary>
    private static JsValue Split(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (thisValue.IsNullish) Throw.TypeError("String.prototype.split called on null or undefined");
        var separator = args.At(0);
        if (!separator.IsNullish && separator.IsObject)
        {
            var splitter = separator.AsObject().Get(WellKnownSymbols.Split, separator);
            if (splitter._ref is JsFunction f) return f.Call(separator, [thisValue, args.At(1)]);
        }
        var s = Conversions.ToString(thisValue);
        uint limit = args.At(1).IsUndefined ? uint.MaxValue : Conversions.ToUint32(args.At(1));
        var sep = Conversions.ToString(separator);
        var result = realm.NewArray();
        if (limit == 0) return JsValue.FromObject(result);
        if (separator.IsUndefined)
        {
            result.Push(JsValue.FromString(s));
            return JsValue.FromObject(result);
        }
        if (sep.Length == 0)
        {
            for (int i = 0; i < s.Length && result.Length < limit; i++) result.Push(JsValue.FromString(CharStrings.Get(s[i])));
            return JsValue.FromObject(result);
        }
        int start = 0;
        while (result.Length < limit)
        {
            int idx = s.IndexOf(sep, start, StringComparison.Ordinal);
            if (idx < 0) break;
            result.Push(JsValue.FromString(s[start..idx]));
            start = idx + sep.Length;
        }
        if (result.Length < limit) result.Push(JsValue.FromString(s[start..]));
        return JsValue.FromObject(result);
    }
}
