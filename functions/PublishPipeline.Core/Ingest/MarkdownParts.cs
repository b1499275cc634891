namespace PublishPipeline.Ingest;

/// <summary>
/// Cuts a long Markdown text into parts that Markdig parses to the same blocks on their own as in
/// the whole text, so <see cref="MarkdownReader"/> holds one part's syntax tree at a time (about ten
/// times the text it covers) instead of the whole upload's. A cut falls only after a blank line and
/// before a line that starts at the margin with text (a letter, a Japanese character, "(", "#"):
/// there every open paragraph, list, block quote and table has ended and nothing continues into
/// the line. Outside an HTML comment that spans lines. A text that has what a cut could split
/// (a fenced code block, a &lt;pre&gt;/&lt;script&gt;-like HTML block that runs past blank lines, a
/// link reference definition a link elsewhere may use) is never cut: it is parsed whole, as before.
/// </summary>
internal static class MarkdownParts
{
    /// <summary>(start, length, lines before it) of each part; one part when the text is short or cannot be cut.</summary>
    public static List<(int Start, int Length, int FirstLine)> Of(string text, int partChars)
    {
        var parts = new List<(int Start, int Length, int FirstLine)>();
        if (text.Length <= partChars || !Cuttable(text))
        {
            parts.Add((0, text.Length, 0));
            return parts;
        }

        int partStart = 0, partLine = 0, lineNumber = 0, position = 0;
        var previousBlank = false;
        var inComment = false;
        while (position < text.Length)
        {
            var rest = text.AsSpan(position);
            var end = rest.IndexOfAny('\n', '\r');
            var line = end < 0 ? rest : rest[..end];
            var next = end < 0 ? text.Length : position + end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
            if (position - partStart >= partChars && previousBlank && !inComment && StartsWithText(line))
            {
                parts.Add((partStart, position - partStart, partLine));
                partStart = position;
                partLine = lineNumber;
            }

            inComment = InCommentAfter(line, inComment);
            previousBlank = line.TrimStart(" \t").IsEmpty; // a line of U+3000 is text in Markdown, not blank
            lineNumber++;
            position = next;
        }

        parts.Add((partStart, text.Length - partStart, partLine));
        return parts;
    }

    /// <summary>False when the text has a construct that may run past a blank line or refer across the text.</summary>
    private static bool Cuttable(string text)
    {
        var span = text.AsSpan();
        if (span.Contains("```", StringComparison.Ordinal) || span.Contains("~~~", StringComparison.Ordinal) || span.Contains("]:", StringComparison.Ordinal)
            || span.Contains("<?", StringComparison.Ordinal) || span.Contains("<![", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var tag in (ReadOnlySpan<string>)["<pre", "<script", "<style", "<textarea"])
        {
            if (span.Contains(tag, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // <!DOCTYPE …> and the like (an HTML block that ends at ">"), but not a comment.
        for (var at = span.IndexOf("<!", StringComparison.Ordinal); at >= 0; at = NextIndex(span, "<!", at))
        {
            if (at + 2 < span.Length && char.IsAsciiLetter(span[at + 2]))
            {
                return false;
            }
        }

        return true;
    }

    private static int NextIndex(ReadOnlySpan<char> span, string value, int after)
    {
        var next = span[(after + 1)..].IndexOf(value, StringComparison.Ordinal);
        return next < 0 ? -1 : after + 1 + next;
    }

    /// <summary>Whether an HTML comment is still open after the line (every "&lt;!--" and "--&gt;" counted wherever it sits: wider than Markdig's rule, so never narrower).</summary>
    private static bool InCommentAfter(ReadOnlySpan<char> line, bool open)
    {
        while (true)
        {
            var marker = open ? "-->" : "<!--";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                return open;
            }

            open = !open;
            line = line[(at + marker.Length)..];
        }
    }

    /// <summary>Text at the margin that opens no container and continues none.</summary>
    private static bool StartsWithText(ReadOnlySpan<char> line) =>
        !line.IsEmpty && (line[0] > '\u007F' || char.IsAsciiLetter(line[0]) || line[0] is '(' or '#');
}
