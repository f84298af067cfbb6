using System.Text;
using System.Text.RegularExpressions;

namespace DualEngine.Engine.Builtins;

/// <summary>The RegExp constructor (§22.2.4) and RegExp.prototype (§22.2.6).</summary>
internal static class RegExpConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.Intrinsics.RegExpPrototype = proto;
        var ctor = ObjectBuilding.DefineConstructor(realm, "RegExp", 2, Construct, proto);
        ctor.DefineGetter(realm, WellKnownSymbols.Species, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => t);
        proto.DefineMethod(realm, "exec", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Exec(r, ThisRegExp(t), Conversions.ToString(a.At(0))));
        proto.DefineMethod(realm, "test", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(!RegExpExec(r, t, Conversions.ToString(a.At(0))).IsNull));
        proto.DefineMethod(realm, "toString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (!t.IsObject) Throw.TypeError("RegExp.prototype.toString called on non-object");
            return JsValue.FromString("/" + Conversions.ToString(t.AsObject().Get("source")) + "/" + Conversions.ToString(t.AsObject().Get("flags")));
        });
        proto.DefineGetter(realm, "source", (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            t._ref is JsRegExp re ? JsValue.FromString(re.Source.Length == 0 ? "(?:)" : re.Source) : JsValue.FromString("(?:)"));
        proto.DefineGetter(realm, "flags", (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (!t.IsObject) Throw.TypeError("RegExp.prototype.flags getter called on non-object");
            var sb = new StringBuilder();
            foreach (var (flag, name) in FlagNames)
                if (Conversions.ToBoolean(t.AsObject().Get(name))) sb.Append(flag);
            return JsValue.FromString(sb.ToString());
        });
        foreach (var (flag, name) in FlagNames)
        {
            char f = flag;
            proto.DefineGetter(realm, name, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
                t._ref is JsRegExp re ? JsValue.FromBoolean(re.Flags.Contains(f)) : JsValue.Undefined);
        }
        proto.DefineMethod(realm, WellKnownSymbols.Match, "[Symbol.match]", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => SymbolMatch(r, t, Conversions.ToString(a.At(0))));
        proto.DefineMethod(realm, WellKnownSymbols.MatchAll, "[Symbol.matchAll]", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => SymbolMatchAll(r, t, Conversions.ToString(a.At(0))));
        proto.DefineMethod(realm, WellKnownSymbols.Replace, "[Symbol.replace]", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => SymbolReplace(r, t, Conversions.ToString(a.At(0)), a.At(1)));
        proto.DefineMethod(realm, WellKnownSymbols.Search, "[Symbol.search]", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var rx = t.AsObject();
            var previous = rx.Get("lastIndex");
            rx.Set("lastIndex", JsValue.Zero, t);
            var result = RegExpExec(r, t, Conversions.ToString(a.At(0)));
            rx.Set("lastIndex", previous, t);
            return result.IsNull ? JsValue.FromNumber(-1) : result.AsObject().Get("index");
        });
        proto.DefineMethod(realm, "compile", 2, Compile);
        proto.DefineMethod(realm, WellKnownSymbols.Split, "[Symbol.split]", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => SymbolSplit(r, t, Conversions.ToString(a.At(0)), a.At(1)));
    }

    private static readonly (char, string)[] FlagNames =
        [('d', "hasIndices"), ('g', "global"), ('i', "ignoreCase"), ('m', "multiline"), ('s', "dotAll"), ('u', "unicode"), ('v', "unicodeSets"), ('y', "sticky")];

    public static JsValue Create(Realm realm, string pattern, string flags) =>
        JsValue.FromObject(new JsRegExp(realm.Intrinsics.RegExpPrototype, pattern, flags));

    private static JsRegExp ThisRegExp(in JsValue v) => v._ref as JsRegExp ?? Throw.TypeError<JsRegExp>("Receiver is not a RegExp");

    /// <summary>RegExp(pattern, flags) (§22.2.4.1).</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        var pattern = args.At(0);
        var flags = args.At(1);
        if (newTarget is null && pattern._ref is JsRegExp && flags.IsUndefined) return pattern;
        string p, f;
        if (pattern._ref is JsRegExp re)
        {
            p = re.Source;
            f = flags.IsUndefined ? re.Flags : Conversions.ToString(flags);
        }
        else
        {
            p = pattern.IsUndefined ? "" : Conversions.ToString(pattern);
            f = flags.IsUndefined ? "" : Conversions.ToString(flags);
        }
        var proto = newTarget is null ? realm.Intrinsics.RegExpPrototype : JsFunction.GetPrototypeFromConstructor(newTarget, static i => i.RegExpPrototype);
        return JsValue.FromObject(new JsRegExp(proto, p, f));
    }

    /// <summary>
    /// RegExp.prototype.compile (B.2.4.1), kept for web compatibility: re-initializes this RegExp in place from a pattern
    /// string and flags, or from another RegExp's source and flags (then flags must be undefined). ToString(pattern) runs
    /// before ToString(flags), both before the flags are checked; the result is this object. (The legacy-regexp proposal's
    /// extra realm and subclass checks are not implemented: test262 lists them under that feature, which is excluded.)
    /// </summary>
    private static JsValue Compile(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = thisValue._ref as JsRegExp ?? Throw.TypeError<JsRegExp>("RegExp.prototype.compile called on incompatible receiver");
        var pattern = args.At(0);
        var flags = args.At(1);
        string p, f;
        if (pattern._ref is JsRegExp other)
        {
            if (!flags.IsUndefined) Throw.TypeError("Cannot supply flags when constructing one RegExp from another");
            p = other.Source;
            f = other.Flags;
        }
        else
        {
            p = pattern.IsUndefined ? "" : Conversions.ToString(pattern);
            f = flags.IsUndefined ? "" : Conversions.ToString(flags);
        }
        o.Reinitialize(p, f);
        return JsValue.FromObject(o);
    }

    /// <summary>RegExpExec (§22.2.7.1): a user "exec" wins over the builtin.</summary>
    internal static JsValue RegExpExec(Realm realm, in JsValue r, string s)
    {
        if (!r.IsObject) Throw.TypeError("RegExp method called on non-object");
        var exec = r.AsObject().Get("exec", r);
        if (exec._ref is JsFunction f && f is not BuiltinFunction)
        {
            var result = f.Call(r, [JsValue.FromString(s)]);
            if (!result.IsObject && !result.IsNull) Throw.TypeError("exec result must be an object or null");
            return result;
        }
        return Exec(realm, ThisRegExp(r), s);
    }

    /// <summary>RegExpBuiltinExec (§22.2.7.2).</summary>
    internal static JsValue Exec(Realm realm, JsRegExp re, string s)
    {
        var self = JsValue.FromObject(re);
        long lastIndex = Conversions.ToLength(re.Get("lastIndex"));
        bool global = re.Global, sticky = re.Sticky;
        if (!global && !sticky) lastIndex = 0;
        if (lastIndex > s.Length)
        {
            if (global || sticky) re.Set("lastIndex", JsValue.Zero, self);
            return JsValue.Null;
        }
        Match m;
        try { m = re.Regex.Match(s, (int)lastIndex); }
        catch (RegexMatchTimeoutException) { return Throw.RangeError<JsValue>("Regular expression took too long"); }
        if (!m.Success || (sticky && m.Index != lastIndex))
        {
            if (global || sticky) re.Set("lastIndex", JsValue.Zero, self);
            return JsValue.Null;
        }
        if (global || sticky) re.Set("lastIndex", JsValue.FromNumber(m.Index + m.Length), self);
        var arr = realm.NewArray();
        arr.Push(JsValue.FromString(m.Value));
        var translation = re.Translation;
        for (int g = 1; g <= translation.GroupCount; g++)
        {
            var group = m.Groups[g];
            arr.Push(group.Success ? JsValue.FromString(group.Value) : JsValue.Undefined);
        }
        // groups: one property per distinct name in source order; with duplicate names, the group that participated.
        JsObject? groups = null;
        foreach (var (name, numbers) in translation.Names)
        {
            groups ??= new JsObject(null);
            var value = JsValue.Undefined;
            foreach (int n in numbers)
                if (m.Groups[n].Success) { value = JsValue.FromString(m.Groups[n].Value); break; }
            groups.FastSet(name, value);
        }
        arr.FastSet("index", JsValue.FromNumber(m.Index));
        arr.FastSet("input", JsValue.FromString(s));
        arr.FastSet("groups", groups is null ? JsValue.Undefined : JsValue.FromObject(groups));
        return JsValue.FromObject(arr);
    }

    private static JsValue SymbolMatch(Realm realm, in JsValue rx, string s)
    {
        var o = rx.AsObject();
        bool global = Conversions.ToBoolean(o.Get("global"));
        if (!global) return RegExpExec(realm, rx, s);
        o.Set("lastIndex", JsValue.Zero, rx);
        var result = realm.NewArray();
        while (true)
        {
            var r = RegExpExec(realm, rx, s);
            if (r.IsNull) return result.Length == 0 ? JsValue.Null : JsValue.FromObject(result);
            var matched = Conversions.ToString(r.AsObject().Get(PropertyKey.FromIndex(0)));
            result.Push(JsValue.FromString(matched));
            if (matched.Length == 0) AdvanceLastIndex(o, rx);
        }
    }

    private static void AdvanceLastIndex(JsObject o, in JsValue rx)
    {
        long thisIndex = Conversions.ToLength(o.Get("lastIndex"));
        o.Set("lastIndex", JsValue.FromNumber(thisIndex + 1), rx);
    }

    private static JsValue SymbolMatchAll(Realm realm, in JsValue rx, string s)
    {
        var source = rx.AsObject();
        var flags = Conversions.ToString(source.Get("flags"));
        var matcher = new JsRegExp(realm.Intrinsics.RegExpPrototype, ThisRegExp(rx).Source, flags);
        matcher.Set("lastIndex", source.Get("lastIndex"), JsValue.FromObject(matcher));
        var all = realm.NewArray();
        bool global = flags.Contains('g');
        var mv = JsValue.FromObject(matcher);
        while (true)
        {
            var r = RegExpExec(realm, mv, s);
            if (r.IsNull) break;
            all.Push(r);
            if (!global) break;
            if (Conversions.ToString(r.AsObject().Get(PropertyKey.FromIndex(0))).Length == 0) AdvanceLastIndex(matcher, mv);
        }
        return JsValue.FromObject(new JsArrayIterator(realm, all, IterationKind.Values));
    }

    /// <summary>RegExp.prototype[Symbol.replace] (§22.2.6.11), with GetSubstitution (§22.1.3.19.1).</summary>
    private static JsValue SymbolReplace(Realm realm, in JsValue rx, string s, in JsValue replaceValue)
    {
        var o = rx.AsObject();
        var fn = replaceValue._ref as JsFunction;
        string? replacement = fn is null ? Conversions.ToString(replaceValue) : null;
        bool global = Conversions.ToBoolean(o.Get("global"));
        if (global) o.Set("lastIndex", JsValue.Zero, rx);
        var results = new List<JsObject>();
        while (true)
        {
            var r = RegExpExec(realm, rx, s);
            if (r.IsNull) break;
            results.Add(r.AsObject());
            if (!global) break;
            if (Conversions.ToString(r.AsObject().Get(PropertyKey.FromIndex(0))).Length == 0) AdvanceLastIndex(o, rx);
        }
        var sb = new StringBuilder();
        int nextSourcePosition = 0;
        foreach (var result in results)
        {
            long nCaptures = Math.Max(ArrayOps.Length(result) - 1, 0);
            var matched = Conversions.ToString(result.Get(PropertyKey.FromIndex(0)));
            int position = (int)Math.Clamp(Conversions.ToIntegerOrInfinity(result.Get("index")), 0, s.Length);
            var captures = new List<JsValue>();
            for (long n = 1; n <= nCaptures; n++)
            {
                var c = result.Get(PropertyKey.FromIndex((uint)n));
                captures.Add(c.IsUndefined ? c : Conversions.ToJsString(c));
            }
            var namedCaptures = result.Get("groups");
            string replaced;
            if (fn is not null)
            {
                var args = new List<JsValue> { JsValue.FromString(matched) };
                args.AddRange(captures);
                args.Add(JsValue.FromNumber(position));
                args.Add(JsValue.FromString(s));
                if (!namedCaptures.IsUndefined) args.Add(namedCaptures);
                replaced = Conversions.ToString(fn.Call(JsValue.Undefined, args.ToArray()));
            }
            else
            {
                replaced = StringRegExpMethods.GetSubstitution(matched, s, position, captures, namedCaptures, replacement!);
            }
            if (position >= nextSourcePosition)
            {
                sb.Append(s, nextSourcePosition, position - nextSourcePosition).Append(replaced);
                nextSourcePosition = position + matched.Length;
            }
        }
        if (nextSourcePosition < s.Length) sb.Append(s, nextSourcePosition, s.Length - nextSourcePosition);
        return JsValue.FromString(sb.ToString());
    }

    /// <summary>RegExp.prototype[Symbol.split] (§22.2.6.14), simplified to the builtin matcher.</summary>
    private static JsValue SymbolSplit(Realm realm, in JsValue rx, string s, in JsValue limitValue)
    {
        var re = ThisRegExp(rx);
        uint limit = limitValue.IsUndefined ? uint.MaxValue : Conversions.ToUint32(limitValue);
        var result = realm.NewArray();
        if (limit == 0) return JsValue.FromObject(result);
        if (s.Length == 0)
        {
            if (!re.Regex.Match(s).Success) result.Push(JsValue.FromString(s));
            return JsValue.FromObject(result);
        }
        int p = 0, q = 0;
        while (q < s.Length)
        {
            var m = re.Regex.Match(s, q);
            if (!m.Success) break;
            int e = m.Index + m.Length;
            if (e == p || m.Index >= s.Length) { q = m.Index + 1; if (m.Length == 0 && m.Index == q - 1 && e == p) continue; }
            if (m.Length == 0 && m.Index == p) { q = m.Index + 1; continue; }
            result.Push(JsValue.FromString(s[p..m.Index]));
            if (result.Length == limit) return JsValue.FromObject(result);
            for (int g = 1; g <= re.Translation.GroupCount; g++)
            {
                result.Push(m.Groups[g].Success ? JsValue.FromString(m.Groups[g].Value) : JsValue.Undefined);
                if (result.Length == limit) return JsValue.FromObject(result);
            }
            p = e;
            q = p == m.Index ? p + 1 : p;
        }
        result.Push(JsValue.FromString(s[p..]));
        return JsValue.FromObject(result);
    }
}
