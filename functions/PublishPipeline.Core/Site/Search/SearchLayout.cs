using PublishPipeline.Model;

namespace PublishPipeline.Site.Search;

/// <summary>
/// One searchable unit of a minutes: its header (title, 会議体, 回次, 議題: id 0) or one turn.
/// <see cref="Id"/> is <c>chunk × 32 + slot</c>, so search.js knows from a posting alone which
/// fragment file holds the unit's text.
/// </summary>
internal sealed record SearchUnit(int Id, int Section, int Turn, string? Speaker, string Text, string? Role, IReadOnlyList<string> Fields)
{
    /// <summary>The utterance anchor on the minutes page (s2-t5), null for the header.</summary>
    public string? Anchor => Section == 0 ? null : $"s{Section}-t{Turn}";
}

/// <summary>
/// How a minutes is cut into units and fragment chunks. A chunk holds at most 32 units and, unless
/// one turn is longer by itself, about <see cref="CharsPerChunk"/> characters, so showing a result
/// downloads a few kilobytes whatever the length of the minutes.
/// </summary>
internal static class SearchLayout
{
    public const int SlotsPerChunk = 32;

    public const int CharsPerChunk = 4000;

    public static IReadOnlyList<IReadOnlyList<SearchUnit>> Chunks(Minutes minutes)
    {
        var chunks = new List<IReadOnlyList<SearchUnit>>();
        List<SearchUnit>? current = null;
        foreach (var unit in Units(minutes))
        {
            if (unit.Id % SlotsPerChunk == 0 || current is null)
            {
                chunks.Add(current = []);
            }

            current.Add(unit);
        }

        return chunks;
    }

    /// <summary>
    /// The units of <see cref="Chunks"/> one at a time, chunk after chunk (a unit's chunk is
    /// <c>Id / SlotsPerChunk</c>): the search contribution reads each once, so a long document's
    /// hundred thousand units are not all held while its postings are made.
    /// </summary>
    public static IEnumerable<SearchUnit> Units(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var header = new List<string>();
        foreach (var field in (IEnumerable<string?>)[minutes.Title, minutes.Body, minutes.Session, .. minutes.Agenda])
        {
            if (!string.IsNullOrWhiteSpace(field))
            {
                header.Add(field.Trim());
            }
        }

        return UnitsAfter(minutes, header);
    }

    private static IEnumerable<SearchUnit> UnitsAfter(Minutes minutes, List<string> header)
    {
        yield return new(0, 0, 0, null, string.Empty, null, header);
        var chunk = 0;
        var slots = 1;
        var chars = header.Sum(h => h.Length);
        for (var s = 0; s < minutes.Sections.Count; s++)
        {
            var turns = minutes.Sections[s].Turns;
            for (var t = 0; t < turns.Count; t++)
            {
                var turn = turns[t];
                var text = turn.Text ?? string.Empty;
                var length = text.Length + (turn.Speaker?.Length ?? 0);
                if (slots == SlotsPerChunk || (chars > 0 && chars + length > CharsPerChunk))
                {
                    chunk++;
                    slots = 0;
                    chars = 0;
                }

                var speaker = string.IsNullOrWhiteSpace(turn.Speaker) ? null : turn.Speaker.Trim();
                yield return new SearchUnit((chunk * SlotsPerChunk) + slots, s + 1, t + 1, speaker, text, SpeakerRole.Of(turn), speaker is null ? [text] : [speaker, text]);
                slots++;
                chars += length;
            }
        }
    }
}
