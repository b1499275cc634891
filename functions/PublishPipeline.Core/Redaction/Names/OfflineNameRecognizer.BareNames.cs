using System.Buffers;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// Full names in running text with no title, label or roll around them, that the strict pair rule
/// (加藤八郎とする) leaves: 阿子島陽子から (a surname no dictionary has before a known given name),
/// 佐藤ひろしから (a known surname and a hiragana given name before a particle), 長谷部幸子 (a given
/// name that is also a place but ends like a given name), 森下健太郎様に (様 before に or で, which
/// reads as ように elsewhere) and 宮之原修一外１名 (外 and a count after the name). Masked where they
/// stand and not registered: the shape, not structure, found them.
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    private const string BareFullNameRule = "offline:bare-full-name";

    /// <summary>Endings only given names have (陽子, 健太郎, 由美): a run ending so is a person even when the dictionary also lists it as a place.</summary>
    private static readonly SearchValues<char> StrongGivenNameEndings = SearchValues.Create("子郎美恵枝");

    /// <summary>Honorifics a role word is not read before some particles (様に, 様で): after a full name they are still the honorific.</summary>
    private static readonly SearchValues<char> TrailingHonorifics = SearchValues.Create("様氏殿君");

    /// <summary>Kanji numbers in a count (外二名).</summary>
    private static readonly SearchValues<char> CountDigits = SearchValues.Create("0123456789０１２３４５６７８９一二三四五六七八九十");

    /// <summary>A kanji run at <paramref name="start"/> the strict pair rule did not take.</summary>
    private void BareFullName(ReadOnlySpan<char> t, int start, ref RunSplits whole, List<NameSpan> found)
    {
        // 元北浜市職員　山中健太郎: after a post and a space the run is the post's holder, so a surname that is also a
        // word (山中, in the mountains) goes with a given name there as it does before a title.
        var end = start + whole.Run.Length;
        var afterPost = (start >= 2 && IsSpace(t[start - 1]) && IsKanji(t[start - 2]) && RoleWords.RoleLengthEndingAt(t, start - 1) > 0)
            || IsPersonnelMatter(t, end);

        // 山中健太郎証人: 証人 is no title (保証人), but after a full name it is the witness's.
        if (end - start >= 6 && t[(end - 2)..end].SequenceEqual("証人"))
        {
            var name = new RunSplits(this, t[start..(end - 2)]);
            if (IsFullNamePair(ref name) || IsLooseFullName(ref name, followedByGrammar: true, afterPost: true))
            {
                found.Add(new NameSpan(start, name.Run.Length, BareFullNameRule, 0.7));
            }

            return;
        }

        // 森下健太郎様に, 宮之原修一外１名: the name is the run without its honorific or 外.
        if (end - start >= 5 && (TrailingHonorifics.Contains(t[end - 1]) || (t[end - 1] == '外' && end < t.Length && CountDigits.Contains(t[end]))))
        {
            var name = new RunSplits(this, t[start..(end - 1)]);
            if (IsFullNamePair(ref name))
            {
                found.Add(new NameSpan(start, name.Run.Length, "offline:full-name-pair", 0.7));
            }
            else if (IsLooseFullName(ref name, followedByGrammar: true) && !GoesOnAsWord(t, end - 1))
            {
                found.Add(new NameSpan(start, name.Run.Length, BareFullNameRule, 0.7));
            }

            return;
        }

        if (IsLooseFullName(ref whole, followedByGrammar: FollowedByGrammar(t, end), afterPost) && !GoesOnAsWord(t, end))
        {
            found.Add(new NameSpan(start, whole.Run.Length, BareFullNameRule, 0.7));
            return;
        }

        if (KanaGivenNameEnd(t, end, in whole) is var givenEnd and > 0)
        {
            found.Add(new NameSpan(start, givenEnd - start, BareFullNameRule, 0.7));
        }
        else if ((afterPost || IsAppointed(t, start, end) || FromAPerson(t, end)) && FollowedByGrammar(t, end) && IsOneKanjiGivenName(whole.Run))
        {
            found.Add(new NameSpan(start, whole.Run.Length, BareFullNameRule, 0.7));
        }
        else if (afterPost && FollowedByGrammar(t, end) && IsSpacedPairSurname(whole.Run) && !GoesOnAsWord(t, end) && !whole.IsOrdinary())
        {
            // 担当委員　小田切、: a surname the dictionary lists (and no word) is the post's holder.
            found.Add(new NameSpan(start, whole.Run.Length, BareFullNameRule, 0.7));
        }
    }

    /// <summary>Characters that end a place or a building's name (松本城, 川口港), never a one-kanji given name here.</summary>
    private static readonly SearchValues<char> FacilityEnds = SearchValues.Create("城駅港橋川山島寺湖池沢谷浜岡台坂線道通宮社殿窪崎");

    /// <summary>What a 人事案件 or an award does to a person (真壁潤の表彰について, 山中健太郎の任命について).</summary>
    private static readonly string[] PersonnelMatters = ["の表彰", "の任命", "の選任", "の推薦", "の委嘱", "の再任", "の解任", "の罷免"];

    /// <summary>The run ending at <paramref name="end"/> is followed by a 人事案件's words and について: it is the person's name.</summary>
    private static bool IsPersonnelMatter(ReadOnlySpan<char> t, int end)
    {
        foreach (var matter in PersonnelMatters)
        {
            if (t[end..].StartsWith(matter, StringComparison.Ordinal))
            {
                var rest = t[(end + matter.Length)..];
                return rest.StartsWith("について", StringComparison.Ordinal) || rest.StartsWith("に同意", StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>What minutes say a person gave (真壁潤から報告があり, 真壁潤より説明): a report, a question, an answer.</summary>
    private static readonly string[] WhatAPersonGives =
    [
        "報告", "説明", "提出", "意見", "質問", "質疑", "発言", "答弁", "回答", "要望", "提案", "指摘", "挨拶", "あいさつ", "依頼", "連絡",
        "紹介", "申し出", "申出", "補足", "資料",
    ];

    /// <summary>What minutes say is asked of a person (真壁潤に聞く, 真壁潤に尋ねる): asking, not 確認 or 依頼, which things take too.</summary>
    private static readonly string[] WhatAPersonIsAsked = ["聞", "尋ね", "問い合わせ", "伺"];

    /// <summary>
    /// 真壁潤から報告があり, 真壁潤より説明: から or より, then what a person gives, after a surname and a one-kanji given
    /// name the dictionary both know (越水等から被害, 水戸学より学ぶ: a word is where other things come from); so is が before
    /// what a person gives and a verb of doing it (真壁潤が説明し), and に before what is asked of a person (真壁潤に聞く).
    /// </summary>
    private static bool FromAPerson(ReadOnlySpan<char> t, int end)
    {
        var rest = t[end..];
        string[] said;
        if (rest.StartsWith("から", StringComparison.Ordinal) || rest.StartsWith("より", StringComparison.Ordinal))
        {
            rest = rest[2..];
            said = WhatAPersonGives;
        }
        else if (rest.StartsWith('が'))
        {
            // 真壁潤が説明し/する/した: the person does it; 越水等が報告され, 河津桜が説明の中心 are things that are reported or told of.
            rest = rest[1..];
            foreach (var given in WhatAPersonGives)
            {
                if (rest.StartsWith(given, StringComparison.Ordinal))
                {
                    var verb = rest[given.Length..];
                    return verb.StartsWith('し') || verb.StartsWith("する", StringComparison.Ordinal) || verb.StartsWith("いたし", StringComparison.Ordinal);
                }
            }

            return false;
        }
        else if (rest.StartsWith('に'))
        {
            rest = rest[1..];
            said = WhatAPersonIsAsked;
        }
        else
        {
            return false;
        }

        rest = rest.TrimStart("、　 ");
        foreach (var given in said)
        {
            if (rest.StartsWith(given, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>会長に真壁潤を選出: the run between a post and に, and を, is who was appointed to it.</summary>
    private static bool IsAppointed(ReadOnlySpan<char> t, int start, int end) =>
        start >= 2 && t[start - 1] == 'に' && RoleWords.RoleLengthEndingAt(t, start - 1) > 0 && end < t.Length && t[end] == 'を';

    /// <summary>
    /// 会長に真壁潤を選出, 資料１　真壁潤提出資料: the whole run is a surname the dictionary lists (no word, office or
    /// place's end) and a one-kanji given name it lists. The pair rules want two-character given names, so it was published.
    /// Only where a post, a colon, an author's suffix or から/より and a report says a person stands there: in prose a surname-like word and a
    /// one-kanji given name are as often a word (河津桜, 越水等, 水戸学).
    /// </summary>
    private bool IsOneKanjiGivenName(ReadOnlySpan<char> run)
    {
        if (run.Length is < 3 or > 4 || char.IsSurrogate(run[^1]))
        {
            return false;
        }

        var surname = run[..^1];
        var given = run[^1..];
        return lexicon.IsSurname(surname) && !lexicon.IsCommonWord(surname) && !OfficeWords.Contains(surname) && !RoleWords.IsRole(surname)
            && !NotNameStart.Contains(surname[0]) && lexicon.IsGivenName(given) && !Morphemes.Contains(given[0]) && !OfficeEnds.Contains(given[0])
            && !FacilityEnds.Contains(given[0]) && !lexicon.IsWord(run) && !lexicon.IsSurname(run) && !lexicon.IsPlace(run);
    }

    /// <summary>小樽市子ども: the run's last kanji makes an ordinary word with the hiragana after it (子ども), so the run ends no name.</summary>
    private bool GoesOnAsWord(ReadOnlySpan<char> t, int end)
    {
        for (var length = 2; length <= 4 && end - 1 + length <= t.Length && IsHiragana(t[end - 1 + length - 1]); length++)
        {
            if (lexicon.IsCommonWord(t.Slice(end - 1, length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a name before a particle, a mark or the end of the text is followed by (not katakana, letters or digits of a longer word).</summary>
    private static bool FollowedByGrammar(ReadOnlySpan<char> t, int end) =>
        end >= t.Length || IsHiragana(t[end]) || IsSpace(t[end]) || IsOpenParen(t[end]) || IsCloseParen(t[end])
        || t[end] is '、' or '，' or ',' or '。' or '．' or '」' or '』' or '\n' or '\r';

    /// <summary>
    /// A run of 4–6 kanji that is a surname and a known given name (2–3 characters each, the given
    /// name not opening with an office's mark: 小樽|市子 is a city and 子ども): the
    /// surname known (and no ordinary word) and the given name ending like one (長谷部幸子), or a
    /// surname no dictionary has, written in surname characters and splitting into no ordinary words
    /// (not 市債|利子), before a given name that is no
    /// other word, ending where grammar starts (阿子島陽子から). The whole run is no word or compound.
    /// <paramref name="afterPost"/> (the run is a post's holder: 職員　山中健太郎): a surname that is also an ordinary
    /// word goes too, before a given name ending like one or a given name that is no other word, where grammar starts.
    /// </summary>
    private bool IsLooseFullName(ref RunSplits splits, bool followedByGrammar, bool afterPost = false)
    {
        foreach (var k in splits.GivenNameSplits)
        {
            var surname = splits.Run[..k];
            var given = splits.Run[k..];
            if (CodePoints(surname) > 3 || CodePoints(given) > 3 || OfficeWords.Contains(surname) || NotNameStart.Contains(surname[0]) || OfficeEnds.Contains(given[0]))
            {
                continue;
            }

            // The cheap tests first: most runs fail on one of them before a compound check.
            var strongGiven = StrongGivenNameEndings.Contains(given[^1]);
            bool fits;
            if (lexicon.IsSurname(surname) && !lexicon.IsCommonWord(surname))
            {
                fits = strongGiven; // the strict rule took the plain given names already
            }
            else if (afterPost && followedByGrammar && lexicon.IsSurname(surname) && CodePoints(surname) >= 2)
            {
                fits = lexicon.IsGivenName(given) && (strongGiven || (!lexicon.IsWord(given) && !lexicon.IsSurname(given)));
            }
            else
            {
                fits = followedByGrammar && !OfficeEnds.Contains(surname[^1]) && lexicon.HasOnlySurnameCharacters(surname)
                    && (strongGiven || (!lexicon.IsWord(given) && !lexicon.IsSurname(given))) && !lexicon.IsCommonWord(surname)
                    && !RoleWords.IsRole(surname) && !IsCompound(surname, places: false);
            }

            if (fits)
            {
                return !splits.IsOrdinary();
            }
        }

        return false;
    }

    /// <summary>
    /// 佐藤ひろしから: a known surname (the whole kanji run, no ordinary word) and a hiragana given
    /// name the dictionary knows, before a particle. Returns where the given name ends, or 0.
    /// </summary>
    private int KanaGivenNameEnd(ReadOnlySpan<char> t, int end, in RunSplits surnameRun)
    {
        var surname = surnameRun.Run;
        if (end >= t.Length || !IsHiragana(t[end]) || surnameRun.CodePointCount is < 2 or > 3 || !lexicon.IsSurname(surname) || lexicon.IsCommonWord(surname)
            || OfficeWords.Contains(surname))
        {
            return 0;
        }

        // The longest known given name that a particle (or no more hiragana) follows.
        for (var length = Math.Min(5, t.Length - end); length >= 2; length--)
        {
            var ge = end + length;
            var given = t[end..ge];
            if (!AllHiragana(given) || !lexicon.IsGivenName(given) || !IsHiraganaNamePart(given))
            {
                continue;
            }

            if (ge >= t.Length || !IsHiragana(t[ge]) || IsParticle(t[ge]))
            {
                return ge;
            }
        }

        return 0;
    }
}
