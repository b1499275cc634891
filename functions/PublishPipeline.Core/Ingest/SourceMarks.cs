using System.Text.RegularExpressions;

namespace PublishPipeline.Ingest;

/// <summary>
/// Recognises the lines every format shares: non-disclosure markers typed by staff and page-break
/// debris left by PDF/Word exports. Kept in one place so text, Markdown, HTML and .docx agree.
/// </summary>
internal static partial class SourceMarks
{
    // Trim(params char[]) would allocate its array on every call.
    private static readonly char[] BlankChars = ['\f', ' ', '\t', '\u3000'];

    /// <summary>The text is, on its own, a 【非公開】-style marker; <paramref name="opens"/> says which end.</summary>
    public static bool IsBracketMarker(string text, out bool opens)
    {
        var match = BracketMarker().Match(text);
        opens = match.Success && match.Groups["close"].Length == 0;
        return match.Success;
    }

    /// <summary>The comment body (between &lt;!-- and --&gt;) is a non-disclosure marker.</summary>
    public static bool IsCommentMarker(string commentBody, out bool opens)
    {
        var match = CommentBody().Match(commentBody);
        opens = match.Success && match.Groups["close"].Length == 0;
        return match.Success;
    }

    /// <summary>Finds &lt;!-- 非公開 --&gt; / &lt;!-- /非公開 --&gt; comments anywhere in a line.</summary>
    public static MatchCollection CommentMarkers(string line) => CommentMarker().Matches(line);

    /// <summary>
    /// The line is only a ruler: dashes (ASCII, full-width, box-drawing, ―) with spaces or tabs between,
    /// e.g. "----\t---" or "――――". Real text never consists of dashes alone, so this is safe.
    /// </summary>
    public static bool IsPageBreakDebris(string line)
    {
        if (line.Contains('\f', StringComparison.Ordinal))
        {
            return line.Trim(BlankChars).Length == 0;
        }

        return PageRule().IsMatch(line);
    }

    // Opens: 【非公開】, 【非公開ここから】, 【非公開開始】. Closes: 【非公開ここまで】, 【非公開終わり】, 【/非公開】, 【／非公開】.
    [GeneratedRegex(@"^[\s\u3000]*[【\[［]\s*(?<close>[/／]\s*)?非公開\s*(?:(?<close>ここまで|終わり|終了|おわり)|ここから|開始)?\s*[】\]］][\s\u3000]*$")]
    private static partial Regex BracketMarker();

    [GeneratedRegex(@"^[\s\u3000]*(?<close>[/／][\s\u3000]*)?非公開[\s\u3000]*(?:(?<close>ここまで|終わり|終了|おわり)|ここから|開始)?[\s\u3000]*$")]
    private static partial Regex CommentBody();

    [GeneratedRegex(@"<!--(?<body>[\s\u3000]*(?:[/／][\s\u3000]*)?非公開[\s\u3000]*(?:ここまで|終わり|終了|おわり|ここから|開始)?[\s\u3000]*)-->")]
    private static partial Regex CommentMarker();

    // At least three dash characters in the first run; further runs may be shorter ("----------\t--").
    [GeneratedRegex(@"^[ \t\u3000]*[-‐‑–—―─━－]{3,}(?:[ \t\u3000]+[-‐‑–—―─━－]+)*[ \t\u3000]*$")]
    private static partial Regex PageRule();
}
