using System.Text;

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

        var cutter = new Cutter(partChars);
        var position = 0;
        while (position < text.Length)
        {
            var rest = text.AsSpan(position);
            var end = rest.IndexOfAny('\n', '\r');
            var line = end < 0 ? rest : rest[..end];
            var next = end < 0 ? text.Length : position + end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
            cutter.Line(line, position, position, parts);
            position = next;
        }

        parts.Add((cutter.PartStart, text.Length - cutter.PartStart, cutter.PartLine));
        return parts;
    }

    /// <summary>
    /// The same parts of plain UTF-8 text (<see cref="SourceDecoder.IsPlainUtf8"/>), told from its
    /// bytes a line at a time, as byte offsets: where <see cref="Of"/> cuts the decoded text. Line
    /// breaks are single bytes in UTF-8 and nothing the rule looks for spans a line, so each line is
    /// decoded on its own.
    /// </summary>
    public static List<(int Start, int Length, int FirstLine)> OfUtf8(ReadOnlySpan<byte> utf8, int partChars)
    {
        var parts = new List<(int Start, int Length, int FirstLine)>();
        if (Encoding.UTF8.GetCharCount(utf8) <= partChars)
        {
            parts.Add((0, utf8.Length, 0));
            return parts;
        }

        var cutter = new Cutter(partChars);
        var buffer = CharBuffers.Rent(256);
        try
        {
            int position = 0, chars = 0;
            while (position < utf8.Length)
            {
                var rest = utf8[position..];
                var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
                var bytes = end < 0 ? rest : rest[..end];
                var next = end < 0 ? utf8.Length : position + end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
                if (bytes.Length > buffer.Length && Encoding.UTF8.GetCharCount(bytes) is var needed && needed > buffer.Length)
                {
                    CharBuffers.Return(buffer);
                    buffer = CharBuffers.Rent(needed);
                }

                var line = buffer.AsSpan(0, Encoding.UTF8.GetChars(bytes, buffer));
                if (!Cuttable(line))
                {
                    parts.Clear();
                    parts.Add((0, utf8.Length, 0));
                    return parts;
                }

                cutter.Line(line, chars, position, parts);
                chars += line.Length + (next - position - bytes.Length);
                position = next;
            }

            parts.Add((cutter.PartStart, utf8.Length - cutter.PartStart, cutter.PartLine));
            return parts;
        }
        finally
        {
            CharBuffers.Return(buffer);
        }
    }

    /// <summary>The cutting rule, one line at a time: cuts by the text's character count, records where in its own units (characters or bytes).</summary>
    private struct Cutter(int partChars)
    {
        private int _partStartChars;
        private int _lineNumber;
        private bool _previousBlank;
        private bool _inComment;

        public int PartStart { get; private set; }

        public int PartLine { get; private set; }

        public void Line(ReadOnlySpan<char> line, int chars, int position, List<(int Start, int Length, int FirstLine)> parts)
        {
            if (chars - _partStartChars >= partChars && _previousBlank && !_inComment && StartsWithText(line))
            {
                parts.Add((PartStart, position - PartStart, PartLine));
                PartStart = position;
                _partStartChars = chars;
                PartLine = _lineNumber;
            }

            _inComment = InCommentAfter(line, _inComment);
            _previousBlank = line.TrimStart(" \t").IsEmpty; // a line of U+3000 is text in Markdown, not blank
            _lineNumber++;
        }
    }

    /// <summary>False when the text has a construct that may run past a blank line or refer across the text.</summary>
    private static bool Cuttable(ReadOnlySpan<char> span)
    {
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
