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
    }
}
