using System.Globalization;
using System.Text.RegularExpressions;
using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Dates;

/// <summary>A date found in text, where it ended (times follow it), or why it was not a valid date.</summary>
internal readonly record struct DateMatch(DateOnly? Date, int End, string? Problem);

/// <summary>
/// Reads the dates and times minutes are written with: 和暦 (令和/平成/昭和, 元年), Western years,
/// 年度, and time ranges (14時00分～15時00分, 午前10時8分～午前10時36分, 14:00 ~14:40, 14時～15時30分).
/// Input is width-folded first, so full-width digits read like ASCII ones.
/// </summary>
internal static partial class JapaneseDates
{
    /// <summary>A time of day as headers write it (午前１０時, 午後２時３０分, １０時半), for the header readers' patterns.</summary>
    internal const string TimeOfDay = @"(?:午前|午後)?\d{1,2}時(?:\d{1,2}分|半)?";

    /// <summary>The first calendar date in the text (和暦 or Western); null when there is none.</summary>
    public static DateMatch? FindDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = EraDate().Match(text);
        var w = WesternDate().Match(text);
        if (w.Success && (!m.Success || w.Index < m.Index))
        {
            return Build(Int(w.Groups["y"].Value), Int(w.Groups["m"].Value), Int(w.Groups["d"].Value), w.Index + w.Length, w.Value);
        }

        // R7.4.1, H31.4.30, 令和7.4.1: the era abbreviated, the date in figures (a form's or a file list's date).
        var a = AbbreviatedEraDate().Match(text);
        if (a.Success && (!m.Success || a.Index < m.Index))
        {
            m = a;
        }

        if (!m.Success)
        {
            return null;
        }

        var era = m.Groups["era"].Value switch
        {
            "R" => "令和",
            "H" => "平成",
            "S" => "昭和",
            var written => written,
        };
        var eraYear = m.Groups["y"].Value is "元" ? 1 : Int(m.Groups["y"].Value);
        var year = JapaneseEra.ToWesternYear(era, eraYear);
        if (year is null)
        {
            return new DateMatch(null, m.Index + m.Length, $"unknown era in '{m.Value}'");
        }

        return Build(year.Value, Int(m.Groups["m"].Value), Int(m.Groups["d"].Value), m.Index + m.Length, m.Value);
    }

    private static DateMatch Build(int year, int month, int day, int end, string written)
    {
        if (month is < 1 or > 12 || day < 1 || year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            return new DateMatch(null, end, $"'{written}' is not a calendar date");
        }

        return new DateMatch(new DateOnly(year, month, day), end, null);
    }

    /// <summary>The 年度 written in the text (令和5年度 → 2023, 2023年度 → 2023); null when none.</summary>
    public static int? FindFiscalYear(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = EraFiscalYear().Match(text);
        if (m.Success)
        {
            var eraYear = m.Groups["y"].Value is "元" ? 1 : Int(m.Groups["y"].Value);
            return JapaneseEra.ToWesternYear(m.Groups["era"].Value, eraYear);
        }

        var w = WesternFiscalYear().Match(text);
        return w.Success ? Int(w.Groups["y"].Value) : null;
    }

    /// <summary>
    /// The start and end time ("HH:mm") of the first time range in the text from <paramref name="start"/>;
    /// a single time gives only the start. 午後 adds 12 hours, and an end without 午前/午後 takes the
    /// start's (午後2時～4時 ends at 16:00).
    /// </summary>
    public static (string? Start, string? End) FindTimeRange(string text, int start = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var range = TimeRange().Match(text, Math.Clamp(start, 0, text.Length));
        if (range.Success)
        {
            var from = ToTime(range.Groups["am1"].Value, range.Groups["h1"].Value, range.Groups["m1"].Value, range.Groups["half1"].Success, inherit: null);
            var to = ToTime(range.Groups["am2"].Value, range.Groups["h2"].Value, range.Groups["m2"].Value, range.Groups["half2"].Success,
                inherit: range.Groups["am2"].Value.Length == 0 ? range.Groups["am1"].Value : null);
            if (from is not null && to is not null)
            {
                return (Format(from.Value), Format(to.Value));
            }
        }

        var single = SingleTime().Match(text, Math.Clamp(start, 0, text.Length));
        if (single.Success)
        {
            var t = ToTime(single.Groups["am1"].Value, single.Groups["h1"].Value, single.Groups["m1"].Value, single.Groups["half1"].Success, inherit: null);
            return (t is null ? null : Format(t.Value), null);
        }

        return (null, null);
    }

    private static (int H, int M)? ToTime(string meridiem, string hour, string minute, bool half, string? inherit)
    {
        if (meridiem == "正午")
        {
            return (12, 0);
        }

        var h = Int(hour);
        var m = half ? 30 : minute.Length == 0 ? 0 : Int(minute);
        var am = meridiem.Length > 0 ? meridiem : inherit ?? "";
        if (am is "午後" or "PM" or "pm" && h < 12)
        {
            h += 12;
        }
        else if (am is "午前" or "AM" or "am" && h == 12)
        {
            h = 0;
        }

        return h is < 0 or > 24 || m is < 0 or > 59 || (h == 24 && m > 0) ? null : (h, m);
    }

    private static string Format((int H, int M) t) =>
        t.H.ToString("00", CultureInfo.InvariantCulture) + ":" + t.M.ToString("00", CultureInfo.InvariantCulture);

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // 令和7年(2025年)1月24日: the Western year in brackets after the era's, as some 会議録 systems write it, is passed over.
    [GeneratedRegex(@"(?<era>令和|平成|昭和)[ \u3000]*(?<y>元|\d{1,2})[ \u3000]*年(?:[ \u3000]*[（(](?:19|20)\d{2}年[）)])?[ \u3000]*(?<m>\d{1,2})[ \u3000]*月[ \u3000]*(?<d>\d{1,2})[ \u3000]*日", RegexOptions.CultureInvariant)]
    private static partial Regex EraDate();

    [GeneratedRegex(@"(?<![A-Za-z\d.])(?<era>令和|平成|昭和|R|H|S)[ \u3000]*(?<y>元|\d{1,2})[ \u3000]*(?<sep>[./．／])[ \u3000]*(?<m>\d{1,2})[ \u3000]*\k<sep>[ \u3000]*(?<d>\d{1,2})(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex AbbreviatedEraDate();

    [GeneratedRegex(@"(?<![\d.])(?<y>(?:19|20)\d{2})(?:[ \u3000]*年[ \u3000]*(?<m>\d{1,2})[ \u3000]*月[ \u3000]*(?<d>\d{1,2})[ \u3000]*日|[/\-.](?<m>\d{1,2})[/\-.](?<d>\d{1,2})(?![\d]))", RegexOptions.CultureInvariant)]
    private static partial Regex WesternDate();

    [GeneratedRegex(@"(?<era>令和|平成|昭和)[ \u3000]*(?<y>元|\d{1,2})[ \u3000]*年度", RegexOptions.CultureInvariant)]
    private static partial Regex EraFiscalYear();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})[ \u3000]*年度", RegexOptions.CultureInvariant)]
    private static partial Regex WesternFiscalYear();

    private const string OneTime1 = @"(?:(?<am1>正午)|(?<am1>午前|午後|AM|PM|am|pm)?[ \u3000]*(?<h1>\d{1,2})[ \u3000]*(?:時[ \u3000]*(?:(?<m1>\d{1,2})[ \u3000]*分|(?<half1>半))?|[:：][ \u3000]*(?<m1>\d{2})))";
    private const string OneTime2 = @"(?:(?<am2>正午)|(?<am2>午前|午後|AM|PM|am|pm)?[ \u3000]*(?<h2>\d{1,2})[ \u3000]*(?:時[ \u3000]*(?:(?<m2>\d{1,2})[ \u3000]*分|(?<half2>半))?|[:：][ \u3000]*(?<m2>\d{2})))";

    // １０時開始　１５時４６分終了 (a committee's summary record writes its sitting so): the second time must say it ended.
    [GeneratedRegex("(?<!\\d)" + OneTime1 + @"(?:[ \u3000]*(?:[～~〜\-－―ー]|から)[ \u3000]*" + OneTime2 + @"|[ \u3000]*(?:開始|開会|開議)[ \u3000、，,]*" + OneTime2 + @"(?=[ \u3000]*(?:終了|閉会|散会|閉議)))", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRange();

    [GeneratedRegex("(?<!\\d)" + OneTime1, RegexOptions.CultureInvariant)]
    private static partial Regex SingleTime();
}
