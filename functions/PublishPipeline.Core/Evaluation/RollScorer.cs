using PublishPipeline.Model;

namespace PublishPipeline.Evaluation;

/// <summary>
/// The people reading found in structure: roll entries read, and (with a gold file) the gold full
/// names that are the name of some roll entry, speaker or stage-direction mention (spaces ignored),
/// and, the other way round, the distinct names read from structure that are a gold name or surname
/// (a name cut wrongly from an office, 盛谷政策 for 盛谷, counts against it; the gold lists every person
/// the structure names, so a miss here is a misreading, not a gap in the gold).
/// </summary>
public sealed class RollScorer : IDocumentScorer
{
    public IReadOnlyList<Metric> Metrics { get; } =
    [
        new("rollEntries", "roll entries", "rollEntries"),
        new("goldPeople", "gold people read", "goldPeopleRead", "goldPeople"),
        new("namesRight", "names read right", "namesRight", "namesRead"),
    ];

    public ValueTask ScoreAsync(EvalDocument document, ScoreSheet sheet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sheet);
        if (document.Minutes is not { } minutes)
        {
            sheet.Add("goldPeople", document.Gold?.Names.Count ?? 0);
            return ValueTask.CompletedTask;
        }

        sheet.Add("rollEntries", minutes.Rolls.Sum(r => r.Entries.Count));
        if (document.Gold is { } gold)
        {
            var names = People(minutes).Select(p => p.Name).OfType<string>().Select(SpeakerMarkerCount.Comparable).ToHashSet(StringComparer.Ordinal);
            sheet.Add("goldPeople", gold.Names.Count);
            sheet.Add("goldPeopleRead", gold.Names.Count(n => names.Contains(SpeakerMarkerCount.Comparable(n))));
            var known = gold.Names.Concat(gold.Surnames).Select(SpeakerMarkerCount.Comparable).ToHashSet(StringComparer.Ordinal);
            sheet.Add("namesRead", names.Count);
            sheet.Add("namesRight", names.Count(known.Contains));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Every person structure names: roll entries, speakers, mentions.</summary>
    public static IEnumerable<PersonMention> People(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        foreach (var roll in minutes.Rolls)
        {
            foreach (var entry in roll.Entries)
            {
                yield return entry;
            }
        }

        foreach (var turn in minutes.Sections.SelectMany(s => s.Turns))
        {
            if (turn.Person is { } person)
            {
                yield return person;
            }

            foreach (var mention in turn.Mentions)
            {
                yield return mention;
            }
        }
    }
}
