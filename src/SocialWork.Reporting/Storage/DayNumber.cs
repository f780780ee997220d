using NodaTime;

namespace SocialWork.Reporting;

/// <summary>Converts ISO dates to and from day numbers (days since 1970-01-01) and parses <c>yyyy-MM-dd</c> without allocating.</summary>
internal static class DayNumber
{
    /// <summary>The day number of NodaTime's first ISO date.</summary>
    internal static readonly int MinValue = Period.DaysBetween(new LocalDate(1970, 1, 1), LocalDate.MinIsoValue);

    /// <summary>The day number of NodaTime's last ISO date.</summary>
    internal static readonly int MaxValue = Period.DaysBetween(new LocalDate(1970, 1, 1), LocalDate.MaxIsoValue);

    internal static int From(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        var doy = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe - 719468;
    }

    internal static int From(LocalDate date) => From(date.Year, date.Month, date.Day);

    internal static LocalDate ToDate(int days)
    {
        var z = days + 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - (era * 146097);
        var yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = doy - (((153 * mp) + 2) / 5) + 1;
        var m = mp < 10 ? mp + 3 : mp - 9;
        var y = yoe + (era * 400) + (m <= 2 ? 1 : 0);
        return new LocalDate(y, m, d);
    }

    /// <summary>Parses exactly <c>yyyy-MM-dd</c> (a real calendar day, year 1–9999).</summary>
    internal static bool TryParse(ReadOnlySpan<char> s, out int dayNumber)
    {
        dayNumber = 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }
        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysIn(year, month))
        {
            return false;
        }
        dayNumber = From(year, month, day);
        return true;
    }

    private static int DaysIn(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            var d = c - '0';
            if ((uint)d > 9)
            {
                return false;
            }
            value = (value * 10) + d;
        }
        return true;
    }
}
