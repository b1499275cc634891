using PublishPipeline.Model;
using PublishPipeline.Normalization.People;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// A roll's entries one space apart, each a whole name (<c>◎山根昌子 ○肥田茂男 佐久間真和</c>, the chair's ◎ and the vice-chair's ○
/// before the name, the last line ending <c>…清水谷謙治各委員</c>) or a name before its office (<c>榎田雅朝局長心得 南田和彦次長</c>), as
/// a city's 委員会記録 list them after <c>1.出席委員</c> and <c>1.事務局員</c>. Two items and half of them at least must read so (a bare
/// name of four characters or more, a marked one, or a name and its title); the others are kept without a name (held for review).
/// Else null and the line is left to the other readers (<c>山田 太郎</c> is one name).
/// Before, the line was not read: the heading's line was dropped with its names, or read as a speech.
/// </summary>
internal static class SpaceListedEntries
{
    public static List<PersonMention>? Read(string text, KnownPeople known)
    {
        ArgumentNullException.ThrowIfNull(text);
        var items = text.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length < 2)
        {
            return null;
        }

        var entries = new List<PersonMention>(items.Length);
        foreach (var written in items)
        {
            var item = written;
            var marked = item[0] is '◎' or '○' or '◯' or '〇';
            if (marked)
            {
                item = item[1..];
            }

            // 清水谷謙治各委員: the list's last name and the title of them all.
            var each = item.EndsWith("各委員", StringComparison.Ordinal) && item.Length > 3;
            if (each)
            {
                item = item[..^3];
            }

            if (item.Length < 2 || !item.Any(c => NameScript.IsKanji(c)))
            {
                return null;
            }

            if (!marked && !each && SpeakerLabelParser.Parse(item, known) is { Name: not null, Role: not null } titled && titled.Name.Length >= 3)
            {
                entries.Add(titled with { Written = written });
                continue;
            }

            if ((marked || each || item.Length >= 4) && OfficeWords.TitleAtEnd(item) is null && RollEntryShapes.BareEntry(item, known) is { } bare)
            {
                entries.Add(bare with { Written = written });
                continue;
            }

            // 榎田雅朝局長心得 (an office no title ends): kept without a name, held, when most items read.
            entries.Add(new PersonMention { Written = written });
        }

        var read = entries.Count(e => e.Name is not null);
        return read >= 2 && read * 2 >= entries.Count ? entries : null;
    }
}
