using PublishPipeline.Model;
using PublishPipeline.Normalization.People;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// A roll lists its members alike: in <c>出席委員：相良委員、東雲委員、真柴委員</c> each entry is a surname and the same
/// person's title. A surname that is also a word and a place (東雲, 若竹: surnames are mostly places) reads alone as an
/// office (東雲委員 like 公募委員); beside members read as a surname and that title, it is one of them. Before, it went to
/// the document's offices, so its speaker label was an office too, and both were published.
/// </summary>
internal static class LikeMembers
{
    private const string Units = "部課局室係所署庁院館園校会";

    /// <summary>The entries with each whole-office entry that stands for a member like its neighbours read as that member.</summary>
    public static List<PersonMention> Read(List<PersonMention> entries, KnownPeople known)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is { Name: null, Role: { } role } entry && role == entry.Written && OfficeWords.TitleAtEnd(role) is { } title
                && OfficeWords.IsPersonTitle(title) && role[..^title.Length] is var prefix && IsPlaceSurname(prefix, known)
                && entries.Exists(e => e.FamilyName is { Length: > 0 } && e.Role == title))
            {
                entries[i] = entry with { Name = prefix, FamilyName = prefix, Role = title };
            }
        }

        return entries;
    }

    // Two or three kanji a place too (not the document's own place), and no body or unit (中部, 自治会, 本部): the one kind of
    // word that is as likely a surname as an office.
    private static bool IsPlaceSurname(string prefix, KnownPeople known) =>
        prefix.Length is 2 or 3 && SpeakerLabelParser.AllNameChars(prefix) && NameLexicon.Default.IsPlace(prefix) && !known.IsPlace(prefix)
        && !Units.Contains(prefix[^1], StringComparison.Ordinal) && !OfficeWords.IsNotName(prefix) && !OfficeWords.EndsWithBody(prefix)
        && prefix.All(c => c is >= '\u4E00' and <= '\u9FFF' or '々');
}
