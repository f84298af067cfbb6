using System.Globalization;

namespace DualEngine.Engine.Builtins;

/// <summary>A Date instance (§21.4.5): an ordinary object with [[DateValue]].</summary>
internal sealed class JsDate(JsObject prototype, double time) : JsObject(prototype)
{
    public double Time = time;
    public override string ClassName => "Date";
}

/// <summary>The Date constructor (§21.4.2) and its static methods (§21.4.3).</summary>
internal static class DateConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.Intrinsics.DatePrototype = proto;
        var ctor = ObjectBuilding.DefineConstructor(realm, "Date", 7, Construct, proto);
        ctor.DefineMethod(realm, "now", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromNumber(DateMath.Now()));
        ctor.DefineMethod(realm, "parse", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromNumber(Parse(Conversions.ToString(a.At(0)))));
        ctor.DefineMethod(realm, "UTC", 7, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromNumber(DateMath.TimeClip(FromComponents(a))));
        DatePrototype.Install(realm, proto);
    }

    /// <summary>Date(...) (§21.4.2.1).</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        if (newTarget is null) return JsValue.FromString(DatePrototype.ToDateString(DateMath.Now(), DatePrototype.Format.Full));
        double tv;
        if (args.Length == 0) tv = DateMath.Now();
        else if (args.Length == 1)
        {
            var v = args[0];
            if (v._ref is JsDate d) tv = d.Time;
            else
            {
                var prim = Conversions.ToPrimitive(v);
                tv = prim.IsString ? Parse(prim.AsString()) : Conversions.ToNumber(prim);
            }
            tv = DateMath.TimeClip(tv);
        }
        else tv = DateMath.TimeClip(DateMath.Utc(FromComponents(args)));
        var proto = JsFunction.GetPrototypeFromConstructor(newTarget, static i => i.DatePrototype);
        return JsValue.FromObject(new JsDate(proto, tv));
    }

    /// <summary>Year, month[, date, hours, minutes, seconds, ms] to a time value (two-digit years mean 19xx).</summary>
    private static double FromComponents(ReadOnlySpan<JsValue> a)
    {
        double y = Conversions.ToNumber(a.At(0));
        double m = a.Length > 1 ? Conversions.ToNumber(a[1]) : 0;
        double dt = a.Length > 2 ? Conversions.ToNumber(a[2]) : 1;
        double h = a.Length > 3 ? Conversions.ToNumber(a[3]) : 0;
        double min = a.Length > 4 ? Conversions.ToNumber(a[4]) : 0;
        double s = a.Length > 5 ? Conversions.ToNumber(a[5]) : 0;
        double ms = a.Length > 6 ? Conversions.ToNumber(a[6]) : 0;
        if (!double.IsNaN(y))
        {
            double yi = Math.Truncate(y);
            if (yi >= 0 && yi <= 99) y = 1900 + yi;
        }
        return DateMath.MakeDate(DateMath.MakeDay(y, m, dt), DateMath.MakeTime(h, min, s, ms));
    }

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd", "yyyy-MM", "yyyy", "ddd MMM dd yyyy HH:mm:ss", "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd MMM dd yyyy",
        "MMM d, yyyy", "MMMM d, yyyy", "M/d/yyyy", "M/d/yyyy HH:mm:ss", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss",
    ];

    /// <summary>The Date Time String Format (§21.4.1.32), expanded years (§21.4.1.32.2) included.</summary>
    private static readonly System.Text.RegularExpressions.Regex IsoFormat = new(
        @"^([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Date.parse of a string in the Date Time String Format (§21.4.1.32), computed with MakeDay/MakeTime and
    /// TimeClip so the whole ±8.64e15 ms range works (DateTimeOffset stops at years 1..9999). Out-of-range fields
    /// (DD is 01..31 whatever the month, so "2019-02-30" is March 2 as in V8) and "-000000" are not the format: NaN. Date-only forms are UTC, date-time forms without an offset local.
    /// False when the string does not have the format's shape (the caller tries the other forms).
    /// </summary>
    private static bool TryParseIso(string s, out double result)
    {
        result = double.NaN;
        var m = IsoFormat.Match(s);
        if (!m.Success) return false;
        var g = m.Groups;
        if (g[1].Value == "-000000") return true;
        double year = int.Parse(g[1].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int month = g[2].Success ? int.Parse(g[2].ValueSpan, CultureInfo.InvariantCulture) : 1;
        int day = g[3].Success ? int.Parse(g[3].ValueSpan, CultureInfo.InvariantCulture) : 1;
        int hour = g[4].Success ? int.Parse(g[4].ValueSpan, CultureInfo.InvariantCulture) : 0;
        int minute = g[5].Success ? int.Parse(g[5].ValueSpan, CultureInfo.InvariantCulture) : 0;
        int second = g[6].Success ? int.Parse(g[6].ValueSpan, CultureInfo.InvariantCulture) : 0;
        // sss: milliseconds; extra digits (accepted as V8 does) are truncated.
        int ms = g[7].Success ? int.Parse(g[7].ValueSpan[..Math.Min(3, g[7].Length)], CultureInfo.InvariantCulture) * (g[7].Length == 1 ? 100 : g[7].Length == 2 ? 10 : 1) : 0;
        if (month is < 1 or > 12 || day is < 1 or > 31 || hour > 24 || minute > 59 || second > 59) return true;
        if (hour == 24 && (minute != 0 || second != 0 || ms != 0)) return true;
        double t = DateMath.MakeDate(DateMath.MakeDay(year, month - 1, day), DateMath.MakeTime(hour, minute, second, ms));
        if (g[8].Success)
        {
            var zone = g[8].Value;
            if (zone != "Z")
            {
                int zh = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture), zm = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
                if (zh > 23 || zm > 59) return true;
                t -= (zone[0] == '-' ? -1 : 1) * (zh * 60 + zm) * 60000.0;
            }
        }
        else if (g[4].Success) t = DateMath.Utc(t);
        result = DateMath.TimeClip(t);
        return true;
    }

    /// <summary>Date.parse (§21.4.3.2): the ISO format (§21.4.1.32) plus the toString/toUTCString forms.</summary>
    public static double Parse(string s)
    {
        s = s.Trim();
        if (TryParseIso(s, out double iso)) return iso;
        // ISO date-only forms are UTC; date-time forms without offset are local time.
        bool dateOnly = s.Length <= 10 && !s.Contains(' ') && !s.Contains('T') && (s.Length == 4 || s.Contains('-'));
        var tzMatch = System.Text.RegularExpressions.Regex.Match(s, @" GMT([+-]\d{4})( \(.*\))?$");
        string text = s;
        double? offsetMs = null;
        if (tzMatch.Success)
        {
            var off = tzMatch.Groups[1].Value;
            offsetMs = (off[0] == '-' ? -1 : 1) * (int.Parse(off.AsSpan(1, 2)) * 60 + int.Parse(off.AsSpan(3, 2))) * 60000.0;
            text = s[..tzMatch.Index];
        }
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, styles | DateTimeStyles.AssumeUniversal, out var dto))
        {
            bool hasZone = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$") || text.EndsWith("GMT");
            double ms = dto.ToUnixTimeMilliseconds();
            if (offsetMs is { } o) return ms - o;
            if (dateOnly || hasZone) return ms;
            return DateMath.Utc(ms);
        }
        return double.NaN;
    }
}
