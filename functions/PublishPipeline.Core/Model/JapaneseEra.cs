namespace PublishPipeline.Model;

/// <summary>
/// The Japanese eras (元号) the pipeline reads and writes. Kept as a table rather than
/// <see cref="System.Globalization.JapaneseCalendar"/>, whose era data comes from ICU and is absent
/// with invariant globalisation; minutes before 昭和 are out of scope.
/// </summary>
public static class JapaneseEra
{
    private static readonly (string Name, DateOnly Start)[] Eras =
    [
        ("令和", new DateOnly(2019, 5, 1)),
        ("平成", new DateOnly(1989, 1, 8)),
        ("昭和", new DateOnly(1926, 12, 25)),
    ];

    /// <summary>The Western year of year <paramref name="eraYear"/> (1 = 元年) of <paramref name="era"/>; null for an unknown era.</summary>
    public static int? ToWesternYear(string era, int eraYear)
    {
        foreach (var (name, start) in Eras)
        {
            if (name == era)
            {
                return start.Year + eraYear - 1;
            }
        }

        return null;
    }

    /// <summary>The era a date falls in and its era year, e.g. 2019-05-01 → (令和, 1).</summary>
    public static (string Era, int Year)? FromDate(DateOnly date)
    {
        foreach (var (name, start) in Eras)
        {
            if (date >= start)
            {
                return (name, date.Year - start.Year + 1);
            }
        }

        return null;
    }

    /// <summary>令和元年5月1日 style; 元年 for the first year, as official documents write it.</summary>
    public static string? Format(DateOnly date) =>
        FromDate(date) is var (era, year)
            ? $"{era}{(year == 1 ? "元" : year.ToString(System.Globalization.CultureInfo.InvariantCulture))}年{date.Month}月{date.Day}日"
            : null;

    /// <summary>年度 (April–March) of a date, as a Western year.</summary>
    public static int FiscalYear(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;
}
