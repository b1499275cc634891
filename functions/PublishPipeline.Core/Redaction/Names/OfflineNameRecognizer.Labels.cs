using System.Buffers;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// Names that no role word follows but a label, an organisation or a suffix frames:
/// 担当：鈴木花子, 報告者：小林六郎, 表彰候補者　佐藤一郎, 株式会社ミライ　高橋次郎, 伊藤四郎作成,
/// 佐藤邸, and full surname+given-name pairs the lexicon knows (加藤八郎とする).
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    /// <summary>Labels a name follows after ：, : or a space. Longest first, so 担当者 wins over 担当.</summary>
    private static readonly string[] NameLabels =
    [
        "担当者", "報告者", "記録者", "作成者", "司会者", "発言者", "説明者", "説明員", "候補者", "受賞者", "申請者", "委嘱者",
        "請願者", "陳情者",
        "紹介議員", "提出者", "賛成者", "発議者", "紹介者", // 議事日程: who introduces or seconds a bill or petition
        "速記者", "手話通訳者", "要約筆記者", // a note of who did a job: （速記　木下　颯）, （手話通訳　中谷　美穂）
        "担当", "記録", "作成", "司会", "委嘱", "講師", "速記", "書記", "手話通訳", "要約筆記",
    ];

    private static readonly SearchValues<char> LabelFirstChars = SearchValues.Create([.. NameLabels.Select(l => l[0]).Distinct()]);

    /// <summary>Characters that end the text a name may sit in (a label's value, a roll entry).</summary>
    private static bool IsNameBoundary(ReadOnlySpan<char> t, int end) =>
        end >= t.Length || IsSpace(t[end]) || IsHiragana(t[end]) || IsOpenParen(t[end]) || IsCloseParen(t[end])
        || t[end] is '、' or '，' or ',' or '。' or '．' or '・' or '」' or '』' or '〕' or '］' or ']' or '／' or '/' or '：' or ':' or '；' or ';' or '\n' or '\r';

    private void RecognizeLabelled(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        NamesAfterLabels(t, found);
        NamesAfterPostColons(t, found);
        NamesOfAppointments(t, found);
        NamesAfterOrganisations(t, found);
        NamesBeforeSuffixes(t, found);
        MaidenNames(t, found);
        NamesInCaucuses(t, found);
    }

    // ---- 担当：鈴木花子, 表彰候補者　佐藤一郎 ----------------------------------------------------

    private void NamesAfterLabels(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        var i = 0;
        while ((i = IndexOfAnyFrom(t, i, LabelFirstChars)) >= 0)
        {
            var label = LabelAt(t, i);
            if (label is null)
            {
                i++;
                continue;
            }

            var p = i + label.Length;
            i = p;
            var q = p;
            while (q < t.Length && IsSpace(t[q]))
            {
                q++;
            }

            var colon = q < t.Length && t[q] is '：' or ':';
            if (colon)
            {
                q++;
                while (q < t.Length && IsSpace(t[q]))
                {
                    q++;
                }
            }
            else if (q == p && q + 1 < t.Length && IsOpenParen(t[q]))
            {
                // ○司会（山田）: the name alone in brackets right after the label.
                if (TryNameAt(t, q + 1, structure: true, out var inner) && inner < t.Length && IsCloseParen(t[inner]))
                {
                    found.Add(new NameSpan(q + 1, inner - q - 1, "offline:label", 0.85));
                    i = inner;
                }

                continue;
            }
            else if (q == p)
            {
                continue; // 担当課, 記録係, 作成日, 講師料: the label word is part of another word
            }

            i = NamesInLabelValue(t, label, q, found);
        }
    }

    /// <summary>
    /// 会長：真壁潤、副会長：小田切 (a 会議の結果 or a list read out): a post, a colon and its holder. Only a name the
    /// dictionary supports is taken (as a label's value in prose), so 委員長：未定 or 会長：了承 stay.
    /// </summary>
    private void NamesAfterPostColons(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        for (var c = t.IndexOfAny(Colons); c >= 0; c = IndexOfAnyFrom(t, c + 1, Colons))
        {
            var role = RoleWords.RoleLengthEndingAt(t, c);
            if (role == 0 || c + 1 >= t.Length)
            {
                continue;
            }

            var q = c + 1;
            while (q < t.Length && IsSpace(t[q]))
            {
                q++;
            }

            if (TryNameAt(t, q, structure: false, out var end))
            {
                found.Add(new NameSpan(q, SpacedGivenNameEnd(t, end) - q, "offline:label", 0.85));
                continue;
            }

            // 会長：真壁潤: a surname and a one-kanji given name, the whole value.
            var e = q;
            while (e < t.Length && IsKanji(t[e]))
            {
                e++;
            }

            if (IsNameBoundary(t, e) && IsOneKanjiGivenName(t[q..e]))
            {
                found.Add(new NameSpan(q, e - q, "offline:label", 0.85));
            }
            else if (e == q && HiraganaFullNameEnd(t, q) is var he and > 0)
            {
                found.Add(new NameSpan(q, he - q, "offline:label", 0.85));
            }
        }
    }

    /// <summary>
    /// 委員：あべともこ: a member who campaigns under a kana name is listed so. The whole value, all hiragana up to a
    /// list's or line's end, is two to four characters of surname and a given name the dictionary lists in hiragana
    /// (ともこ, ひろし), or a hiragana surname it lists (いとう) and two or more characters, so 委員長：なし or
    /// 会長：おります stay.
    /// </summary>
    private int HiraganaFullNameEnd(ReadOnlySpan<char> t, int q)
    {
        var e = q;
        while (e < t.Length && IsHiragana(t[e]) && t[e] != 'ー' && e - q <= 8)
        {
            e++;
        }

        if (e - q is < 4 or > 8 || !(e >= t.Length || IsSpace(t[e]) || IsOpenParen(t[e]) || IsCloseParen(t[e]) || t[e] is '、' or '，' or ',' or '。' or '\n' or '\r'))
        {
            return 0;
        }

        var value = t[q..e];
        if (lexicon.IsWord(value))
        {
            return 0;
        }

        foreach (var p in FunctionPatterns)
        {
            if (value.Contains(p, StringComparison.Ordinal))
            {
                return 0;
            }
        }

        for (var k = 2; k <= 4 && e - q - k >= 2; k++)
        {
            if ((lexicon.IsGivenName(value[k..]) || lexicon.IsSurname(value[..k])) && !HiraganaStop.Contains(value[..k]))
            {
                return e;
            }
        }

        return 0;
    }

    /// <summary>
    /// 教育委員会委員の任命について（大西勇）: a 人事案件 names the person in brackets after the matter, the
    /// whole bracket, read as a label's value is (…について（報告）, （継続審査）, （総務部） are words or offices and stay);
    /// or after a space and the candidate's address.
    /// </summary>
    private void NamesOfAppointments(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        const string Matter = "について";
        for (var at = t.IndexOf(Matter, StringComparison.Ordinal); at >= 0; at = NextIndex(t, Matter, at + Matter.Length))
        {
            var q = at + Matter.Length;
            if (q + 1 < t.Length && IsOpenParen(t[q]) && TryNameAt(t, q + 1, structure: true, out var end) && end < t.Length && IsCloseParen(t[end]))
            {
                found.Add(new NameSpan(q + 1, end - q - 1, "offline:label", 0.85));
                continue;
            }

            // 人権擁護委員の推薦について　北浜区本町　山田太郎　昭和４５年生: the chair reads out the candidate's
            // address, name and year of birth. The name must end the line or come before the birth year.
            var a = q;
            while (a < t.Length && IsSpace(t[a]))
            {
                a++;
            }

            if (a > q && NextWord(t, a, out var address) is var afterAddress && afterAddress > a && address.IndexOfAny(AddressMarks) >= 0
                && TryNameAt(t, afterAddress, structure: true, out end) && EndsAsCandidate(t, end))
            {
                found.Add(new NameSpan(afterAddress, end - afterAddress, "offline:label", 0.85));
            }
        }
    }

    private static readonly string[] Eras = ["昭和", "平成", "大正", "令和", "西暦"];

    /// <summary>Where a candidate's name ends: the line's end, or a space and the year of birth (昭和４５年生).</summary>
    private static bool EndsAsCandidate(ReadOnlySpan<char> t, int end)
    {
        if (end >= t.Length || t[end] is '\n' or '\r')
        {
            return true;
        }

        var next = end;
        while (next < t.Length && IsSpace(t[next]))
        {
            next++;
        }

        if (next == end || next >= t.Length)
        {
            return next >= t.Length;
        }

        foreach (var era in Eras)
        {
            if (t[next..].StartsWith(era, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextIndex(ReadOnlySpan<char> t, string value, int from)
    {
        var k = from < t.Length ? t[from..].IndexOf(value, StringComparison.Ordinal) : -1;
        return k < 0 ? -1 : from + k;
    }

    /// <summary>
    /// A turn whose speaker label is a name label and whose text is the value (the line
    /// <c>講師　山田太郎</c> read as 講師 speaking): the text is read as what follows the label. Only a
    /// value that is the whole text, or ends where a note begins (a space, a bracket, a line's end),
    /// so a real speech (講師：それでは始めます) is left to the prose rules.
    /// </summary>
    public void RecognizeAfterSpeakerLabel(ReadOnlySpan<char> speaker, ReadOnlySpan<char> text, List<NameSpan> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var from = speaker.IndexOfAnyExcept(LeadingMarks);
        speaker = from < 0 ? default : speaker[from..].TrimEnd();
        if (speaker.IsEmpty || text.IsEmpty || LabelAt(speaker, 0) is not { } label || label.Length != speaker.Length)
        {
            return;
        }

        var before = found.Count;
        NamesInLabelValue(text, label, 0, found);
        if (found.Count > before && found[before] is var first && first.Start + first.Length < text.Length
            && !IsSpace(text[first.Start + first.Length]) && !IsOpenParen(text[first.Start + first.Length])
            && text[first.Start + first.Length] is not ('、' or '，' or '\n' or '\r'))
        {
            found.RemoveRange(before, found.Count - before); // 山田です。: a speech that opens with a name
        }
    }

    /// <summary>The names of a label's value from <paramref name="q"/> (after the separator); returns where reading stopped.</summary>
    private int NamesInLabelValue(ReadOnlySpan<char> t, string label, int q, List<NameSpan> found)
    {
        var i = q;
        q = AfterPetitionersAddress(t, label, q);

        // 講師　John Smith: after a label, words of a capital and small letters up to where the value ends.
        if (LatinValueEnd(t, q) is var latinEnd and > 0)
        {
            found.Add(new NameSpan(q, latinEnd - q, "offline:label-latin", 0.75));
            return latinEnd;
        }

        // 講師　ジャン・ポール・マルタン, 担当：スミス: katakana after a label.
        if (KatakanaLabelValue(t, q) is { Length: > 0 } kana)
        {
            // 司会　フリーアナウンサー　山田花子: a katakana word no dictionary names, then a kanji name one
            // space on, says what the person is; the name is the kanji.
            if (!kana.Sure && KanjiNameAfterSpace(t, q + kana.Length) is var named and > 0)
            {
                q = named;
            }
            else
            {
                found.Add(new NameSpan(q, kana.Length, kana.Sure ? "offline:label" : UnsureLabelRule, 0.85));
                return q + kana.Length;
            }
        }

        // 受賞者：宇佐美健一、阿子島陽子、鬼塚誠: a list of names after one label.
        while (TryNameAt(t, q, structure: true, out var end))
        {
            end = SpacedGivenNameEnd(t, end);
            found.Add(new NameSpan(q, end - q, "offline:label", 0.85));
            i = end;
            if (end + 1 >= t.Length || t[end] is not ('、' or '・' or '，' or ','))
            {
                break;
            }

            q = end + 1;
        }

        return i;
    }

    /// <summary>
    /// The rule of a katakana value after a label that may be a name or a word (担当：システム, 講師　マルタン):
    /// masked, and the document held for a reviewer, since nothing tells a foreign surname the dictionary
    /// lacks from a loanword.
    /// </summary>
    public const string UnsureLabelRule = "offline:label-katakana-unsure";

    /// <summary>
    /// A katakana value after a label, up to where the value ends: words joined by ・ or ＝ are a foreign
    /// full name (講師　ジャン・ポール・マルタン, 記録　ジャン＝ピエール・ルロワ), and so are words one space
    /// apart or one word the dictionary lists as a name (講師　ジョン　スミス, 担当：スミス). One word it
    /// does not list (講師　マルタン, 担当：システム), or words one space apart none of which it lists, cannot
    /// be told from a loanword: unsure. A word people are called by (司会　スタッフ) is no name.
    /// </summary>
    private (int Length, bool Sure) KatakanaLabelValue(ReadOnlySpan<char> t, int q)
    {
        var end = q;
        var words = 0;
        var joined = false;
        var named = false;
        var lastWord = ReadOnlySpan<char>.Empty;
        while (end < t.Length && IsKatakana(t[end]) && t[end] is not ('ー' or 'ｰ'))
        {
            var w = end;
            while (w < t.Length && IsKatakana(t[w]))
            {
                w++;
            }

            lastWord = t[end..w];
            named |= lexicon.IsSurname(lastWord) || lexicon.IsGivenName(lastWord);
            words++;
            end = w;
            // The next word after ・, ＝ or one space; anything else ends the value.
            if (end + 1 < t.Length && IsKatakana(t[end + 1]) && (t[end] is '・' or '＝' or '=' or '･' || IsSpace(t[end])))
            {
                joined |= !IsSpace(t[end]);
                end++;
                continue;
            }

            break;
        }

        // The value must end here (a bracket, a comma, a line's end, a particle): 担当：デジタル推進課 goes on.
        // A title may follow it (講師　コワルスカ先生): the value is the katakana before the title.
        var titled = RoleWords.MatchAt(t, end) is { Kind: RoleKind.Honorific or RoleKind.Member };
        if (words == 0 || words > 4 || !(titled || IsNameBoundary(t, end)))
        {
            return default;
        }

        if (joined || named)
        {
            return (end - q, true);
        }

        // One word alone, or words apart that no dictionary names: only where the value plainly ends
        // (not before a particle: 記録　システムの更新 is prose).
        var plainEnd = end >= t.Length || !IsHiragana(t[end]);
        return plainEnd && !(words == 1 && KatakanaCalls.Contains(lastWord)) ? (end - q, false) : default;
    }

    /// <summary>Where a kanji name starts after spaces from <paramref name="end"/>, or -1.</summary>
    private int KanjiNameAfterSpace(ReadOnlySpan<char> t, int end)
    {
        var n = end;
        while (n < t.Length && IsSpace(t[n]))
        {
            n++;
        }

        return n > end && n < t.Length && IsKanji(t[n]) && TryNameAt(t, n, structure: true, out _) ? n : -1;
    }

    /// <summary>
    /// （記録　木下　颯）: after a label the value is a person, so one to three kanji one space after its
    /// surname, up to where the value ends, are the given name (颯 was published beside 〇〇). Not a word,
    /// an office or a compound (担当　山田　係長, 作成　総務　課).
    /// </summary>
    private int SpacedGivenNameEnd(ReadOnlySpan<char> t, int end)
    {
        if (end + 1 >= t.Length || !IsSpace(t[end]) || !IsKanji(t[end + 1]))
        {
            return end;
        }

        var e = end + 1;
        while (e < t.Length && IsKanji(t[e]) && e - end <= 4)
        {
            e++;
        }

        var given = t[(end + 1)..e];
        var valueEnds = e >= t.Length || IsCloseParen(t[e]) || t[e] is '、' or '，' or ',' or '\n' or '\r';
        return valueEnds && CodePoints(given) is >= 1 and <= 3 && !lexicon.IsWord(given) && !RoleWords.IsRole(given)
            && !OfficeWords.Contains(given) && !Morphemes.Contains(given[^1]) && !OfficeEnds.Contains(given[^1]) && !IsCompound(given, places: true)
            ? e
            : end;
    }

    /// <summary>
    /// 請願者　架空市南町２－３　　小野寺　光代: a petition names its petitioner after the address, so
    /// after 請願者/陳情者 an address (one word holding a place mark or a digit) is passed over, and then a
    /// group's name and its representative's title (…を守る会　代表).
    /// </summary>
    private static readonly SearchValues<char> AddressMarks = SearchValues.Create("丁目番地号都道府県市区町村0123456789０１２３４５６７８９");

    private static int AfterPetitionersAddress(ReadOnlySpan<char> t, string label, int q)
    {
        if (label is not ("請願者" or "陳情者"))
        {
            return q;
        }

        var next = NextWord(t, q, out var address);
        if (next > q && address.IndexOfAny(AddressMarks) >= 0)
        {
            q = next;
        }

        // 北浜の緑を守る会　代表　山田太郎: a group petitions through its representative, whose name follows
        // the group's name and the title (the group's place name was taken for the petitioner, the name published).
        next = NextWord(t, q, out var group);
        if (next > q && group.Length >= 3 && EndsLikeAGroup(group))
        {
            var afterTitle = NextWord(t, next, out var title);
            q = afterTitle > next && RepresentativeTitles.Contains(title) ? afterTitle : next;
        }

        return q;
    }

    /// <summary>Titles of the person who petitions for a group (代表, 会長, 世話人).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RepresentativeTitles = new HashSet<string>(
        ["代表", "代表者", "共同代表", "会長", "代表世話人", "世話人", "理事長", "委員長", "事務局長"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool EndsLikeAGroup(ReadOnlySpan<char> word) =>
        word[^1] is '会' or '団' || word.EndsWith("組合", StringComparison.Ordinal) || word.EndsWith("クラブ", StringComparison.Ordinal)
        || word.EndsWith("連合", StringComparison.Ordinal) || word.EndsWith("ネットワーク", StringComparison.Ordinal) || word.EndsWith("団体", StringComparison.Ordinal);

    /// <summary>The word from <paramref name="q"/> to the next space, and where the word after it starts (q when no space follows on the line).</summary>
    private static int NextWord(ReadOnlySpan<char> t, int q, out ReadOnlySpan<char> word)
    {
        var end = q;
        while (end < t.Length && !IsSpace(t[end]) && t[end] is not ('\n' or '\r' or '）' or ')'))
        {
            end++;
        }

        word = t[q..end];
        if (end == q || end >= t.Length || !IsSpace(t[end]))
        {
            return q;
        }

        while (end < t.Length && IsSpace(t[end]))
        {
            end++;
        }

        return end;
    }

    private static string? LabelAt(ReadOnlySpan<char> t, int index)
    {
        foreach (var label in NameLabels)
        {
            // The first character rules out almost every label (委, 説, 書, 要 open many other words).
            if (label[0] == t[index] && t[index..].StartsWith(label, StringComparison.Ordinal))
            {
                return label;
            }
        }

        return null;
    }

    // ---- 株式会社ミライ　高橋次郎, ○○大学　教授　山田太郎 ------------------------------------------

    private void NamesAfterOrganisations(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        var i = 0;
        int s;
        while ((s = IndexOfAnyFrom(t, i, Spaces)) >= 0)
        {
            var q = s;
            while (q < t.Length && IsSpace(t[q]))
            {
                q++;
            }

            i = q;
            var tokenStart = s;
            while (tokenStart > 0 && !IsSpace(t[tokenStart - 1]) && t[tokenStart - 1] is not ('、' or '。' or '：' or ':' or '「' or '『' or '（' or '(' or '〔'))
            {
                tokenStart--;
            }

            if (tokenStart == s || !(OrganisationMarks.Holds(t[tokenStart..s]) || IsCaucusName(t[tokenStart..s])))
            {
                continue;
            }

            // One title between the organisation and the name (代表取締役, 教授, 理事長).
            var titleEnd = q;
            while (titleEnd < t.Length && IsKanji(t[titleEnd]))
            {
                titleEnd++;
            }

            if (titleEnd > q && titleEnd < t.Length && IsSpace(t[titleEnd]) && (RoleWords.IsRole(t[q..titleEnd]) || IsCompound(t[q..titleEnd], places: false)))
            {
                var next = titleEnd;
                while (next < t.Length && IsSpace(t[next]))
                {
                    next++;
                }

                q = next;
            }

            // Lexicon only: after an organisation, unknown kanji are as often a department (情報学環).
            if (TryNameAt(t, q, structure: false, out var end))
            {
                found.Add(new NameSpan(q, end - q, "offline:organisation-roll", 0.8));
                i = end;
            }
        }
    }

    // ---- 伊藤四郎作成, （伊藤四郎　作成）, 佐藤一郎邸, 佐藤宅 --------------------------------------

    private void NamesBeforeSuffixes(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        for (var i = 1; i < t.Length; i++)
        {
            int suffixLength;
            var household = false;
            if (t[i] == '作' && i + 1 < t.Length && t[i + 1] == '成')
            {
                // 作成者, 作成日, 作成中 …: another word, or the label rule's business; 山中健太郎作成資料 is the author's.
                if (i + 2 < t.Length && IsKanji(t[i + 2]) && !t[(i + 2)..].StartsWith("資料", StringComparison.Ordinal))
                {
                    continue;
                }

                suffixLength = 2;
            }
            else if (t[i] == '提' && t[i..].StartsWith("提出資料", StringComparison.Ordinal))
            {
                suffixLength = 2; // 資料２　真壁潤提出資料: the member who handed it in (市長提出資料 is an office's)
            }
            else if (t[i] == '邸' && !(i + 1 < t.Length && t[i + 1] is '宅' or '内'))
            {
                suffixLength = 1;
                household = true;
            }
            else if (t[i] == '宅' && !(i + 1 < t.Length && IsKanji(t[i + 1])))
            {
                suffixLength = 1; // 宅地, 宅配 are other words
                household = true;
            }
            else if (t[i] == '翁' && !(i + 1 < t.Length && IsKanji(t[i + 1]) && (lexicon.IsSurname(t.Slice(i, 2)) || lexicon.IsWord(t.Slice(i, 2)))))
            {
                // 高嶋藤吉翁 (an honorific for an old man, in local history): a name the dictionary
                // supports only, as before 作成; 翁長 is a surname, and 塞翁, 老翁 are words.
                suffixLength = 1;
            }
            else
            {
                continue;
            }

            // 住宅, 在宅, 自宅, 公邸, 帰宅: the suffix belongs to a word with the character before it.
            // 住宅, 本宅, 公邸, 三宅: the suffix may make a word (or a surname) with the character before it.
            var suffixWord = lexicon.IsCommonWord(t.Slice(i - 1, 1 + suffixLength))
                || (suffixLength == 1 && IsKanji(t[i - 1]) && (lexicon.IsWord(t.Slice(i - 1, 2)) || lexicon.IsSurname(t.Slice(i - 1, 2))));
            var end = i;
            if (IsSpace(t[end - 1]) && suffixLength == 2 && end >= 2 && !IsSpace(t[end - 2]))
            {
                end--; // （伊藤四郎　作成）
            }

            var start = KanjiRunStart(t, end);
            if (start == end || (start > 0 && t[start - 1] == '旧'))
            {
                continue; // 旧古河邸: a listed building, not a household
            }

            var run = t[start..end];
            // 林宅, 森作成: a one-character surname only as the whole run, never where it makes a word (本宅, 公邸).
            if (CodePoints(run) == 1)
            {
                if (!suffixWord && t[i] != '翁' && lexicon.IsSurname(run) && !Morphemes.Contains(run[0]) && !lexicon.IsWord(t.Slice(start, end - start + suffixLength)))
                {
                    found.Add(new NameSpan(start, run.Length, "offline:name-suffix", 0.75));
                }

                i += suffixLength - 1;
                continue;
            }

            for (var k = 0; k < run.Length - 1; k++)
            {
                if (char.IsLowSurrogate(run[k]) || (k > 0 && !IsCompound(run[..k])))
                {
                    continue;
                }

                var name = run[k..];
                if (name[0] == '旧')
                {
                    break;
                }

                // 山田作成, 河原邸: a surname that is also a word only when it is the whole run.
                // 神宮寺宅: before 邸/宅, a whole run of 2–5 kanji that is no word is a household too,
                // unless the suffix makes a word or surname with the character before it (上三宅).
                var whole = k == 0;
                if ((IsKnownName(name, allowCommonSurname: whole) && !(suffixWord && suffixLength == 1 && !whole))
                    || (whole && suffixLength == 2 && IsOneKanjiGivenName(name))
                    || (whole && household && !suffixWord && CodePoints(name) is >= 2 and <= 5 && !lexicon.IsCommonWord(name)
                        && !IsCompound(name, places: false) && !OfficeEnds.Contains(name[^1]) && !NotNameStart.Contains(name[0])))
                {
                    found.Add(new NameSpan(start + k, name.Length, "offline:name-suffix", 0.8));
                    break;
                }
            }

            i += suffixLength - 1;
        }
    }

    // ---- 加藤八郎とする: a full pair the lexicon knows ------------------------------------------

    private void RecognizeFullNamePairs(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        var i = 0;
        while (i < t.Length)
        {
            if (!IsKanji(t[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < t.Length && IsKanji(t[i]))
            {
                i++;
            }

            // A single kanji (市, 件, 私) is too short for every rule below, and many runs in prose are one.
            if (i - start < 2)
            {
                continue;
            }

            var splits = new RunSplits(this, t[start..i]);
            if (IsFullNamePair(ref splits))
            {
                found.Add(new NameSpan(start, splits.Run.Length, "offline:full-name-pair", 0.7));
            }
            else if (TwoFullNamePairs(in splits) is var split and > 0)
            {
                // 木原大輔重信元子: a fixed-width line of two names whose spacing was lost.
                found.Add(new NameSpan(start, split, "offline:full-name-pair", 0.7));
                found.Add(new NameSpan(start + split, splits.Run.Length - split, "offline:full-name-pair", 0.7));
            }
            else
            {
                BareFullName(t, start, ref splits, found);
            }
        }
    }

    /// <summary>Where a run of 8–12 kanji splits into two full pairs (0 if it does not).</summary>
    private int TwoFullNamePairs(in RunSplits whole)
    {
        if (whole.CodePointCount is < 8 or > 12)
        {
            return 0;
        }

        var run = whole.Run;
        for (var k = 4; k <= run.Length - 4; k++)
        {
            if (char.IsLowSurrogate(run[k]))
            {
                continue;
            }

            var first = new RunSplits(this, run[..k]);
            if (IsFullNamePair(ref first))
            {
                var second = new RunSplits(this, run[k..]);
                if (IsFullNamePair(ref second))
                {
                    return k;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// A surname (2+ characters) and a given name (2+ characters), both in the lexicon, that do not
    /// read as ordinary words; the given part must not be a place or a surname too (出羽三山, 日野北山).
    /// </summary>
    private bool IsFullNamePair(ref RunSplits splits)
    {
        // The splits are a lookup each; the word and compound checks of the whole run cost a lookup
        // per piece, so they run only for a run that splits (most kanji runs in prose do not).
        foreach (var k in splits.GivenNameSplits)
        {
            var surname = splits.Run[..k];
            var given = splits.Run[k..];
            if (CodePoints(surname) >= 2 && CodePoints(given) >= 2 && lexicon.IsSurname(surname)
                && !lexicon.IsCommonWord(surname) && !lexicon.IsWord(given) && !lexicon.IsSurname(given) && !OfficeWords.Contains(surname))
            {
                return !splits.IsOrdinary();
            }
        }

        return false;
    }

    // ---- shared ---------------------------------------------------------------------------

    /// <summary>
    /// A name starting at <paramref name="start"/> that the lexicon supports, or, with
    /// <paramref name="structure"/>, 2–4 kanji that are not ordinary words (阿子島) ending where a value ends.
    /// </summary>
    private bool TryNameAt(ReadOnlySpan<char> t, int start, bool structure, out int end)
    {
        end = start;
        var re = start;
        while (re < t.Length && IsKanji(t[re]) && re - start < MaxRun)
        {
            re++;
        }

        // 陳情者　宮之原修一外１名: 外 and a count after the name are the others who signed with it.
        if (re - start >= 3 && t[re - 1] == '外' && re < t.Length && CountDigits.Contains(t[re]))
        {
            re--;
        }
        else if (re == start || !IsNameBoundary(t, re))
        {
            // 陳情者　北浜市本町　宮之原修一⏎陳情第４号: a line break the normaliser took for a wrap glued the
            // next line's words to the name.
            end = structure && re > start ? GluedFullNameEnd(t[start..re]) : 0;
            end += end > 0 ? start : 0;
            return end > 0;
        }

        var run = t[start..re];
        var surname = lexicon.IsSurname(run) && !lexicon.IsCommonWord(run);
        if (HasRole(run) || (OfficeEnds.Contains(run[^1]) && !surname) || NotNameStart.Contains(run[0]))
        {
            return false;
        }

        // 鈴木　花子: the given name after one space.
        if (re + 1 < t.Length && IsSpace(t[re]) && IsKanji(t[re + 1]) && (lexicon.IsSurname(run) || !IsCompound(run, places: false)))
        {
            var ge = re + 1;
            while (ge < t.Length && IsKanji(t[ge]) && ge - re <= 4)
            {
                ge++;
            }

            if (IsNameBoundary(t, ge) && lexicon.IsGivenName(t[(re + 1)..ge]))
            {
                end = ge;
                return true;
            }
        }

        // 担当：佐藤さくら: a known surname and a hiragana given name that ends the value.
        if (re < t.Length && IsHiragana(t[re]) && lexicon.IsSurname(run))
        {
            var he = re;
            while (he < t.Length && IsHiragana(t[he]) && he - re < 6)
            {
                he++;
            }

            var given = t[re..he];
            if ((he >= t.Length || (!IsHiragana(t[he]) && !IsKanji(t[he]) && IsNameBoundary(t, he)))
                && IsHiraganaNamePart(given) && !given.EndsWith("する", StringComparison.Ordinal))
            {
                end = he;
                return true;
            }
        }

        var cps = CodePoints(run);
        // 担当：林: a one-character surname when it is the whole value.
        if (cps == 1 && lexicon.IsSurname(run) && !Morphemes.Contains(run[0]) && (re >= t.Length || !IsHiragana(t[re])))
        {
            end = re;
            return true;
        }

        if (IsKnownName(run, allowCommonSurname: true)
            || (structure && cps is >= 2 and <= 5 && !lexicon.IsCommonWord(run) && !IsCompound(run, places: false) && !OfficeWords.Contains(run)))
        {
            end = re;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The length of a full name (a surname or unknown surname, and a given name the dictionary knows) that opens
    /// <paramref name="run"/> and is followed by a word (宮之原修一陳情第, 山中健太郎証人), longest first; or 0.
    /// </summary>
    private int GluedFullNameEnd(ReadOnlySpan<char> run)
    {
        for (var n = Math.Min(run.Length - 2, 7); n >= 3; n--)
        {
            var rest = run[n..];
            if (char.IsLowSurrogate(run[n]) || !(lexicon.IsWord(rest[..2]) || RoleWords.MatchAt(rest, 0) is not null))
            {
                continue;
            }

            for (var k = 1; k < n - 1; k++)
            {
                var given = run[k..n];
                if (CodePoints(given) >= 2 && lexicon.IsGivenName(given) && !lexicon.IsCommonWord(given) && IsKnownName(run[..n], allowCommonSurname: true))
                {
                    return n;
                }
            }
        }

        return 0;
    }

    /// <summary>A surname, a surname+given pair, or an unknown surname before a known given name.</summary>
    private bool IsKnownName(ReadOnlySpan<char> name, bool allowCommonSurname)
    {
        var cps = CodePoints(name);
        if (cps is < 2 or > 7 || OfficeWords.Contains(name))
        {
            return false;
        }

        if (lexicon.IsSurname(name) && (allowCommonSurname || !lexicon.IsCommonWord(name)))
        {
            return true;
        }

        for (var k = 1; k < name.Length - 1; k++)
        {
            if (char.IsLowSurrogate(name[k]))
            {
                continue;
            }

            var surname = name[..k];
            var given = name[k..];
            // 陽子 and 花子 are words too, but 大学 or 成年 after an unknown prefix are not given names.
            if (CodePoints(given) < 2 || !lexicon.IsGivenName(given) || (lexicon.IsCommonWord(given) && !GivenNameEndings.Contains(given[^1])))
            {
                continue;
            }

            if (lexicon.IsSurname(surname)
                || (CodePoints(surname) is >= 1 and <= 5 && !NotNameStart.Contains(surname[0]) && !IsCompound(surname, places: false)))
            {
                return true;
            }
        }

        return false;
    }
}
