using System.Globalization;
using System.Text.RegularExpressions;
using PublishPipeline.Model;
using PublishPipeline.Redaction;

namespace PublishPipeline.Review;

/// <summary>
/// Builds <see cref="HoldCheck"/>s that point a reviewer at their own file: a field location of the
/// normalised document is turned into the line of the decoded upload where the reader recorded one
/// (<see cref="SpeakerTurn.Line"/>, the line of a disclosure warning), with the text found there.
/// Where no line is known, the field location stands.
/// </summary>
public static partial class HoldChecks
{
    private const int ExcerptLength = 60;

    /// <summary>A check at a field of <paramref name="minutes"/> (or the whole document when <paramref name="location"/> is null).</summary>
    public static HoldCheck At(Minutes minutes, string code, string message, string? location)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        location = location is null ? null : TrimOffset(location);
        return new HoldCheck(code, message)
        {
            Location = location,
            Line = LineOf(minutes, location),
            Excerpt = ExcerptOf(minutes, location),
        };
    }

    /// <summary>A reason written as "location: message" (how the passage rules name where they stopped).</summary>
    public static HoldCheck FromLocatedReason(Minutes minutes, string code, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var match = LocatedReason().Match(reason);
        return match.Success
            ? At(minutes, code, match.Groups["message"].Value, match.Groups["location"].Value)
            : At(minutes, code, reason, null);
    }

    /// <summary>A check about 公開の可否: the line of the disclosure table when the reader warned about it.</summary>
    public static HoldCheck OnDisclosure(Minutes minutes, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var warning = minutes.Warnings.FirstOrDefault(w => w.Code.StartsWith("disclosure", StringComparison.Ordinal) && w.Line is not null);
        return new HoldCheck(code, message) { Location = "disclosure", Line = warning?.Line, Excerpt = warning?.Message };
    }

    /// <summary>The 1-based line of the upload where the field starts, when the reader recorded it.</summary>
    public static int? LineOf(Minutes minutes, string? location)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (location is null || TurnLocation().Match(location) is not { Success: true } m)
        {
            return null;
        }

        var s = int.Parse(m.Groups["section"].Value, CultureInfo.InvariantCulture);
        var t = int.Parse(m.Groups["turn"].Value, CultureInfo.InvariantCulture);
        return s < minutes.Sections.Count && t < minutes.Sections[s].Turns.Count ? minutes.Sections[s].Turns[t].Line : null;
    }

    /// <summary>The text of the field (a turn's text for a turn), shortened to one line.</summary>
    public static string? ExcerptOf(Minutes minutes, string? location)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (location is null)
        {
            return null;
        }

        // A turn is named by its text; any other location names its field exactly.
        var wanted = TurnLocation().Match(location) is { Success: true } m && m.Length == location.Length ? location + ".text" : location;
        var found = MinutesTextFields.Collect(minutes).Where(f => f.Location == wanted).Select(f => f.Text).FirstOrDefault();
        if (found is null)
        {
            return null;
        }

        var text = string.Join(' ', found.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";
    }

    /// <summary>"sections[1].turns[2].text@14" → "sections[1].turns[2].text" (the offset is for the audit, not for people).</summary>
    private static string TrimOffset(string location) =>
        location.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 ? location[..at] : location;

    [GeneratedRegex(@"^sections\[(?<section>\d+)\]\.turns\[(?<turn>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex TurnLocation();

    [GeneratedRegex(@"^(?<location>[A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+(?:\[\d+\])?)*(?:@\d+)?): (?<message>.+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex LocatedReason();
}
