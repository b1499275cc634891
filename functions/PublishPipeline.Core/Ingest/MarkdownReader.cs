using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Markdig;
using Md = Markdig.Syntax;
using MdInlines = Markdig.Syntax.Inlines;
using MdTables = Markdig.Extensions.Tables;

namespace PublishPipeline.Ingest;

/// <summary>
/// Markdown via Markdig: headings, paragraphs (line breaks inside kept as "\n"), list items, pipe
/// tables, and raw HTML (parsed by AngleSharp like everywhere else). Lines are Markdig's Line + 1.
/// </summary>
internal sealed partial class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = CreatePipeline();

    private readonly List<SourceBlock> blocks = [];
    // Lines before the part being read (Markdig numbers each part's lines from 0).
    private int lineOffset;
    // Reused for every paragraph.
    private readonly StringBuilder inlineText = new();
    private readonly StringBuilder pending = new();
    private readonly List<MdInlines.Inline> inlineList = [];
    private readonly Stack<(MdInlines.Inline Inline, int Depth)> inlineStack = new();
    private readonly Lazy<IElement> fragmentHost = new(() =>
        HtmlBlocks.CreateParser(keepSourceReferences: false).ParseDocument(string.Empty).CreateElement("div"));

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder().UsePipeTables();

        // "text\n----" in minutes is a sentence followed by page-break debris far more often than a
        // setext heading: without setext, the ruler is a thematic break (a page break) and the text a paragraph.
        builder.BlockParsers.Find<Markdig.Parsers.ParagraphBlockParser>()!.ParseSetextHeadings = false;
        return builder.Build();
    }

    /// <summary>Markdig's tree costs about ten times the text it parses: a long upload is parsed a part at a time.</summary>
    internal const int PartChars = 32 * 1024;

    public static List<SourceBlock> Read(string text) => Read(text, PartChars);

    internal static List<SourceBlock> Read(string text, int partChars) => [.. Each(text, partChars)];

    /// <summary>
    /// The blocks of <paramref name="text"/>, parsed in parts of about <paramref name="partChars"/>
    /// characters cut where no Markdown block can continue (<see cref="MarkdownParts"/>), so only one
    /// part's tree is alive at a time; each part's blocks are handed on before the next is parsed.
    /// </summary>
    internal static IEnumerable<SourceBlock> Each(string text, int partChars = PartChars)
    {
        // Markdig's work grows with the cube of container nesting (each line re-matches every open
        // container and rescans its indentation) and its own depth check comes only after that work:
        // refuse absurd nesting before parsing, in one linear pass.
        CheckNesting(text);
        var reader = new MarkdownReader();
        foreach (var (start, length, firstLine) in MarkdownParts.Of(text, partChars))
        {
            foreach (var block in reader.ReadPart(start == 0 && length == text.Length ? text : text.Substring(start, length), firstLine))
            {
                yield return block;
            }
        }
    }

    /// <summary>
    /// The blocks of plain UTF-8 Markdown already in reading form (<see cref="MinutesReader"/> checked
    /// both), as <see cref="Each"/> gives the decoded text, read from its bytes: each part is decoded
    /// on its own (<see cref="MarkdownParts.OfUtf8"/>), so the upload's text is never one string.
    /// </summary>
    internal static IEnumerable<SourceBlock> EachUtf8(ReadOnlyMemory<byte> utf8, int partChars = PartChars)
    {
        var parts = MarkdownParts.OfUtf8(utf8.Span, partChars);
        // The nesting check first, over every part, as Each makes it over the whole text before parsing.
        var lines = 0;
        foreach (var (start, length, _) in parts)
        {
            var text = Encoding.UTF8.GetString(utf8.Span.Slice(start, length));
            // A part but the last ends with its line break, after which EnumerateLines counts one more (empty) line.
            lines += CheckNesting(text, lines) - (start + length < utf8.Length ? 1 : 0);
        }

        var reader = new MarkdownReader();
        foreach (var (start, length, firstLine) in parts)
        {
            foreach (var block in reader.ReadPart(Encoding.UTF8.GetString(utf8.Span.Slice(start, length)), firstLine))
            {
                yield return block;
            }
        }
    }

    /// <summary>The blocks of one part (<see cref="MarkdownParts"/>), whose first line is line <paramref name="firstLine"/> + 1 of the upload.</summary>
    private List<SourceBlock> ReadPart(string part, int firstLine)
    {
        blocks.Clear();
        lineOffset = firstLine;
        foreach (var block in Markdown.Parse(part, Pipeline))
        {
            ReadBlock(block, listItem: false);
        }

        return blocks;
    }

    /// <summary>
    /// Markdown by content, for .txt uploads written in Markdown: ATX headings, list items or a pipe
    /// table delimiter row, and not a tab-separated export (which Markdown would garble).
    /// </summary>
    public static bool LooksLikeMarkdown(ReadOnlySpan<char> text)
    {
        int headings = 0, listItems = 0, tableRules = 0, tabLines = 0, lines = 0;
        foreach (var line in text.EnumerateLines())
        {
            if (++lines > 5000)
            {
                break;
            }

            if (line.Contains('\t'))
            {
                tabLines++;
            }
            else if (AtxHeading().IsMatch(line))
            {
                headings++;
            }
            else if (ListItem().IsMatch(line))
            {
                listItems++;
            }
            else if (TableRule().IsMatch(line))
            {
                tableRules++;
            }
        }

        var signals = (headings * 2) + (tableRules * 3) + listItems;
        return signals >= 3 && tabLines * 4 <= signals;
    }

    /// <summary>
    /// An upper bound of the containers a line opens or continues: the block quote markers and list
    /// markers at its start, plus its indentation in list steps (2 columns) when it starts a list item.
    /// Plain indented text (a centred title) opens nothing and is not counted.
    /// </summary>
    internal static void CheckNesting(string text) => CheckNesting(text, 0);

    /// <summary>As <see cref="CheckNesting(string)"/>, for a part after <paramref name="linesBefore"/> lines (as EnumerateLines counts them); returns the lines it counted.</summary>
    private static int CheckNesting(string text, int linesBefore)
    {
        var lineNumber = linesBefore;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            int i = 0, columns = 0, markers = 0, indentSteps = 0;
            while (i < line.Length)
            {
                var c = line[i];
                if (c == ' ')
                {
                    columns++;
                    i++;
                }
                else if (c == '\t')
                {
                    columns += 4 - (columns % 4);
                    i++;
                }
                else if (c == '>')
                {
                    markers++;
                    i++;
                }
                else if (ListMarkerLength(line[i..]) is > 0 and var length)
                {
                    if (markers == 0 && indentSteps == 0)
                    {
                        indentSteps = columns / 2;
                    }

                    markers++;
                    i += length;
                }
                else
                {
                    break;
                }
            }

            if (markers + indentSteps > ReadLimits.MaxMarkdownNesting)
            {
                throw new ReadLimitException($"Markdown block quotes and lists are nested more than {ReadLimits.MaxMarkdownNesting} deep (line {lineNumber}); this is not minutes") { Line = lineNumber };
            }
        }

        return lineNumber - linesBefore;
    }

    /// <summary>Length of a list marker ("-", "*", "+", "1.", "12)") followed by a space, tab or the end of the line; 0 when none.</summary>
    private static int ListMarkerLength(ReadOnlySpan<char> rest)
    {
        var n = 0;
        if (rest[0] is '-' or '*' or '+')
        {
            n = 1;
        }
        else
        {
            while (n < rest.Length && n < 9 && char.IsAsciiDigit(rest[n]))
            {
                n++;
            }

            if (n == 0 || n >= rest.Length || rest[n] is not ('.' or ')'))
            {
                return 0;
            }

            n++;
        }

        return n == rest.Length || rest[n] is ' ' or '\t' ? n : 0;
    }

    private void ReadBlock(Md.Block block, bool listItem)
    {
        var line = block.Line + 1 + lineOffset;
        ReadLimits.CheckTime("line", line);
        switch (block)
        {
            case Md.HeadingBlock heading:
                var headingText = PlainInline(heading.Inline).Replace('\n', ' ').Trim();
                if (headingText.Length > 0)
                {
                    blocks.Add(new HeadingBlock(line, heading.Level, headingText));
                }

                break;
            case Md.ParagraphBlock paragraph:
                AddInline(paragraph.Inline, line, listItem);
                break;
            case Md.ThematicBreakBlock thematicBreak:
                blocks.Add(new PageBreakBlock(line, thematicBreak.Content.ToString()));
                break;
            case Md.HtmlBlock html:
                ReadHtml(html, line);
                break;
            case Md.CodeBlock code:
                // Indented text (4 spaces) is not code in minutes; read its lines as plain text.
                blocks.AddRange(PlainTextReader.Read(code.Lines.ToString(), line + (code is Md.FencedCodeBlock ? 1 : 0)));
                break;
            case MdTables.Table table:
                foreach (var row in table.OfType<MdTables.TableRow>())
                {
                    var cells = row.OfType<MdTables.TableCell>()
                        .Select(cell => new TableCell(cell.OfType<Md.ParagraphBlock>()
                            .SelectMany(p => PlainInline(p.Inline).Split('\n'))
                            .Select(p => p.Trim())
                            .Where(p => p.Length > 0)
                            .ToList()))
                        .ToList();
                    blocks.Add(new TableRowBlock(row.Line + 1 + lineOffset, cells));
                }

                break;
            case Md.ListBlock list:
                // An ordered list shows its numbers ("1.", "2)"): they are part of what the reader sees.
                var number = list.IsOrdered && int.TryParse(list.OrderedStart, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 1;
                foreach (var item in list.OfType<Md.ListItemBlock>())
                {
                    var label = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : string.Empty;
                    foreach (var child in item)
                    {
                        if (label.Length > 0 && child is Md.ParagraphBlock first)
                        {
                            AddInline(first.Inline, first.Line + 1 + lineOffset, listItem: true, label);
                            label = string.Empty;
                            continue;
                        }

                        ReadBlock(child, listItem: true);
                    }
                }

                break;
            case Md.LinkReferenceDefinitionGroup:
                break;
            case Md.ContainerBlock container:
                foreach (var child in container)
                {
                    ReadBlock(child, listItem);
                }

                break;
        }
    }

    private void ReadHtml(Md.HtmlBlock html, int line)
    {
        var raw = html.Lines.ToString();
        HtmlBlocks.CheckSourceNesting(raw);
        var parser = HtmlBlocks.CreateParser(keepSourceReferences: true);
        var document = parser.ParseDocument(raw);
        blocks.AddRange(HtmlBlocks.Read(document, node => line - 1 + HtmlBlocks.SourceLine(node)));
    }

    /// <summary>A paragraph's inlines, split where a non-disclosure comment, marker line, ruler or tab row sits inside it.</summary>
    private void AddInline(MdInlines.ContainerInline? inline, int line, bool listItem, string label = "")
    {
        if (inline is null)
        {
            return;
        }

        var text = InlineText(inline, out var hasHtml);
        if (label.Length > 0)
        {
            text = (hasHtml ? System.Net.WebUtility.HtmlEncode(label) : label) + text;
        }
        if (hasHtml)
        {
            // Split around comment markers first: the HTML parser would otherwise drop them.
            var start = 0;
            foreach (Match match in SourceMarks.CommentMarkers(text))
            {
                AddLines(ParseInlineHtml(text[start..match.Index]), line + text.AsSpan(0, start).Count('\n'), listItem, decoded: true);
                SourceMarks.IsCommentMarker(match.Groups["body"].Value, out var opens);
                blocks.Add(new DisclosureMarkerBlock(line + text.AsSpan(0, match.Index).Count('\n'), opens, match.Value));
                start = match.Index + match.Length;
            }

            AddLines(ParseInlineHtml(text[start..]), line + text.AsSpan(0, start).Count('\n'), listItem, decoded: true);
            return;
        }

        AddLines(text, line, listItem);
    }

    private string PlainInline(MdInlines.ContainerInline? inline)
    {
        var text = InlineText(inline, out var hasHtml);
        return hasHtml ? ParseInlineHtml(text) : text;
    }

    private string ParseInlineHtml(string html)
    {
        HtmlBlocks.CheckSourceNesting(html);
        var host = fragmentHost.Value;

        // Tabs are cell separators of a tab table written in the Markdown (a row must stay a row, or
        // its label joins the values: 出席者\t委員\t名前 → "委員 名前"); HTML whitespace collapse would eat them.
        host.InnerHtml = html.Replace('\t', TabMark);
        return string.Join('\n', HtmlBlocks.Paragraphs(host)).Replace(LineBreakMark, '\n').Replace(TabMark, '\t');
    }

    // Marks a tab inside inline HTML so the HTML whitespace collapse keeps it (a private-use character).
    private const char TabMark = '\uE009';

    /// <summary>Emits a paragraph, cutting out lines that are markers, rulers or tab rows on their own.</summary>
    /// <param name="decoded">The text came out of the HTML parser: a tab row's cells are not parsed as HTML again.</param>
    private void AddLines(string text, int line, bool listItem, bool decoded = false)
    {
        if (!text.Contains('\n', StringComparison.Ordinal) && !SourceMarks.IsBracketMarker(text, out _)
            && !SourceMarks.IsPageBreakDebris(text) && !text.Contains('\t', StringComparison.Ordinal))
        {
            // One line, the usual paragraph: its text as it is, without the copies below.
            if (!string.IsNullOrWhiteSpace(text))
            {
                blocks.Add(new ParagraphBlock(line, text.Trim(), listItem));
            }

            return;
        }

        var pending = this.pending.Clear();
        var pendingLine = line;
        var current = line;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var piece = text[range];
            if (SourceMarks.IsBracketMarker(piece, out var opens))
            {
                Flush();
                blocks.Add(new DisclosureMarkerBlock(current, opens, piece.Trim()));
            }
            else if (SourceMarks.IsPageBreakDebris(piece) || piece.Contains('\t', StringComparison.Ordinal))
            {
                Flush();
                blocks.AddRange(PlainTextReader.Read(piece, current, parseHtml: !decoded));
            }
            else if (!string.IsNullOrWhiteSpace(piece))
            {
                if (pending.Length == 0)
                {
                    pendingLine = current;
                }
                else
                {
                    pending.Append('\n');
                }

                pending.Append(piece.Trim());
            }

            current++;
        }

        Flush();

        void Flush()
        {
            if (pending.Length > 0)
            {
                blocks.Add(new ParagraphBlock(pendingLine, pending.ToString(), listItem));
                pending.Clear();
            }
        }
    }

    // Marks a Markdown line break inside inline HTML so the HTML whitespace collapse keeps it.
    private const char LineBreakMark = '\u2028';

    /// <summary>
    /// Inline content as text; when raw HTML is present, as HTML (literals escaped) for AngleSharp,
    /// with line breaks kept as <see cref="LineBreakMark"/>.
    /// </summary>
    private string InlineText(MdInlines.ContainerInline? inline, out bool hasHtml)
    {
        if (inline is null)
        {
            hasHtml = false;
            return string.Empty;
        }

        var inlines = Inlines(inline);
        hasHtml = inlines.Exists(i => i is MdInlines.HtmlInline);
        var builder = inlineText.Clear();
        foreach (var child in inlines)
        {
            switch (child)
            {
                case MdInlines.LiteralInline literal:
                    AppendText(builder, literal.Content.AsSpan(), hasHtml);
                    break;
                case MdInlines.LineBreakInline:
                    builder.Append(hasHtml ? LineBreakMark : '\n');
                    break;
                case MdInlines.CodeInline code:
                    AppendText(builder, code.Content, hasHtml);
                    break;
                case MdInlines.HtmlEntityInline entity:
                    AppendText(builder, entity.Transcoded.AsSpan(), hasHtml);
                    break;
                case MdInlines.HtmlInline raw:
                    builder.Append(raw.Tag);
                    break;
                case MdInlines.AutolinkInline autolink:
                    AppendText(builder, autolink.Url, hasHtml);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The inlines under <paramref name="root"/> in reading order, without recursion: 100,000 '*' make
    /// Markdig nest 50,000 emphasis inlines, which a recursive walk (ours or Markdig's FindDescendants)
    /// overflows the stack on. Deeper than <see cref="ReadLimits.MaxDepth"/> is refused.
    /// </summary>
    private List<MdInlines.Inline> Inlines(MdInlines.ContainerInline root)
    {
        // One walk into lists the reader keeps: a paragraph costs no iterator or stack of its own.
        var list = inlineList;
        list.Clear();
        var stack = inlineStack;
        stack.Clear();
        for (var child = root.LastChild; child is not null; child = child.PreviousSibling)
        {
            stack.Push((child, 1));
        }

        while (stack.Count > 0)
        {
            var (inline, depth) = stack.Pop();
            list.Add(inline);
            if (inline is MdInlines.ContainerInline container)
            {
                if (depth >= ReadLimits.MaxDepth)
                {
                    throw new ReadLimitException($"Markdown inline elements (emphasis, links) are nested more than {ReadLimits.MaxDepth} deep (line {inline.Line + 1 + lineOffset}); this is not minutes") { Line = inline.Line + 1 + lineOffset };
                }

                for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }

        return list;
    }

    private static void AppendText(StringBuilder builder, ReadOnlySpan<char> text, bool html)
    {
        if (!html)
        {
            builder.Append(text);
            return;
        }

        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '&' => builder.Append("&amp;"),
                _ => builder.Append(c),
            };
        }
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+\S")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$")]
    private static partial Regex TableRule();
}
