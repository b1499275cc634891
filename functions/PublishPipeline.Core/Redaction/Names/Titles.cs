using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// What follows a name in minutes: a title or honorific (議員, 市長, 君, さん), or an office and its
/// post (政策企画部長, 防災・危機管理部長, 学務課長) as in <c>山田学務課長</c>. Used to confirm that a
/// string is the person's surname where it stands.
/// </summary>
internal static class Titles
{
    private const int MaxOffice = 30;

    /// <summary>The length of the title that starts at <paramref name="at"/>, or 0.</summary>
    public static int LengthAt(ReadOnlySpan<char> t, int at, OfflineNameRecognizer words)
    {
        if (at >= t.Length)
        {
            return 0;
        }

        if (RoleWords.MatchAt(t, at) is { } role)
        {
            return role.Text.Length;
        }

        return OfficeTitleLengthAt(t, at, words);
    }

    /// <summary>An office made of ordinary words followed by a post (政策企画部長, 保健福祉部福祉担当部長), or 0.</summary>
    public static int OfficeTitleLengthAt(ReadOnlySpan<char> t, int at, OfflineNameRecognizer words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var limit = Math.Min(t.Length, at + MaxOffice);
        for (var e = at + 1; e < limit; e++)
        {
            var c = t[e - 1];
            if (!IsKanji(c) && !IsKatakana(c) && c is not ('・' or 'ノ' or 'ヶ'))
            {
                return 0;
            }

            if (RoleWords.MatchAt(t, e) is { } post && post.Kind != RoleKind.Honorific && words.IsCompound(t[at..e]))
            {
                return e - at + post.Text.Length;
            }
        }

        return 0;
    }
}
