using PublishPipeline.Model;
using PublishPipeline.Normalization.People;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Redaction.People;

/// <summary>
/// The people reading parsed: roll entries (header attendee lists included), speakers and the people
/// stage directions name. The register reads structure only from the model: a document that carries
/// no people at all (built in code, or JSON written before people were read) is read by
/// normalisation's own readers first, never by a second set of patterns here.
/// </summary>
internal static class StructureReader
{
    public static void Read(Minutes minutes, PeopleRegister register)
    {
        if (!CarriesPeople(minutes))
        {
            minutes = DocumentPeople.ReadInto(minutes);
        }

        for (var r = 0; r < minutes.Rolls.Count; r++)
        {
            for (var e = 0; e < minutes.Rolls[r].Entries.Count; e++)
            {
                Add(minutes.Rolls[r].Entries[e], PersonSourceKind.Roll, new FieldPath(FieldArea.RollEntry, r, e), register);
            }
        }

        for (var s = 0; s < minutes.Sections.Count; s++)
        {
            for (var t = 0; t < minutes.Sections[s].Turns.Count; t++)
            {
                var turn = minutes.Sections[s].Turns[t];
                if (turn.Person is { } person)
                {
                    Add(person, PersonSourceKind.SpeakerLabel, new FieldPath(FieldArea.TurnPerson, s, t), register);
                }

                for (var m = 0; m < turn.Mentions.Count; m++)
                {
                    Add(turn.Mentions[m], PersonSourceKind.StageDirection, new FieldPath(FieldArea.TurnMention, s, t, m), register);
                }
            }
        }
    }

    private static bool CarriesPeople(Minutes minutes) =>
        minutes.Rolls.Count > 0 || minutes.Sections.Any(s => s.Turns.Any(t => t.Person is not null || t.Mentions.Count > 0));

    private static void Add(PersonMention mention, PersonSourceKind kind, FieldPath location, PeopleRegister register)
    {
        var name = mention.Name ?? (mention.FamilyName is null ? null : mention.FamilyName + mention.GivenName);
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var surnameOnly = mention.FamilyName is { } family && mention.GivenName is null
            && CompactText.Folded(family) == CompactText.Folded(name);
        register.Add(name, new PersonSource(kind, location, mention.Written), 0.95, mention.Role, mention.FamilyName, mention.GivenName, surnameOnly);
        if (OtherSplit(mention) is { } other)
        {
            // Fail-safe: the other reading's surname is masked too, so neither is published where the other was meant.
            register.Add(other.Family + mention.GivenName, new PersonSource(kind, location, mention.Written), 0.95, other.Role, other.Family, mention.GivenName, mention.GivenName is null);
        }
    }

    /// <summary>
    /// 委員長谷川 太郎君: an office glued to a surname where one character may belong to either (委員 長谷川, or 委員長 谷川).
    /// Reading cannot tell which the roll meant; the other split, when its surname is one the dictionary knows, of two
    /// characters or more, and its office ends in a title, is returned so both surnames are masked. Else null.
    /// </summary>
    private static (string Role, string Family)? OtherSplit(PersonMention mention)
    {
        // (No string is built before the office and the surname are known to touch: this runs for every label.)
        if (mention is not { Role: { Length: > 0 } role, FamilyName: { Length: > 0 } family, Written: { } written }
            || written.IndexOf(role, StringComparison.Ordinal) is var at && (at < 0 || !written.AsSpan(at + role.Length).StartsWith(family, StringComparison.Ordinal)))
        {
            return null;
        }

        var lexicon = NameLexicon.Default;
        var title = OfficeWords.TitleAtEnd(role)?.Length ?? 0;

        // 委員 + 長谷川 → 委員長 + 谷川: the surname's first character lengthens the office's title.
        if (family.Length >= 3 && OfficeWords.TitleAtEnd(role + family[0]) is { } longer && longer.Length > title
            && lexicon.IsSurname(family.AsSpan(1)))
        {
            return (role + family[0], family[1..]);
        }

        // 副委員長 + 谷川 → 副委員 + 長谷川: the office's last character begins a surname, the office still ends in a title.
        if (role.Length >= 3 && OfficeWords.TitleAtEnd(role.AsSpan(0, role.Length - 1)) is not null && lexicon.IsSurname(role[^1] + family))
        {
            return (role[..^1], role[^1] + family);
        }

        return null;
    }
}
