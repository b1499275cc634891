using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Normalization.People;

/// <summary>
/// The words offices are made of, as assemblies and councils write them: titles that end a label
/// (議長, 委員, 学務課長, 参考人), honorifics that end a name (君, さん), seat numbers (１９番), and where
/// an office begins inside a packed label (山田<b>学務</b>課長: a common noun such as 学務, 生活, 教育
/// begins it). Common nouns come from the IPADIC word list the name lexicon ships.
/// </summary>
internal static class OfficeWords
{
    /// <summary>Titles a name is written directly before (鈴木委員長, 川津隆議長, 大井川和彦知事); the prefix is the whole name.</summary>
    private static readonly string[] PersonTitles =
    [
        "副委員長", "委員長", "副議長", "議長", "議員", "委員", "副知事", "知事", "副市長", "市長", "副町長", "町長", "副村長", "村長",
        "副区長", "区長", "教育長", "副会長", "会長", "参考人", "公述人", "証人", "副大臣", "大臣", "政務官", "大臣政務官", "座長", "副座長",
        "理事長", "社長", "委員一同",
    ];

    /// <summary>Titles that end a label but are not a generic ending (長 員 官 監 者 事).</summary>
    private static readonly string[] OtherTitles =
    [
        "代理人", "補佐", "主任", "主査", "主幹", "書記", "司会", "参与", "顧問", "講師", "技師", "医師", "弁護士", "税理士",
        "区側", "市側", "町側", "村側", "都側", "県側", "事務局", "担当", "係", "幹事", "統括", "オブザーバー", "アドバイザー",
        "コーディネーター", "ファシリテーター", "説明者",

        // Katakana agent nouns that name a seat of their own (サポーター委員, リーダー委員): a role, no name.
        "サポーター", "パートナー", "リーダー", "メンバー", "マネージャー", "マネジャー", "ナビゲーター", "アンバサダー",
        "コンサルタント", "スーパーバイザー", "カウンセラー", "ボランティア", "モニター", "トレーナー", "インストラクター",
    ];

    private const string GenericEndings = "長員官監者事";

    /// <summary>Words that begin an office without being a common noun of the lexicon.</summary>
    private static readonly string[] OfficeStarts =
    [
        "子ども", "こども", "議会", "事務局", "委員会", "教育委員会", "選挙管理", "監査", "会計", "上下水道", "水道", "消防", "病院",
        "センター", "市民", "区民", "町民", "村民", "県民", "都民", "道民", "府民", "地域", "総合", "本部",
        "区議会", "市議会", "町議会", "村議会", "県議会", "都議会", "道議会", "府議会",
    ];

    /// <summary>
    /// Words that name a section of an office (庶務係, 議事課, 調査係長): before an office's unit they belong to the office, never
    /// to the name in front of it. None is a given name.
    /// </summary>
    private static readonly string[] SectionWords =
    [
        "庶務", "議事", "調査", "総務", "管理", "経理", "会計", "人事", "企画", "財政", "広報", "秘書", "法制", "政策", "調整", "用地",
        "契約", "税務", "収納", "管財", "文書", "研修", "給与", "工務", "業務", "事業", "計画", "指導", "学務", "衛生", "福祉", "施設",
        "営繕", "出納", "審査", "選挙", "統計", "情報", "防災", "交通", "保険", "年金", "徴収", "課税", "監査",
    ];

    /// <summary>Words that stand before a title without being a name (各委員, 全員, 副…).</summary>
    private static readonly string[] NotNames = ["各", "全", "本", "当", "同", "前", "元", "新", "旧", "代表", "臨時", "仮", "事務", "議会", "区", "市", "町", "村", "県", "国"];

    /// <summary>The title a label ends with (longest known, else a generic 長 員 官 監 者 事), or null.</summary>
    public static string? TitleAtEnd(ReadOnlySpan<char> label)
    {
        string? best = null;
        foreach (var t in PersonTitles)
        {
            if (label.EndsWith(t, StringComparison.Ordinal) && (best is null || t.Length > best.Length))
            {
                best = t;
            }
        }

        foreach (var t in OtherTitles)
        {
            if (label.EndsWith(t, StringComparison.Ordinal) && (best is null || t.Length > best.Length))
            {
                best = t;
            }
        }

        if (best is not null)
        {
            return best;
        }

        return !label.IsEmpty && GenericEndings.Contains(label[^1], StringComparison.Ordinal) ? label[^1..].ToString() : null;
    }

    /// <summary>True for a title that a bare name stands before (議長, 委員, 知事 …), not an office (部長, 課長).</summary>
    public static bool IsPersonTitle(string title) => PersonTitles.Contains(title, StringComparer.Ordinal);

    /// <summary>A word of a roll or stage direction that is an office, not a name: ends with a title, or is a compound office word (教育委員会教育部).</summary>
    public static bool IsOfficeWord(ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return false;
        }

        if (TitleAtEnd(word) is not null)
        {
            return true;
        }

        // 教育委員会教育部, 政策部経営企画室, 市民病院事務局: an office word that ends in a unit (not 早苗, a given name that is also a word).
        return word.Length >= 3 && !NameLexicon.Default.IsSurname(word) && StartsOffice(word) && EndsInUnit(word);
    }

    private static bool EndsInUnit(ReadOnlySpan<char> word) =>
        "部課局室係所署庁院館園校会".Contains(word[^1]) || word.EndsWith("センター", StringComparison.Ordinal) || word.EndsWith("担当", StringComparison.Ordinal)
        || word.EndsWith("グループ", StringComparison.Ordinal);

    /// <summary>Whether an office begins at the start of <paramref name="text"/>: a common noun (生活, 教育, 警察) or a known office word.</summary>
    public static bool StartsOffice(ReadOnlySpan<char> text) => StartsOfficeBeyond(text, 0);

    /// <summary>
    /// As <see cref="StartsOffice"/> (which is this with no surname), but an ordinary word that is exactly the first
    /// <paramref name="surname"/> characters does not count: 石橋子育て健康課長, 山田保育課長 (石橋 and 山田 are nouns
    /// and surnames) start with the surname, while 総務課長, 子ども家庭課長 and 森林課長 (a word longer than 森) start as an office. Before, a surname that is also a noun was read
    /// as the start of an office and published.
    /// </summary>
    public static bool StartsOfficeBeyond(ReadOnlySpan<char> text, int surname)
    {
        if (text.Length < 2)
        {
            return false;
        }

        foreach (var w in OfficeStarts)
        {
            if (text.StartsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // Katakana opens an office (マネジメント室); a name rarely starts that way in a packed label.
        if (text[0] is >= '\u30A1' and <= '\u30FA' && text[1] is >= '\u30A1' and <= '\u30FC')
        {
            return true;
        }

        var lexicon = NameLexicon.Default;
        return (surname != 2 && lexicon.IsCommonWord(text[..2])) || (surname != 3 && text.Length >= 3 && lexicon.IsCommonWord(text[..3]));
    }

    /// <summary>
    /// The text before an office's unit without the section words at its end (宮脇奈緒子庶務 → 宮脇奈緒子, 山田庶務議事 → 山田);
    /// at least two characters are left for the name, so a word that is all section (総務) is kept.
    /// </summary>
    public static string WithoutSectionWords(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var cut = head.Length;
        var found = true;
        while (found)
        {
            found = false;
            foreach (var w in SectionWords)
            {
                if (cut - w.Length >= 2 && head.AsSpan(0, cut).EndsWith(w, StringComparison.Ordinal))
                {
                    cut -= w.Length;
                    found = true;
                    break;
                }
            }
        }

        return head[..cut];
    }

    /// <summary>Text ending with a body (茨城県議会, 市議会, 運営委員会): 茨城県議会議長 is an office, not a name.</summary>
    public static bool EndsWithBody(ReadOnlySpan<char> prefix)
    {
        foreach (var w in (ReadOnlySpan<string>)["議会", "委員会", "審議会", "協議会", "会議", "部会"])
        {
            if (prefix.EndsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text before a title is no name (各委員, 副議長's 副, 議会事務局長's 議会).</summary>
    public static bool IsNotName(ReadOnlySpan<char> prefix)
    {
        foreach (var w in NotNames)
        {
            if (prefix.SequenceEqual(w))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name with an honorific or member word removed (鈴木喜明君 → 鈴木喜明), and the role that word gives (議員 for 議員, null for 君).</summary>
    public static (string Name, string? Role) StripHonorific(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var h in (ReadOnlySpan<string>)["君", "さん", "氏", "様", "殿"])
        {
            if (text.Length > h.Length && text.EndsWith(h, StringComparison.Ordinal))
            {
                return (text[..^h.Length].TrimEnd(' ', '\u3000'), null);
            }
        }

        foreach (var r in (ReadOnlySpan<string>)["議員", "委員", "参考人"])
        {
            if (text.Length > r.Length && text.EndsWith(r, StringComparison.Ordinal))
            {
                return (text[..^r.Length].TrimEnd(' ', '\u3000'), r);
            }
        }

        return (text, null);
    }

    /// <summary>A seat number (議席番号) at the start: １９番, 第2番 → "19"/"2" and its length; null when none.</summary>
    public static (string Number, int Length)? SeatNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '第')
        {
            i++;
        }

        var start = i;
        Span<char> digits = stackalloc char[3];
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is >= '０' and <= '９'))
        {
            if (i - start >= digits.Length)
            {
                return null;
            }

            digits[i - start] = text[i] <= '9' ? text[i] : (char)(text[i] - '０' + '0');
            i++;
        }

        if (i == start || i >= text.Length || text[i] != '番')
        {
            return null;
        }

        var number = digits[..(i - start)].TrimStart('0');
        return (number.IsEmpty ? "0" : number.ToString(), i + 1);
    }
}
