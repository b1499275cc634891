using PublishPipeline.Model;

namespace PublishPipeline.Evaluation;

/// <summary>
/// Speaker markers in the source (<see cref="SpeakerMarkerCount"/>) against the turns reading made:
/// a marker counts as read when a turn starts on the marker's line with that speaker (every part of
/// the label in the turn's speaker, spaces and widths ignored), one turn per marker. Also: speech
/// turns found, and turns with a speaker whose label was parsed into a name or a role.
/// </summary>
public sealed class SpeakerTurnScorer : IDocumentScorer
{
    public IReadOnlyList<Metric> Metrics { get; } =
    [
        new("markers", "markers", "markers"),
        new("speechTurns", "speech turns", "speechTurns"),
        new("markerTurns", "marker→turn", "markersRead", "markers"),
        new("speakerParsed", "speaker parsed", "speakersParsed", "speakerTurns"),
    ];

    public ValueTask ScoreAsync(EvalDocument document, ScoreSheet sheet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sheet);
        var markers = document.Text is null ? [] : SpeakerMarkerCount.Find(document.Text);
        sheet.Add("markers", markers.Count);
        if (document.Minutes is not { } minutes)
        {
            return ValueTask.CompletedTask;
        }

        var turns = minutes.Sections.SelectMany(s => s.Turns).ToList();
        sheet.Add("speechTurns", turns.Count(t => t.Kind == TurnKind.Speech));
        var withSpeaker = turns.Where(t => t.Speaker is not null).ToList();
        sheet.Add("speakerTurns", withSpeaker.Count);
        sheet.Add("speakersParsed", withSpeaker.Count(t => t.Person is { } p && (p.Name is not null || p.Role is not null)));
        sheet.Add("markersRead", MarkersRead(markers, withSpeaker));
        return ValueTask.CompletedTask;
    }

    /// <summary>Markers matched one-to-one with turns that start on their line with their speaker.</summary>
    public static int MarkersRead(IReadOnlyList<MarkerOccurrence> markers, IReadOnlyList<SpeakerTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(markers);
        ArgumentNullException.ThrowIfNull(turns);
        var byLine = new Dictionary<int, List<string>>();
        foreach (var t in turns)
        {
            if (t.Line is int line && t.Speaker is not null)
            {
                if (!byLine.TryGetValue(line, out var list))
                {
                    byLine[line] = list = [];
                }

                list.Add(SpeakerMarkerCount.Comparable(t.Speaker));
            }
        }

        var read = 0;
        foreach (var marker in markers)
        {
            if (!byLine.TryGetValue(marker.Line, out var speakers))
            {
                continue;
            }

            var k = speakers.FindIndex(s => marker.Parts.All(p => s.Contains(p, StringComparison.Ordinal)));
            if (k >= 0)
            {
                speakers.RemoveAt(k);
                read++;
            }
        }

        return read;
    }
}
