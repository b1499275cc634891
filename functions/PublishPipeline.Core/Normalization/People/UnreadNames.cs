namespace PublishPipeline.Normalization.People;

/// <summary>
/// Whether a speaker label or a stage-direction clause names a person although no reader could read
/// the name: an honorific (君, さん, 氏, 様, 殿) ends it, or a member word ends what stands in its
/// parentheses (<c>○町長（John Smith君）</c>, <c>○３番（Ｊ．ＳＭＩＴＨ議員）</c>, <c>〔John Smith君登壇〕</c>). The
/// readers leave the name in the published label; the normaliser warns (<c>name-unread</c>, with the line) and
/// the redactor holds the document, since the name could not be masked.
/// </summary>
internal static class UnreadNames
{
    private static readonly string[] Honorifics = ["君", "さん", "氏", "様", "殿"];

    /// <summary>For a label whose parsed person has no name.</summary>
    public static bool InLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var compact = WrittenName.Compact(label).TrimEnd('：', ':');
        var open = compact.LastIndexOfAny(['（', '(']);
        if (open >= 0 && compact.Length > open + 2 && compact[^1] is '）' or ')')
        {
            var inner = compact[(open + 1)..^1];
            return NamesSomeone(inner) || ((inner.EndsWith("議員", StringComparison.Ordinal) || inner.EndsWith("委員", StringComparison.Ordinal)) && HasForeignLetters(inner));
        }

        return NamesSomeone(compact) || KatakanaWordBeforeTitle(compact);
    }

    /// <summary>
    /// マクレガー委員, ジョンソン会長: one katakana word right against a person's title. Katakana opens offices too, so the
    /// readers take the word as a name only when the lexicon knows it as a surname; any other, unread, is a name
    /// the redactor could not mask. Before, the entry was an office with no name, published with no hold.
    /// </summary>
    public static bool KatakanaWordBeforeTitle(string compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        // オブザーバー委員, アドバイザー会長: a katakana role word (a title of its own) is no name.
        return OfficeWords.TitleAtEnd(compact) is { } title && OfficeWords.IsPersonTitle(title) && compact[..^title.Length] is var word
            && NameScript.IsKatakanaWord(word) && OfficeWords.TitleAtEnd(word) is null;
    }

    /// <summary>Text that ends with an honorific after something (a name the readers did not take).</summary>
    public static bool NamesSomeone(string compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        foreach (var h in Honorifics)
        {
            if (compact.Length > h.Length && compact.EndsWith(h, StringComparison.Ordinal) && HasForeignLetters(compact.AsSpan(0, compact.Length - h.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Latin letters or a joining mark: what a name the readers could not take holds (a kanji or kana name they read; without either, the text is no name at all).</summary>
    public static bool HasForeignLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c) || NameScript.IsJoiningMark(c) || (c is >= 'Ａ' and <= 'Ｚ') || (c is >= 'ａ' and <= 'ｚ'))
            {
                return true;
            }
        }

        return false;
    }
}
