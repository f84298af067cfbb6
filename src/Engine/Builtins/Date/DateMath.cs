namespace DualEngine.Engine.Builtins;

/// <summary>Time value arithmetic of §21.4.1 (Day, YearFromTime, MakeDay, MakeDate, TimeClip, LocalTime).</summary>
internal static class DateMath
{
    public const double MsPerDay = 86400000;

    public static double Day(double t) => Math.Floor(t / MsPerDay);
    public static double TimeWithinDay(double t) => Mod(t, MsPerDay);
    private static double Mod(double a, double b) => a - Math.Floor(a / b) * b;

    public static double DaysInYear(double y) => y % 4 != 0 ? 365 : y % 100 != 0 ? 366 : y % 400 != 0 ? 365 : 366;
    public static double DayFromYear(double y) => 365 * (y - 1970) + Math.Floor((y - 1969) / 4) - Math.Floor((y - 1901) / 100) + Math.Floor((y - 1601) / 400);
    public static double TimeFromYear(double y) => MsPerDay * DayFromYear(y);

    public static double YearFromTime(double t)
    {
        double y = Math.Floor(t / (MsPerDay * 365.2425)) + 1970;
        while (TimeFromYear(y) > t) y--;
        while (TimeFromYear(y + 1) <= t) y++;
        return y;
    }

    private static bool InLeapYear(double t) => DaysInYear(YearFromTime(t)) == 366;
    private static double DayWithinYear(double t) => Day(t) - DayFromYear(YearFromTime(t));

    private static readonly int[] CumulativeDays = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    public static double MonthFromTime(double t)
    {
        double d = DayWithinYear(t);
        int leap = InLeapYear(t) ? 1 : 0;
        for (int m = 0; m < 12; m++)
        {
            double end = CumulativeDays[m + 1] + (m >= 1 ? leap : 0);
            if (d < end) return m;
        }
        return 11;
    }

    public static double DateFromTime(double t)
    {
        double d = DayWithinYear(t);
        int m = (int)MonthFromTime(t);
        int leap = InLeapYear(t) && m >= 2 ? 1 : 0;
        return d - CumulativeDays[m] - leap + 1;
    }

    public static double WeekDay(double t) => Mod(Day(t) + 4, 7);
    public static double HourFromTime(double t) => Mod(Math.Floor(t / 3600000), 24);
    public static double MinFromTime(double t) => Mod(Math.Floor(t / 60000), 60);
    public static double SecFromTime(double t) => Mod(Math.Floor(t / 1000), 60);
    public static double MsFromTime(double t) => Mod(t, 1000);

    /// <summary>MakeTime (§21.4.1.27).</summary>
    public static double MakeTime(double h, double m, double s, double ms)
    {
        if (!double.IsFinite(h) || !double.IsFinite(m) || !double.IsFinite(s) || !double.IsFinite(ms)) return double.NaN;
        return Math.Truncate(h) * 3600000 + Math.Truncate(m) * 60000 + Math.Truncate(s) * 1000 + Math.Truncate(ms);
    }

    /// <summary>MakeDay (§21.4.1.28).</summary>
    public static double MakeDay(double year, double month, double date)
    {
        if (!double.IsFinite(year) || !double.IsFinite(month) || !double.IsFinite(date)) return double.NaN;
        double y = Math.Truncate(year), m = Math.Truncate(month), dt = Math.Truncate(date);
        double ym = y + Math.Floor(m / 12);
        if (Math.Abs(ym) > 400000) return double.NaN;
        int mn = (int)Mod(m, 12);
        double day = DayFromYear(ym) + CumulativeDays[mn] + (mn >= 2 && DaysInYear(ym) == 366 ? 1 : 0);
        return day + dt - 1;
    }

    /// <summary>MakeDate (§21.4.1.29).</summary>
    public static double MakeDate(double day, double time) => !double.IsFinite(day) || !double.IsFinite(time) ? double.NaN : day * MsPerDay + time;

    /// <summary>TimeClip (§21.4.1.31).</summary>
    public static double TimeClip(double t) => !double.IsFinite(t) || Math.Abs(t) > 8.64e15 ? double.NaN : Math.Truncate(t) + 0.0;

    /// <summary>The local time zone's offset in ms at UTC time t (§21.4.1.24 LocalTZA for UTC).</summary>
    public static double OffsetAt(double utc)
    {
        if (!double.IsFinite(utc)) return 0;
        var clamped = Math.Clamp(utc, -62135596800000, 253402300799000);
        var dt = DateTimeOffset.FromUnixTimeMilliseconds((long)clamped).UtcDateTime;
        return TimeZoneInfo.Local.GetUtcOffset(dt).TotalMilliseconds;
    }

    public static double LocalTime(double t) => t + OffsetAt(t);

    /// <summary>UTC(t) (§21.4.1.26): local time to UTC.</summary>
    public static double Utc(double local)
    {
        if (!double.IsFinite(local)) return double.NaN;
        double guess = local - OffsetAt(local);
        return local - OffsetAt(guess);
    }

    public static double Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
