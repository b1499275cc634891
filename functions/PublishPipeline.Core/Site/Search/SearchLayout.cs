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
        ArgumentNullException.ThrowIfNull(minutes);
        var header = new List<string>();
        foreach (var field in (IEnumerable<string?>)[minutes.Title, minutes.Body, minutes.Session, .. minutes.Agenda])
        {
            if (!string.IsNullOrWhiteSpace(field))
            {
                header.Add(field.Trim());
            }
        }

        var chunks = new List<IReadOnlyList<SearchUnit>>();
        var current = new List<SearchUnit> { new(0, 0, 0, null, string.Empty, null, header) };
        var chars = header.Sum(h => h.Length);
        for (var s = 0; s < minutes.Sections.Count; s++)
        {
            var turns = minutes.Sections[s].Turns;
            for (var t = 0; t < turns.Count; t++)
            {
                var turn = turns[t];
                var text = turn.Text ?? string.Empty;
                var length = text.Length + (turn.Speaker?.Length ?? 0);
                if (current.Count == SlotsPerChunk || (chars > 0 && chars + length > CharsPerChunk))
                {
                    chunks.Add(current);
                    current = [];
                    chars = 0;
                }

                var speaker = string.IsNullOrWhiteSpace(turn.Speaker) ? null : turn.Speaker.Trim();
                var id = (chunks.Count * SlotsPerChunk) + current.Count;
                current.Add(new SearchUnit(id, s + 1, t + 1, speaker, text, SpeakerRole.Of(turn), speaker is null ? [text] : [speaker, text]));
                chars += length;
            }
        }

        chunks.Add(current);
        return chunks;
    }
}
