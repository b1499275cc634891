using PublishPipeline.Model;

namespace PublishPipeline.Normalization;

/// <summary>
/// An upload that is not minutes at all (a <c>desktop.ini</c>, a staff memo): none of a title, a date, a
/// 会議体, a roll or a turn with a speaker was found. Such a file is refused with the reason, whatever
/// the site's policy for minutes without a 公開の可否 table: nothing says it is a record of a meeting.
/// </summary>
internal static class NotMinutes
{
    /// <summary>Why the document is not minutes, or null when it has any of the marks of minutes.</summary>
    public static string? Reason(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var speakers = minutes.Sections.Sum(s => s.Turns.Count(t => t.Speaker is not null));
        var people = minutes.Rolls.Sum(r => r.Entries.Count) + minutes.Attendees.Sum(a => a.Members.Count);
        if (minutes.Title is not null || minutes.Date is not null || minutes.Body is not null || people > 0 || speakers > 0)
        {
            return null;
        }

        var turns = minutes.Sections.Sum(s => s.Turns.Count);
        return "not minutes: no title (会議体の名称), no date (開催日), no 会議体, no roll of attendees and no turn with a speaker "
            + $"were found ({turns} line(s) of text without a speaker); upload the minutes themselves";
    }
}
