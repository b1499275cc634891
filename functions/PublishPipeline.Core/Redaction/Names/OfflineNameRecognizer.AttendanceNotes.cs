using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// 佐野進（欠席）: a board's minutes list its members one a line, each with whether they came in brackets
/// (＜委員出欠＞ then 花園院弘正（出席）). A kanji run of three to six that opens the line, right before such a note,
/// is the member's name, masked whole where it stands (a rare surname, 花園院, or a one-kanji given name, 進, was
/// published beside the mask of a name the dictionary knows). A word there (会議（欠席）) is no compound of names.
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    /// <summary>What a bracketed note after a member says of them.</summary>
    private static readonly string[] AttendanceNotes = ["出席", "欠席", "遅刻", "早退", "途中退席", "途中出席", "公務欠席", "病気欠席"];

    private static readonly System.Buffers.SearchValues<char> OpenParens = System.Buffers.SearchValues.Create("（(");

    private void RecognizeAttendanceNotes(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        for (var open = t.IndexOfAny(OpenParens); open >= 0; open = IndexOfAnyFrom(t, open + 1, OpenParens))
        {
            var start = open;
            while (start > 0 && IsKanji(t[start - 1]) && open - start <= 6)
            {
                start--;
            }

            var name = t[start..open];
            if (CodePoints(name) is < 3 or > 6 || (start > 0 && t[start - 1] is not ('\n' or '\r') && !IsSpace(t[start - 1])) || !IsAttendanceNote(t, open)
                || HasRole(name) || lexicon.IsWord(name) || IsCompound(name, places: false))
            {
                continue;
            }

            found.Add(new NameSpan(start, name.Length, "offline:attendance-note", 0.8));
        }
    }

    private static bool IsAttendanceNote(ReadOnlySpan<char> t, int open)
    {
        var rest = t[(open + 1)..];
        foreach (var note in AttendanceNotes)
        {
            if (rest.StartsWith(note, StringComparison.Ordinal) && rest.Length > note.Length && IsCloseParen(rest[note.Length]))
            {
                return true;
            }
        }

        return false;
    }
}
