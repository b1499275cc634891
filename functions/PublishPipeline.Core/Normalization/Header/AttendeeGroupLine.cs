using PublishPipeline.Normalization.Cleanup;

namespace PublishPipeline.Normalization.Header;

/// <summary>
/// A line of an attendee list that names its group first: <c>（委員）山中　健太郎（会長）、佐々木　美和</c>,
/// <c>【事務局】環境政策課長　今井　浩二</c>, <c>〔区側〕…</c>, <c>委員：…</c>. Councils' 審議会 minutes list their
/// 出席者 so, one group per line under the label. Before, the bracketed group read as a speaker label
/// (<c>（委員）</c>): the proceedings started there and the list was published as a speech.
/// </summary>
internal static partial class AttendeeGroupLine
{
    private const string Opening = "（(【［[〔〈<＜";
    private const string Closing = "）)】］]〕〉>＞";
    private static readonly System.Buffers.SearchValues<char> NotInGroup = System.Buffers.SearchValues.Create("、。，,・「」0123456789");

    /// <summary>The group and the members' text; null when the line does not start with a group so written.</summary>
    public static (string Group, string Members)? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.AsSpan().TrimStart(" \u3000\t・");
        if (text.IsEmpty)
        {
            return null;
        }

        int end;
        int restFrom;
        var open = Opening.IndexOf(text[0], StringComparison.Ordinal);
        if (open >= 0)
        {
            end = text.IndexOf(Closing[open]);
            restFrom = end + 1;
        }
        else
        {
            end = text.IndexOfAny('：', ':');
            restFrom = end + 1;
            open = -1;
        }

        if (end < (open >= 0 ? 2 : 1) || end > 16)
        {
            return null;
        }

        var group = TextCleanup.RemoveSpaces(text[(open >= 0 ? 1 : 0)..end].ToString());
        var members = text[restFrom..].Trim(" \u3000\t：:").ToString();
        // A group is a word (委員, 事務局, 区側, 学識経験者): no list, no sentence, no time or count.
        if (group.Length == 0 || group.AsSpan().IndexOfAny(NotInGroup) >= 0 || members.Length == 0
            || members.Contains('。', StringComparison.Ordinal) || !IsGroupWord(group))
        {
            return null;
        }

        return (group, members);
    }

    /// <summary>
    /// The group word, a space and a list of its members (<c>委員　宮坂昭彦（会長）、津田加奈子</c>) under a roll heading;
    /// null unless the rest is a 、 list (a roll's office and name, <c>委員長　山田太郎</c>, are no group and list).
    /// </summary>
    public static (string Group, string Members)? ReadSpaced(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.AsSpan().Trim(" \u3000\t");
        var space = text.IndexOfAny(" \u3000");
        if (space is < 2 or > 8)
        {
            return null;
        }

        var group = text[..space].ToString();
        if (group.EndsWith('長'))
        {
            // 委員長　宮坂昭彦、副委員長　津田加奈子: a post one person holds is that entry's office, no group.
            return null;
        }

        var members = text[space..].Trim(" \u3000").ToString();
        // One member is taken only as name（office）: 事務局　芦田修（都市計画課長）, never a roll's office and name.
        var open = members.Length > 2 && members[^1] is '）' or ')' ? members.LastIndexOfAny(['（', '(']) : -1;
        var one = open > 0 && People.OfficeWords.TitleAtEnd(members.AsSpan(open + 1, members.Length - open - 2)) is not null;
        // 議会事務局 庶務議事課主任(塚越志保): one member as office(name), the office before the bracket.
        one = one || (open > 0 && People.OfficeWords.TitleAtEnd(members.AsSpan(0, open)) is not null
            && People.SpeakerLabelParser.AllNameChars(members.AsSpan(open + 1, members.Length - open - 2)));
        return (one || members.Contains('、', StringComparison.Ordinal)) && !members.Contains('。', StringComparison.Ordinal)
            && group.AsSpan().IndexOfAny(NotInGroup) < 0 && IsGroupWord(group) ? (group, members) : null;
    }

    /// <summary>
    /// Groups on one line, each a group word, a space and its members, two spaces or more apart
    /// (<c>委員　山田太郎　佐藤花子　　事務局　教育長　鈴木一郎</c>), as a header's attendee line lays them out without 、:
    /// each group's members are its roll entries (names apart, an office and its name one member). Null unless the line
    /// holds two such groups or more and every group's members read as entries with a name.
    /// </summary>
    public static List<(string Group, List<string> Members)>? ReadApart(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim(' ', '\u3000', '\t');
        if (text.Contains('、', StringComparison.Ordinal) || text.Contains('。', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = WideGap().Split(text);
        if (parts.Length < 2)
        {
            return null;
        }

        var groups = new List<(string Group, List<string> Members)>(parts.Length);
        foreach (var part in parts)
        {
            var space = part.AsSpan().IndexOfAny(" \u3000");
            if (space is < 2 or > 8)
            {
                return null;
            }

            var group = part[..space];
            // 委員長　山田太郎: a post one person holds is an entry's office, no group.
            if (group.EndsWith('長') || group.AsSpan().IndexOfAny(NotInGroup) >= 0 || !IsGroupWord(group)
                || MembersApart(part[(space + 1)..]) is not { Count: > 0 } members)
            {
                return null;
            }

            groups.Add((group, members));
        }

        return groups;
    }

    /// <summary>
    /// 山田太郎　佐藤花子 / 教育長　鈴木一郎 / 森下　一樹: the members of one group, one space apart. An office takes the name
    /// after it, a surname the given name after it; null when a member reads as no entry with a name.
    /// </summary>
    private static List<string>? MembersApart(string text)
    {
        var words = text.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        var members = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (i + 1 < words.Length && (People.OfficeWords.IsOfficeWord(word)
                || (Rolls.RollEntryShapes.BareEntry(word, null) is null && Rolls.RollEntryShapes.BareEntry(word + words[i + 1], null) is not null)))
            {
                // 森下　一樹 is one member, written together so a list's reader takes it whole.
                word = People.OfficeWords.IsOfficeWord(word) ? word + "\u3000" + words[++i] : word + words[++i];
            }

            if (Rolls.RollEntryShapes.BareEntry(word, null) is null && Rolls.RollEntries.Read(word) is not [{ Name: not null }])
            {
                return null;
            }

            members.Add(word);
        }

        return members;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[ \u3000]{2,}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WideGap();

    /// <summary>
    /// A group word alone on its line (<c>委員</c>, <c>【事務局】</c>), as a Word table's 出席者 cell writes each group over its
    /// members; null for anything else, and for a post one person holds (区長, 課長: an entry of a list of posts).
    /// </summary>
    public static string? Alone(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.AsSpan().Trim(" \u3000\t");
        var open = text.IsEmpty ? -1 : Opening.IndexOf(text[0], StringComparison.Ordinal);
        if (open >= 0 && text.Length > 2 && text[^1] == Closing[open])
        {
            text = text[1..^1].Trim(" \u3000");
        }

        var group = text.ToString();
        return group.Length is >= 2 and <= 10 && group.AsSpan().IndexOfAny(" \u3000\t") < 0 && group.AsSpan().IndexOfAny(NotInGroup) < 0
            && !group.EndsWith('長') && IsGroupWord(group) ? group : null;
    }

    /// <summary>
    /// A group whose members are listed elsewhere (<c>委員（別表のとおり）</c>, <c>委員　別紙のとおり</c>, <c>（委員）名簿のとおり</c>),
    /// as a 審議会's 出席者 names its members in a table after the header: the group word, or null. The line names no one;
    /// before, it ended the roll and was read as a speaker label, and the header fields after it as its speech.
    /// </summary>
    public static string? Elsewhere(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = ListedElsewhere().Match(line.Trim(' ', '\u3000', '\t'));
        if (!m.Success)
        {
            return null;
        }

        var group = TextCleanup.RemoveSpaces(m.Groups["group"].Value);
        return group.Length >= 2 && group.AsSpan().IndexOfAny(NotInGroup) < 0 && !group.EndsWith('長') && IsGroupWord(group) ? group : null;
    }

    /// <summary>
    /// A group counted, not named: <c>委員　委員長始め３名</c>, <c>事務局　書記長ほか５名</c>, <c>傍聴者　なし</c>, as a board's
    /// 出席者 over bullets writes it. The group word and the count as written (empty for なし); null for anything else.
    /// Before, the line ended the roll and was read as the group's speech (委員: 委員長始め３名), and the header after it too.
    /// </summary>
    public static (string Group, string Count)? Counted(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = CountedGroup().Match(line.Trim(' ', '\u3000', '\t'));
        if (!m.Success)
        {
            return null;
        }

        var group = m.Groups["group"].Value;
        if (group.EndsWith('長') || !IsGroupWord(group))
        {
            return null;
        }

        var count = TextCleanup.RemoveSpaces(m.Groups["count"].Value);
        return (group, count is "なし" or "無し" ? "" : count);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[-・･*][ \u3000]*)?(?<group>[^\s\d０-９（()）【】：:、。・･*-]{2,10})[ \u3000：:]+(?<count>(?:[^\s\d０-９、。]{1,10}?(?:始め|はじめ|ほか|他|外|以下)[ \u3000]*)?[\d０-９]{1,3}[ \u3000]*[名人]|な[ \u3000]*し|無し)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CountedGroup();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[（(【［〔]?(?<group>[^\s（()）【】［］〔〕：:、。]{2,12})[）)】］〕]?[ \u3000：:]*[（(]?(?:別表|別紙|別添|別記|名簿)[0-9０-９]{0,2}(?:のとおり|の通り|記載のとおり|参照)[。．]?[）)]?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ListedElsewhere();

    /// <summary>A role (委員, 事務局, 区側 …) or a kind of member (学識経験者, 公募区民, 関係団体).</summary>
    public static bool IsGroupWord(string group) =>
        Proceedings.SpeakerLabels.IsRoleLike(group)
        || group.EndsWith('者') || group.EndsWith("団体", StringComparison.Ordinal)
        || group.EndsWith("区民", StringComparison.Ordinal) || group.EndsWith("市民", StringComparison.Ordinal)
        || group.EndsWith('側') || group.EndsWith('課') || group.EndsWith('部');
}
