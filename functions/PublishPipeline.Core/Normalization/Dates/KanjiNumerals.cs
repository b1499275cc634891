using System.Globalization;
using System.Text;

namespace PublishPipeline.Normalization.Dates;

/// <summary>
/// Dates and times written in kanji numerals, as the Diet and some assemblies print them
/// (令和二年一月二十日, 午後一時開議, 平成三十一年三月五日): each run of 〇一二三四五六七八九十百 right before
/// 年, 月, 日, 時 or 分 becomes ASCII digits. Other runs (一郎, 三木, 第一) are left as written.
/// </summary>
internal static class KanjiNumerals
{
    private const string Digits = "〇一二三四五六七八九";
    private static readonly System.Buffers.SearchValues<char> Numerals = System.Buffers.SearchValues.Create("〇一二三四五六七八九十");

    public static string ToDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Numerals) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var end = i;
            while (end < text.Length && (Digits.Contains(text[end], StringComparison.Ordinal) || text[end] is '十' or '百'))
            {
                end++;
            }

            if (end > i && end < text.Length && text[end] is '年' or '月' or '日' or '時' or '分' && Value(text.AsSpan(i, end - i)) is int value)
            {
                sb.Append(value.ToString(CultureInfo.InvariantCulture));
                i = end;
                continue;
            }

            if (end > i)
            {
                sb.Append(text, i, end - i);
                i = end;
                continue;
            }

            sb.Append(text[i]);
            i++;
        }

        return sb.ToString();
    }

    /// <summary>二十 → 20, 三十一 → 31, 十二 → 12, 二〇一九 → 2019, 百 → 100; null for a run that is no number.</summary>
    private static int? Value(ReadOnlySpan<char> run)
    {
        if (!run.ContainsAny('十', '百'))
        {
            // 二〇一九: digit by digit.
            var n = 0;
            foreach (var c in run)
            {
                n = (n * 10) + Digits.IndexOf(c, StringComparison.Ordinal);
            }

            return run.Length <= 4 ? n : null;
        }

        var total = 0;
        var current = 0;
        foreach (var c in run)
        {
            if (c == '百')
            {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else
            {
                current = Digits.IndexOf(c, StringComparison.Ordinal);
            }
        }

        return total + current;
    }
}
