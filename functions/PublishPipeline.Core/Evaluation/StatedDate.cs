using System.Globalization;
using System.Text.RegularExpressions;

namespace PublishPipeline.Evaluation;

/// <summary>
/// Whether an upload states the date of its meeting, read on its own (not by the normaliser): the
/// first full date (和暦 with 元年, Western 年月日, or ISO yyyy-mm-dd, digits of any width) on a short
/// line (at most 60 characters: a heading or a header field, not a sentence of speech that cites
/// a date) among the document's first 60 lines. Documents whose head gives no full date (a mayor's
/// address headed 平成28年第１回定例会) do not state one.
/// </summary>
public static partial class StatedDate
{
    private const int HeadLines = 60;
    private const int ShortLine = 60;

    public static DateOnly? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SpeakerMarkerCount.SplitLines(text);
        for (var i = 0; i < lines.Count && i < HeadLines; i++)
        {
            var line = SpeakerMarkerCount.Comparable(lines[i]);
            if (line.Length > ShortLine)
            {
                continue;
            }

            if (Era().Match(line) is { Success: true } e)
            {
                var offset = e.Groups["era"].Value switch { "令和" => 2018, "平成" => 1988, "昭和" => 1925, _ => 0 };
                var year = (e.Groups["y"].Value == "元" ? 1 : Int(e.Groups["y"].Value)) + offset;
                if (Make(year, e.Groups["m"].Value, e.Groups["d"].Value) is { } d)
                {
                    return d;
                }
            }

            if (Western().Match(line) is { Success: true } w && Make(Int(w.Groups["y"].Value), w.Groups["m"].Value, w.Groups["d"].Value) is { } wd)
            {
                return wd;
            }
        }

        return null;
    }

    private static DateOnly? Make(int year, string month, string day)
    {
        var m = Int(month);
        var d = Int(day);
        return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year, m) ? new DateOnly(year, m, d) : null;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<era>令和|平成|昭和)(?<y>元|\d{1,2})年(?<m>\d{1,2})月(?<d>\d{1,2})日", RegexOptions.CultureInvariant)]
    private static partial Regex Era();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})(?:年(?<m>\d{1,2})月(?<d>\d{1,2})日|-(?<m>\d{2})-(?<d>\d{2})(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex Western();
}
