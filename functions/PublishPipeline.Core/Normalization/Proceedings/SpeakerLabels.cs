using System.Text.RegularExpressions;
using PublishPipeline.Normalization.Cleanup;

namespace PublishPipeline.Normalization.Proceedings;

/// <summary>How a line of the proceedings names its speaker.</summary>
internal enum LabelStyle
{
    None,
    /// <summary>(会長) text, - (会長) text.</summary>
    Parenthesised,
    /// <summary>本部長：text, 本 部 長： text.</summary>
    Colon,
    /// <summary>委員 text, 齊藤副区長 text.</summary>
    Space,
    /// <summary>A label alone on its line; the speech follows on the next lines.</summary>
    Alone,
    /// <summary>大槻市長「お答えします。」, 議長（村井）「…」: the speech in 「」 right after the label.</summary>
    Quoted,
}

internal readonly record struct SpeakerLine(LabelStyle Style, string? Speaker, string Text);

/// <summary>
/// Recognises speaker labels. A label must look like a role (it ends in 委員, 長, 区側, 事務局, 部員 …,
/// optionally followed by a parenthesised role: 柴崎委員(会長)); that keeps ordinary sentences that
/// start with a word and a space from being read as speech by someone.
/// </summary>
internal static partial class SpeakerLabels
{
    // Trim(params char[]) would allocate its array on every call.
    private static readonly char[] SpaceChars = [' ', '\u3000'];

    private static readonly string[] RoleEndings =
    [
        "委員", "長", "区側", "市側", "町側", "村側", "都側", "事務局", "部員", "幹事", "職員", "説明者", "担当", "参事", "主査", "主事",
        "主任", "理事", "監", "司会", "座長", "議員", "講師", "参加者", "出席者", "構成員", "専門員", "補佐", "係", "代理", "委員一同",
        "オブザーバー", "アドバイザー", "コーディネーター", "ファシリテーター", "事務局員", "統括", "顧問", "区民", "市民", "傍聴者",
    ];

    private static readonly System.Buffers.SearchValues<char> NotInLabel = System.Buffers.SearchValues.Create("、。「」『』：:！？!?・ 　\t()（）[]〔〕【】<>＜＞");

    /// <summary>True when <paramref name="label"/> (spaces already removed) reads as a speaker's role or name+role.</summary>
    public static bool IsRoleLike(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty || label.Length > 30)
        {
            return false;
        }

        // 柴崎委員(会長), 行政経営課長(欠席): judge by the part before the parenthesis.
        var paren = label.IndexOfAny('(', '（');
        if (paren > 0 && label[^1] is ')' or '）')
        {
            if (People.OfficeWords.SeatNumber(label[..paren]) is { } seat && seat.Length == paren)
            {
                // ２番（宮坂千尋君）: a seat and the member's name with its honorific, as marked minutes write a member
                // (a bare ２番　宮坂千尋君 is a vote list's item, not a speaker).
                if (label[..^1].EndsWith('君'))
                {
                    return true;
                }

                // ６番（上山）, １番（池田委員）: a 農業委員会's seat and the member's surname, no honorific. The bracket holds a
                // surname the dictionary knows, or a name with a person's title: never an office alone, nor a vote (１番（賛成）).
                if (label[(paren + 1)..^1] is { Length: >= 1 and <= 8 } member && People.SpeakerLabelParser.AllNameChars(member))
                {
                    var lexicon = PublishPipeline.Redaction.Names.NameLexicon.Default;
                    if (People.OfficeWords.IsOfficeWord(member)
                        ? People.SpeakerLabelParser.Parse(member.ToString()) is { Name: not null }
                        : lexicon.IsSurname(member) && !lexicon.IsCommonWord(member))
                    {
                        return true;
                    }
                }
            }

            if (IsSurnameBeforeRole(label[..paren], label[(paren + 1)..^1]))
            {
                return true;
            }

            label = label[..paren];
        }

        if (label.IndexOfAny(NotInLabel) >= 0 && !IsJoinedOffice(label))
        {
            return false;
        }

        // 委員A, 委員Ｂ, 委員１: a 要点記録 names members by a letter or a number, not by name.
        var anonymous = label.Length - label.TrimEnd("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").Length;
        if (anonymous is 1 or 2 && label.Length > anonymous + 1)
        {
            label = label[..^anonymous];
        }

        foreach (var ending in RoleEndings)
        {
            if (label.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An office whose section joins two words with ・ (市民協働・地域政策課長, 古畑子ども・若者支援課長), as wards name their
    /// sections: a 課, 部, 室 or 局 and its head, the ・ between two kanji (or kana: 子ども・若者). Before, 【古畑市民協働・地域政策課長】 was no label
    /// and was published as a line of text, the surname in it.
    /// </summary>
    private static bool IsJoinedOffice(ReadOnlySpan<char> label)
    {
        if (label.Length < 5 || !label.EndsWith("長") || label[^2] is not ('課' or '部' or '室' or '局'))
        {
            return false;
        }

        for (var i = 0; i < label.Length; i++)
        {
            if (label[i] == '・')
            {
                if (i == 0 || i == label.Length - 1 || !IsWordChar(label[i - 1]) || !IsWordChar(label[i + 1]))
                {
                    return false;
                }
            }
            else if (NotInLabel.Contains(label[i]))
            {
                return false;
            }
        }

        return true;

        // Kanji or hiragana (子ども・若者): katakana beside ・ is a foreign name's (ジョン・スミス), read elsewhere.
        static bool IsWordChar(char c) => c is >= '\u4E00' and <= '\u9FFF' or '々' or >= '\u3041' and <= '\u309F';
    }

    /// <summary>
    /// 問　脱炭素の目標は国と同じか。 / 答　国に合わせる。, Ｑ：… / Ａ：…: a 要点記録's question and answer with the mark alone
    /// as the label. A sentence follows (ends with 。 or ？, or is long), so a spaced-out heading (答　申) is no label.
    /// </summary>
    private static SpeakerLine? QuestionOrAnswer(string line)
    {
        if (line.Length < 6 || line[0] is not ('問' or '答' or 'Q' or 'A') || line[1] is not (' ' or '\u3000' or '：' or ':'))
        {
            return null;
        }

        var text = line[2..].Trim(SpaceChars);
        return text.Length >= 4 && (text[^1] is '。' or '？' or '?' || text.Length >= 15) && text[0] is not ('(' or '（')
            ? new SpeakerLine(line[1] is '：' or ':' ? LabelStyle.Colon : LabelStyle.Space, line[..1], text)
            : null;
    }

    /// <summary>
    /// A label in minutes that mark their speakers, written without its mark: a full name against a person's title
    /// (<c>山田太郎委員</c>, <c>ジョン・スミス委員</c>), then a space and a speech with a sentence in it. Nothing else reads
    /// so at a line's start: a letter read out is addressed to an office (<c>…議長　山　田　太　郎　殿</c>), and a surname
    /// alone (<c>山田委員</c>) may begin a sentence of the speech above. Before, such a line was the speech above's text.
    /// </summary>
    public static bool IsUnmarkedNamedLabel(string label, string text)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(text);
        if (label.Length > 20 || text.Length < 4 || People.OfficeWords.TitleAtEnd(label) is not { } title
            || title is not ("委員" or "議員" or "副委員長" or "委員長") || text.IndexOfAny(['。', '？', '?']) < 0
            || text.StartsWith('外') || text.StartsWith("ほか", StringComparison.Ordinal) || text.StartsWith('他'))
        {
            return false;
        }

        var name = label[..^title.Length];
        // A full name: one the lexicon splits into a surname and a given name (a bare entry's test), or katakana parts joined.
        return People.SpeakerLabelParser.AllNameChars(name) && People.SpeakerLabelParser.Parse(label) is { Name: { } read }
            && read == name && (Rolls.RollEntryShapes.BareEntry(name, null) is not null || (name.AsSpan().IndexOfAny("・＝") > 0 && People.NameScript.MarksJoinParts(name)));
    }

    /// <summary>The line as such an unmarked label and its speech (<see cref="IsUnmarkedNamedLabel"/>); null when it is none.</summary>
    public static SpeakerLine? UnmarkedNamed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var gap = line.AsSpan().IndexOfAny(SpaceChars);
        if (gap is < 4 or > 20)
        {
            return null;
        }

        var label = line[..gap];
        var text = line[gap..].Trim(SpaceChars);
        return IsUnmarkedNamedLabel(label, text) ? new SpeakerLine(LabelStyle.Space, label, text) : null;
    }

    /// <summary>A council-style bullet before a speaker label (○議長, ◯会長): it marks a new speaker and is no part of the label.</summary>
    public static bool IsBullet(char c) => c is '○' or '◯' or '●' or '◎' or '◆' or '◇' or '■' or '□' or '▼';

    /// <summary>A label without its bullet: a speaker cell of a table (| ○議長（山田太郎君） | …) keeps the mark a line label drops.</summary>
    public static string WithoutBullet(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var start = 0;
        while (start < label.Length - 1 && IsBullet(label[start]))
        {
            start++;
        }

        return start == 0 ? label : label[start..].TrimStart(SpaceChars);
    }

    /// <summary>
    /// 橘（委員）, 山中（会長）: a surname (one the dictionary knows, so 説明（事務局） is no label) with the person's
    /// role in brackets after it.
    /// </summary>
    public static bool IsSurnameBeforeRole(ReadOnlySpan<char> name, ReadOnlySpan<char> role) =>
        name.Length is >= 1 and <= 4 && role.Length is >= 2 and <= 8 && People.OfficeWords.TitleAtEnd(role) is not null && IsRoleLike(role)
        && People.SpeakerLabelParser.AllNameChars(name) && People.OfficeWords.TitleAtEnd(name) is null
        && PublishPipeline.Redaction.Names.NameLexicon.Default.IsSurname(name) && !People.OfficeWords.StartsOffice(name);

    /// <summary>Reads a speaker label at the start of a cleaned line, in any of the styles the wards use.</summary>
    public static SpeakerLine Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0)
        {
            return new SpeakerLine(LabelStyle.None, null, line);
        }

        // Council-style bullets: ○委員長 …, ◯会長：… — the bullet only marks a new speaker.
        if (IsBullet(line[0]) && line.Length > 1)
        {
            var bare = Read(line[1..].TrimStart(SpaceChars));
            if (bare.Style != LabelStyle.None)
            {
                return bare;
            }
        }

        // 要点記録 question and answer: 問（吉岡委員）　…, 答（福祉課長）　…, Ｑ（中島委員）　…, Ｑ：（中島委員）　…: the mark
        // (and a colon after it) only says which it is.
        var mark = line.Length > 3 && line[1] is '：' or ':' ? 2 : 1;
        if (line[0] is '問' or '答' or 'Q' or 'A' && line.Length > mark + 1 && line[mark] is '(' or '（')
        {
            var asked = Read(line[mark..]);
            if (asked.Style is LabelStyle.Parenthesised or LabelStyle.Alone)
            {
                return asked;
            }
        }

        if (QuestionOrAnswer(line) is { } questionOrAnswer)
        {
            return questionOrAnswer;
        }

        // Cheap guards first: most lines are speech continuations and need no regex at all.
        var head = line.AsSpan(0, Math.Min(line.Length, 48));
        var p = line[0] is '(' or '（' or '【' or '［' or '[' or '≪' or '《' or '＜' or '-' or '・' or '*' or '＊' ? Parenthesised().Match(line) : Match.Empty;
        if (Labelled(p, LabelStyle.Parenthesised) is { } parenthesised)
        {
            return parenthesised;
        }

        var c = head.IndexOfAny('：', ':') > 0 ? Colon().Match(line) : Match.Empty;
        if (Labelled(c, LabelStyle.Colon) is { } colon)
        {
            return colon;
        }

        if (head.IndexOf('「') > 0 && ReadQuoted(line) is { } quoted)
        {
            return quoted;
        }

        // 会　長（宇佐見房）　…, 議　長　…, ６　番（上山）　…: an office spaced out to a column's width, as a town's minutes
        // type them; the pieces are one character each, so a sentence's words never match.
        var spacedOut = head.Length > 3 && head[1] is ' ' or '\u3000' ? SpacedOutLabel().Match(line) : Match.Empty;
        if (spacedOut.Success && TextCleanup.RemoveSpaces(spacedOut.Groups["label"].Value) is var joined && IsRoleLike(joined))
        {
            return new SpeakerLine(LabelStyle.Space, joined, spacedOut.Groups["text"].Value.Trim(SpaceChars));
        }

        var s = head.IndexOfAny(' ', '\u3000') > 0 ? Spaced().Match(line) : Match.Empty;
        if (s.Success && IsRoleLike(s.Groups["label"].ValueSpan))
        {
            return new SpeakerLine(LabelStyle.Space, s.Groups["label"].Value, s.Groups["text"].Value.Trim(SpaceChars));
        }

        var alone = line.Length <= 60 ? TextCleanup.RemoveSpaces(line) : line;
        if (alone.Length <= 30 && IsRoleLike(alone))
        {
            return new SpeakerLine(LabelStyle.Alone, alone, "");
        }

        return new SpeakerLine(LabelStyle.None, null, line);
    }

    /// <summary>
    /// The 「」 style of summary minutes: a label at the line start with the speech in 「」 right after it
    /// (大槻市長「お答えします。」). The quotation must close at the end of the line or not on it (the speech
    /// goes on below); one that closes before more text is a quotation in a sentence (市長「…」と述べた), no label.
    /// The brackets stay in the text, as written.
    /// </summary>
    private static SpeakerLine? ReadQuoted(string line)
    {
        var m = Quoted().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var label = m.Groups["label"].Value;
        if (!IsRoleLike(label))
        {
            return null;
        }

        var text = m.Groups["text"].Value.TrimEnd(SpaceChars);
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '「')
            {
                depth++;
            }
            else if (text[i] == '」' && --depth == 0)
            {
                return i == text.Length - 1 ? new SpeakerLine(LabelStyle.Quoted, label, text) : null;
            }
        }

        return new SpeakerLine(LabelStyle.Quoted, label, text);
    }

    /// <summary>The first half of a label split by a two-column PDF, e.g. "(練馬子ども家庭支": an unclosed parenthesis.</summary>
    public static string? ReadOpenFragment(string line)
    {
        var m = OpenFragment().Match(line);
        return m.Success ? m.Groups["frag"].Value : null;
    }

    /// <summary>The second half "援センター所長) text" completing <paramref name="fragment"/>; null unless together they are a role.</summary>
    public static SpeakerLine? CompleteFragment(string fragment, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = CloseFragment().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var label = fragment + m.Groups["rest"].Value;
        return IsRoleLike(label) ? new SpeakerLine(LabelStyle.Parenthesised, label, m.Groups["text"].Value.Trim(SpaceChars)) : null;
    }

    /// <summary>
    /// Labels typed inside one long line, as when a table cell swallowed the start of the proceedings:
    /// "… 開会します。 本部長： 議題(1)について…". Only the colon style is split inline; it cannot be
    /// mistaken for prose because a role word followed by a colon does not occur in speech.
    /// </summary>
    public static List<(int Index, string Label)> InlineColonLabels(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<(int, string)>? found = null;
        // Scan from each colon backwards (colons are rare; a regex with a look-behind at every position was the hot spot).
        var from = 0;
        int colon;
        while ((colon = text.AsSpan(from).IndexOfAny('：', ':')) >= 0)
        {
            colon += from;
            from = colon + 1;
            var end = colon;
            while (end > 0 && text[end - 1] is ' ' or '\u3000')
            {
                end--;
            }

            var start = end;
            while (start > 0 && end - start < 13 && !char.IsWhiteSpace(text[start - 1]) && !LabelStop.Contains(text[start - 1]))
            {
                start--;
            }

            if (start == end || end - start > 12 || start == 0 || !char.IsWhiteSpace(text[start - 1]))
            {
                continue;
            }

            var label = text[start..end];
            if (IsRoleLike(label))
            {
                (found ??= []).Add((start, label));
            }
        }

        return found ?? [];
    }

    private static readonly System.Buffers.SearchValues<char> LabelStop = System.Buffers.SearchValues.Create("、。「」：:()（）[]〔〕【】");

    /// <summary>A "(label) text" or "label： text" match whose label is a role; a label with no text stands alone.</summary>
    private static SpeakerLine? Labelled(Match match, LabelStyle style)
    {
        if (!match.Success)
        {
            return null;
        }

        var label = TextCleanup.RemoveSpaces(match.Groups["label"].Value);
        var text = match.Groups["text"].Value.Trim(SpaceChars);
        if (!IsRoleLike(label) && !(style == LabelStyle.Colon && text.Length > 0 && IsCalledMember(label)))
        {
            return null;
        }

        return new SpeakerLine(text.Length == 0 ? LabelStyle.Alone : style, label, text);
    }

    /// <summary>
    /// 本間君：…: a committee's minutes name a member by the surname and 君 before a colon, as the chair's label does in
    /// brackets (委員長（相馬君）：). Before, the member's speech ran on into the chair's above it.
    /// </summary>
    private static bool IsCalledMember(string label)
    {
        var name = label.AsSpan(0, label.Length - 1);
        foreach (var c in name)
        {
            if (!People.NameScript.IsKanji(c))
            {
                return false;
            }
        }

        return label.Length is >= 2 and <= 7 && label[^1] == '君'
            && (name.Length >= 2 || PublishPipeline.Redaction.Names.NameLexicon.Default.IsSurname(name)) && People.OfficeWords.TitleAtEnd(name) is null;
    }

    // ≪議長≫, 《委員》, ＜会長＞: the same label in other brackets some minutes use (not ASCII <>, an HTML leftover's).
    [GeneratedRegex(@"^(?:[-・*＊]\s*)?[(（【［\[≪《＜](?<label>[^()（）【】［］\[\]≪≫《》＜＞、。]{1,30}?)[)）】］\]≫》＞][ \u3000]*(?<text>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^(?<label>[^\s、。「」：:()（）\[\]〔〕【】]{1,24}(?:[(（][^()（）]{1,12}[)）])?)[ \u3000]*[：:][ \u3000]*(?<text>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Colon();

    [GeneratedRegex(@"^(?<label>[^\s、。「」：:()（）\[\]〔〕【】]{1,20}(?:[(（][^()（）]{1,12}[)）])?)[ \u3000]+(?<text>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Spaced();

    [GeneratedRegex(@"^(?<label>(?:[^\s、。「」：:()（）\[\]〔〕【】][ \u3000]){1,4}[^\s、。「」：:()（）\[\]〔〕【】](?:[(（][^()（）]{1,12}[)）])?)[ \u3000]+(?<text>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex SpacedOutLabel();

    [GeneratedRegex(@"^(?<label>[^\s、。「」：:()（）\[\]〔〕【】]{1,20}(?:[(（][^()（）「」]{1,12}[)）])?)[ \u3000]?(?<text>「.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(?:[-・*＊]\s*)?[(（](?<frag>[^()（）\s、。]{1,20})$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenFragment();

    [GeneratedRegex(@"^(?<rest>[^()（）\s、。]{1,20})[)）][ \u3000]*(?<text>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CloseFragment();
}
