using PublishPipeline.Model;
using PublishPipeline.Normalization.People;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Normalization.Proceedings.Markers;

/// <summary>
/// ◎山根報告, ◎山根委員説明: a marker, a person, and what they did (報告, 説明) on a line of its own; a note that the person
/// reported, not a heading of the business (◎委員長報告, ◎経過報告, ◎行政報告 name an office or a kind of report). The person
/// is a surname the dictionary knows and no ordinary word (中間, 経過; a surname that is a noun too, 石橋, stays a heading),
/// or a label with a name (山根委員). Before, the line was a heading and the surname, in no register, was published with it and
/// wherever the speeches named it.
/// </summary>
internal static class MarkedReport
{
    private static readonly string[] Acts = ["報告", "説明"];

    /// <summary>Whether the line is such a note (the proceedings are built before the rolls are known: read without them).</summary>
    public static bool Is(string line) => Read(line, null) is not null;

    /// <summary>The person the note names; null when the line is none.</summary>
    public static PersonMention? Read(string line, KnownPeople? known)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length is < 4 or > 24 || line[0] != '◎')
        {
            return null;
        }

        var rest = line.AsSpan(1).Trim(" \u3000");
        foreach (var act in Acts)
        {
            if (!rest.EndsWith(act, StringComparison.Ordinal))
            {
                continue;
            }

            var who = rest[..^act.Length].TrimEnd(" \u3000");
            if (who.EndsWith("の", StringComparison.Ordinal) || who.EndsWith("から", StringComparison.Ordinal))
            {
                who = who[..^(who[^1] == 'の' ? 1 : 2)];
            }

            if (who.Length is < 1 or > 10 || !SpeakerLabelParser.AllNameChars(who) || who.IndexOfAnyInRange('\u3041', '\u309F') >= 0)
            {
                return null;
            }

            var lexicon = NameLexicon.Default;
            if (who.Length <= 4 && lexicon.IsSurname(who) && !lexicon.IsCommonWord(who))
            {
                var surname = who.ToString();
                return new PersonMention { Written = surname, Name = surname, FamilyName = surname };
            }

            return SpeakerLabelParser.Parse(who.ToString(), known) is { Name: not null } person ? person : null;
        }

        return null;
    }
}
