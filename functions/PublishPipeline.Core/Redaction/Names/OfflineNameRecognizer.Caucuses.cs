using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// A 会派 (a council's caucus) is public, but one named after its member holds the member's name:
/// 山田クラブ, ネット未来・佐藤, 無所属の会　田中 (the last read with the organisations, as a 会派 before a
/// space). The 会派 word stays and the name is masked; a word there that the dictionary lists as no
/// name nor as an ordinary word cannot be told from a member's unknown surname, so it is masked and the
/// document held (<see cref="UnsureCaucusRule"/>). 会派 named by words (市民クラブ, 自民県政クラブ) stay.
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    private const string CaucusRule = "offline:caucus";

    /// <summary>The rule of a word in a 会派's name that may be a member's name or a word (山田クラブ): masked, and the document held unless the register names the person.</summary>
    public const string UnsureCaucusRule = "offline:caucus-unsure";

    /// <summary>Endings of a 会派's name before a space and a member (無所属の会　田中, 市民党　佐藤).</summary>
    private static readonly string[] CaucusEndings = ["クラブ", "の会", "会派", "党"];

    /// <summary>The short names of parties that 会派 go by before ・ and a member (自民・佐藤, 公明・鈴木, れいわ・加藤).</summary>
    private static readonly string[] PartyAbbreviations = ["自民", "公明", "立憲", "維新", "共産", "国民", "社民", "れいわ", "無所属"];

    /// <summary>Particles after a member's name (ネット未来・佐藤の, …・佐藤は, and から, より); other kana go on a word (…・子育て).</summary>
    private const string CaucusParticles = "のはがをにともへや";

    private void NamesInCaucuses(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        // 山田クラブ: the kanji run right before クラブ.
        for (var at = t.IndexOf("クラブ", StringComparison.Ordinal); at >= 0; at = NextIndexOf(t, "クラブ", at + 3))
        {
            var start = KanjiRunStart(t, at);
            if (start < at && (start == 0 || !IsKatakana(t[start - 1])))
            {
                // 阿子島クラブ: a word no dictionary has, in surname characters, may be the member's surname (held);
                // 会派 words of their own are mostly words (民主, 清風) or compounds (自民県政, 福岡市民).
                MemberInCaucus(t[start..at], start, unknownIsUnsure: lexicon.HasOnlySurnameCharacters(t[start..at]), found);
            }
        }

        // ネット未来・佐藤: a 会派 word mixing katakana and kanji (or ending like one), ・, then a name up to where the text goes on.
        for (var at = t.IndexOf('・'); at >= 0; at = NextIndexOf(t, "・", at + 1))
        {
            var end = at + 1;
            while (end < t.Length && IsKanji(t[end]) && end - at <= 4)
            {
                end++;
            }

            if (end > at + 1 && (end >= t.Length || (!IsKanji(t[end]) && !IsKatakana(t[end]) && (!IsHiragana(t[end]) || CaucusParticles.Contains(t[end])
                    || t[end..].StartsWith("から", StringComparison.Ordinal) || t[end..].StartsWith("より", StringComparison.Ordinal))))
                && CaucusBefore(t, at) is { Caucus: true } caucus)
            {
                MemberInCaucus(t[(at + 1)..end], at + 1, unknownIsUnsure: caucus.Mixed, found);
            }
            else if (end > at + 1 && end < t.Length && (CalledFrom(t[end..]) || QuestionOf(t[end..])) && KanjiCaucusBefore(t, at))
            {
                // 新政・佐藤から, 新政・佐藤の質問: a 会派 of kanji alone, as a chair calls a member (次に、新政・佐藤から…,
                // …新政・佐藤の一般質問を許します). Kanji words are joined by ・ everywhere (児童・生徒から, 海・森から), so only a
                // dictionary surname of two kanji or more that is no place is masked, and held where it is a word too or no
                // word the dictionary has in surname characters (新政・阿子島から), as before クラブ.
                var run = t[(at + 1)..end];
                if (CodePoints(run) >= 2 && !lexicon.IsPlace(run))
                {
                    MemberInCaucus(run, at + 1, unknownIsUnsure: lexicon.HasOnlySurnameCharacters(run), found);
                }
                else if (CodePoints(run) >= 2 && lexicon.IsSurname(run) && !HasRole(run) && (QuestionOf(t[end..]) || GivesWhatAPersonGives(t[(end + 2)..])))
                {
                    // 新政・高嶋から質問, 新政・高嶋の質問: a surname that is also a place (山陰・松江から来た is two places) is
                    // masked and held only where a question, a report or an answer comes from it, as from a member.
                    found.Add(new NameSpan(at + 1, run.Length, UnsureCaucusRule, 0.7));
                }
            }
        }
    }

    /// <summary>
    /// How the word before ・ at <paramref name="at"/> reads: as a 会派 that mixes katakana and kanji (ネット未来),
    /// one that ends as a 会派 does (…の会, …党), or neither (防災・減災, ハード・ソフト).
    /// </summary>
    private static (bool Caucus, bool Mixed) CaucusBefore(ReadOnlySpan<char> t, int at)
    {
        var start = at;
        while (start > 0 && (IsKanji(t[start - 1]) || IsKatakana(t[start - 1])) && at - start < 12)
        {
            start--;
        }

        var word = t[start..at];
        foreach (var party in PartyAbbreviations)
        {
            // 自民・佐藤: the whole word before ・ is the party (れいわ is read back over its hiragana).
            if (word.SequenceEqual(party)
                || (word.IsEmpty && IsHiragana(party[0]) && t[..at].EndsWith(party, StringComparison.Ordinal) && (at == party.Length || !IsHiragana(t[at - party.Length - 1]))))
            {
                return (true, false);
            }
        }

        bool kana = false, kanji = false;
        foreach (var c in word)
        {
            kana |= IsKatakana(c) && c is not ('ー' or 'ｰ');
            kanji |= IsKanji(c);
        }

        var mixed = kana && kanji;
        return (mixed || IsCaucusName(word) || IsAssociation(t[..at]), mixed);
    }

    /// <summary>から or より: how a chair names the member a 会派 sends (新政・佐藤から質疑の申出が…, …より報告).</summary>
    private static bool CalledFrom(ReadOnlySpan<char> after) =>
        after.StartsWith("から", StringComparison.Ordinal) || after.StartsWith("より", StringComparison.Ordinal);

    /// <summary>
    /// の and a question (の質問, の一般質問, の代表質疑): how a chair gives a member the floor (新政・佐藤の質問を許します).
    /// の after a pair of kanji words is everywhere (児童・生徒の安全), so only a question after it calls a member.
    /// </summary>
    private static bool QuestionOf(ReadOnlySpan<char> after)
    {
        if (!after.StartsWith("の", StringComparison.Ordinal))
        {
            return false;
        }

        var end = 1;
        while (end < after.Length && IsKanji(after[end]) && end <= 6)
        {
            end++;
        }

        var kind = after[1..end];
        return kind.Contains("質問", StringComparison.Ordinal) || kind.Contains("質疑", StringComparison.Ordinal);
    }

    /// <summary>What comes after から or より is what a person gives (質問, 報告, 答弁).</summary>
    private static bool GivesWhatAPersonGives(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart("、　 ");
        foreach (var given in WhatAPersonGives)
        {
            if (rest.StartsWith(given, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 新政・佐藤: a word of two to four kanji alone before ・ (not the end of a longer kanji or katakana word), not a place
    /// (東京・大阪から is two cities). Whether it is a 会派 is told by the name after it.
    /// </summary>
    private bool KanjiCaucusBefore(ReadOnlySpan<char> t, int at)
    {
        var start = at;
        while (start > 0 && IsKanji(t[start - 1]) && at - start < 5)
        {
            start--;
        }

        var word = t[start..at];
        return CodePoints(word) is >= 2 and <= 4 && (start == 0 || !(IsKatakana(t[start - 1]) || IsKanji(t[start - 1])))
            && !lexicon.IsPlace(word);
    }

    /// <summary>Bodies that end in 会 and are no 会派 (議会・行政, 委員会・学校, 社会・経済).</summary>
    private static readonly string[] BodiesEndingInKai = ["議会", "委員会", "部会", "社会", "大会", "総会", "学会", "協会", "機会", "国会", "教会"];

    /// <summary>
    /// 市政会・佐藤, 清流会・森, 市民の会・小野, みらい会・中村: a 会派 named as an association, two or more characters
    /// (kanji, or kana, or …の) and 会, not a body that ends so (議会, 委員会, 社会). Only a listed name after it is masked.
    /// </summary>
    private static bool IsAssociation(ReadOnlySpan<char> before)
    {
        if (before.Length < 3 || before[^1] != '会' || !(IsKanji(before[^2]) || IsHiragana(before[^2]) || IsKatakana(before[^2]))
            || !(IsKanji(before[^3]) || IsHiragana(before[^3]) || IsKatakana(before[^3])))
        {
            return false;
        }

        foreach (var body in BodiesEndingInKai)
        {
            if (before.EndsWith(body, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCaucusName(ReadOnlySpan<char> token)
    {
        foreach (var ending in CaucusEndings)
        {
            if (token.Length > ending.Length && token.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The member's name in a 会派: a surname (or full name) the dictionary lists and no ordinary word is masked;
    /// one that is also a word (山田 is one; so is 清風, a 会派 word) is masked and held. A run the dictionary
    /// does not know is held only after a 会派 that mixes katakana and kanji and ・ (<paramref name="unknownIsUnsure"/>):
    /// before クラブ it is mostly a 会派 word of its own (創生クラブ), and the dictionary lacks many words (防災・減災).
    /// </summary>
    private void MemberInCaucus(ReadOnlySpan<char> run, int start, bool unknownIsUnsure, List<NameSpan> found)
    {
        // 清流会・森: a one-kanji surname, the whole member, as 自民・林 writes it (IsListedName wants two characters).
        if (IsListedName(run) || (CodePoints(run) == 1 && lexicon.IsSurname(run) && !Morphemes.Contains(run[0])))
        {
            found.Add(new NameSpan(start, run.Length, CaucusRule, 0.85));
        }
        else if (CodePoints(run) is >= 2 and <= 4 && !OfficeEnds.Contains(run[^1]) && !HasRole(run)
            && ((lexicon.IsSurname(run) && lexicon.IsCommonWord(run))
                || (unknownIsUnsure && !lexicon.IsWord(run) && !IsCompound(run))))
        {
            found.Add(new NameSpan(start, run.Length, UnsureCaucusRule, 0.7)); // 山田クラブ, ネット未来・阿子島
        }
    }
}
