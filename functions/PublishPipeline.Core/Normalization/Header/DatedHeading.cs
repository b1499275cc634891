using System.Text.RegularExpressions;
using PublishPipeline.Normalization.Dates;

namespace PublishPipeline.Normalization.Header;

/// <summary>
/// A heading line that is a date, as assembly minutes open: <c>平成２７年３月５日（木曜日）</c>,
/// <c>平成31年３月５日（火曜日）午後１時１分開議</c>, <c>令和５年９月１２日（火）午前１０時開会</c>, in any era
/// (元年 too) and any width of digits; optionally the start time and 開議/開会. A date inside a
/// sentence is not a heading.
/// </summary>
internal static partial class DatedHeading
{
    public static bool IsDatedHeading(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 60 && line.Contains('日', StringComparison.Ordinal) && Line().IsMatch(Cleanup.TextCleanup.RemoveSpaces(Dates.KanjiNumerals.ToDigits(line)));
    }

    /// <summary>A line that is only the opening time (午後一時開議, 午前１０時開会), under a dated heading or in the 議事日程.</summary>
    public static bool IsOpeningTime(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 30 && OpeningTime().IsMatch(Cleanup.TextCleanup.RemoveSpaces(Dates.KanjiNumerals.ToDigits(line)));
    }

    /// <summary>A line that is only an end time (午前１１時２６分閉会), continuing a 日時 field above it.</summary>
    public static bool IsClosingTime(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 30 && ClosingTime().IsMatch(Cleanup.TextCleanup.RemoveSpaces(line));
    }

    /// <summary>
    /// A line that is a month and day alone (<c>1月24日</c>), as a 会議録 system heads a sitting under the year's title
    /// (<c>令和 7年議会運営委員会</c> / <c>1月24日</c>); no year, so it dates nothing.
    /// </summary>
    public static bool IsMonthDayAlone(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 16 && MonthDay().IsMatch(Cleanup.TextCleanup.RemoveSpaces(line));
    }

    [GeneratedRegex(@"^\d{1,2}月\d{1,2}日(?:[（(][月火水木金土日](?:曜日?)?[）)])?$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();

    /// <summary>
    /// The date a title line ends with, after a space: <c>令和6年第3回市会定例会 本会議 第12号 令和6年9月20日</c>,
    /// <c>…（第２号） 本文 2018-03-05</c> (the headings of 会議録検索 systems); null when it ends otherwise.
    /// </summary>
    public static string? DateAtEnd(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var m = TitleEnd().Match(title);
        return m.Success ? m.Groups["date"].Value : null;
    }

    [GeneratedRegex(@"[ \u3000](?<date>(?:令和|平成|昭和)(?:元|\d{1,2})年\d{1,2}月\d{1,2}日(?:[（(][月火水木金土日](?:曜日?)?[）)])?|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})[ \u3000]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleEnd();

    [GeneratedRegex(@"^(?:(?:令和|平成|昭和)(?:元|\d{1,2})|(?:19|20)\d{2})年\d{1,2}月\d{1,2}日(?:[（(][月火水木金土日](?:曜日?)?[）)])?(?:(?:午前|午後)?\d{1,2}時(?:\d{1,2}分)?(?:開議|開会|再開|開始)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();

    [GeneratedRegex(@"^" + JapaneseDates.TimeOfDay + @"(?:開議|開会|開始)$", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningTime();

    [GeneratedRegex(@"^[（(]?" + JapaneseDates.TimeOfDay + @"(?:閉会|散会|閉議|延会|終了)[）)]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingTime();
}
