using System.Globalization;

namespace DualEngine.Engine.Builtins;

/// <summary>Date.prototype (§21.4.4): getters, setters and string forms.</summary>
internal static class DatePrototype
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public enum Format { Full, Date, Time }

    public static void Install(Realm realm, JsObject proto)
    {
        proto.DefineMethod(realm, "getTime", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromNumber(This(t).Time));
        proto.DefineMethod(realm, "valueOf", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromNumber(This(t).Time));
        proto.DefineMethod(realm, "getTimezoneOffset", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            double tv = This(t).Time;
            return JsValue.FromNumber(double.IsNaN(tv) ? double.NaN : (tv - DateMath.LocalTime(tv)) / 60000);
        });
        Getter(realm, proto, "FullYear", DateMath.YearFromTime);
        Getter(realm, proto, "Month", DateMath.MonthFromTime);
        Getter(realm, proto, "Date", DateMath.DateFromTime);
        Getter(realm, proto, "Day", DateMath.WeekDay);
        Getter(realm, proto, "Hours", DateMath.HourFromTime);
        Getter(realm, proto, "Minutes", DateMath.MinFromTime);
        Getter(realm, proto, "Seconds", DateMath.SecFromTime);
        Getter(realm, proto, "Milliseconds", DateMath.MsFromTime);
        proto.DefineMethod(realm, "setTime", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var d = This(t);
            d.Time = DateMath.TimeClip(Conversions.ToNumber(a.At(0)));
            return JsValue.FromNumber(d.Time);
        });
        foreach (bool utc in (bool[])[false, true])
        {
            string p = utc ? "setUTC" : "set";
            bool u = utc;
            proto.DefineMethod(realm, p + "Milliseconds", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Set(t, a, u, 6, 1));
            proto.DefineMethod(realm, p + "Seconds", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Set(t, a, u, 5, 2));
            proto.DefineMethod(realm, p + "Minutes", 3, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Set(t, a, u, 4, 3));
            proto.DefineMethod(realm, p + "Hours", 4, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Set(t, a, u, 3, 4));
            proto.DefineMethod(realm, p + "Date", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Set(t, a, u, 2, 1));
            proto.DefineMethod(realm, p + "Month", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Set(t, a, u, 1, 2));
            proto.DefineMethod(realm, p + "FullYear", 3, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Set(t, a, u, 0, 3));
        }
        proto.DefineMethod(realm, "toISOString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            double tv = This(t).Time;
            if (double.IsNaN(tv)) Throw.RangeError("Invalid time value");
            return JsValue.FromString(ToIso(tv));
        });
        proto.DefineMethod(realm, "toJSON", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var o = Conversions.ToObject(r, t);
            var tv = Conversions.ToPrimitive(JsValue.FromObject(o), Conversions.Hint.Number);
            if (tv.IsNumber && !double.IsFinite(tv.AsNumber())) return JsValue.Null;
            var fn = o.Get("toISOString");
            return fn._ref is JsFunction f ? f.Call(JsValue.FromObject(o), ReadOnlySpan<JsValue>.Empty) : Throw.TypeError<JsValue>("toISOString is not a function");
        });
        proto.DefineMethod(realm, "toString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(ToDateString(This(t).Time, Format.Full)));
        proto.DefineMethod(realm, "toDateString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(ToDateString(This(t).Time, Format.Date)));
        proto.DefineMethod(realm, "toTimeString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(ToDateString(This(t).Time, Format.Time)));
        proto.DefineMethod(realm, "toLocaleString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(ToDateString(This(t).Time, Format.Full)));
        proto.DefineMethod(realm, "toLocaleDateString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(ToDateString(This(t).Time, Format.Date)));
        proto.DefineMethod(realm, "toLocaleTimeString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(ToDateString(This(t).Time, Format.Time)));
        var toUtcString = proto.DefineMethod(realm, "toUTCString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            double tv = This(t).Time;
            if (double.IsNaN(tv)) return JsValue.FromString("Invalid Date");
            return JsValue.FromString($"{DayNames[(int)DateMath.WeekDay(tv)]}, {DateMath.DateFromTime(tv):00} {MonthNames[(int)DateMath.MonthFromTime(tv)]} {YearString(DateMath.YearFromTime(tv))} {TimeString(tv)} GMT");
        });
        // B.2.3.3: the initial value of toGMTString is the toUTCString function object itself (its name stays "toUTCString").
        proto.DefineValue("toGMTString", JsValue.FromObject(toUtcString));
        proto.DefineMethod(realm, "getYear", 0, GetYear);
        proto.DefineMethod(realm, "setYear", 1, SetYear);
        proto.DefineMethod(realm, WellKnownSymbols.ToPrimitive, "[Symbol.toPrimitive]", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (!t.IsObject) Throw.TypeError("Date.prototype[Symbol.toPrimitive] called on non-object");
            var hint = a.At(0).IsString ? a.At(0).AsString() : "";
            return hint switch
            {
                "string" or "default" => Conversions.OrdinaryToPrimitive(t.AsObject(), Conversions.Hint.String),
                "number" => Conversions.OrdinaryToPrimitive(t.AsObject(), Conversions.Hint.Number),
                _ => Throw.TypeError<JsValue>("Invalid hint: " + Conversions.ToDisplay(a.At(0))),
            };
        }, PropertyFlags.Configurable);
    }

    private static JsDate This(in JsValue v) => v._ref as JsDate ?? Throw.TypeError<JsDate>("this is not a Date object.");

    private static void Getter(Realm realm, JsObject proto, string name, Func<double, double> part)
    {
        proto.DefineMethod(realm, "get" + name, 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            double tv = This(t).Time;
            return JsValue.FromNumber(double.IsNaN(tv) ? double.NaN : part(DateMath.LocalTime(tv)));
        });
        proto.DefineMethod(realm, "getUTC" + name, 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            double tv = This(t).Time;
            return JsValue.FromNumber(double.IsNaN(tv) ? double.NaN : part(tv));
        });
    }

    /// <summary>Date.prototype.getYear (B.2.3.1): YearFromTime(LocalTime(t)) - 1900, NaN for an invalid date.</summary>
    private static JsValue GetYear(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        double t = This(thisValue).Time;
        return JsValue.FromNumber(double.IsNaN(t) ? double.NaN : DateMath.YearFromTime(DateMath.LocalTime(t)) - 1900);
    }

    /// <summary>
    /// Date.prototype.setYear (B.2.3.2). The time value is read before ToNumber(year), so a valueOf that changes the date
    /// does not affect the result; an invalid date counts as local +0 (not LocalTime(+0)). MakeFullYear maps the integer
    /// part of a year in 0..99 to 1900 + it; other years, fractions included, go to MakeDay as they are.
    /// </summary>
    private static JsValue SetYear(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var d = This(thisValue);
        double t = d.Time;
        double y = Conversions.ToNumber(args.At(0));
        t = double.IsNaN(t) ? 0 : DateMath.LocalTime(t);
        double truncated = Math.Truncate(y);
        double yyyy = double.IsNaN(y) ? double.NaN : truncated is >= 0 and <= 99 ? 1900 + truncated : y;
        double day = DateMath.MakeDay(yyyy, DateMath.MonthFromTime(t), DateMath.DateFromTime(t));
        d.Time = DateMath.TimeClip(DateMath.Utc(DateMath.MakeDate(day, DateMath.TimeWithinDay(t))));
        return JsValue.FromNumber(d.Time);
    }

    /// <summary>The setters (§21.4.4.20-28): replace components starting at <paramref name="first"/> (0 year .. 6 ms).</summary>
    private static JsValue Set(in JsValue thisValue, ReadOnlySpan<JsValue> args, bool utc, int first, int maxArgs)
    {
        var d = This(thisValue);
        double t = d.Time;
        if (double.IsNaN(t) && first != 0)
        {
            for (int i = 0; i < Math.Min(args.Length, maxArgs); i++) Conversions.ToNumber(args[i]);
            return JsValue.NaN;
        }
        double lt = double.IsNaN(t) ? 0 : utc ? t : DateMath.LocalTime(t);
        var c = new double[]
        {
            DateMath.YearFromTime(lt), DateMath.MonthFromTime(lt), DateMath.DateFromTime(lt),
            DateMath.HourFromTime(lt), DateMath.MinFromTime(lt), DateMath.SecFromTime(lt), DateMath.MsFromTime(lt),
        };
        int n = Math.Max(1, Math.Min(args.Length, maxArgs));
        for (int i = 0; i < n; i++) c[first + i] = Conversions.ToNumber(args.At(i));
        double newDate = DateMath.MakeDate(DateMath.MakeDay(c[0], c[1], c[2]), DateMath.MakeTime(c[3], c[4], c[5], c[6]));
        d.Time = DateMath.TimeClip(utc ? newDate : DateMath.Utc(newDate));
        return JsValue.FromNumber(d.Time);
    }

    /// <summary>The year of DateString (§21.4.4.41.2) and toUTCString (§21.4.4.43): "-" for a negative year, then at least 4 digits.</summary>
    private static string YearString(double y) => y >= 0 ? ((int)y).ToString("0000", CultureInfo.InvariantCulture) : "-" + ((int)-y).ToString("0000", CultureInfo.InvariantCulture);

    private static string TimeString(double t) =>
        $"{DateMath.HourFromTime(t):00}:{DateMath.MinFromTime(t):00}:{DateMath.SecFromTime(t):00}";

    /// <summary>Date.prototype.toISOString's format (§21.4.1.32), with six-digit years outside 0..9999.</summary>
    public static string ToIso(double tv)
    {
        double y = DateMath.YearFromTime(tv);
        string year = y is >= 0 and <= 9999 ? ((int)y).ToString("0000", CultureInfo.InvariantCulture)
            : (y < 0 ? "-" : "+") + ((int)Math.Abs(y)).ToString("000000", CultureInfo.InvariantCulture);
        return $"{year}-{DateMath.MonthFromTime(tv) + 1:00}-{DateMath.DateFromTime(tv):00}T{TimeString(tv)}.{DateMath.MsFromTime(tv):000}Z";
    }

    /// <summary>ToDateString (§21.4.4.41.4) in V8's format: "Tue Jan 02 2024 10:00:00 GMT+0100 (Zone Name)".</summary>
    public static string ToDateString(double tv, Format format)
    {
        if (double.IsNaN(tv)) return "Invalid Date";
        double t = DateMath.LocalTime(tv);
        double offset = (t - tv) / 60000;
        string date = $"{DayNames[(int)DateMath.WeekDay(t)]} {MonthNames[(int)DateMath.MonthFromTime(t)]} {DateMath.DateFromTime(t):00} {YearString(DateMath.YearFromTime(t))}";
        string sign = offset >= 0 ? "+" : "-";
        double abs = Math.Abs(offset);
        string zone = $"GMT{sign}{Math.Floor(abs / 60):00}{abs % 60:00} ({TimeZoneInfo.Local.StandardName})";
        string time = TimeString(t) + " " + zone;
        return format switch { Format.Date => date, Format.Time => time, _ => date + " " + time };
    }
}
