using System.Text;
using System.Text.RegularExpressions;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// The roll call of a 町村議会's standard minutes form: under 応（不応）招議員及び出席並びに欠席議員, a count
/// (<c>出席１０名　欠席１名</c>), a legend (<c>凡例　○出席を示す　△欠席を示す　×不応招を示す</c>), column heads
/// (<c>議席番号　氏　名　出欠等の別</c>) and rows of a seat number, a name and a mark, two or three members
/// to a line (<c>１　佐　藤　花　子　○　　６　中　村　和　也　△</c>). Before, none of it was a roll: the header
/// ended at the heading and the table was published as text, its names found only by the redactor's patterns.
/// The marks (who was there) are not kept: the members are one roll, as the heading names them.
/// </summary>
internal static partial class AttendanceTable
{
    /// <summary>The count, the legend or the column heads: lines of the table that name nobody.</summary>
    public static bool IsFurniture(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var compact = Cleanup.TextCleanup.RemoveSpaces(line);
        return Count().IsMatch(compact) || compact.StartsWith("凡例", StringComparison.Ordinal)
            || (compact.Contains("氏名", StringComparison.Ordinal) && (compact.Contains("出欠", StringComparison.Ordinal) || compact.Contains("議席", StringComparison.Ordinal))
                && !compact.Any(IsMark));
    }

    /// <summary>The members the count line states (出席１０名　欠席１名: 11), or null.</summary>
    public static int? Stated(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = Count().Match(Cleanup.TextCleanup.RemoveSpaces(line));
        if (!m.Success)
        {
            return null;
        }

        var total = 0;
        foreach (Capture c in m.Groups["n"].Captures)
        {
            total += int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return total;
    }

    /// <summary>
    /// A row of (seat, name, mark) cells written as seat entries (<c>１番　佐　藤　花　子　　　　６番　…</c>) for
    /// <see cref="RollEntries"/>; null unless the whole line is such cells.
    /// </summary>
    public static string? AsSeatEntries(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim(' ', '\u3000', '\t');
        var at = 0;
        var entries = new StringBuilder();
        foreach (Match m in Cell().Matches(text))
        {
            if (text.AsSpan(at, m.Index - at).Trim(" \u3000\t").Length > 0)
            {
                return null;
            }

            if (entries.Length > 0)
            {
                entries.Append("\u3000\u3000\u3000\u3000");
            }

            entries.Append(m.Groups["seat"].Value).Append('番').Append('\u3000').Append(m.Groups["name"].Value);
            at = m.Index + m.Length;
        }

        return entries.Length > 0 && text.AsSpan(at).Trim(" \u3000\t").Length == 0 ? entries.ToString() : null;
    }

    private static bool IsMark(char c) => c is '○' or '〇' or '◯' or '△' or '×' or '▲' or '□' or '■' or '●' or '◎';

    [GeneratedRegex(@"^(?:(?:応招|不応招|出席|欠席|公務欠席)(?<n>\d{1,3})[名人])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Count();

    /// <summary>A seat number, a name (its characters spaced out or not) and an attendance mark.</summary>
    [GeneratedRegex(@"(?<seat>\d{1,2})[ \u3000]+(?<name>[^\s\d○〇◯△×▲□■●◎](?:[ \u3000]{0,4}[^\s\d○〇◯△×▲□■●◎]){0,9}?)[ \u3000]+[○〇◯△×▲□■●◎](?=[ \u3000\t]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Cell();
}
