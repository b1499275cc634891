namespace PublishPipeline.Normalization.Header;

/// <summary>
/// A stamp that marks a whole document as not for the public, alone on a header line: <c>非公開</c>, <c>【非公開】</c>,
/// <c>［部外秘］</c>, <c>（取扱注意）</c>. A word of a sentence, or a disclosure field (<c>公開の可否　非公開</c>), is no stamp.
/// </summary>
internal static class DisclosureStamp
{
    /// <summary>The warning a stamp leaves, with its line: the marker ledger counts a 【非公開】 read as a stamp as placed.</summary>
    public const string WarningCode = "disclosure-stamp";

    private static readonly string[] Stamps = ["非公開", "非公表", "部外秘", "取扱注意", "取扱厳重注意", "秘", "極秘", "関係者限り"];

    public static string? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.AsSpan().Trim(" \u3000\t");
        if (t.Length >= 3 && t[0] is '【' or '［' or '[' or '（' or '(' or '〔' or '＜' or '《' or '≪' && t[^1] is '】' or '］' or ']' or '）' or ')' or '〕' or '＞' or '》' or '≫')
        {
            t = t[1..^1].Trim(" \u3000");
        }

        foreach (var stamp in Stamps)
        {
            if (t.SequenceEqual(stamp))
            {
                return stamp;
            }
        }

        return null;
    }
}
