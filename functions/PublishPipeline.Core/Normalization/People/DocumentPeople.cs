using PublishPipeline.Model;

namespace PublishPipeline.Normalization.People;

/// <summary>
/// The people of a document, read once the whole document is: its rolls (and header attendee lists
/// as rolls), each speaker label parsed into <see cref="SpeakerTurn.Person"/>, and the people stage
/// directions name (<see cref="SpeakerTurn.Mentions"/>). Labels with the name in parentheses and the
/// rolls go first, so packed labels later in the document (谷井生活環境部長) split where the
/// document's own roll says the name ends. Each distinct label is parsed once.
/// </summary>
internal sealed class DocumentPeople(KnownPeople known)
{
    private readonly Dictionary<string, PersonMention?> _labels = new(StringComparer.Ordinal);

    /// <summary>Told the line of a speaker label or stage direction that names someone whose name no reader could read (<see cref="UnreadNames"/>).</summary>
    public Action<string, int?>? OnUnread { get; init; }

    /// <summary>
    /// The people of a document this normaliser did not read (one built in code, or JSON written before
    /// people were read): its attendee lists as rolls, its labels and stage directions, by the same
    /// readers. Redaction calls it so that a convention is read in one place only.
    /// </summary>
    public static Minutes ReadInto(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var known = new KnownPeople();
        foreach (var roll in minutes.Rolls)
        {
            foreach (var entry in roll.Entries)
            {
                known.Add(entry);
            }
        }

        if (minutes.Municipality is { Length: > 1 } place)
        {
            known.AddPlace(place);
            known.AddPlace(place[..^1]);
        }

        var people = new DocumentPeople(known);
        var rolls = minutes.Rolls.Count > 0 ? minutes.Rolls : people.RollsOf(minutes.Attendees);
        return minutes with { Rolls = rolls, Sections = people.Read(minutes.Sections) };
    }

    /// <summary>Attendee groups of a header (委員: 区長、副区長(2)、柴崎委員(会長)) as rolls of parsed entries.</summary>
    public List<Roll> RollsOf(IReadOnlyList<AttendeeGroup> attendees)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        var rolls = new List<Roll>(attendees.Count);
        foreach (var group in attendees)
        {
            var entries = new List<PersonMention>(group.Members.Count);
            var staff = group.Group.Contains("事務局", StringComparison.Ordinal) || group.Group.Contains("職員", StringComparison.Ordinal);
            foreach (var member in group.Members)
            {
                // 総務課長　山田太郎 (a post and a name), 委員山田太郎, 〃佐藤花子, 山田太郎 佐藤花子: roll entries; the repeat mark takes the role above.
                if (Rolls.RollEntryShapes.LooksLikeEntries(member) && Rolls.RollEntries.Read(member, known) is { Count: > 0 } read)
                {
                    foreach (var entry in read)
                    {
                        entries.Add(entry.Role is null && entry.Written.Length > 0 && Rolls.RollEntryShapes.IsRepeatMark(entry.Written[0]) && entries.Count > 0
                            ? entry with { Role = entries[^1].Role }
                            : entry);
                    }

                    continue;
                }

                // 委員　John Smith: someone whose name no reader reads would stay in the published list.
                if (OnUnread is { } unread && Rolls.UnreadEntry.Read(member) is not null)
                {
                    unread("an attendee list (" + group.Group + ")", null);
                }

                // 嶋田保育課長 in a secretariat's list: a surname the dictionary knows before its office. Only among staff: a
                // members' list of posts (池袋保健所長) names a place there, not a person.
                // A full name read before its office (柿本輝信教育次長) is read as such below.
                var surname = staff && !Rolls.RollEntryShapes.IsNameBeforeOffice(member) ? Rolls.RollEntryShapes.SurnameBeforeOffice(member) : 0;
                var trimmed = member.Trim(' ', '\u3000');

                // Else a post (池袋保健所長), a member (柴崎委員(会長)) or a bare name.
                var person = surname > 0
                    ? new PersonMention { Written = member, Name = trimmed[..surname], FamilyName = trimmed[..surname], Role = trimmed[surname..] }
                    : SpeakerLabelParser.Parse(member, known, officesOnly: true);
                if (person is null && SpeakerLabelParser.AllNameChars(WrittenName.Compact(member)) && WrittenName.Compact(member).Length <= 8)
                {
                    var parts = WrittenName.Read(member, known);
                    person = new PersonMention { Written = member, Name = parts.Name, FamilyName = parts.FamilyName, GivenName = parts.GivenName };
                }

                if (person is null && (Rolls.RollEntryShapes.BareEntry(member, known) ?? NameWithNote(member)) is { } bare)
                {
                    // 津田加奈子（副会長）, 芦田修（都市計画課長）: a bare name and its role in brackets, as a roll's list reads it
                    // (and as the bare name alone is read here). Before, no reader took it: an entry without a name, held.
                    person = bare;
                }

                // Held, never published by guess: 田村　まさ子 【事務局】 課長　堀切　雄大 (a cell's lines run together), which no
                // reader took and would be published as written; マクレガー委員, an office with no name to the readers but a
                // name the redactor cannot mask.
                if (OnUnread is { } unreadMember && (person is null ? MayNameSomeone(member)
                    : person.Name is null && UnreadNames.KatakanaWordBeforeTitle(WrittenName.Compact(member))))
                {
                    unreadMember("an attendee list (" + group.Group + ")", null);
                }

                entries.Add(person ?? new PersonMention { Written = member });
            }

            entries = Rolls.LikeMembers.Read(entries, known);
            foreach (var e in entries)
            {
                known.Add(e);
            }

            rolls.Add(new Roll(group.Group, entries));
        }

        return rolls;
    }

    /// <summary>高砂由紀子（副会長）: a name the lexicon does not split, with a role in brackets; read as the bare name is.</summary>
    private PersonMention? NameWithNote(string member)
    {
        var written = member.Trim(' ', '\u3000');
        if (Rolls.RollEntryShapes.WithoutNote(written) is not { } name || WrittenName.Compact(name) is not { Length: >= 2 and <= 8 } compact
            || OfficeWords.TitleAtEnd(compact) is not null || OfficeWords.IsNotName(compact)
            || written.AsSpan().IndexOfAny('（', '(') is var open && written.Length - open > 10)
        {
            return null;
        }

        var parts = WrittenName.Read(name, known);
        return new PersonMention { Written = written, Name = parts.Name, FamilyName = parts.FamilyName, GivenName = parts.GivenName, Role = written[(open + 1)..^1] };
    }

    /// <summary>A member no reader took that may still name someone: name characters, not a count (ほか２名) or なし.</summary>
    private static bool MayNameSomeone(string member)
    {
        var compact = WrittenName.Compact(member);
        return compact.Length >= 2 && !Rolls.RollEntries.IsNone(compact) && !compact.Any(char.IsDigit)
            && compact.Count(c => NameScript.IsKanji(c) || NameScript.IsKatakana(c) || c is >= 'ぁ' and <= 'ゖ' || char.IsAsciiLetter(c)) >= 2;
    }

    /// <summary>The sections with every speaker's label parsed and every stage direction's people read.</summary>
    public List<Section> Read(IReadOnlyList<Section> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        LearnPlainLabels(sections);
        var result = new List<Section>(sections.Count);
        foreach (var section in sections)
        {
            result.Add(Read(section));
        }

        return result;
    }

    /// <summary>
    /// As <see cref="Read(IReadOnlyList{Section})"/>, each section replaced in the list as it is read:
    /// a long document's turns are copied with their people, and the copies need not all be alive
    /// beside the originals (the normaliser's own list; nothing else holds the originals).
    /// </summary>
    public void ReadInPlace(List<Section> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        LearnPlainLabels(sections);
        for (var i = 0; i < sections.Count; i++)
        {
            sections[i] = Read(sections[i]);
        }
    }

    private Section Read(Section section)
    {
        var turns = new List<SpeakerTurn>(section.Turns.Count);
        for (var i = 0; i < section.Turns.Count; i++)
        {
            var turn = section.Turns[i];
            var person = turn.Person is { } p ? Refine(p) : turn.Speaker is { } label ? Label(label) : null;
            if (OnUnread is { } unread && person?.Name is null && turn.Speaker is { } speaker && UnreadNames.InLabel(speaker))
            {
                unread("a speaker label", turn.Line);
            }

            // A stage direction is a procedure line of its own, or stands inside a speech (…質問します。〔山田太郎君登壇〕).
            // The callback is made only for a text with a bracket (the only texts Read looks into), and not here: a
            // lambda over the loop's turn made a closure and a delegate for every turn of the document.
            var mentions = turn.Kind != TurnKind.Procedure || turn.Text.Length <= 200
                ? StageDirectionPeople.Read(turn.Text, known, StageDirectionPeople.MayName(turn.Text) ? UnreadStageDirection(turn.Line) : null)
                : Array.Empty<PersonMention>();
            if (mentions.Count == 0 && turn.Speaker is null && turn.Kind == TurnKind.Procedure && Proceedings.RoleNameLine.Read(turn.Text, known) is { } named)
            {
                mentions = [named]; // 講師　真鍋健太郎: the person the line names, with its role
            }
            else if (mentions.Count == 0 && turn.Speaker is null && turn.Kind == TurnKind.Procedure && Proceedings.Markers.MarkedReport.Read(turn.Text, known) is { } reporter)
            {
                mentions = [reporter]; // ◎山根報告: who reported
            }

            if (TallyMembers(section.Turns, i) is { Count: > 0 } members)
            {
                mentions = [.. mentions, .. members];
            }

            turns.Add(person is null && mentions.Count == 0 ? turn : turn with { Person = person, Mentions = mentions });
        }

        return section with { Turns = turns };
    }

    /// <summary>
    /// The members a vote tally in the turn's text heads its columns with (<see cref="Rolls.VoteTally"/>). An HTML
    /// table's rows may run into the next turn (a mark cell read as a new paragraph), so the next turn's text is read with it.
    /// </summary>
    private List<PersonMention>? TallyMembers(IReadOnlyList<SpeakerTurn> turns, int i)
    {
        var text = turns[i].Text;
        return Rolls.VoteTally.SpeaksOfVote(text) ? Rolls.VoteTally.Read(text, i + 1 < turns.Count ? turns[i + 1].Text : null, known) : null;
    }

    private Action? UnreadStageDirection(int? line) => OnUnread is { } unread ? () => unread("a stage direction", line) : null;

    // First the labels that state a name plainly: they teach where packed labels split.
    private void LearnPlainLabels(IReadOnlyList<Section> sections)
    {
        foreach (var turn in sections.SelectMany(s => s.Turns))
        {
            if (turn.Person is { } given)
            {
                known.Add(given);
            }
            else if (turn.Speaker is { } speaker && (speaker.Contains('（', StringComparison.Ordinal) || speaker.Contains('(', StringComparison.Ordinal))
                && SpeakerLabelParser.Parse(speaker, known) is { Name: not null } plain)
            {
                known.Add(plain);
            }
        }
    }

    private PersonMention? Label(string label)
    {
        if (!_labels.TryGetValue(label, out var person))
        {
            person = SpeakerLabelParser.Parse(label, known);
            _labels[label] = person;
        }

        return person;
    }

    /// <summary>A person read from table cells: its surname from the document's rolls or the lexicon.</summary>
    private PersonMention Refine(PersonMention person)
    {
        if (person.Name is not { } name || person.FamilyName is not null)
        {
            return person;
        }

        // A 発言者 column without a 役職 column holds the whole label (森川議長, 大槻市長): its office is no part of the name.
        if (person.Role is null && SpeakerLabelParser.Parse(name, known) is { Name: not null, Role: not null } labeled)
        {
            return labeled with { Written = person.Written };
        }

        var parts = WrittenName.Read(name, known);
        return person with { Name = parts.Name, FamilyName = parts.FamilyName, GivenName = parts.GivenName };
    }
}
