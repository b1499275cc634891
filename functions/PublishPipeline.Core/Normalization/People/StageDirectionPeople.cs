using PublishPipeline.Model;
using PublishPipeline.Normalization.Rolls;

namespace PublishPipeline.Normalization.People;

/// <summary>
/// People a stage direction names: <c>〔20番飯田智男議員登壇，拍手〕</c>, <c>（市長　都倉達殊君　登壇）</c>,
/// <c>（１８番　鈴木　利信君　登壇）</c>, <c>〔副市長　氏名君登壇〕</c>. Each bracketed part is split into
/// clauses at commas; a clause without its action word (登壇, 退席, 入場 …) is read as a roll entry or a
/// label, and only a clause that names someone with an honorific, a member word, a seat number or a name
/// before an office (<c>〔山田町長登壇〕</c>) counts (<c>〔「な　し」と呼ぶ者あり〕</c>, <c>（拍手）</c> and
/// <c>〔市長登壇〕</c> name nobody).
/// </summary>
internal static class StageDirectionPeople
{
    private static readonly string[] Actions =
    [
        "登壇", "降壇", "退席", "退場", "入場", "着席", "起立", "拍手", "発言席へ", "自席へ", "演壇へ", "再登壇", "議長席に着く", "議長席を退く",
        "副議長と交代", "議長と交代", "交代",
    ];

    // Words a note of who did a job opens with (（記録　山田太郎）, （速記者　山田太郎）): what follows is a person.
    private static readonly HashSet<string> JobWords =
    [
        "記録", "記録者", "速記", "速記者", "書記", "手話通訳", "手話通訳者", "要約筆記", "要約筆記者",
    ];

    private static readonly System.Buffers.SearchValues<char> Opens = System.Buffers.SearchValues.Create("〔（(［[【");
    private static readonly System.Buffers.SearchValues<char> Closes = System.Buffers.SearchValues.Create("〕）)］]】");
    private static readonly System.Buffers.SearchValues<char> NotInNote = System.Buffers.SearchValues.Create("「」。、，,");

    /// <summary>False for a text without an opening bracket, where <see cref="Read"/> finds no one and calls nothing.</summary>
    public static bool MayName(string text) => text.AsSpan().IndexOfAny(Opens) >= 0;

    /// <summary>The people the stage directions in a text name; one shared empty list when none (most turns).</summary>
    /// <param name="unread">Called for a clause that names someone (an honorific, a member word or a seat) whose name no reader could read.</param>
    public static IReadOnlyList<PersonMention> Read(string text, KnownPeople? known = null, Action? unread = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<PersonMention>? found = null;
        var from = 0;
        while (from < text.Length)
        {
            var open = text.AsSpan(from).IndexOfAny(Opens);
            if (open < 0)
            {
                break;
            }

            open += from;
            var close = text.AsSpan(open + 1).IndexOfAny(Closes);
            if (close < 0)
            {
                break;
            }

            close += open + 1;
            // Clauses are looked at in place: most brackets in speech name nobody and need no copy.
            var inside = text.AsSpan((open + 1)..close);
            foreach (var range in inside.SplitAny("，、,"))
            {
                if (Clause(inside[range], known, unread) is { } person)
                {
                    (found ??= []).Add(person);
                }
            }

            if (found is null && open == 0 && close == text.Length - 1 && Note(inside, known) is { } noted)
            {
                found = [noted];
            }

            from = close + 1;
        }

        return found is null ? Array.Empty<PersonMention>() : found;
    }

    /// <summary>
    /// A whole-line note naming who did a job (（手話通訳　中谷　美穂）, （記録　山田　太郎）): a word, then a name written
    /// surname and given name apart, as rolls write one. Before, such a note named nobody and the name was published.
    /// </summary>
    private static PersonMention? Note(ReadOnlySpan<char> inside, KnownPeople? known)
    {
        var t = inside.Trim(" \u3000");
        var gap = t.IndexOfAny(" \u3000");
        if (gap < 2 || t.Length > 30 || t.IndexOfAny(NotInNote) >= 0)
        {
            return null;
        }

        var word = t[..gap].ToString();
        var name = t[gap..].Trim(" \u3000").ToString();
        var compact = WrittenName.Compact(name);
        // The name is written as rolls write one, surname and given name apart (中谷　美穂): a note of two words
        // (（議事進行　休憩中）) names no one. After a job's own word (（記録　山田太郎）) the name may be written
        // together, when it splits into a surname and a given name (（記録　省略）, （記録　事務局） do not).
        var space = name.AsSpan().IndexOfAny(" \u3000");
        var job = JobWords.Contains(word);
        if ((space <= 0 && !job) || compact.Length is < 2 or > 8 || !SpeakerLabelParser.AllNameChars(compact) || !char.IsLetter(compact[0]) || compact.Any(c => c is >= '\u3041' and <= '\u309F'))
        {
            return null;
        }

        var parts = WrittenName.Read(name, known);
        if (space <= 0 && (parts.FamilyName is null || parts.GivenName is null || OfficeWords.IsOfficeWord(compact)))
        {
            return null;
        }

        return parts.Name is null ? null : new PersonMention { Written = t.ToString(), Role = word, Name = parts.Name, FamilyName = parts.FamilyName, GivenName = parts.GivenName };
    }

    private static PersonMention? Clause(ReadOnlySpan<char> clause, KnownPeople? known, Action? unread)
    {
        var span = clause.Trim(" \u3000");
        var acted = false;
        foreach (var action in Actions)
        {
            if (span.EndsWith(action, StringComparison.Ordinal))
            {
                span = span[..^action.Length].TrimEnd(" \u3000");
                acted = true;
                break;
            }
        }

        if (!acted || span.Length < 2 || span.Length > 40 || span.IndexOfAny("「」。") >= 0)
        {
            return null;
        }

        var t = span.ToString();
        var compact = WrittenName.Compact(t);
        var named = compact.EndsWith('君') || compact.EndsWith("議員", StringComparison.Ordinal) || compact.EndsWith("さん", StringComparison.Ordinal)
            || compact.EndsWith('氏') || OfficeWords.SeatNumber(compact) is not null;
        if (!named)
        {
            // 〔山田町長登壇〕, （佐藤教育長　退席）: a name before an office, written as a speaker label writes it, names the officer.
            return SpeakerLabelParser.Parse(t, known) is { Name: not null } titled ? titled : null;
        }

        if (t.AsSpan().IndexOfAny(" \u3000") >= 0 && RollEntries.Read(t, known) is [var entry])
        {
            return entry;
        }

        if (SpeakerLabelParser.Parse(t, known) is { Name: not null } person)
        {
            return person;
        }

        // 〔John Smith君登壇〕: someone is named, but not in a way any reader reads.
        if (UnreadNames.NamesSomeone(compact))
        {
            unread?.Invoke();
        }

        return null;
    }
}
