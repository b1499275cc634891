using PublishPipeline.Model;

namespace PublishPipeline.Evaluation;

/// <summary>
/// The people reading found in structure: roll entries read, and (with a gold file) the gold full
/// names that are the name of some roll entry, speaker or stage-direction mention (spaces ignored).
/// </summary>
public sealed class RollScorer : IDocumentScorer
{
    public IReadOnlyList<Metric> Metrics { get; } =
    [
        new("rollEntries", "roll entries", "rollEntries"),
        new("goldPeople", "gold people read", "goldPeopleRead", "goldPeople"),
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
