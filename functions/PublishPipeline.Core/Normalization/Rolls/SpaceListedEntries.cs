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

            if (!marked && !each && Titled(written, known) is { } titled)
            {
                entries.Add(titled);
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

    /// <summary>
    /// 荒木知子庶務係長 alone on the line below such a list: its wrapped last entry, a name before its office. Null for any
    /// other line (the roll's other readers, or the proceedings, take it). Before, it was read as a speaker label with no speech.
    /// </summary>
    public static PersonMention? ReadWrapped(string text, KnownPeople known)
    {
        ArgumentNullException.ThrowIfNull(text);
        var item = text.Trim(' ', '\u3000', '\t');
        return item.AsSpan().IndexOfAny(' ', '\u3000', '\t') < 0 && item.Length >= 5 && item.Length <= 16 ? Titled(item, known) : null;
    }

    /// <summary>
    /// A name of three characters or more and its office (南田和彦次長); 心得 after the office (局長心得, acting director) is
    /// a note of the post, kept in the role.
    /// </summary>
    private static PersonMention? Titled(string written, KnownPeople known)
    {
        var acting = written.EndsWith("心得", StringComparison.Ordinal) && written.Length > 4;
        var item = acting ? written[..^2] : written;
        var parsed = SpeakerLabelParser.Parse(item, known) is { Name: { Length: >= 3 }, Role: not null } titled ? titled : NameThenOffice(item, known);
        return parsed is { Role: { } role } ? parsed with { Written = written, Role = acting ? role + "心得" : role } : null;
    }

    /// <summary>
    /// 南田和彦次長, where the parser starts an office at a name's common word (南田): the longest name the lexicon splits into
    /// a surname and a given name, the rest an office alone of two characters or more. The longest first, so no part of a
    /// name is left in the office (published unmasked).
    /// </summary>
    private static PersonMention? NameThenOffice(string item, KnownPeople known)
    {
        for (var k = Math.Min(5, item.Length - 2); k >= 3; k--)
        {
            var name = item[..k];
            if (WrittenName.Packed(name, known) is { FamilyName: { } family, GivenName: { } given } && SpeakerLabelParser.OfficeAlone(item[k..]) is { Role: { } office })
            {
                return new PersonMention { Written = item, Name = name, FamilyName = family, GivenName = given, Role = office };
            }
        }

        return null;
    }
}
