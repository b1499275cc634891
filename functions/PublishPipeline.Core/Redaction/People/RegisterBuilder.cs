using PublishPipeline.Model;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Redaction.People;

/// <summary>
/// Builds a document's <see cref="PeopleRegister"/>: structure from the document model (the rolls,
/// header attendees, speaker labels and stage directions normalisation read: <see cref="StructureReader"/>),
/// then what only running text says (titles, labels, self-introductions: <see cref="ProseReader"/>),
/// then the deny-list. Structure is read in one place, normalisation; this never re-reads it from text.
/// </summary>
internal static class RegisterBuilder
{
    public static PeopleRegister Build(Minutes minutes, IReadOnlyList<TextField> fields, List<NameSpan>?[] spans, OfflineNameRecognizer words, RedactionPolicy policy, NameVeto veto)
    {
        var register = new PeopleRegister(words.Lexicon, veto);
        StructureReader.Read(minutes, register);
        var headsWhoSpeak = HeadsWhoSpeak(minutes);
        for (var f = 0; f < fields.Count; f++)
        {
            if (fields[f].Context == NameContext.Text)
            {
                ProseReader.Read(fields[f], FieldSpans.Of(spans, f), register, words, veto, headsWhoSpeak);
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
        ParsedCopies.Mark(fields, spans, register);
        return register;
    }

    // Made once: a collection expression cast to an array, and "副" + head, were made for every turn.
    private static readonly string[] Heads = ["市長", "区長", "町長", "村長", "知事"];
    private static readonly string[] DeputyHeads = [.. Heads.Select(h => "副" + h)];

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

            for (var h = 0; h < Heads.Length; h++)
            {
                var head = Heads[h];
                if (label.Contains(head, StringComparison.Ordinal) && !label.Contains(DeputyHeads[h], StringComparison.Ordinal))
                {
                    heads.Add(head);
                }
            }
        }

        return heads;
    }
}
