using System.Text.RegularExpressions;

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
        return line.Length <= 60 && line.Contains('日', StringComparison.Ordinal) && Line().IsMatch(Cleanup.TextCleanup.RemoveSpaces(line));
    }

    /// <summary>A line that is only an end time (午前１１時２６分閉会), continuing a 日時 field above it.</summary>
    public static bool IsClosingTime(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 30 && ClosingTime().IsMatch(Cleanup.TextCleanup.RemoveSpaces(line));
    }

    [GeneratedRegex(@"^(?:(?:令和|平成|昭和)(?:元|\d{1,2})|(?:19|20)\d{2})年\d{1,2}月\d{1,2}日(?:[（(][月火水木金土日](?:曜日?)?[）)])?(?:(?:午前|午後)?\d{1,2}時(?:\d{1,2}分)?(?:開議|開会|再開|開始)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();

    [GeneratedRegex(@"^[（(]?(?:午前|午後)?\d{1,2}時(?:\d{1,2}分|半)?(?:閉会|散会|閉議|延会|終了)[）)]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingTime();
}
