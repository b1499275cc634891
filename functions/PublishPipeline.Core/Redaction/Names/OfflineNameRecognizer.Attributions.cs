using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// ・待機児童の状況について質問があった。（宇佐木）: a 議事要旨 written as points attributes each to its speaker in
/// brackets after the sentence. A bracket right after 。 at the end of a line, holding two to four kanji that are a
/// dictionary surname or no ordinary word, office or compound (place names are surnames as often), is the speaker's name (masked where it stands: a surname no dictionary
/// has is as private as one it has). Before, only a known surname or a title (（真壁会長）) was masked there.
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    private void RecognizeAttributions(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        for (var i = t.IndexOf('。'); i >= 0 && i + 1 < t.Length; i = Next(t, i + 1))
        {
            var open = i + 1;
            if (!IsOpenParen(t[open]))
            {
                continue;
            }

            var close = open + 1;
            while (close < t.Length && IsKanji(t[close]) && !char.IsSurrogate(t[close]) && close - open <= 5)
            {
                close++;
            }

            var name = t[(open + 1)..close];
            var lineEnds = close + 1 >= t.Length || t[close + 1] is '\n' or '\r';
            if (close >= t.Length || !IsCloseParen(t[close]) || !lineEnds || name.Length is < 2 or > 4
                || RoleWords.IsRole(name) || RoleWords.RoleLengthEndingAt(name, name.Length) > 0
                || (!lexicon.IsSurname(name) && (lexicon.IsCommonWord(name) || IsCompound(name, places: false))))
            {
                continue;
            }

            found.Add(new NameSpan(open + 1, name.Length, "offline:attribution", 0.7));
        }

        static int Next(ReadOnlySpan<char> t, int from)
        {
            var k = t[from..].IndexOf('。');
            return k < 0 ? -1 : from + k;
        }
    }
}
