using AngleSharp.Dom;

namespace PublishPipeline.Ingest.SavedPages;

/// <summary>
/// Speaker labels that a 会議録検索 system marks up instead of spacing: <c>&lt;span class="speaker"&gt;議長（山田一郎君）&lt;/span&gt;&lt;span
/// class="body"&gt;ただいまから…</c>. The page shows the label apart, but its text runs into the speech
/// (議長（山田一郎君）ただいまから…), which no label reader takes for a speaker: the whole page was speeches of
/// nobody's. A full-width space after such an element, when it opens its block, keeps the label apart as the page
/// shows it.
/// </summary>
internal static class SpeakerMarkup
{
    private static readonly string[] SpeakerWords = ["speaker", "speaker-name", "speakername", "hatsugensha", "hatsugen-sha", "hatsugen_sha", "talker"];

    /// <summary>A class token that names a speaker: word, word-…, word_…, …-word or …_word, in any case (voice__speaker).</summary>
    internal static bool IsSpeakerToken(ReadOnlySpan<char> token) => ClassTokens.NamesAny(token, SpeakerWords);

    /// <summary>Puts a full-width space after each speaker element that opens its block and runs into the text after it.</summary>
    public static void Separate(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var element in root.QuerySelectorAll("[class]").ToList())
        {
            if (!element.ClassList.Any(c => IsSpeakerToken(c)) || element.TextContent.Trim().Length == 0 || !OpensItsBlock(element))
            {
                continue;
            }

            var next = element.NextSibling;
            while (next is IText { Data.Length: 0 })
            {
                next = next.NextSibling;
            }

            var after = next?.TextContent ?? "";
            if (after.Length > 0 && !char.IsWhiteSpace(after[0]) && !char.IsWhiteSpace(element.TextContent[^1]))
            {
                element.After(element.Owner!.CreateTextNode("\u3000"));
            }
        }
    }

    // Nothing but white space stands before it in its parent (a label starts the speech).
    private static bool OpensItsBlock(IElement element)
    {
        for (var previous = element.PreviousSibling; previous is not null; previous = previous.PreviousSibling)
        {
            if (previous.TextContent.Trim().Length > 0)
            {
                return false;
            }
        }

        return true;
    }
}
