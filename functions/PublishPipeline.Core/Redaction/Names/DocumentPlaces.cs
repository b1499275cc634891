using PublishPipeline.Model;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// The document's own place names: the municipality and the assembly's place as the title, the
/// body and the opening lines state them (<c>小樽市議会</c> → 小樽市, <c>白馬村議会</c> → 白馬村). A
/// surname that is also one of them (a mayor named like a district) is masked only where a title
/// follows it, and the place itself is never masked.
/// </summary>
internal static class DocumentPlaces
{
    private const string Suffixes = "都道府県市区町村";

    public static HashSet<string> Of(Minutes minutes)
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        if (minutes.Municipality is { Length: >= 2 } municipality && Suffixes.Contains(municipality[^1], StringComparison.Ordinal))
        {
            places.Add(CompactText.Folded(municipality));
        }

        Scan(minutes.Title, places);
        Scan(minutes.Body, places);
        var opening = 0;
        foreach (var turn in minutes.Sections.SelectMany(s => s.Turns).Take(6))
        {
            Scan(turn.Text.Length > 600 ? turn.Text[..600] : turn.Text, places);
            if (++opening > 6)
            {
                break;
            }
        }

        return places;
    }

    /// <summary>X市議会, X県議会, X町役場, wherever the title, the body or the opening lines say it.</summary>
    private static void Scan(string? text, HashSet<string> places)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var t = CompactText.Folded(text);
        for (var i = 1; i < t.Length; i++)
        {
            if (!Suffixes.Contains(t[i], StringComparison.Ordinal))
            {
                continue;
            }

            // Only an assembly or an office names the place: 迫市長 is the mayor 迫, not a city 迫市,
            // and 田村から is a person, not a village.
            var headed = t.AsSpan(i + 1).StartsWith("議会", StringComparison.Ordinal) || t.AsSpan(i + 1).StartsWith("役所", StringComparison.Ordinal)
                || t.AsSpan(i + 1).StartsWith("役場", StringComparison.Ordinal);
            if (!headed)
            {
                continue;
            }

            var start = i;
            while (start > 0 && i - start < 4 && IsKanji(t[start - 1]) && !Suffixes.Contains(t[start - 1], StringComparison.Ordinal))
            {
                start--;
            }

            if (i - start >= 1)
            {
                places.Add(t[start..(i + 1)]);
            }
        }
    }
}
