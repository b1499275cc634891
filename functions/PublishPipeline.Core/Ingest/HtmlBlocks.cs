using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PublishPipeline.Ingest;

/// <summary>
/// Reduces parsed HTML (a whole page, a Markdown HTML block, or a fragment inside a text line) to
/// blocks. Markup never passes through: only text, checkbox states and the structure that matters to
/// minutes (headings, paragraphs, list items, table rows, non-disclosure comments) survive.
/// </summary>
internal sealed class HtmlBlocks
{
    // Chrome of a saved page, never minutes text.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "iframe",
        "object", "embed", "svg", "canvas", "button", "select", "textarea", "head", "title", "meta",
        "link", "rt", "rp", "dialog", "map",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "dd", "dt", "dl", "address", "center",
        "figure", "figcaption", "details", "summary", "fieldset", "legend", "pre", "body", "html", "li",
        "ul", "ol", "menu", "hr", "caption", "form", "tbody", "thead", "tfoot", "tr", "td", "th", "table",
    };

    private readonly List<SourceBlock> blocks = [];
    private readonly StringBuilder paragraph = new();
    private readonly Func<INode, int> lineOf;
    private int paragraphLine;
    private bool inListItem;

    private HtmlBlocks(Func<INode, int> lineOf) => this.lineOf = lineOf;

    public static HtmlParser CreateParser(bool keepSourceReferences) =>
        new(new HtmlParserOptions { IsKeepingSourceReferences = keepSourceReferences });

    /// <summary>Blocks of a DOM subtree; <paramref name="lineOf"/> maps a node to its source line.</summary>
    public static List<SourceBlock> Read(INode root, Func<INode, int> lineOf)
    {
        CheckDepth(root);
        var reader = new HtmlBlocks(lineOf);
        reader.Walk(root);
        reader.Flush();
        return reader.blocks;
    }

    /// <summary>The paragraphs of a cell or fragment: &lt;p&gt;, &lt;br&gt;, &lt;div&gt;, &lt;li&gt; and rows separate them.</summary>
    public static List<string> Paragraphs(INode root)
    {
        CheckDepth(root);
        var list = new List<string>();
        var current = new StringBuilder();
        CollectParagraphs(root, list, current);
        AddParagraph(list, current);
        return list;
    }

    /// <summary>Minutes never nest this deep; deeper trees are hostile or broken and would exhaust the stack.</summary>
    public const int MaxDepth = ReadLimits.MaxDepth;

    private static readonly HashSet<string> NoDepth = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements and elements whose end tag is optional (implicitly closed) do not nest in practice.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
        "rb", "rt", "rp", "rtc", "html", "head", "body",
    };

    /// <summary>
    /// Rejects markup whose tags open far deeper than any document (before parsing, which slows down
    /// with depth). A rough count: optional end tags are ignored, so sloppy but real pages pass.
    /// </summary>
    /// <exception cref="ReadLimitException">The markup nests more than 16 × <see cref="MaxDepth"/> tags, or has more than <see cref="ReadLimits.MaxHtmlElements"/>.</exception>
    public static void CheckSourceNesting(string html)
    {
        var depth = 0;
        var elements = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                continue;
            }

            if (!closing && ++elements > ReadLimits.MaxHtmlElements)
            {
                throw new ReadLimitException($"more than {ReadLimits.MaxHtmlElements:N0} HTML elements (at line {LineOf(html, i)}); this is not a minutes page") { Line = LineOf(html, i) };
            }

            if (NoDepth.Contains(html[start..end]))
            {
                continue;
            }

            var close = html.IndexOf('>', end);
            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (close > 0 && html[close - 1] != '/' && ++depth > 16 * MaxDepth)
            {
                throw new ReadLimitException($"HTML elements are nested more than {16 * MaxDepth} deep (at line {LineOf(html, i)}); this is not a minutes page") { Line = LineOf(html, i) };
            }
        }
    }

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');

    private static void CheckDepth(INode root)
    {
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxDepth)
            {
                var line = node is IElement { SourceReference: { } reference } ? reference.Position.Line : (int?)null;
                throw new ReadLimitException($"HTML elements are nested more than {MaxDepth} deep{(line is int l ? $" (at line {l})" : string.Empty)}; this is not a minutes page") { Line = line };
            }

            foreach (var child in node.ChildNodes)
            {
                if (child is IElement)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }
    }

    /// <summary>The 1-based source line of a node: its own start tag, else the nearest element before or above it.</summary>
    public static int SourceLine(INode node)
    {
        for (INode? current = node; current is not null; current = current.PreviousSibling ?? current.Parent)
        {
            if (current is IElement { SourceReference: { } reference })
            {
                return reference.Position.Line;
            }
        }

        return 1;
    }

    /// <summary>Whether a line of text holds markup worth parsing (a tag, a comment or an entity).</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAny('<', '&'); i >= 0 && i < text.Length - 1; i = NextCandidate(text, i))
        {
            var next = text[i + 1];
            if (text[i] == '<' ? char.IsAsciiLetter(next) || next is '/' or '!' : char.IsAsciiLetterOrDigit(next) || next == '#')
            {
                var close = text[i] == '<' ? text[i..].IndexOf('>') : text[i..].IndexOf(';');
                if (close > 1 && (text[i] == '<' || close <= 32))
                {
                    return true;
                }
            }
        }

        return false;

        static int NextCandidate(ReadOnlySpan<char> text, int i)
        {
            var next = text[(i + 1)..].IndexOfAny('<', '&');
            return next < 0 ? -1 : i + 1 + next;
        }
    }

    private void Walk(INode node)
    {
        switch (node)
        {
            case IComment comment:
                if (SourceMarks.IsCommentMarker(comment.Data, out var opens))
                {
                    Flush();
                    blocks.Add(new DisclosureMarkerBlock(lineOf(comment), opens, "<!--" + comment.Data + "-->"));
                }

                return;
            case IText text:
                Append(text, text.Data);
                return;
            case IElement element:
                ReadLimits.CheckTime("line", element.SourceReference?.Position.Line ?? 0);
                WalkElement(element);
                return;
            default:
                foreach (var child in node.ChildNodes)
                {
                    Walk(child);
                }

                return;
        }
    }

    private void WalkElement(IElement element)
    {
        var name = element.LocalName;
        if (IsHidden(element))
        {
            return;
        }

        if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
        {
            Flush();
            var text = Inline(element);
            if (text.Length > 0)
            {
                blocks.Add(new HeadingBlock(lineOf(element), name[1] - '0', text));
            }

            return;
        }

        switch (name)
        {
            case "table":
                Flush();
                foreach (var row in Rows(element))
                {
                    var cells = row.Children
                        .Where(c => c.LocalName is "td" or "th")
                        .Select(c => new TableCell(Paragraphs(c)))
                        .ToList();
                    if (cells.Count > 0)
                    {
                        blocks.Add(new TableRowBlock(lineOf(row), cells));
                    }
                }

                return;
            case "br":
                Flush();
                return;
            case "pre" or "plaintext" or "xmp" or "listing":
                // Older minutes systems put the whole text in <pre>: its lines are the lines of a text file.
                Flush();
                ReadPreformatted(element);
                return;
            case "input":
                Append(element, Checkbox(element));
                return;
            case "li":
                Flush();
                var outer = inListItem;
                inListItem = true;
                if (OrderedLabel(element) is { Length: > 0 } label)
                {
                    paragraphLine = lineOf(element);
                    paragraph.Append(label);
                }

                foreach (var child in element.ChildNodes)
                {
                    Walk(child);
                }

                Flush();
                inListItem = outer;
                return;
        }

        var block = BlockElements.Contains(name);
        if (block)
        {
            Flush();
        }

        foreach (var child in element.ChildNodes)
        {
            Walk(child);
        }

        if (block)
        {
            Flush();
        }
    }

    /// <summary>"1. " for an &lt;li&gt; of an &lt;ol&gt; (start, value, type a/A/i/I honoured), as a browser shows it.</summary>
    private static string OrderedLabel(IElement item)
    {
        if (item.ParentElement is not { LocalName: "ol" } list)
        {
            return string.Empty;
        }

        var number = int.TryParse(list.GetAttribute("start"), System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var sibling in list.Children)
        {
            if (sibling.LocalName != "li")
            {
                continue;
            }

            if (int.TryParse(sibling.GetAttribute("value"), System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                number = value;
            }

            if (sibling == item)
            {
                break;
            }

            number++;
        }

        var format = list.GetAttribute("type") switch
        {
            "a" => "lowerLetter",
            "A" => "upperLetter",
            "i" => "lowerRoman",
            "I" => "upperRoman",
            _ => "decimal",
        };
        return ListLabels.Format(number, format) + ". ";
    }

    private void ReadPreformatted(IElement pre)
    {
        var text = new StringBuilder();
        var line = lineOf(pre);
        Collect(pre);
        FlushText();

        void Collect(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText t:
                        text.Append(t.Data);
                        break;
                    case IComment comment when SourceMarks.IsCommentMarker(comment.Data, out var opens):
                        FlushText();
                        blocks.Add(new DisclosureMarkerBlock(lineOf(comment), opens, "<!--" + comment.Data + "-->"));
                        break;
                    case IElement { LocalName: "br" }:
                        text.Append('\n');
                        break;
                    case IElement { LocalName: "input" } input:
                        text.Append(Checkbox(input));
                        break;
                    case IElement element when !IsHidden(element):
                        Collect(element);
                        break;
                }
            }
        }

        void FlushText()
        {
            // Already decoded by the HTML parser: read as plain lines, without parsing markup a second time.
            blocks.AddRange(PlainTextReader.Read(text.ToString(), line, parseHtml: false));
            line += text.ToString().AsSpan().Count('\n');
            text.Clear();
        }
    }

    private void Append(INode node, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (paragraph.Length == 0 && IsAsciiWhitespace(text))
        {
            return;
        }

        if (paragraph.Length == 0)
        {
            paragraphLine = lineOf(node);
            if (node is IText && node.PreviousSibling is null)
            {
                // "<p>\n   ○市長…": the text starts on a later line than its element's start tag.
                paragraphLine += text.AsSpan(0, text.Length - text.AsSpan().TrimStart(" \t\n\r\f").Length).Count('\n');
            }
        }

        paragraph.Append(text);
    }

    private void Flush()
    {
        var text = Collapse(paragraph);
        paragraph.Clear();
        if (text.Length == 0)
        {
            return;
        }

        blocks.Add(ParagraphOrMark(paragraphLine, text, inListItem));
    }

    /// <summary>A paragraph of HTML text, unless it is a 【非公開】 marker or a page-break ruler on its own.</summary>
    public static SourceBlock ParagraphOrMark(int line, string text, bool listItem)
    {
        if (SourceMarks.IsBracketMarker(text, out var opens))
        {
            return new DisclosureMarkerBlock(line, opens, text.Trim());
        }

        return SourceMarks.IsPageBreakDebris(text) ? new PageBreakBlock(line, text) : new ParagraphBlock(line, text, listItem);
    }

    private static IEnumerable<IElement> Rows(IElement table) =>
        table is IHtmlTableElement html
            ? html.Rows
            : table.Children.SelectMany(c => c.LocalName == "tr" ? [c] : c.Children.Where(r => r.LocalName == "tr"));

    private static void CollectParagraphs(INode node, List<string> list, StringBuilder current)
    {
        switch (node)
        {
            case IText text:
                current.Append(text.Data);
                return;
            case IComment comment when SourceMarks.IsCommentMarker(comment.Data, out _):
                // A marker inside a cell stays in the cell's text, where the passage rules and the
                // safety net see it, instead of vanishing with the other comments.
                current.Append("<!--").Append(comment.Data).Append("-->");
                return;
            case IElement element:
                if (IsHidden(element))
                {
                    return;
                }

                if (element.LocalName == "br")
                {
                    AddParagraph(list, current);
                    return;
                }

                if (element.LocalName == "input")
                {
                    current.Append(Checkbox(element));
                    return;
                }

                var block = BlockElements.Contains(element.LocalName) || element.LocalName is ['h', >= '1' and <= '6'];
                if (block)
                {
                    AddParagraph(list, current);
                }

                foreach (var child in element.ChildNodes)
                {
                    CollectParagraphs(child, list, current);
                }

                if (block || element.LocalName is "td" or "th")
                {
                    AddParagraph(list, current);
                }

                return;
            default:
                foreach (var child in node.ChildNodes)
                {
                    CollectParagraphs(child, list, current);
                }

                return;
        }
    }

    private static void AddParagraph(List<string> list, StringBuilder current)
    {
        var text = Collapse(current);
        current.Clear();
        if (text.Length > 0)
        {
            list.Add(text);
        }
    }

    /// <summary>Text of an element with its block structure reduced to line breaks (for headings).</summary>
    private static string Inline(IElement element) => string.Join('\n', Paragraphs(element));

    private static bool IsHidden(IElement element) =>
        Dropped.Contains(element.LocalName)
        || element.HasAttribute("hidden")
        || (element.GetAttribute("aria-hidden") is "true")
        || (element.GetAttribute("style") is { } style && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase))
        || (element.LocalName == "input" && element.GetAttribute("type") is { } type && type.Equals("hidden", StringComparison.OrdinalIgnoreCase));

    /// <summary>☑/☐ for a checkbox or radio button; other inputs contribute their visible value only.</summary>
    private static string Checkbox(IElement input)
    {
        var type = input.GetAttribute("type") ?? "text";
        if (type.Equals("checkbox", StringComparison.OrdinalIgnoreCase) || type.Equals("radio", StringComparison.OrdinalIgnoreCase))
        {
            return input.HasAttribute("checked") ? "☑" : "☐";
        }

        return type.Equals("text", StringComparison.OrdinalIgnoreCase) ? input.GetAttribute("value") ?? string.Empty : string.Empty;
    }

    /// <summary>HTML whitespace (not the ideographic space, which is content) collapses to one space.</summary>
    internal static string Collapse(StringBuilder text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        // Collapsed in a pooled buffer: the only string made is the result.
        var buffer = CharBuffers.Rent(text.Length);
        var length = 0;
        var space = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                // U+00A0 (&nbsp;) is content in HTML, not collapsible whitespace; normalisation folds it.
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    space = true;
                    continue;
                }

                if (space && length > 0)
                {
                    buffer[length++] = ' ';
                }

                space = false;
                buffer[length++] = c;
            }
        }

        var result = length == 0 ? string.Empty : new string(buffer, 0, length);
        CharBuffers.Return(buffer);
        return result;
    }

    private static bool IsAsciiWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (c is not (' ' or '\t' or '\n' or '\r' or '\f'))
            {
                return false;
            }
        }

        return true;
    }
}
