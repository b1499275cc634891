using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// Full names in kana with no title in running text: ジョン・スミスから (two katakana words joined by ・,
/// each a given name or surname of the dictionary, which lists foreign names and no loanwords, so
/// パブリック・コメント stays; three words before a particle when the last is a surname, マリア・ルイサ・ガルシアから) and やまだ花子から (a surname in hiragana, then a kanji given name ending as
/// given names do, before から/より/に/、). Masked where they stand, not registered.
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    private void RecognizeKanaFullNames(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        for (var dot = t.IndexOf('・'); dot >= 0; dot = NextDot(t, dot + 1))
        {
            var start = dot;
            while (start > 0 && IsKatakana(t[start - 1]))
            {
                start--;
            }

            var end = dot + 1;
            while (end < t.Length && IsKatakana(t[end]))
            {
                end++;
            }

            if (dot - start < 2 || end - dot - 1 < 2 || (start > 0 && (t[start - 1] is '・' || IsKanji(t[start - 1]))))
            {
                continue;
            }

            if (end < t.Length && t[end] is '・')
            {
                dot = ThreePartName(t, start, dot, end, found);
                continue;
            }

            var first = t[start..dot];
            var last = t[(dot + 1)..end];
            if ((lexicon.IsGivenName(first) || lexicon.IsSurname(first)) && (lexicon.IsSurname(last) || lexicon.IsGivenName(last)))
            {
                found.Add(new NameSpan(start, end - start, "offline:katakana-full-name", 0.75));
            }
        }

        RecognizeHiraganaSurnameNames(t, found);
    }

    /// <summary>
    /// マリア・ルイサ・ガルシアから: three katakana words, the last a surname of the dictionary (which lists
    /// few given names of Spanish or Portuguese), before a particle a person takes. Not a firm that
    /// repeats a name (ジョンソン・エンド・ジョンソン). Returns the second dot, where the search goes on.
    /// </summary>
    private int ThreePartName(ReadOnlySpan<char> t, int start, int dot, int middleEnd, List<NameSpan> found)
    {
        var end = middleEnd + 1;
        while (end < t.Length && IsKatakana(t[end]))
        {
            end++;
        }

        var first = t[start..dot];
        var middle = t[(dot + 1)..middleEnd];
        var last = t[(middleEnd + 1)..end];
        if (middle.Length >= 2 && last.Length >= 2 && (end >= t.Length || t[end] is not '・') && lexicon.IsSurname(last)
            && !first.SequenceEqual(last) && !middle.SequenceEqual(last) && IsParticleAfterName(t, end))
        {
            found.Add(new NameSpan(start, end - start, "offline:katakana-full-name", 0.75));
        }

        return middleEnd;
    }

    private static int NextDot(ReadOnlySpan<char> t, int from)
    {
        var k = from < t.Length ? t[from..].IndexOf('・') : -1;
        return k < 0 ? -1 : from + k;
    }

    /// <summary>Where a name may open in prose: after punctuation, a bracket or a space (a hiragana run elsewhere is mid-phrase).</summary>
    private static readonly System.Buffers.SearchValues<char> NameOpeners = System.Buffers.SearchValues.Create("、。，．「『（(　 \n");

    /// <summary>やまだ花子から: a hiragana surname of the dictionary right after a boundary, a kanji given name, then a particle.</summary>
    private void RecognizeHiraganaSurnameNames(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        for (var i = 0; i < t.Length; i++)
        {
            if (i > 0)
            {
                var b = t[(i - 1)..].IndexOfAny(NameOpeners);
                if (b < 0)
                {
                    return;
                }

                i += b;
            }

            HiraganaSurnameName(t, i, found);
        }
    }

    private void HiraganaSurnameName(ReadOnlySpan<char> t, int i, List<NameSpan> found)
    {
        var k = i;
        while (k < t.Length && IsHiragana(t[k]) && t[k] != 'ー' && k - i < 6)
        {
            k++;
        }

        if (k - i is < 2 or > 5 || k >= t.Length || !IsKanji(t[k]) || !lexicon.IsSurname(t[i..k]))
        {
            return;
        }

        var e = k;
        while (e < t.Length && IsKanji(t[e]) && e - k < 4)
        {
            e++;
        }

        var given = t[k..e];
        if (given.Length is >= 2 and <= 3 && lexicon.IsGivenName(given) && StrongGivenNameEndings.Contains(given[^1]) && IsParticleAfterName(t, e))
        {
            found.Add(new NameSpan(i, e - i, "offline:hiragana-surname-name", 0.7));
        }
    }

    private static bool IsParticleAfterName(ReadOnlySpan<char> t, int at) =>
        at < t.Length && (t[at..].StartsWith("から", StringComparison.Ordinal) || t[at..].StartsWith("より", StringComparison.Ordinal)
            || t[at] is 'に' or '、' or '，' or '。');
}
