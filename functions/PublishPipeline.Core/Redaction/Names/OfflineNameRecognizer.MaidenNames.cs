using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// 旧姓 (a former surname) is a surname by definition: 長谷部幸子（旧姓　佐久間）, 旧姓佐久間の…,
/// 佐久間（旧姓　宮之原）典子. The surname after it is masked; where it is written in brackets inside
/// a name, the surname before the brackets and the given name after them are the same person's.
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    private const string MaidenNameRule = "offline:maiden-name";

    private void MaidenNames(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        for (var at = t.IndexOf("旧姓", StringComparison.Ordinal); at >= 0; at = NextIndexOf(t, "旧姓", at + 2))
        {
            var q = at + 2;
            var separated = false;
            while (q < t.Length && (IsSpace(t[q]) || t[q] is '：' or ':'))
            {
                q++;
                separated = true;
            }

            var e = q;
            while (e < t.Length && IsKanji(t[e]) && e - q < 6)
            {
                e++;
            }

            var surname = t[q..e];
            var closes = e < t.Length && IsCloseParen(t[e]);
            var known = lexicon.IsSurname(surname) && !lexicon.IsCommonWord(surname);
            // 旧姓使用, 旧姓の併記: without a separator or brackets only a surname the dictionary knows is one.
            var taken = !surname.IsEmpty && CodePoints(surname) <= 4 && IsNameBoundary(t, e)
                && (known || ((separated || closes) && !lexicon.IsCommonWord(surname) && !IsCompound(surname, places: false)));
            if (!taken)
            {
                continue;
            }

            found.Add(new NameSpan(q, e - q, MaidenNameRule, 0.85));
            if (!closes || at == 0 || !IsOpenParen(t[at - 1]))
            {
                continue;
            }

            // 佐久間（旧姓　宮之原）典子: the surname before the brackets, the given name after them.
            var open = at - 1;
            var ks = KanjiRunStart(t, open);
            var before = t[ks..open];
            var ge = e + 1;
            while (ge < t.Length && IsKanji(t[ge]) && ge - e <= 3)
            {
                ge++;
            }

            var given = t[(e + 1)..ge];
            if (!given.IsEmpty && (ge >= t.Length || !IsKanji(t[ge])) && lexicon.IsGivenName(given) && CodePoints(before) is >= 1 and <= 3
                && (lexicon.IsSurname(before) || !IsCompound(before, places: false)))
            {
                found.Add(new NameSpan(ks, open - ks, MaidenNameRule, 0.85));
                found.Add(new NameSpan(e + 1, given.Length, MaidenNameRule, 0.85));
            }
        }
    }

    private static int NextIndexOf(ReadOnlySpan<char> t, string value, int from)
    {
        if (from >= t.Length)
        {
            return -1;
        }

        var k = t[from..].IndexOf(value, StringComparison.Ordinal);
        return k < 0 ? -1 : from + k;
    }
}
