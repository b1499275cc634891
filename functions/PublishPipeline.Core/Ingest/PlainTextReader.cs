using System.Text;
using AngleSharp.Dom;
using PublishPipeline.Unicode;

namespace PublishPipeline.Ingest;

/// <summary>
/// Plain text as ward systems export it: one block per non-empty line; a line with tabs is a table
/// row (empty cells kept: leading tabs continue the group above); HTML fragments inside a line are
/// parsed, never passed through; page-break rulers and 【非公開】 markers become their own blocks.
/// </summary>
internal sealed class PlainTextReader
{
    // Trim(params char[]) would allocate its array on every call.
    private static readonly char[] LineEndAndSpaceChars = ['\r', '\n', ' ', '\u3000'];

    private readonly List<SourceBlock> blocks = [];
    private bool parseHtml = true;
    private readonly Lazy<IElement> fragmentHost = new(() =>
    {
        var document = HtmlBlocks.CreateParser(keepSourceReferences: false).ParseDocument(string.Empty);
        return document.CreateElement("div");
    });

    /// <summary>Blocks of the text; <paramref name="firstLine"/> numbers its first line (Markdown code blocks start mid-file).</summary>
    /// <param name="parseHtml">False for text an HTML parser already decoded (a &lt;pre&gt;): "&amp;lt;p&amp;gt;" stays text.</param>
    public static List<SourceBlock> Read(ReadOnlySpan<char> text, int firstLine = 1, bool parseHtml = true)
    {
        var reader = new PlainTextReader { parseHtml = parseHtml };
        var lineNumber = firstLine;
        var rest = text;

        while (true)
        {
            ReadLimits.CheckTime("line", lineNumber);
            var end = LineEnd(rest, '\r', '\n', out var next);
            if (end < 0)
            {
                reader.ReadLine(rest, lineNumber);
                break;
            }

            reader.ReadLine(rest[..end], lineNumber++);
            rest = rest[next..];
        }

        return reader.blocks;
    }

    /// <summary>
    /// Blocks of plain UTF-8 text (<see cref="SourceDecoder.IsPlainUtf8"/>) read straight from its
    /// bytes, one line decoded at a time into a reused buffer, with the lines and line numbers
    /// <see cref="Read"/> gives the decoded text. Null when the text needs composing
    /// (<see cref="TextNormalization.ForReading"/>) or is only white space: the caller then decodes
    /// it whole.
    /// </summary>
    public static List<SourceBlock>? ReadUtf8(ReadOnlyMemory<byte> utf8) => IsReadingText(utf8.Span) ? [.. EachUtf8(utf8)] : null;

    /// <summary>
    /// True when every line of the UTF-8 text is already in reading form and some line holds text:
    /// then <see cref="EachUtf8"/> gives what <see cref="Read"/> gives the decoded text. Checked in
    /// one pass before any block is made, so the blocks can be handed on as they are read.
    /// </summary>
    public static bool IsReadingText(ReadOnlySpan<byte> utf8)
    {
        var buffer = CharBuffers.Rent(16 * 1024);
        try
        {
            var blank = true;
            while (!utf8.IsEmpty)
            {
                // A character cut by the end of a chunk is decoded with the next one.
                System.Text.Unicode.Utf8.ToUtf16(utf8, buffer, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: false);
                var chars = buffer.AsSpan(0, written);
                if (!TextNormalization.IsReadingForm(chars))
                {
                    return false;
                }

                blank = blank && MinutesReader.OnlyWhiteSpace(chars);
                if (read == 0)
                {
                    // Only an incomplete character is left: the caller checked the bytes are valid UTF-8, so this does not happen.
                    return false;
                }

                utf8 = utf8[read..];
            }

            return !blank;
        }
        finally
        {
            CharBuffers.Return(buffer);
        }
    }

    /// <summary>
    /// The blocks of text that <see cref="IsReadingText"/> accepted, one line at a time as they are
    /// read: a consumer that does not keep them (the normaliser) never holds the upload's lines at once.
    /// </summary>
    public static IEnumerable<SourceBlock> EachUtf8(ReadOnlyMemory<byte> utf8)
    {
        var reader = new PlainTextReader();
        var lineNumber = 1;
        var at = 0;
        var buffer = CharBuffers.Rent(256);
        try
        {
            while (at >= 0)
            {
                ReadLimits.CheckTime("line", lineNumber);
                at = reader.ReadUtf8Line(utf8.Span, at, lineNumber++, ref buffer);
                foreach (var block in reader.blocks)
                {
                    yield return block;
                }

                reader.blocks.Clear();
            }
        }
        finally
        {
            CharBuffers.Return(buffer);
        }
    }

    /// <summary>Reads the line of <paramref name="utf8"/> that starts at <paramref name="at"/> into this reader's blocks; where the next line starts, -1 after the last.</summary>
    private int ReadUtf8Line(ReadOnlySpan<byte> utf8, int at, int lineNumber, ref char[] buffer)
    {
        var rest = utf8[at..];
        var end = LineEnd(rest, (byte)'\r', (byte)'\n', out var next);
        var bytes = end < 0 ? rest : rest[..end];
        // UTF-8 never takes fewer bytes than UTF-16 takes characters: count exactly only when that bound is too big.
        if (bytes.Length > buffer.Length && Encoding.UTF8.GetCharCount(bytes) is var needed && needed > buffer.Length)
        {
            CharBuffers.Return(buffer);
            buffer = CharBuffers.Rent(needed);
        }

        ReadLine(buffer.AsSpan(0, Encoding.UTF8.GetChars(bytes, buffer)), lineNumber);
        return end < 0 ? -1 : at + next;
    }

    /// <summary>
    /// Where the first line of <paramref name="rest"/> ends (-1: it runs to the end), and in
    /// <paramref name="next"/> where the line after it starts. Lines end at \n, \r\n or \r only:
    /// string.EnumerateLines would also split at form feed and U+2028, which are a page break and
    /// content here, and would shift every later line number. Characters or UTF-8 bytes alike.
    /// </summary>
    private static int LineEnd<T>(ReadOnlySpan<T> rest, T cr, T lf, out int next)
        where T : IEquatable<T>
    {
        var end = rest.IndexOfAny(lf, cr);
        next = end < 0 ? rest.Length : end + (rest[end].Equals(cr) && end + 1 < rest.Length && rest[end + 1].Equals(lf) ? 2 : 1);
        return end;
    }

    private void ReadLine(ReadOnlySpan<char> line, int lineNumber)
    {
        if (line.IsWhiteSpace() && !line.Contains('\f'))
        {
            return;
        }

        // A form feed is a page break wherever it sits; text either side stays on the same line number.
        var first = true;
        foreach (var range in line.Split('\f'))
        {
            if (!first)
            {
                blocks.Add(new PageBreakBlock(lineNumber, "\f"));
            }

            first = false;
            ReadSegment(line[range].ToString(), lineNumber);
        }
    }

    private void ReadSegment(string segment, int lineNumber)
    {
        // <!-- 非公開 --> may sit inside a line: split around it so the marker keeps its place.
        if (parseHtml && segment.Contains("<!--", StringComparison.Ordinal))
        {
            var start = 0;
            foreach (System.Text.RegularExpressions.Match match in SourceMarks.CommentMarkers(segment))
            {
                ReadPiece(segment[start..match.Index], lineNumber);
                SourceMarks.IsCommentMarker(match.Groups["body"].Value, out var opens);
                blocks.Add(new DisclosureMarkerBlock(lineNumber, opens, match.Value));
                start = match.Index + match.Length;
            }

            ReadPiece(segment[start..], lineNumber);
            return;
        }

        ReadPiece(segment, lineNumber);
    }

    private void ReadPiece(string piece, int lineNumber)
    {
        if (string.IsNullOrWhiteSpace(piece))
        {
            return;
        }

        if (SourceMarks.IsPageBreakDebris(piece))
        {
            blocks.Add(new PageBreakBlock(lineNumber, piece));
            return;
        }

        if (SourceMarks.IsBracketMarker(piece, out var opens))
        {
            blocks.Add(new DisclosureMarkerBlock(lineNumber, opens, piece.Trim()));
            return;
        }

        if (piece.Contains('\t', StringComparison.Ordinal))
        {
            var cells = new List<TableCell>();
            foreach (var cell in piece.TrimEnd(LineEndAndSpaceChars).Split('\t'))
            {
                cells.Add(new TableCell(CellParagraphsOf(cell)));
            }

            blocks.Add(new TableRowBlock(lineNumber, cells));
            return;
        }

        if (parseHtml && HtmlBlocks.LooksLikeHtml(piece))
        {
            if (SimpleHtml.TryParagraphs(piece, out var paragraphs))
            {
                foreach (var paragraph in paragraphs)
                {
                    blocks.Add(HtmlBlocks.ParagraphOrMark(lineNumber, paragraph, listItem: false));
                }

                return;
            }

            ReadFragment(piece, lineNumber);
            return;
        }

        blocks.Add(new ParagraphBlock(lineNumber, piece.TrimEnd()));
    }

    // Its own method: the lambda's closure over the line number is made only for a fragment, not for every line.
    private void ReadFragment(string piece, int lineNumber)
    {
        foreach (var block in HtmlBlocks.Read(Fragment(piece), _ => lineNumber))
        {
            blocks.Add(block);
        }
    }

    /// <summary>The paragraphs of one cell's text: HTML inside is parsed (&lt;p&gt;, &lt;br&gt;), plain text trimmed; empty → none.</summary>
    public static List<string> CellParagraphs(string cell) => new PlainTextReader().CellParagraphsOf(cell);

    private List<string> CellParagraphsOf(string cell)
    {
        if (parseHtml && HtmlBlocks.LooksLikeHtml(cell))
        {
            return SimpleHtml.TryParagraphs(cell, out var paragraphs) ? paragraphs : HtmlBlocks.Paragraphs(Fragment(cell));
        }

        var trimmed = cell.Trim();
        return trimmed.Length == 0 ? [] : [trimmed];
    }

    private IElement Fragment(string html)
    {
        HtmlBlocks.CheckSourceNesting(html);
        var host = fragmentHost.Value;
        host.InnerHtml = html;
        return host;
    }
}
