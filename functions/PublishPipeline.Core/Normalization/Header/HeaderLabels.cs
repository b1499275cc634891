using PublishPipeline.Normalization.Cleanup;

namespace PublishPipeline.Normalization.Header;

/// <summary>What a header label (the left column of the 会議録 table, or "1 日時" in a list) stands for.</summary>
internal enum HeaderField
{
    Unknown,
    Title,
    Secretariat,
    DateTime,
    /// <summary>時間 / 開催時間 in a row of its own, when 開催日 holds only the date.</summary>
    Time,
    Venue,
    /// <summary>招集年月日: when the session was called, not when this sitting met (第３号 meets days later); read, not the date.</summary>
    Convened,
    Agenda,
    Disclosure,
    Attendees,
    Absentees,
    Audience,
    Results,
    Materials,
    /// <summary>審議経過 / 発言内容 …: the proceedings follow.</summary>
    Proceedings,
}

/// <summary>
/// The header labels wards use, with their variants (日時/開催日/日 時, 場所/会場, 出席委員 …).
/// Labels are compared with spaces removed, so 会 議 の 結 果 and 附属機関又は 会議体の名称 match.
/// </summary>
internal static class HeaderLabels
{
    /// <summary>Labels recognised at the start of a paragraph ("1 日時 令和元年…", "場所：…"); longest first.</summary>
    private static readonly (string Label, HeaderField Field)[] ParagraphLabels =
    [
        ("附属機関又は会議体の名称", HeaderField.Title), ("会議体の名称", HeaderField.Title), ("会議の名称", HeaderField.Title), ("会議名", HeaderField.Title),
        ("名称", HeaderField.Title),
        ("事務局(担当課)", HeaderField.Secretariat), ("事務局（担当課）", HeaderField.Secretariat), ("担当課", HeaderField.Secretariat), ("所管課", HeaderField.Secretariat),
        ("事務局", HeaderField.Secretariat),
        // A board's form names the office that keeps its minutes: 会議の庶務を行う課名 / 庶務担当課 over 選挙管理委員会事務局.
        ("会議の庶務を行う課名", HeaderField.Secretariat), ("庶務を行う課名", HeaderField.Secretariat), ("庶務担当課", HeaderField.Secretariat),
        ("開催年月日", HeaderField.DateTime), ("開催日時", HeaderField.DateTime), ("開催日", HeaderField.DateTime), ("会議日時", HeaderField.DateTime), ("会議日", HeaderField.DateTime),
        ("開会年月日", HeaderField.DateTime), ("開会日時", HeaderField.DateTime), ("開会日", HeaderField.DateTime), ("開議日時", HeaderField.DateTime), ("日時", HeaderField.DateTime),
        // An assembly's numbered header dates the sitting by its opening: １．開議　令和６年６月１２日　午前１０時.
        ("開議", HeaderField.DateTime), ("開会", HeaderField.DateTime), ("開会（開議）", HeaderField.DateTime), ("開会(開議)", HeaderField.DateTime),
        ("招集年月日", HeaderField.Convened), ("招集日時", HeaderField.Convened), ("招集期日", HeaderField.Convened), ("招集日", HeaderField.Convened), ("日付", HeaderField.DateTime),
        ("開催時間", HeaderField.Time), ("時間", HeaderField.Time),
        ("開催場所", HeaderField.Venue), ("招集場所", HeaderField.Venue), ("招集の場所", HeaderField.Venue), ("場所", HeaderField.Venue), ("会場", HeaderField.Venue),
        ("会議次第", HeaderField.Agenda), ("議題", HeaderField.Agenda), ("案件", HeaderField.Agenda), ("次第", HeaderField.Agenda), ("議事", HeaderField.Agenda),
        // A board's header lists the bills it decides under <議案>.
        ("議案", HeaderField.Agenda),
        ("公開の可否", HeaderField.Disclosure), ("会議の公開の可否", HeaderField.Disclosure), ("会議公開の可否", HeaderField.Disclosure), ("会議の公開・非公開", HeaderField.Disclosure), ("会議の公開", HeaderField.Disclosure),
        ("会議録の公開の可否", HeaderField.Disclosure), ("会議録の公開・非公開", HeaderField.Disclosure), ("会議録の公開", HeaderField.Disclosure),
        ("議事録の公開の可否", HeaderField.Disclosure), ("議事録の公開・非公開", HeaderField.Disclosure), ("議事録の公開", HeaderField.Disclosure),
        ("会議の公開又は非公開", HeaderField.Disclosure), ("会議録の公開又は非公開", HeaderField.Disclosure), ("公開・非公開の別", HeaderField.Disclosure), ("公開・非公開", HeaderField.Disclosure),
        ("公開又は非公開の別", HeaderField.Disclosure), ("公開の別", HeaderField.Disclosure), ("公開区分", HeaderField.Disclosure),
        ("非公開の理由", HeaderField.Disclosure), ("非公開とした理由", HeaderField.Disclosure), ("非公開の場合その理由", HeaderField.Disclosure),
        ("出席委員", HeaderField.Attendees), ("出席職員", HeaderField.Attendees), ("出席者", HeaderField.Attendees),
        ("欠席委員", HeaderField.Absentees), ("欠席者", HeaderField.Absentees),
        ("傍聴者数", HeaderField.Audience), ("傍聴人数", HeaderField.Audience), ("傍聴人", HeaderField.Audience), ("傍聴者", HeaderField.Audience), ("傍聴", HeaderField.Audience),
        ("提出された資料等", HeaderField.Materials), ("提出資料", HeaderField.Materials), ("配付資料", HeaderField.Materials), ("配布資料", HeaderField.Materials), ("資料", HeaderField.Materials),
        ("会議の結果", HeaderField.Results), ("決定事項", HeaderField.Results),
        // A board's bills and how each was decided, over their table: 議案の概要と審議結果（賛成…○、反対…×）.
        ("議案の概要と審議結果", HeaderField.Results), ("審議結果", HeaderField.Results), ("議決結果", HeaderField.Results),
        ("審議経過", HeaderField.Proceedings), ("会議経過", HeaderField.Proceedings), ("議事経過", HeaderField.Proceedings), ("発言内容", HeaderField.Proceedings),
        ("発言の記録", HeaderField.Proceedings), ("議事の経過", HeaderField.Proceedings), ("審議内容", HeaderField.Proceedings), ("会議内容", HeaderField.Proceedings),
        // 審議会 minutes number their items and call the proceedings so: １０　議事内容, ６　会議の概要.
        ("議事内容", HeaderField.Proceedings), ("議事概要", HeaderField.Proceedings), ("議事の概要", HeaderField.Proceedings), ("議事要旨", HeaderField.Proceedings),
        ("会議の経過", HeaderField.Proceedings), ("会議の概要", HeaderField.Proceedings), ("会議概要", HeaderField.Proceedings), ("審議の経過", HeaderField.Proceedings),
        ("審議の概要", HeaderField.Proceedings), ("審議概要", HeaderField.Proceedings), ("発言要旨", HeaderField.Proceedings),
    ];

    /// <summary>Classifies a table cell label (spaces removed, trailing colon dropped).</summary>
    public static HeaderField Classify(string cellLabel)
    {
        var l = TextCleanup.RemoveSpaces(cellLabel).TrimEnd('：', ':');
        if (l.Length == 0 || l.Length > 24)
        {
            return HeaderField.Unknown;
        }

        foreach (var (label, field) in ParagraphLabels)
        {
            if (l == label)
            {
                return field;
            }
        }

        return l switch
        {
            _ when l.Contains("名称", StringComparison.Ordinal) => HeaderField.Title,
            _ when l.StartsWith("事務局", StringComparison.Ordinal) || l.Contains("担当課", StringComparison.Ordinal) || l.Contains("庶務", StringComparison.Ordinal) => HeaderField.Secretariat,
            _ when l.Contains("日時", StringComparison.Ordinal) || l == "日" => HeaderField.DateTime,
            _ when l.Contains("場所", StringComparison.Ordinal) => HeaderField.Venue,
            _ when l.Contains("公開", StringComparison.Ordinal) => HeaderField.Disclosure,
            _ when l.Contains("欠席", StringComparison.Ordinal) => HeaderField.Absentees,
            _ when l.Contains("出席", StringComparison.Ordinal) => HeaderField.Attendees,
            _ when l.Contains("傍聴", StringComparison.Ordinal) => HeaderField.Audience,
            _ when l.Contains("結果", StringComparison.Ordinal) => HeaderField.Results,
            _ when l.Contains("資料", StringComparison.Ordinal) => HeaderField.Materials,
            _ when l.Contains("議題", StringComparison.Ordinal) => HeaderField.Agenda,
            _ when l.Contains("経過", StringComparison.Ordinal) || l.Contains("発言", StringComparison.Ordinal) => HeaderField.Proceedings,
            _ => HeaderField.Unknown,
        };
    }

    /// <summary>
    /// Reads "label value" at the start of a paragraph, with an optional list number ("3 出席者 …",
    /// "- 2 場所 …") and labels typed with spaces (日 時). Null when the paragraph does not start with a label.
    /// </summary>
    /// <param name="marked">The line had a field's bullet (▽事務局　…), which says it is a header item as a number does.</param>
    public static (HeaderField Field, string Label, string Value)? ReadParagraph(string text, bool marked = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan().TrimStart(" \u3000-・*");
        var numbered = marked;
        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }

        if (digits is > 0 and <= 2 && digits < span.Length && span[digits] is ' ' or '\u3000' or '.' or '．' or '、' or ')' or '）')
        {
            span = span[(digits + 1)..].TrimStart(" \u3000");
            numbered = true;
        }

        (HeaderField, string, string)? best = null;
        var bestLength = 0;
        foreach (var (label, field) in ParagraphLabels)
        {
            var end = MatchSpaced(span, label);
            if (end <= bestLength)
            {
                continue;
            }

            var rest = SkipNote(span[end..]);
            if (rest.IsEmpty || rest[0] is ' ' or '\u3000' or '：' or ':' or '\t')
            {
                // A bare "名称" or "日" needs a number or a colon to count as a label, not prose.
                if (!numbered && label.Length <= 2 && !rest.TrimStart(" \u3000").StartsWith("：", StringComparison.Ordinal)
                    && !rest.TrimStart(" \u3000").StartsWith(":", StringComparison.Ordinal) && field is not (HeaderField.DateTime or HeaderField.Time or HeaderField.Venue or HeaderField.Agenda))
                {
                    continue;
                }

                // ３　事務局　課長　… is a numbered header item; 事務局：説明します is someone speaking. Unnumbered, it is a
                // header item only when what follows lists people and nothing else (事務局　柿本輝信教育次長、栗田郁雄総務課長):
                // before, that list became 事務局's speech, and a name glued to its office was published.
                if (!numbered && label == "事務局" && !ListsStaff(rest.TrimStart(" \u3000：:\t")))
                {
                    continue;
                }

                // 開議 / 開会 unnumbered and undated start a stage line (開会　午前１０時); with a date (開議　令和６年９月２０日) they date the sitting.
                // Numbered and alone (１．開会), it is the proceedings' first item: before, it took the line below as its
                // value and a speaker's label (議長：) over the first speech was lost.
                if (label is "開議" or "開会" && (!numbered || rest.TrimStart(" \u3000：:").IsEmpty) && !StartsWithDate(rest.TrimStart(" \u3000：:")))
                {
                    continue;
                }

                best = (field, label, rest.TrimStart(" \u3000：:\t").ToString());
                bestLength = end;
            }
        }

        return best;
    }

    private static bool ListsStaff(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.IndexOfAny("。？！") >= 0)
        {
            return false;
        }

        var members = HeaderLists.SplitMembers(value.ToString());
        // Only names (or surnames the dictionary knows) glued to their offices, among offices alone (北部地区担当課長, 中央図書館長,
        // as a list names a post whose holder is not named): a spaced line (事務局　　都市計画課長　芦田　修) under an open roll is
        // that roll's. Before, one office alone made the list 事務局's speech, and the surnames beside it were published.
        return members.Exists(GluedName) && members.TrueForAll(m => GluedName(m) || (m.AsSpan().IndexOfAny(' ', '\u3000') < 0 && People.OfficeWords.IsOfficeWord(m)));
    }

    private static bool GluedName(string member) => Rolls.RollEntryShapes.IsNameBeforeOffice(member) || Rolls.RollEntryShapes.IsSurnameBeforeOffice(member);

    private static bool StartsWithDate(ReadOnlySpan<char> value) =>
        value.StartsWith("令和", StringComparison.Ordinal) || value.StartsWith("平成", StringComparison.Ordinal) || value.StartsWith("昭和", StringComparison.Ordinal)
        || (value.Length >= 5 && char.IsDigit(value[0]) && value[..5].Contains('年'));

    /// <summary>
    /// A note in brackets right after a label, about how the list is written: 出席者（敬称略）：…,
    /// 出席委員（五十音順・敬称略）, 出席者（順不同）, 出席者（５名）. Before, the label was not read and the list
    /// (bare names, as 敬称略 means) was published as a speech of 出席者（敬称略）.
    /// </summary>
    private static ReadOnlySpan<char> SkipNote(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || rest[0] is not ('（' or '('))
        {
            return rest;
        }

        var close = rest.IndexOfAny('）', ')');
        if (close is < 2 or > 16)
        {
            return rest;
        }

        var note = rest[1..close];
        // A results table's legend of its marks (賛成…○、反対…×) is a note too.
        var isNote = note.Contains("敬称", StringComparison.Ordinal) || note.Contains("順", StringComparison.Ordinal)
            || (note.Length <= 4 && (note[^1] is '名' or '人') && char.IsAsciiDigit(note[0]))
            || (note.Contains("賛成", StringComparison.Ordinal) && note.IndexOfAny('○', '〇', '◯') >= 0);
        return isNote ? rest[(close + 1)..] : rest;
    }

    /// <summary>The end of <paramref name="label"/> at the start of <paramref name="text"/> allowing one space between characters; -1 if absent.</summary>
    private static int MatchSpaced(ReadOnlySpan<char> text, string label)
    {
        var i = 0;
        for (var k = 0; k < label.Length; k++)
        {
            // 日 時, and 日　　時 as fixed-width headers space it: up to four spaces between the characters.
            var spaces = 0;
            while (k > 0 && i + spaces < text.Length && spaces < 4 && text[i + spaces] is ' ' or '\u3000')
            {
                spaces++;
            }

            if (spaces > 0 && i + spaces < text.Length && text[i + spaces] == label[k])
            {
                i += spaces;
            }

            if (i >= text.Length || text[i] != label[k])
            {
                return -1;
            }

            i++;
        }

        return i;
    }
}
