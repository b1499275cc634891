using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// 大河内誠一（おおこうち　せいいち）氏を任命: 人事案件 print a nominee's reading in brackets after the
/// name, and the reading names the person as plainly as the kanji. After a name found, a bracket
/// holding only hiragana (and spaces between surname and given name) is masked with it.
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    private static void NameReadings(ReadOnlySpan<char> t, List<NameSpan> found, int from)
    {
        for (var k = from; k < found.Count; k++)
        {
            var open = found[k].Start + found[k].Length;
            if (open >= t.Length || !IsOpenParen(t[open]))
            {
                continue;
            }

            var close = open + 1;
            var kana = 0;
            while (close < t.Length && close - open <= 20 && (IsHiragana(t[close]) || IsSpace(t[close])))
            {
                kana += IsHiragana(t[close]) ? 1 : 0;
                close++;
            }

            if (kana >= 2 && close < t.Length && IsCloseParen(t[close]) && !IsSpace(t[open + 1]))
            {
                found.Add(new NameSpan(open + 1, close - open - 1, "offline:name-reading", found[k].Confidence));
            }
        }
    }
}
