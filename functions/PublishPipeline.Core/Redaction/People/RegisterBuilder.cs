using PublishPipeline.Model;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Redaction.People;

/// <summary>
/// Builds a document's <see cref="PeopleRegister"/>: structure first (what reading parsed into
/// rolls, speaker labels and stage directions; the labels and roll lines as written; header
/// attendees), then titles and self-introductions in prose. Each concern is one small reader.
/// </summary>
internal static class RegisterBuilder
{
    public static PeopleRegister Build(Minutes minutes, IReadOnlyList<TextField> fields, IReadOnlyList<List<NameSpan>> spans, OfflineNameRecognizer words, RedactionPolicy policy, NameVeto veto)
    {
        var register = new PeopleRegister(words.Lexicon, veto);
        StructureReader.Read(minutes, register);
        var headsWhoSpeak = HeadsWhoSpeak(minutes);
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f];
            switch (FieldKinds.Of(field))
            {
                case FieldKind.Label:
                    LabelReader.Read(field, spans[f], register, words);
                    break;
                case FieldKind.Text:
                    StageDirectionReader.Read(field, spans[f], register, words);
                    SpacedRollReader.Read(field, register, words);
                    ProseReader.Read(field, spans[f], register, words, veto, headsWhoSpeak);
                    break;
                default:
                    break;
            }
        }

        foreach (var denied in policy.DenyList)
        {
            if (!string.IsNullOrWhiteSpace(denied))
            {
                register.Add(denied, new PersonSource(PersonSourceKind.DenyList, "policy.denyList", denied), 1.0);
            }
        }

        register.Resolve(fields.Select(f => f.Text), words);
        return register;
    }

    /// <summary>The heads (市長, 知事 …) that speak in these minutes, by their labels.</summary>
    private static HashSet<string> HeadsWhoSpeak(Minutes minutes)
    {
        var heads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var turn in minutes.Sections.SelectMany(s => s.Turns))
        {
            var label = turn.Person?.Role ?? turn.Speaker;
            if (label is null)
            {
                continue;
            }

            foreach (var head in (string[])["市長", "区長", "町長", "村長", "知事"])
            {
                if (label.Contains(head, StringComparison.Ordinal) && !label.Contains("副" + head, StringComparison.Ordinal))
                {
                    heads.Add(head);
                }
            }
        }

        return heads;
    }
}

internal enum FieldKind
{
    /// <summary>A label or roll entry as written: structure.</summary>
    Label,
    /// <summary>Running text.</summary>
    Text,
    /// <summary>A role or group heading, or a parsed copy of a person: read by <see cref="StructureReader"/>.</summary>
    Other,
}

internal static class FieldKinds
{
    public static FieldKind Of(TextField field)
    {
        var location = field.Location;
        if (location.EndsWith(".role", StringComparison.Ordinal) || location.EndsWith(".group", StringComparison.Ordinal)
            || location.EndsWith(".name", StringComparison.Ordinal) || location.EndsWith(".familyName", StringComparison.Ordinal)
            || location.EndsWith(".givenName", StringComparison.Ordinal))
        {
            return FieldKind.Other;
        }

        return field.Context == NameContext.Text ? FieldKind.Text : FieldKind.Label;
    }

    public static PersonSourceKind SourceOf(TextField field) =>
        field.Location.StartsWith("rolls[", StringComparison.Ordinal) ? PersonSourceKind.Roll
        : field.Location.StartsWith("attendees[", StringComparison.Ordinal) ? PersonSourceKind.Attendee
        : field.Location.Contains(".mentions[", StringComparison.Ordinal) ? PersonSourceKind.StageDirection
        : PersonSourceKind.SpeakerLabel;
}
