using System.Buffers;
using PublishPipeline.Normalization.People;
using PublishPipeline.Normalization.Rolls;

namespace PublishPipeline.Normalization.Proceedings.Markers;

/// <summary>
/// A speaker marker line: the label as written and where the speech after it stands in the line
/// (empty when the speech starts on the next line); the speech is made a string only when asked,
/// since a turn that goes on over more lines gathers it from the line.
/// </summary>
internal readonly record struct MarkedLine(string Label, string Line, int TextStart, int TextLength)
{
    public ReadOnlySpan<char> TextSpan => Line.AsSpan(TextStart, TextLength);

    public string Text => Line.Substring(TextStart, TextLength);
}

/// <summary>
/// Speaker markers as assembly minutes write them: a marker character (○◯〇◎◆◇△□●) and a label,
/// then a full-width space and the speech (<c>○議長（鈴木喜明君）　これより…</c>, <c>◯川津隆議長　…</c>), or the
/// label alone with the speech on the next lines (<c>○議長（今竹大祐君）</c>). The label runs to the first
/// space or colon outside parentheses (<c>市長（迫　俊哉）</c> keeps its space) and must read as a person
/// or an office; roll and agenda headings with the same characters (<c>〇出席議員（１９名）</c>,
/// <c>○議事日程</c>, <c>◎開会の宣告</c>) are not speakers. A marker after the end of a sentence on the same
/// line starts another turn there (<c>…ようです。○議長（角　芳春）　次に…</c>).
/// </summary>
internal static class MarkedSpeaker
{
    // Trim(params char[]) would allocate its array on every call.
    private static readonly char[] SpaceChars = [' ', '\u3000'];

    private static readonly SearchValues<char> MarkerChars = SearchValues.Create("○◯〇◎◆◇△□●");

    /// <summary>How council minutes name the steps of a sitting after ◎ (開議の宣告, 会期の決定, 議案第１号の上程, 休会の議決).</summary>
    private static readonly string[] ProcedureEndings =
    [
        "宣告", "指名", "報告", "について", "の件", "決定", "議決", "上程", "説明", "質疑", "質問", "討論", "採決", "選挙", "付託",
        "追加", "開会", "閉会", "散会", "延会", "休会", "開議", "休憩", "再開",
    ];

    public static bool StartsWithMarker(string line) => line.Length > 1 && MarkerChars.Contains(line[0]);

    /// <summary>The label and speech of a line that starts with a speaker marker; null when it is no speaker's.</summary>
    public static MarkedLine? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!StartsWithMarker(line))
        {
            return null;
        }

        var end = LabelEnd(line, 1, out var labelStart);
        if (end < 0)
        {
            return null;
        }

        var label = line[labelStart..end].TrimEnd(SpaceChars);
        if (!IsSpeakerLabel(label))
        {
            // ○高野　分科会委員長　　本日は… (name, space, office) and ◯飯島　修君 (a spaced name): one space more.
            var next = end < line.Length && line[end] is ' ' or '\u3000' ? LabelEnd(line, end, out _) : -1;
            if (next < 0 || !IsSpeakerLabel(line[labelStart..next]) || !EndsLikeSpeaker(line.AsSpan(end, next - end).Trim(" \u3000")))
            {
                // ○森川　健吾　議長　進めます。: a spaced name, then the office after one more space.
                var third = next > 0 && next < line.Length && line[next] is ' ' or '\u3000' ? LabelEnd(line, next, out _) : -1;
                if (third < 0 || !ShortNameWord(line.AsSpan(end, next - end).Trim(" \u3000"))
                    || !EndsLikeSpeaker(line.AsSpan(next, third - next).Trim(" \u3000")) || !IsSpeakerLabel(line[labelStart..third]))
                {
                    return null;
                }

                next = third;
            }

            end = next;
            label = line[labelStart..end];
        }

        var text = line.AsSpan(end).TrimStart(" \u3000：:");
        var start = line.Length - text.Length;
        return new MarkedLine(label, line, start, text.TrimEnd(" \u3000").Length);
    }

    /// <summary>
    /// △日程第１　議案第１号, △開議の宣告: council minutes mark each item of the business with △ on a line of its own (a
    /// speaker's line with △ is read first). A heading, not a sentence: no 。 at its end; △ before a figure is a minus
    /// (△１２０千円), no heading. ◎ marks them too, where the phrase after it says so (<see cref="ProcedurePhrase"/>).
    /// </summary>
    public static bool AgendaHeading(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var rest = line.AsSpan(1).Trim(" \u3000");
        if (line.Length <= 2 || rest.Length is <= 1 or > 60 || char.IsDigit(rest[0]) || rest[^1] is '。' or '？' or '?' or '、')
        {
            return false;
        }

        return line[0] == '△' || (line[0] == '◎' && ProcedurePhrase(rest));
    }

    /// <summary>
    /// ◎開会の宣告, ◎会議録署名議員の指名, ◎日程第１　議案第１号: ◎ heads a step of the business in council minutes, but it is
    /// also the chair's mark in committee minutes (◎委員長（山根昌子君）, read first as a speaker). So a ◎ line is a heading only
    /// when what follows the mark names a step of the procedure: an item of the day's business (日程第…), or a phrase alone on
    /// its line ending as such steps are named (…の宣告, …の指名, …の報告, …について, …の件, …の決定). A name alone (◎山根昌子)
    /// stays where it was.
    /// </summary>
    private static bool ProcedurePhrase(ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("日程第", StringComparison.Ordinal))
        {
            return true;
        }

        if (rest.IndexOfAny(' ', '\u3000') >= 0 || rest.Length > 40)
        {
            return false;
        }

        foreach (var end in ProcedureEndings)
        {
            if (rest.EndsWith(end, StringComparison.Ordinal) && rest.Length > end.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A marker, a bare word of a few name characters, a space and a speech (<c>○宇佐木　質問です。</c>): a surname alone as the
    /// label, if the document knows that surname as a speaker (<c>○宇佐木委員</c> elsewhere). Whether it does is known only
    /// when the proceedings are read, so this only finds the candidate; <c>○第１号議案　…</c> or an office is none.
    /// </summary>
    public static MarkedLine? BareWord(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!StartsWithMarker(line))
        {
            return null;
        }

        var space = line.AsSpan(1).IndexOfAny(' ', '\u3000');
        if (space is < 2 or > 4)
        {
            return null;
        }

        var word = line.AsSpan(1, space);
        var rest = line.AsSpan(1 + space).TrimStart(" \u3000");
        if (!SpeakerLabelParser.AllNameChars(word) || People.OfficeWords.TitleAtEnd(word) is not null || rest.TrimEnd(" \u3000").IsEmpty)
        {
            return null;
        }

        return new MarkedLine(word.ToString(), line, line.Length - rest.Length, rest.TrimEnd(" \u3000").Length);
    }

    /// <summary>The second word of a two-word label must be an office or end with an honorific: 分科会委員長, 修君.</summary>
    private static bool EndsLikeSpeaker(ReadOnlySpan<char> word) =>
        word.EndsWith("君", StringComparison.Ordinal) || word.EndsWith("さん", StringComparison.Ordinal) || People.OfficeWords.TitleAtEnd(word) is not null;

    /// <summary>The second half of a spaced name (健吾 of 森川　健吾): a few name characters, no office.</summary>
    private static bool ShortNameWord(ReadOnlySpan<char> word) =>
        word.Length is >= 1 and <= 4 && SpeakerLabelParser.AllNameChars(word) && People.OfficeWords.TitleAtEnd(word) is null;

    /// <summary>Where markers start later speeches on the same line (after 。！？」）); empty for almost every line.</summary>
    public static List<int>? InlineStarts(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        List<int>? starts = null;
        var from = 1;
        int at;
        while (from < line.Length && (at = line.AsSpan(from).IndexOfAny(MarkerChars)) >= 0)
        {
            at += from;
            from = at + 1;
            var k = at - 1;
            while (k >= 0 && line[k] is ' ' or '\u3000')
            {
                k--;
            }

            if (k < 0 || line[k] is not ('。' or '！' or '？' or '」' or '』' or '）' or ')'))
            {
                continue;
            }

            var end = LabelEnd(line, at + 1, out var labelStart);
            if (end > 0 && end < line.Length && IsSpeakerLabel(line[labelStart..end]))
            {
                (starts ??= []).Add(at);
            }
        }

        return starts;
    }

    private static bool IsSpeakerLabel(string label) =>
        label.Length >= 1 && !RollHeading.IsHeading(label) && SpeakerLabelParser.Parse(label) is { } p && (p.Name is not null || p.Role is not null);

    /// <summary>
    /// ○川端(悦)会長　…, ○渡辺(児童施策推進担当)副参事　…: an office straight after the brackets and then a space or colon is
    /// the label's, the brackets telling two people apart (a given name's initial) or naming a post.
    /// </summary>
    private static bool OfficeAfterBrackets(string line, int at)
    {
        var end = line.AsSpan(at).IndexOfAny(" \u3000：:\t");
        if (end is < 1 or > 8)
        {
            return false;
        }

        var word = line.AsSpan(at, end);
        foreach (var c in word)
        {
            if (!NameScript.IsKanji(c))
            {
                return false;
            }
        }

        return OfficeWords.TitleAtEnd(word) is { } title && (title.Length == word.Length || OfficeWords.IsOfficeWord(word));
    }

    /// <summary>The end of the label after a marker: the first space or colon outside parentheses; -1 when too long or unclosed.</summary>
    private static int LabelEnd(string line, int from, out int labelStart)
    {
        var i = from;
        if (i < line.Length && line[i] is ' ' or '\u3000')
        {
            i++;
        }

        labelStart = i;
        var depth = 0;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '（' or '(')
            {
                depth++;
            }
            else if (c is '）' or ')')
            {
                depth--;
                if (depth == 0 && i + 1 < line.Length && line[i + 1] is not (' ' or '\u3000' or '：' or ':' or '\t' or '（' or '(')
                    && !OfficeAfterBrackets(line, i + 1))
                {
                    // ◯議長（渡辺淳也君）ただいまから…: the speech follows the closing parenthesis directly.
                    return i + 1;
                }
            }
            else if (depth <= 0 && c is ' ' or '\u3000' or '：' or ':' or '\t')
            {
                break;
            }
            else if (c is '。' or '、' or '「')
            {
                return -1;
            }

            if (i - labelStart > 40)
            {
                return -1;
            }
        }

        return depth == 0 && i > labelStart ? i : -1;
    }
}
