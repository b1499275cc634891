using System.Text;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// A roll's line that pairs each post with its holder by a colon, the pairs apart by 、: <c>委員長：星野健太、副委員長：安藤哲也</c>,
/// <c>委員：中沢紀夫、委員：岩城均</c> (a prefectural committee's summary record lists its 出席委員 so). Read as the roll's
/// office-and-name entries. Before, the first post read as a colon speaker label: the proceedings started there and the
/// names were published as its speech.
/// </summary>
internal static class PostNameList
{
    /// <summary>The line with each <c>post：name</c> written <c>post　name</c>; null unless every item of the 、 list is such a pair.</summary>
    public static string? AsEntries(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > 400 || line.AsSpan().IndexOfAny('：', ':') < 0 || line.Contains('。', StringComparison.Ordinal))
        {
            return null;
        }

        var items = Cleanup.TextCleanup.SplitTopLevel(line.Trim(' ', '\u3000'), "、，,");
        var sb = new StringBuilder(line.Length);
        foreach (var item in items)
        {
            var pair = item.Trim(' ', '\u3000');
            var colon = pair.AsSpan().IndexOfAny('：', ':');
            if (colon < 1 || colon > 12 || colon == pair.Length - 1 || pair.AsSpan(colon + 1).IndexOfAny('：', ':') >= 0)
            {
                return null;
            }

            var post = Cleanup.TextCleanup.RemoveSpaces(pair[..colon]);
            var name = pair[(colon + 1)..].Trim(' ', '\u3000');
            // The post is a role word (委員長, 副委員長, 委員), never a sentence's opening; the holder is a short name.
            if (!Proceedings.SpeakerLabels.IsRoleLike(post) || name.Length is 0 or > 12)
            {
                return null;
            }

            if (sb.Length > 0)
            {
                sb.Append('、');
            }

            sb.Append(post).Append('\u3000').Append(name);
        }

        return sb.ToString();
    }
}
