using System.Text.RegularExpressions;
using PublishPipeline.Model;
using PublishPipeline.Normalization.People;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// A committee's roll written as one sentence of surnames: <c>真鍋委員長、東雲、宮之森の各委員（大河内副委員長は欠席）</c>
/// (the chair with a title, the members bare before の各委員, an absentee in brackets). Each surname is an entry, its title
/// its role (委員 for the bare ones). Before, the roll closed at the line, which began the proceedings as text.
/// </summary>
internal static partial class EachMemberList
{
    /// <summary>The entries of such a line; null unless every item reads as a surname, with or without a title.</summary>
    public static List<PersonMention>? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = Shape().Match(line.Trim(' ', '\u3000', '\t'));
        if (!m.Success)
        {
            return null;
        }

        var title = m.Groups["title"].Value;
        var entries = new List<PersonMention>();
        foreach (var item in Cleanup.TextCleanup.SplitTopLevel(m.Groups["list"].Value, "、，,"))
        {
            if (Entry(item.Trim(' ', '\u3000'), title) is not { } entry)
            {
                return null;
            }

            entries.Add(entry);
        }

        if (m.Groups["absent"].Success && Entry(m.Groups["absent"].Value, title) is { } absent)
        {
            entries.Add(absent);
        }

        return entries;
    }

    /// <summary>真鍋委員長 (a surname and its title) or 東雲 (a bare surname, the member's title implied).</summary>
    private static PersonMention? Entry(string item, string title)
    {
        var role = OfficeWords.TitleAtEnd(item);
        var surname = role is null ? item : item[..^role.Length];
        // One to five name characters, no office (総務課長 is no surname and its title).
        if (surname.Length is < 1 or > 5 || !SpeakerLabelParser.AllNameChars(surname) || OfficeWords.IsOfficeWord(surname) || OfficeWords.IsNotName(surname))
        {
            return null;
        }

        return new PersonMention { Written = item, FamilyName = surname, Role = role ?? title };
    }

    [GeneratedRegex(@"^(?<list>[^。（）()]{2,200}?)の各(?<title>委員|議員)(?:[（(](?<absent>[^）)、。]{2,16})は欠席[）)])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
