using System.Buffers;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>Where a piece of text sits in the minutes: the rules trust structure more than prose.</summary>
public enum NameContext
{
    /// <summary>Running text (a turn, a heading, a result line).</summary>
    Text,
    /// <summary>A speaker label as written (柴崎委員(会長), 齊藤副区長, 本部長, ○山田委員長).</summary>
    SpeakerLabel,
    /// <summary>One entry of an attendance roll (柴崎委員(会長), 富　山　悦　子, 区長).</summary>
    AttendeeMember,
}

/// <summary>
/// Finds personal names without any network: a name is what stands before a role or honorific
/// (委員, 会長, 課長, 議員, 氏, さん, 様, 君 …), what a speaker label or roll entry holds besides its
/// role, or a roll name written with spaces between the characters. IPADIC's surnames and given
/// names say where a name starts; its ordinary words say when the text before 課長 is an office
/// (情報公開課長) rather than a person. Names no dictionary has (太巻, 阿子島, かとうぎ) are taken
/// from context when they are not made of ordinary words.
/// Runs in one pass over the text with span lookups; allocates only the spans it returns.
/// </summary>
public sealed partial class OfflineNameRecognizer : IPersonNameRecognizer
{
    public const string RecognizerName = "offline";

    private const int MaxRun = 12;

    /// <summary>Single characters that build office, rank and counter compounds (情報公開<b>課</b>, 課長補佐<b>級</b>, 1<b>番</b>).</summary>
    internal static readonly SearchValues<char> Morphemes = SearchValues.Create("課部局室係所区市町村県都府道省庁会団党校院館園署班組議委副本総各全元前新旧第当同番号回期名人日月年時分条項点件長員者側官士師生方内外中上下次代兼故皆諸級");

    /// <summary>Characters a name never starts with: roll counters and prefixes (1<b>番</b>, <b>副</b>会長, <b>各</b>委員).</summary>
    private static readonly SearchValues<char> NotNameStart = SearchValues.Create("番号第副各全同当両諸故兼皆");

    /// <summary>Single characters an office name ends with (情報管理課, 事務局): not a person's name.</summary>
    private static readonly SearchValues<char> OfficeEnds = SearchValues.Create("課部局室係所区市町村県都府省庁会団党校院館園署班組側");

    /// <summary>
    /// Department and committee words that are also in the surname list (財政, 企画 …): before a role
    /// they name the office (財政課長, 総務委員), not a person.
    /// </summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OfficeWords = new HashSet<string>(
    [
        "財政", "企画", "総務", "人事", "広報", "経理", "会計", "庶務", "管理", "法務", "税務", "教育", "福祉", "保健", "環境", "土木",
        "建築", "都市", "営繕", "防災", "危機", "情報", "秘書", "監査", "選挙", "議会", "文化", "国際", "市民", "区民", "住民", "障害",
        "高齢", "介護", "医療", "衛生", "清掃", "道路", "公園", "交通", "産業", "商工", "観光", "農政", "契約", "用地", "施設", "学務",
        "指導", "図書", "納税", "課税", "戸籍", "年金", "国保", "保険", "生活", "援護", "調整", "政策", "計画", "推進", "振興", "対策",
        "整備", "開発", "支援", "相談", "事業", "業務", "運営", "統計", "行政", "文教", "厚生", "建設", "経済", "予算", "決算", "特別",
        "常任", "専門", "学識", "公募", "臨時", "新任", "前任", "後任", "担当", "所管", "主管", "関係", "出席", "欠席", "代理", "全体",
        "協働", "共生", "参画", "広聴", "連携", "交流", "創生",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Hiragana sequences that belong to grammar, not names (それでは, について …).</summary>
    private static readonly string[] FunctionPatterns =
    [
        "では", "には", "とは", "ます", "です", "した", "ない", "ので", "から", "まで", "より", "など", "ども", "れる", "られ",
        "って", "こと", "もの", "ところ", "として", "おり", "ござ", "いた", "だい", "くだ", "ましょ", "でしょ", "けど", "けれ",
        "たら", "なら", "ても", "でも", "ませ", "なく", "しく", "よう", "ため", "たち", "だけ", "しか", "しい", "いう", "ついて",
        "おいて", "および", "ならび", "または", "あるい", "それ", "これ", "あれ", "どれ", "この", "その", "あの", "どの",
        "やはり", "やっぱ", "また", "さらに", "まず", "ぜひ", "もう", "すでに", "ただ", "なお", "もし", "まさに", "とくに", "ちょっと",
        "あまり", "かなり", "よく", "ずっと", "いつも", "すぐ", "ほぼ", "まだ", "もっと", "いずれ", "むしろ", "かつ", "しかも", "つまり",
        "ちなみに", "あらため", "たに", "ほか", "ほど", "ごと", "ずつ", "ばかり", "くらい", "ぐらい", "ども",
    ];

    /// <summary>Words before さん/様/君 that are not names (皆さん, たくさん, お母さん is caught as kanji).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HiraganaStop = new HashSet<string>(
    [
        "たく", "みな", "みんな", "おこ", "おば", "おじ", "ばあ", "じい", "おばあ", "おじい", "かあ", "とう", "おかあ", "おとう", "ねえ",
        "にい", "おねえ", "おにい", "おく", "あか", "おきゃく", "おいしゃ", "おまわり", "ひめ", "おひめ", "あなた", "きみ", "ぼく",
        "わたし", "だれ", "どなた", "どちら", "こちら", "そちら", "あちら", "みなさま", "おのおの", "おきゃくさま",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly NameLexicon lexicon;

    public OfflineNameRecognizer(NameLexicon? lexicon = null) => this.lexicon = lexicon ?? NameLexicon.Default;

    public string Name => RecognizerName;

    public NameLexicon Lexicon => lexicon;

    public Task<IReadOnlyList<NameSpan>> RecognizeAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<NameSpan>();
        Recognize(text, NameContext.Text, found);
        return Task.FromResult<IReadOnlyList<NameSpan>>(found);
    }

    /// <summary>Adds the names in <paramref name="text"/> to <paramref name="found"/> (offsets into <paramref name="text"/>).</summary>
    public void Recognize(ReadOnlySpan<char> text, NameContext context, List<NameSpan> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (text.IsEmpty)
        {
            return;
        }

        // 担当：鈴木花子, 株式会社ミライ　高橋次郎, 伊藤四郎作成, 佐藤邸: labels and organisations around a name.
        var before = found.Count;
        RecognizeLabelled(text, found);
        if (context == NameContext.Text)
        {
            RecognizeProse(text, found);
            NamesAcrossLineBreaks(text, found);
            NameReadings(text, found, before);
            return;
        }

        RecognizeLabel(text, context, found);
    }

    private void RecognizeProse(ReadOnlySpan<char> text, List<NameSpan> found)
    {
        RecognizeText(text, found, map: default, structural: false);
        RecognizeSpacedNames(text, found);
        RecognizeFullNamePairs(text, found);
        RecognizeSpacedPairs(text, found);
        RecognizeTitledSpacedPairs(text, found);
        RecognizeNameCellsAfterOffices(text, found);
        RecognizeAttributions(text, found);
        RecognizeSelfIntroductions(text, found);
        RecognizeAttendanceNotes(text, found);
        RecognizeLatinNamesBeforeParticles(text, found);
        RecognizeKanaFullNames(text, found);
    }

    // ---- running text: names before roles -------------------------------------------------

    /// <returns>Whether any role word occurs in the text (found or not).</returns>
    private bool RecognizeText(ReadOnlySpan<char> t, List<NameSpan> found, ReadOnlySpan<int> map, bool structural)
    {
        var sawRole = false;
        var i = 0;
        while ((i = IndexOfAnyFrom(t, i, RoleWords.FirstChars)) >= 0)
        {
            var role = RoleWords.MatchAt(t, i);
            if (role is null)
            {
                i++;
                continue;
            }

            sawRole = true;
            NameBefore(t, i, role, found, map, structural);
            ListBeforeEach(t, i, found, map);
            i += role.Text.Length;

            // ○副議長（大河原）: the name in brackets right after the role; スミス先生（北浜大学）: an
            // organisation there is the person's affiliation, public.
            if (i < t.Length && IsOpenParen(t[i]))
            {
                var close = t[(i + 1)..Math.Min(t.Length, i + 10)].IndexOfAny('）', ')');
                if (close > 0 && !OrganisationMarks.EndsText(t[(i + 1)..(i + 1 + close)]))
                {
                    BareName(t, i + 1, i + 1 + close, NameContext.SpeakerLabel, found, map);
                }
            }
        }

        return sawRole;
    }

    private void NameBefore(ReadOnlySpan<char> t, int roleStart, RoleWord role, List<NameSpan> found, ReadOnlySpan<int> map, bool structural)
    {
        var end = roleStart;
        if (end == 0)
        {
            return;
        }

        var c = t[end - 1];
        if (role.Text == "先生方" && !IsKanji(c))
        {
            return; // the teachers: a name is written in kanji before it (岩淵先生方), an adverb in kana (しっかり先生方も)
        }

        if (IsCloseParen(c))
        {
            ParenthesisedGivenName(t, end, found, map);
            return;
        }

        if (IsHiragana(c) && c != 'ー')
        {
            HiraganaName(t, end, role, found, map, structural);
            return;
        }

        if (IsKatakana(c) && role.Kind != RoleKind.Office)
        {
            if (!SurnameAndKatakanaName(t, end, found, map))
            {
                KatakanaName(t, end, role, found, map);
            }

            return;
        }

        if (IsLatinLetter(c))
        {
            LatinName(t, end, role, found, map);
            return;
        }

        if (IsKanji(c))
        {
            var start = KanjiRunStart(t, end);
            if (MixedScriptName(t, start, end, found, map))
            {
                return;
            }

            if (role.Kind != RoleKind.Honorific && SurnameBeforeCouncilOffice(t[start..end]) is > 0 and var surnameLength)
            {
                Add(found, map, start, surnameLength, "offline:role-lexicon", 0.88);
                ListBefore(t, start, found, map);
                return;
            }

            var left = start > 0 ? t[start - 1] : '\0';
            // 三原修元議員, 山田・佐藤両委員: 元 (former) and 両 (both) belong to the title when the run before them is a name by itself.
            var nameEnd = end;
            var title = role;
            if (role.Kind != RoleKind.Honorific && end - start >= 3 && (t[end - 1] == '元' || (t[end - 1] == '両' && JoinerBefore(t, start) > 0)))
            {
                nameEnd = end - 1;
                title = role with { Text = t[nameEnd] + role.Text }; // 元市長 is no place's head: 中松元市長 is not 中松 (a place) + its mayor
            }

            var decided = DecideKanjiRun(t[start..nameEnd], title, left, structural, out var nameStart, out var confidence, out var rule);
            if (!decided && nameEnd != end)
            {
                nameEnd = end; // not a name without it: 元 or 両 is the name's own (小貫元)
                decided = DecideKanjiRun(t[start..end], role, left, structural, out nameStart, out confidence, out rule);
            }

            if (decided)
            {
                var from = nameStart == 0 ? SpacedSurnameStart(t, start, nameEnd) : start + nameStart;
                if (from == start)
                {
                    from = KanaSurnameStart(t, start, nameEnd);
                }

                Add(found, map, from, nameEnd - from, rule, confidence);
                ListBefore(t, from, found, map);
            }
        }
    }

    /// <summary>The list joiner (・, 、, 及び, 並びに, と) that ends right before <paramref name="at"/>, after a kanji: its length, or 0.</summary>
    private static int JoinerBefore(ReadOnlySpan<char> t, int at)
    {
        var before = t[..at];
        var length = before.EndsWith("並びに", StringComparison.Ordinal) ? 3
            : before.EndsWith("及び", StringComparison.Ordinal) ? 2
            : before.Length > 0 && before[^1] is '・' or '、' or '，' or ',' or 'と' ? 1
            : 0;
        return length > 0 && at - length > 0 && IsKanji(t[at - length - 1]) ? length : 0;
    }

    /// <summary>
    /// 山田及び佐藤委員, 山田、佐藤両委員, 山田と佐藤委員: the names listed before a name with a title share it.
    /// Items are taken only where the dictionary knows them as a surname (or a surname and a given
    /// name) and no ordinary word, so 市長と佐藤委員, 本日、佐藤委員 name only 佐藤.
    /// </summary>
    private void ListBefore(ReadOnlySpan<char> t, int nameStart, List<NameSpan> found, ReadOnlySpan<int> map)
    {
        for (var at = nameStart; JoinerBefore(t, at) is var joiner and > 0;)
        {
            var end = at - joiner;
            var start = KanjiRunStart(t, end);
            if (start == end || !IsListedName(t[start..end]))
            {
                return;
            }

            Add(found, map, start, end - start, "offline:role-lexicon", 0.88);
            at = start;
        }
    }

    /// <summary>
    /// 山根、菅野、河合の各委員 (or 山根・菅野各委員): every item of a list before 各 + a title is a
    /// person with that title. Items are taken only where the dictionary knows them as a surname (or
    /// a surname and a given name), so 委員会、部会の各委員 names no one.
    /// </summary>
    private void ListBeforeEach(ReadOnlySpan<char> t, int roleStart, List<NameSpan> found, ReadOnlySpan<int> map)
    {
        if (roleStart < 2 || t[roleStart - 1] != '各')
        {
            return;
        }

        var end = roleStart - 1;
        if (t[end - 1] == 'の')
        {
            end--;
        }

        // 日野委員長、くり森、中峰、くりやま、吉野の各委員: once the list has named a member the dictionary knows, each other
        // item is a member too, a name in kana (くりやま, くり森) or one no dictionary has (中峰); an item with a title
        // (日野委員長) is read before its title and passed over. Before, the list ended at the first such item.
        var named = false;
        while (end > 0)
        {
            var start = KanjiRunStart(t, end);
            var item = t[start..end];
            if (!item.IsEmpty && (start == 0 || !IsKanji(t[start - 1])) && IsListedName(item))
            {
                Add(found, map, start, end - start, "offline:role-lexicon", 0.88);
                named = true;
            }
            else if (named && ListedMemberStart(t, end) is var s and >= 0)
            {
                start = s;
                if (!HasRole(t[start..end]))
                {
                    Add(found, map, start, end - start, "offline:role-lexicon", 0.8);
                }
            }
            else
            {
                return;
            }

            if (start == 0 || t[start - 1] is not ('、' or '・' or '，' or ','))
            {
                return;
            }

            end = start - 1;
        }
    }

    /// <summary>
    /// Where a list's item that ends at <paramref name="end"/> starts, when it reads as a member: a name with its title
    /// (日野委員長), two to five hiragana that are no grammar (くりやま), up to three hiragana before kanji (くり森), or two to
    /// four kanji in surname characters that are no ordinary word (中峰: a place, and 中 would make a compound elsewhere); -1 otherwise.
    /// </summary>
    private int ListedMemberStart(ReadOnlySpan<char> t, int end)
    {
        var start = end;
        while (start > 0 && (IsKanji(t[start - 1]) || IsHiragana(t[start - 1])) && end - start <= 8)
        {
            start--;
        }

        if (start > 0 && t[start - 1] is not ('、' or '・' or '，' or ',' or '\n' or '　' or ' '))
        {
            return -1;
        }

        var item = t[start..end];
        if (HasRole(item))
        {
            return start;
        }

        var kana = 0;
        while (kana < item.Length && IsHiragana(item[kana]))
        {
            kana++;
        }

        var kanji = item[kana..];
        foreach (var c in kanji)
        {
            if (!IsKanji(c))
            {
                return -1;
            }
        }

        var ok = kanji.IsEmpty
            ? IsHiraganaNamePart(item) && item.Length <= 5
            : kana == 0
                ? CodePoints(kanji) is >= 2 and <= 4 && lexicon.HasOnlySurnameCharacters(kanji) && !lexicon.IsCommonWord(kanji) && !NotNameStart.Contains(kanji[0])
                : kana <= 3 && CodePoints(kanji) <= 2 && item[kana - 1] is not ('は' or 'が' or 'を' or 'に' or 'で' or 'も' or 'と' or 'へ' or 'の' or 'や');
        return ok ? start : -1;
    }

    private bool IsListedName(ReadOnlySpan<char> item)
    {
        if (CodePoints(item) < 2 || lexicon.IsCommonWord(item) || RoleWords.IsRole(item))
        {
            return false;
        }

        if (lexicon.IsSurname(item))
        {
            return true;
        }

        for (var k = 2; k < item.Length - 1; k++)
        {
            if (lexicon.IsSurname(item[..k]) && lexicon.IsGivenName(item[k..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 杉浦　誠一さん: a surname the dictionary knows, one space before the given name that stands
    /// before the title, is the same person's; without it the surname would be published beside a
    /// masked given name. Returns where the name starts (<paramref name="givenStart"/> if not so).
    /// </summary>
    private int SpacedSurnameStart(ReadOnlySpan<char> t, int givenStart, int givenEnd)
    {
        if (givenStart < 2 || !IsSpace(t[givenStart - 1]) || !lexicon.IsGivenName(t[givenStart..givenEnd]))
        {
            return givenStart;
        }

        var surnameStart = KanjiRunStart(t, givenStart - 1);
        var surname = t[surnameStart..(givenStart - 1)];
        return CodePoints(surname) is >= 1 and <= 4 && lexicon.IsSurname(surname) && !lexicon.IsCommonWord(surname) && !RoleWords.IsRole(surname)
            ? surnameStart
            : givenStart;
    }

    /// <summary>
    /// やまだ花子さん, ヤマダ花子議員: a surname written in kana right before a kanji given name is the
    /// same person's; without it the surname would be published beside the masked given name. Hiragana
    /// is taken from where the phrase before it ends (a particle or a grammar word: からやまだ花子さん);
    /// katakana as a whole word that no kanji compound holds (市民センター花子 has none).
    /// Returns where the name starts (<paramref name="givenStart"/> if not so).
    /// </summary>
    private int KanaSurnameStart(ReadOnlySpan<char> t, int givenStart, int givenEnd)
    {
        if (givenStart == 0 || !lexicon.IsGivenName(t[givenStart..givenEnd]))
        {
            return givenStart;
        }

        var c = t[givenStart - 1];
        if (IsKatakana(c) && c is not ('ー' or 'ｰ'))
        {
            var ks = givenStart;
            while (ks > 0 && givenStart - ks < 8 && IsKatakana(t[ks - 1]))
            {
                ks--;
            }

            while (ks < givenStart && t[ks] is 'ー' or 'ｰ')
            {
                ks++;
            }

            var kana = t[ks..givenStart];
            return kana.Length >= 2 && !(ks > 0 && (IsKanji(t[ks - 1]) || IsKatakana(t[ks - 1]))) && !lexicon.IsCommonWord(kana) ? ks : givenStart;
        }

        if (!IsHiragana(c) || c == 'ー')
        {
            return givenStart;
        }

        var hs = givenStart;
        while (hs > 0 && givenStart - hs < 10 && IsHiragana(t[hs - 1]) && t[hs - 1] != 'ー')
        {
            hs--;
        }

        // Where the phrase before ends: after a word of grammar first (市長から|やまだ), else after a particle (私は|やまだ).
        // A doubled word (いよいよ, そろそろ, まだまだ) is an adverb, never a surname: the phrase ends after it.
        var h = t[hs..givenStart];
        var from = DoubledWordEnd(h);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var j = from; j <= h.Length - 2; j++)
            {
                var phraseEnds = j == from ? from > 0 || hs == 0 || !IsKanji(t[hs - 1]) : pass == 0 ? EndsWithFunctionWord(h[..j]) : IsParticle(h[j - 1]);
                if (phraseEnds && IsHiraganaSurname(h[j..]))
                {
                    return hs + j;
                }
            }
        }

        return givenStart;
    }

    /// <summary>Where the last doubled word in <paramref name="h"/> ends (いよいよ, まだまだ, ちょくちょく: two or three kana said twice), or 0.</summary>
    private static int DoubledWordEnd(ReadOnlySpan<char> h)
    {
        var end = 0;
        for (var a = 0; a + 4 <= h.Length; a++)
        {
            for (var n = 3; n >= 2; n--)
            {
                if (a + (2 * n) <= h.Length && h.Slice(a, n).SequenceEqual(h.Slice(a + n, n)))
                {
                    end = Math.Max(end, a + (2 * n));
                    break;
                }
            }
        }

        return end;
    }

    /// <summary>Inflections a phrase before a name may end with (ですが, ました, ないので).</summary>
    private static readonly string[] InflectionEnds = ["です", "ます", "した", "ない", "ので", "から", "まで", "より", "など", "たら", "ても", "でも", "けど", "ませ"];

    /// <summary>
    /// やまだ, あこじま: hiragana before a kanji given name, from where the phrase before it ends, is the
    /// surname unless it opens with a word of grammar (まだ花子さん, それは) or ends like an inflection.
    /// Words inside are not checked: a surname may hold one (や<b>まだ</b>).
    /// </summary>
    private static bool IsHiraganaSurname(ReadOnlySpan<char> h)
    {
        if (h.Length is < 2 or > 5 || HiraganaStop.Contains(h))
        {
            return false;
        }

        foreach (var p in FunctionPatterns)
        {
            if (h.StartsWith(p, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var e in InflectionEnds)
        {
            if (h.EndsWith(e, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words only a phrase holds, never a name written in hiragana.</summary>
    private static readonly string[] PhraseWords = ["ます", "です", "ませ", "ござ", "くだ", "として", "ついて", "という", "おいて", "ところ", "こと", "もの", "ので", "した"];

    private static bool IsHiraganaFullName(ReadOnlySpan<char> h)
    {
        if (h.Length is < 4 or > 7)
        {
            return false;
        }

        foreach (var p in FunctionPatterns)
        {
            if (h.StartsWith(p, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var w in PhraseWords)
        {
            if (h.Contains(w, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var e in InflectionEnds)
        {
            if (h.EndsWith(e, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return !HiraganaStop.Contains(h);
    }

    private static bool EndsWithFunctionWord(ReadOnlySpan<char> h)
    {
        foreach (var p in FunctionPatterns)
        {
            if (h.EndsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Given-name endings written in kanji after hiragana (まり<b>子</b>, はる<b>美</b>).</summary>
    private static readonly SearchValues<char> GivenNameEndings = SearchValues.Create("子美代江恵乃郎枝香菜奈世絵男夫");

    /// <summary>佐々木まり子君: surname in kanji, the given name in hiragana ending in a kanji.</summary>
    private bool MixedScriptName(ReadOnlySpan<char> t, int start, int end, List<NameSpan> found, ReadOnlySpan<int> map)
    {
        if (end - start != 1 || !GivenNameEndings.Contains(t[start]) || start == 0 || !IsHiragana(t[start - 1]))
        {
            return false;
        }

        var hs = start;
        while (hs > 0 && start - hs < 4 && IsHiragana(t[hs - 1]))
        {
            hs--;
        }

        var ks = KanjiRunStart(t, hs);
        var surname = t[ks..hs];
        var given = t[hs..start];
        if (surname.IsEmpty || given.Length > 3 || (given.Length > 1 && !IsHiraganaNamePart(given)))
        {
            return false;
        }

        if (lexicon.IsSurname(surname) || (CodePoints(surname) is >= 2 and <= 3 && !IsCompound(surname, places: false)))
        {
            Add(found, map, ks, end - ks, "offline:role-lexicon", 0.85);
            return true;
        }

        return false;
    }

    private static int KanjiRunStart(ReadOnlySpan<char> t, int end)
    {
        var start = end;
        while (start > 0 && end - start < MaxRun)
        {
            var p = t[start - 1];
            if (IsKanji(p) || (p == 'ノ' && start >= 2 && IsKanji(t[start - 2]) && IsKanji(t[start])))
            {
                start--;
                continue;
            }

            break;
        }

        // Never split a surrogate pair.
        if (start < end && char.IsLowSurrogate(t[start]) && start > 0)
        {
            start--;
        }

        // A seat number ends at 番 (3番笹内和志議員, 第5番): the name starts after it.
        if (start < end - 1 && t[start] == '番' && start > 0 && (char.IsDigit(t[start - 1]) || t[start - 1] is >= '０' and <= '９'))
        {
            start++;
        }

        return start;
    }

    /// <summary>
    /// 土井議会総務課長, 土井議会事務局長: a known surname glued to an office of the council (議会 and the
    /// office's words) is the person; the run ends in an office word, so it would read as an office alone.
    /// The surname's length, or 0.
    /// </summary>
    private int SurnameBeforeCouncilOffice(ReadOnlySpan<char> run)
    {
        for (var k = 2; k <= 3 && k + 2 <= run.Length; k++)
        {
            var surname = run[..k];
            if (run[k..].StartsWith("議会", StringComparison.Ordinal) && lexicon.IsSurname(surname) && !lexicon.IsCommonWord(surname)
                && !NotNameStart.Contains(surname[0]) && !OfficeWords.Contains(surname)
                && (k + 2 == run.Length || IsCompound(run[(k + 2)..], places: false)))
            {
                return k;
            }
        }

        return 0;
    }

    /// <summary>
    /// Decides which tail of a kanji run before a role is a name. <paramref name="nameStart"/> is
    /// relative to the run.
    /// </summary>
    private bool DecideKanjiRun(ReadOnlySpan<char> run, RoleWord role, char left, bool structural, out int nameStart, out double confidence, out string rule)
    {
        nameStart = 0;
        confidence = 0;
        rule = "";
        var midPhrase = IsHiragana(left) || IsKatakana(left);

        // 1. The whole run is a name the lexicon knows.
        if (role.HeadsMunicipality && (lexicon.IsPlace(run) || CodePoints(run) == 1))
        {
            return false; // 豊島区長, 尼崎市長, 北区長: the place's head
        }

        if (run.Length >= 2 && OfficeWords.Contains(run[^2..]))
        {
            return false; // 財政課長, 区民活動推進課長, 総務委員
        }

        if (OrganisationMarks.EndsText(run))
        {
            return false; // 北浜大学教授: the organisation and its post (大学 is also a given name)
        }

        var whole = LexiconScore(run, role, wholeRun: true);
        // 子ども家庭部長: an ordinary word mid-phrase before an office is the office's name.
        if (whole > 0 && !(midPhrase && role.Kind == RoleKind.Office && lexicon.IsCommonWord(run) && !lexicon.IsSurname(run)))
        {
            confidence = whole >= 3 ? 0.97 : 0.93;
            rule = "offline:role-lexicon";
            return true;
        }

        // 2. A surname no dictionary has before a known given name (阿子島陽子); a given name that is
        // also an ordinary word (正規, 大学) after a prefix is that word (非正規職員), unless it ends like a given name (陽子).
        for (var k = 1; k < run.Length - 1; k++)
        {
            var given = run[k..];
            var surname = run[..k];
            if (!char.IsLowSurrogate(run[k]) && CodePoints(given) >= 2 && lexicon.IsGivenName(given)
                && (!lexicon.IsCommonWord(given) || GivenNameEndings.Contains(given[^1]))
                && CodePoints(surname) is >= 1 and <= 4 && !NotNameStart.Contains(surname[0])
                && !IsCompound(surname, places: false))
            {
                confidence = 0.85;
                rule = "offline:role-lexicon";
                return true;
            }
        }

        // 3. A known name after a prefix made of ordinary words or roles (市長山田, 1番山田).
        var best = 0;
        var bestStart = -1;
        for (var k = 1; k <= run.Length - 1; k++)
        {
            if (char.IsLowSurrogate(run[k]))
            {
                continue;
            }

            var tail = run[k..];
            // A party ends where its name does (自民党中村吉宏議員), whatever the party is called.
            if (CodePoints(tail) < 2 || !(IsCompound(run[..k]) || run[k - 1] == '党'))
            {
                continue;
            }

            var score = LexiconScore(tail, role, wholeRun: false);
            if (score > best)
            {
                best = score;
                bestStart = k;
            }
        }

        if (bestStart >= 0)
        {
            nameStart = bestStart;
            confidence = 0.88;
            rule = "offline:role-lexicon";
            return true;
        }

        // 桐生院委員, 相馬院議員: a surname the dictionary knows and 院, before a seat, is the dictionary's surname with the
        // old houses' ending (伊集院), no guess: a guess is dropped where it ends inside a word, and 院議 is one.
        if (role.Kind == RoleKind.Member && IsSurnameAndIn(run))
        {
            confidence = 0.85;
            rule = "offline:role-lexicon";
            return true;
        }

        // 4. A name no dictionary has: 2–4 characters that are not ordinary words (太巻, 阿子島).
        if (LooksLikeUnknownName(run, role, structural, midPhrase))
        {
            confidence = structural ? 0.85 : 0.75;
            rule = "offline:role-context";
            return true;
        }

        for (var k = 1; k <= run.Length - 2; k++)
        {
            if (char.IsLowSurrogate(run[k]))
            {
                continue;
            }

            var tail = run[k..];
            if (IsCompound(run[..k]) && CodePoints(run[..k]) >= 2 && !EndsWithCommonWord(tail) && LooksLikeUnknownName(tail, role, structural, midPhrase: false))
            {
                nameStart = k;
                confidence = 0.7;
                rule = "offline:role-context";
                return true;
            }
        }

        return false;
    }

    private bool EndsWithCommonWord(ReadOnlySpan<char> text)
    {
        for (var k = 1; k <= text.Length - 2; k++)
        {
            if (lexicon.IsCommonWord(text[k..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>3 = surname+given, 2 = surname, 1 = given name alone (only before an honorific), 0 = no.</summary>
    private int LexiconScore(ReadOnlySpan<char> name, RoleWord role, bool wholeRun)
    {
        var cps = CodePoints(name);
        if (cps > 7)
        {
            return 0;
        }

        if (lexicon.IsSurname(name) && (cps >= 2 || (wholeRun && !Morphemes.Contains(name[0]))))
        {
            return 2;
        }

        for (var k = 1; k < name.Length; k++)
        {
            if (char.IsLowSurrogate(name[k]))
            {
                continue;
            }

            var given = name[k..];
            // A one-character given name (宏, 誠) only when the run is the whole name, else 会長山田 would read as 長山+田.
            if (lexicon.IsSurname(name[..k]) && lexicon.IsGivenName(given) && (wholeRun || CodePoints(given) >= 2)
                && (cps >= 3 || !lexicon.IsWord(name)))
            {
                return 3; // 新任 is 新+任 only on paper
            }
        }

        if (role.Kind == RoleKind.Honorific && cps >= 2 && lexicon.IsGivenName(name) && !lexicon.IsWord(name))
        {
            return 1;
        }

        return 0;
    }

    private bool LooksLikeUnknownName(ReadOnlySpan<char> run, RoleWord role, bool structural, bool midPhrase)
    {
        var cps = CodePoints(run);
        // After a particle (先ほどの阿子島委員) a seat or honorific still marks a person; an office does not.
        if (cps < 2 || cps > 4 || (midPhrase && !structural && role.Kind == RoleKind.Office))
        {
            return false;
        }

        // 桐生院委員: a surname the dictionary knows and 院 is a surname of the old houses' kind (伊集院, 花山院), not a
        // body, before a seat; bodies that end in 院 have no surname before it (衆議院, 大学院, 市民病院, 本院).
        if (role.Kind == RoleKind.Member && IsSurnameAndIn(run))
        {
            return true;
        }

        if (OfficeEnds.Contains(run[^1]) || RoleWords.IsRole(run))
        {
            return false;
        }

        // 非正規職員, 度々指定管理者: before a post, a run that ends in an ordinary word names the post's kind, not a person.
        if (role.Kind == RoleKind.Office && EndsWithCommonWord(run))
        {
            return false;
        }

        // A place-like surname no surname list has (加賀美) is still a name before 委員; a compound of words is not.
        // Before a seat or honorific, place-like pieces (月見+里) do not make it a compound; before an office they do (池袋保健所長).
        return role.Kind == RoleKind.Office
            ? !IsCompound(run) || (lexicon.IsPlace(run) && !lexicon.IsCommonWord(run))
            : !IsCompound(run, places: false);
    }

    /// <summary>桐生院: two or three characters of a surname the dictionary lists, then 院, and the whole no word or place.</summary>
    private bool IsSurnameAndIn(ReadOnlySpan<char> run) =>
        run.Length is 3 or 4 && run[^1] == '院' && lexicon.IsSurname(run[..^1]) && !lexicon.IsWord(run) && !RoleWords.IsRole(run[..^1]);

    /// <summary>Whether the text splits entirely into ordinary words, roles and office/counter characters.</summary>
    internal bool IsCompound(ReadOnlySpan<char> text, bool places = true)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        if (text.Length > 32)
        {
            return false;
        }

        Span<bool> reach = stackalloc bool[text.Length + 1];
        reach[0] = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (!reach[i])
            {
                continue;
            }

            if (Morphemes.Contains(text[i]) || !IsKanji(text[i]))
            {
                reach[i + 1] = true;
            }

            var roleMayStart = RoleWords.FirstChars.Contains(text[i]);
            for (var len = 2; len <= 6 && i + len <= text.Length; len++)
            {
                var piece = text.Slice(i, len);
                if ((places ? lexicon.IsWord(piece) : lexicon.IsCommonWord(piece)) || (roleMayStart && RoleWords.IsRole(piece)))
                {
                    reach[i + len] = true;
                }
            }
        }

        return reach[text.Length];
    }

    private void HiraganaName(ReadOnlySpan<char> t, int end, RoleWord role, List<NameSpan> found, ReadOnlySpan<int> map, bool structural)
    {
        if (role.Kind == RoleKind.Office || role.HeadsMunicipality)
        {
            return;
        }

        var hs = end;
        while (hs > 0 && end - hs < 8 && IsHiragana(t[hs - 1]) && t[hs - 1] != 'ー')
        {
            hs--;
        }

        var h = t[hs..end];
        var ks = KanjiRunStart(t, hs);
        var k = t[ks..hs];

        // 伊藤よしのり議長, 井上さくら君: a known surname followed by a hiragana given name.
        var kcps = CodePoints(k);
        if (!k.IsEmpty && kcps <= 3 && lexicon.IsSurname(k) && IsHiraganaNamePart(h)
            && (kcps >= 2 || (!Morphemes.Contains(k[0]) && (h.Length >= 3 || lexicon.IsGivenName(h)))))
        {
            Add(found, map, ks, end - ks, "offline:role-lexicon", 0.88);
            return;
        }

        // かとうぎ委員, さくらさん: a hiragana name alone, after the particle that ends the phrase before it.
        var leftIsBoundary = hs == 0 || !IsKanji(t[hs - 1]);
        for (var j = 0; j <= h.Length - 2; j++)
        {
            if (j == 0 ? !leftIsBoundary : !IsParticle(h[j - 1]))
            {
                continue;
            }

            var name = h[j..];
            if (!IsHiraganaNamePart(name) || HiraganaStop.Contains(name))
            {
                continue;
            }

            var known = lexicon.IsGivenName(name);
            if (name.Length >= 3 || known)
            {
                Add(found, map, hs + j, end - hs - j, known ? "offline:role-lexicon" : "offline:role-context", structural ? 0.85 : 0.7);
                return;
            }
        }

        // やまだはなこさん: a full name in hiragana may hold a short grammar word (や<b>まだ</b>); before an
        // honorific it is a name unless it opens with grammar, ends in an inflection or holds a phrase's words.
        for (var j = 0; role.Kind == RoleKind.Honorific && j <= h.Length - 4; j++)
        {
            if ((j == 0 ? leftIsBoundary : IsParticle(h[j - 1])) && IsHiraganaFullName(h[j..]))
            {
                Add(found, map, hs + j, end - hs - j, "offline:role-context", structural ? 0.85 : 0.7);
                return;
            }
        }
    }

    /// <summary>
    /// 第5番加藤ソフィー議員: a dictionary surname (two or three kanji, opening its kanji run or after a
    /// seat's 番) and a katakana given name that is no word of the dictionary, before a person's title.
    /// 区民ボランティアさん, 子育てサポーター委員 have no surname before the katakana and stay.
    /// </summary>
    private bool SurnameAndKatakanaName(ReadOnlySpan<char> t, int end, List<NameSpan> found, ReadOnlySpan<int> map)
    {
        var ks = end;
        while (ks > 0 && IsKatakana(t[ks - 1]) && !IsKanji(t[ks - 1]))
        {
            ks--;
        }

        if (end - ks < 2 || ks == 0 || !IsKanji(t[ks - 1]) || t[ks] == 'ー' || lexicon.IsCommonWord(t[ks..end]))
        {
            return false;
        }

        var run = KanjiRunStart(t, ks);
        for (var k = Math.Min(3, ks - run); k >= 2; k--)
        {
            var s = ks - k;
            if (lexicon.IsSurname(t.Slice(s, k)) && (s == run || t[s - 1] == '番'))
            {
                Add(found, map, s, end - s, "offline:role-surname-katakana", 0.8);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// ジョン・スミス委員, スミス氏, ブラウン委員, グエン君: a katakana full name (with ・) before a seat or
    /// honorific, a katakana word before 氏, which only follows persons, or a katakana surname or given
    /// name of the dictionary (IPADIC lists foreign names, and no role words) before any title. Other
    /// katakana words before さん/様 are too often occupations or firms (ヘルパーさん, ケアマネさん,
    /// ユーザー様) to take; before 委員/議員/君, which seat or call a person, a short one standing alone
    /// (ソン委員) is a name unless it ends in ー, as agent nouns do (オブザーバー委員, アドバイザー).
    /// </summary>
    private void KatakanaName(ReadOnlySpan<char> t, int end, RoleWord role, List<NameSpan> found, ReadOnlySpan<int> map)
    {
        var start = end;
        var dot = false;
        while (start > 0 && end - start < 24 && (IsKatakana(t[start - 1]) || t[start - 1] is '・' or '＝' or '='))
        {
            dot |= t[start - 1] is '・' or '＝' or '=';
            start--;
        }

        while (start < end && t[start] is '・' or 'ー')
        {
            start++;
        }

        if (end - start < 2 || (start > 0 && IsKanji(t[start - 1])))
        {
            return; // a compound such as 子育てサポーター委員 or 区民ボランティアさん
        }

        var word = t[start..end];
        if (dot || role.Text == "氏" || lexicon.IsSurname(word) || lexicon.IsGivenName(word) || IsSeatedKatakanaName(t, start, word, role)
            || IsShortKatakanaNameBeforeSan(word, role))
        {
            Add(found, map, start, end - start, "offline:role-katakana", 0.8);
        }
    }

    /// <summary>ソン委員, パク議員, ソン君: a short katakana word alone before a seat or 君, not an agent noun (…ー) nor an ordinary word.</summary>
    private bool IsSeatedKatakanaName(ReadOnlySpan<char> t, int start, ReadOnlySpan<char> word, RoleWord role) =>
        role.Text is "委員" or "議員" or "君"
        && word.Length <= 4
        && word[^1] is not ('ー' or 'ｰ')
        && (start == 0 || !IsHiragana(t[start - 1]))
        && !lexicon.IsCommonWord(word);

    /// <summary>
    /// ソンさん, トランさん: a katakana word of two to four letters standing alone before さん, not
    /// ending in ー (ヘルパーさん, ドライバーさん) nor a word people are called by (ママさん, ケアマネさん).
    /// The dictionary lists few foreign surnames and no firms, so a short firm (トヨタさん) is masked too:
    /// unsure, the word is not published.
    /// </summary>
    private static bool IsShortKatakanaNameBeforeSan(ReadOnlySpan<char> word, RoleWord role) =>
        role.Text == "さん" && word.Length is >= 2 and <= 4 && word[^1] is not ('ー' or 'ｰ') && !KatakanaCalls.Contains(word);

    /// <summary>Katakana words for what people are or do, that take さん like a name (ママさん, ケアマネさん, コーチさん).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KatakanaCalls = new HashSet<string>(
    [
        "ママ", "パパ", "ケアマネ", "ナース", "コーチ", "ガイド", "スタッフ", "シェフ", "ボス", "プロ", "ファン", "ゲスト", "ペア",
        "パート", "バイト", "ベテラン", "ホスト", "モデル",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsHiraganaNamePart(ReadOnlySpan<char> h)
    {
        if (h.Length < 2 || h.Length > 6)
        {
            return false;
        }

        foreach (var p in FunctionPatterns)
        {
            if (h.Contains(p, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return !HiraganaStop.Contains(h);
    }

    /// <summary>林（宏）委員: a surname, the given name in brackets, then the role.</summary>
    private void ParenthesisedGivenName(ReadOnlySpan<char> t, int end, List<NameSpan> found, ReadOnlySpan<int> map)
    {
        var close = end - 1;
        var open = -1;
        for (var i = close - 1; i >= 0 && close - i <= 6; i--)
        {
            if (IsOpenParen(t[i]))
            {
                open = i;
                break;
            }

            if (!IsNameChar(t[i]))
            {
                return;
            }
        }

        if (open <= 0 || open + 1 >= close)
        {
            return;
        }

        var inner = t[(open + 1)..close];
        if (!AllNameChars(inner) || RoleWords.IsRole(inner) || lexicon.IsWord(inner) || !IsKanji(t[open - 1]))
        {
            return;
        }

        var ks = KanjiRunStart(t, open);
        var surname = t[ks..open];
        var cps = CodePoints(surname);
        if (lexicon.IsSurname(surname) || (cps is >= 2 and <= 3 && !IsCompound(surname)))
        {
            Add(found, map, ks, open - ks, "offline:role-bracketed-given", 0.9);
            Add(found, map, open + 1, close - open - 1, "offline:role-bracketed-given", 0.85);
        }
    }

    // ---- speaker labels and roll entries --------------------------------------------------

    private void RecognizeLabel(ReadOnlySpan<char> label, NameContext context, List<NameSpan> found)
    {
        // Work on the label without spaces (本 部 長, 富　山　悦　子), keeping where each character came from.
        var rented = label.Length > 256 ? ArrayPool<int>.Shared.Rent(label.Length) : null;
        var rentedChars = label.Length > 256 ? ArrayPool<char>.Shared.Rent(label.Length) : null;
        try
        {
            Span<int> map = rented ?? stackalloc int[label.Length];
            Span<char> compact = rentedChars ?? stackalloc char[label.Length];
            var n = 0;
            for (var i = 0; i < label.Length; i++)
            {
                if (!IsSpace(label[i]))
                {
                    compact[n] = label[i];
                    map[n] = i;
                    n++;
                }
            }

            var t = compact[..n];
            var m = map[..n];
            var before = found.Count;
            RecognizeText(t, found, m, structural: true);
            if (found.Count > before)
            {
                return;
            }

            // No role in the way: the label's parts (outside and inside brackets) may be bare names.
            var partStart = 0;
            for (var i = 0; i <= t.Length; i++)
            {
                if (i == t.Length || IsOpenParen(t[i]) || IsCloseParen(t[i]) || t[i] is '：' or ':' or '、' or '，' or ',' or '・' or '／' or '/')
                {
                    BareName(t, partStart, i < t.Length && t[i] == '・' ? OfficeBeforeJoin(t, partStart, i) : i, context, found, m);
                    partStart = i + 1;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }

            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
        }
    }

    /// <summary>
    /// 古畑市民協働・地域政策課長: a section named by two words joined by ・ before its office; the part before ・ is office
    /// from where an office word begins (市民), so only what stands before that (古畑) may be a name. Before, the whole part was
    /// a bare name and 市民協働 was masked, even with no name before it. Returns where the part's name may end.
    /// </summary>
    private int OfficeBeforeJoin(ReadOnlySpan<char> t, int start, int dot)
    {
        var next = dot + 1;
        while (next < t.Length && !(IsOpenParen(t[next]) || IsCloseParen(t[next]) || t[next] is '：' or ':' or '、' or '，' or ',' or '・' or '／' or '/'))
        {
            next++;
        }

        if (!HasRole(t[(dot + 1)..next]) || lexicon.IsSurname(t[start..dot]))
        {
            return dot;
        }

        for (var j = start; j < dot - 1; j++)
        {
            if (Normalization.People.OfficeWords.StartsOffice(t[j..dot]))
            {
                return j;
            }
        }

        return dot;
    }

    private void BareName(ReadOnlySpan<char> t, int start, int end, NameContext context, List<NameSpan> found, ReadOnlySpan<int> map)
    {
        while (start < end && LeadingMarks.Contains(t[start]))
        {
            start++;
        }

        // 書記井上亜紀 (a roll's 書記　井上亜紀, its spaces removed): the label word is the entry's post, not the name's start.
        if (start < end && LabelAt(t, start) is { } post && end - start - post.Length >= 2)
        {
            start += post.Length;
        }

        var part = t[start..end];
        if (part.IsEmpty || !AllNameChars(part) || HasRole(part))
        {
            return;
        }

        var cps = CodePoints(part);
        if (cps > 8)
        {
            return;
        }

        var score = 0;
        if (lexicon.IsSurname(part))
        {
            score = 2;
        }
        else
        {
            for (var k = 1; k < part.Length && score == 0; k++)
            {
                if (lexicon.IsSurname(part[..k]) && lexicon.IsGivenName(part[k..]))
                {
                    score = 3;
                }
            }
        }

        if (score > 0 && (cps >= 2 || !lexicon.IsWord(part)))
        {
            Add(found, map, start, end - start, context == NameContext.SpeakerLabel ? "offline:speaker-label" : "offline:attendee", 0.92);
            return;
        }

        // Kanji part first (伊藤よしのり → 伊藤), then the hiragana rest.
        var kanjiEnd = 0;
        while (kanjiEnd < part.Length && !IsHiragana(part[kanjiEnd]))
        {
            kanjiEnd++;
        }

        var kanjiPart = part[..kanjiEnd];
        var hiraganaPart = part[kanjiEnd..];
        var plausible = kanjiPart.IsEmpty
            ? IsHiraganaNamePart(hiraganaPart)
            : (lexicon.IsSurname(kanjiPart) || (!IsCompound(kanjiPart) && !OfficeEnds.Contains(kanjiPart[^1])))
              && (hiraganaPart.IsEmpty || IsHiraganaNamePart(hiraganaPart));
        if (cps >= 2 && cps <= 6 && plausible)
        {
            Add(found, map, start, end - start, context == NameContext.SpeakerLabel ? "offline:speaker-label" : "offline:attendee", 0.8);
        }
    }

    private static bool HasRole(ReadOnlySpan<char> part)
    {
        for (var i = 0; i < part.Length; i++)
        {
            if (RoleWords.MatchAt(part, i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    // ---- roll names written with spaces: 富　山　悦　子, 副　市　長　戸　羽　　太 ----------------------

    /// <summary>Most spaces between two characters of one fixed-width cell (市      長: an office spread to the name's width).</summary>
    private const int MaxCellGap = 8;

    private void RecognizeSpacedNames(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        Span<int> starts = stackalloc int[12];
        Span<char> joined = stackalloc char[24];
        var i = 0;
        int s;
        while ((s = IndexOfAnyFrom(t, i, Spaces)) >= 0)
        {
            i = s + 1;
            // A single kanji, spaces, a single kanji …
            if (s == 0 || s + 1 >= t.Length || !IsKanji(t[s - 1]))
            {
                continue;
            }

            // Not the tail of a cell already passed over (議 員  安 斎 哲: 員 belongs to 議, not to the name after the wider gap).
            var first = char.IsLowSurrogate(t[s - 1]) ? s - 2 : s - 1;
            if (first < 0 || (first > 0 && IsKanji(t[first - 1])) || (first > 1 && IsSpace(t[first - 1]) && IsKanji(t[first - 2])))
            {
                continue;
            }

            var count = 0;
            var p = first;
            var lastEnd = first;
            while (p < t.Length && count < starts.Length)
            {
                var len = char.IsHighSurrogate(t[p]) && p + 1 < t.Length ? 2 : 1;
                // The surname in kanji; the given name may be hiragana (小　林　ひ　ろ　し).
                if (!IsKanji(t[p]) && !(count > 0 && IsHiragana(t[p])))
                {
                    break;
                }

                var next = p + len;
                if (next < t.Length && IsNameChar(t[next]))
                {
                    break; // two kanji together: not a spaced roll piece
                }

                starts[count++] = p;
                lastEnd = next;
                var gap = next;
                while (gap < t.Length && IsSpace(t[gap]) && gap - next < MaxCellGap)
                {
                    gap++;
                }

                if (gap > next && gap < t.Length && !IsSpace(t[gap]))
                {
                    p = gap;
                    continue;
                }

                break;
            }

            i = Math.Max(i, lastEnd);
            if (count < 2)
            {
                continue;
            }

            // 副　市　長　戸　羽　　太: an office first is the line's office; the name is what follows it.
            var office = SpacedOfficeCount(t, starts[..count], joined);

            // The best sub-sequence that reads as surname + given name (or a known full name).
            var bestA = -1;
            var bestB = -1;
            for (var a = office; a < count; a++)
            {
                for (var b = count; b - a >= 2; b--)
                {
                    if (bestA >= 0 && b - a <= bestB - bestA)
                    {
                        break;
                    }

                    if (IsSpacedName(Joined(t, starts[a..b], joined)))
                    {
                        bestA = a;
                        bestB = b;
                    }
                }
            }

            var rule = "offline:spaced-roll";
            if (bestA < 0 && office > 0 && count - office is >= 2 and <= 5)
            {
                // After an office the rest of the cell is a name even where the dictionary does not know it (unsure: masked where it stands).
                var rest = Joined(t, starts[office..count], joined);
                if (AllKanji(rest) && !IsCompound(rest, places: false) && !RoleWords.IsRole(rest))
                {
                    (bestA, bestB, rule) = (office, count, "offline:spaced-after-office");
                }
            }

            if (bestA >= 0)
            {
                var last = starts[bestB - 1];
                var lastLen = char.IsHighSurrogate(t[last]) ? 2 : 1;
                found.Add(new NameSpan(starts[bestA], last + lastLen - starts[bestA], rule, rule == "offline:spaced-roll" ? 0.9 : 0.75));
            }
        }
    }

    private static ReadOnlySpan<char> Joined(ReadOnlySpan<char> t, ReadOnlySpan<int> pieces, Span<char> buffer)
    {
        var n = 0;
        foreach (var at in pieces)
        {
            var len = char.IsHighSurrogate(t[at]) ? 2 : 1;
            t.Slice(at, len).CopyTo(buffer[n..]);
            n += len;
        }

        return buffer[..n];
    }

    /// <summary>How many leading pieces spell an office (副市長, 教育長, 総務課長), leaving two or more for a name; 0 if none.</summary>
    private int SpacedOfficeCount(ReadOnlySpan<char> t, ReadOnlySpan<int> pieces, Span<char> buffer)
    {
        for (var k = pieces.Length - 2; k >= 2; k--)
        {
            var prefix = Joined(t, pieces[..k], buffer);
            if (RoleWords.RoleLengthEndingAt(prefix, prefix.Length) > 0 && IsCompound(prefix))
            {
                return k;
            }
        }

        return 0;
    }

    private static bool AllHiragana(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsHiragana(c))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsSpacedName(ReadOnlySpan<char> name)
    {
        if (IsCompound(name, places: false) && !lexicon.IsSurname(name))
        {
            return false;
        }

        for (var k = 1; k < name.Length; k++)
        {
            if (char.IsLowSurrogate(name[k]))
            {
                continue;
            }

            var surname = name[..k];
            var given = name[k..];
            var knownSurname = lexicon.IsSurname(surname);
            var knownGiven = lexicon.IsGivenName(given);
            if (IsHiragana(given[0]))
            {
                // 小林ひろし, 佐々木まり子: a known surname and a hiragana given name (maybe ending in 子, 美 …).
                var hiragana = given[^1] is var last && GivenNameEndings.Contains(last) ? given[..^1] : given;
                if (knownSurname && hiragana.Length is >= 1 and <= 4 && AllHiragana(hiragana)
                    && (hiragana.Length == given.Length ? IsHiraganaNamePart(hiragana) : hiragana.Length <= 3))
                {
                    return true;
                }

                continue;
            }

            if (knownSurname && knownGiven)
            {
                return true;
            }

            // One half known, the other short and not an ordinary word (阿子島　花子); never a counter (番).
            if (knownGiven && CodePoints(surname) is >= 1 and <= 3 && !IsCompound(surname) && !NotNameStart.Contains(surname[0]))
            {
                return true;
            }

            if (knownSurname && CodePoints(surname) >= 2 && CodePoints(given) is >= 1 and <= 2 && !IsCompound(given))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<NameSpan> found, ReadOnlySpan<int> map, int start, int length, string rule, double confidence)
    {
        if (length <= 0)
        {
            return;
        }

        if (map.IsEmpty)
        {
            found.Add(new NameSpan(start, length, rule, confidence));
            return;
        }

        // Back to the label as written: from the first to the last character, spaces inside included.
        var s = map[start];
        var e = map[start + length - 1] + 1;
        found.Add(new NameSpan(s, e - s, rule, confidence));
    }
}
