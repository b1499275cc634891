using System.Text;
using AngleSharp.Common;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace PublishPipeline.Ingest.SavedPages;

/// <summary>
/// A saved page read from AngleSharp's token stream, without building its tree (a DOM costs about
/// fifteen bytes per byte of HTML; the tokens, read as struct tokens, little more than the text).
/// It reads only pages whose tree the tokens give unambiguously: explicit <c>html</c>, <c>head</c> and
/// <c>body</c>; in the body paragraphs, divisions, headings, line breaks, inline elements, scripts and
/// styles, comments, nested as written (a <c>p</c> closed by the next block is the one implied end it
/// follows). Anything else (tables, lists, forms, <c>pre</c>, main/article, an element hidden or named as
/// page chrome or as a DB-Search speech, misnested tags, text outside the body) returns null, and
/// <see cref="HtmlPageReader"/> reads the page through the DOM as before; where it reads a page, its
/// blocks and lines are the DOM path's (a test holds the two equal). This is <see cref="SimpleHtml"/>'s
/// rule for whole pages.
/// </summary>
internal sealed class StreamedPage
{
    private readonly List<SourceBlock> blocks = [];
    private readonly StringBuilder paragraph = new();
    private readonly StringBuilder text = new();
    private readonly List<Frame> open = [];
    private int paragraphLine;
    private int textLine;
    private bool textFirst;

    // The heading being read: its paragraphs (as HtmlBlocks.Paragraphs gives them) and its text
    // without white space (as PageChrome compares it with the names of screens).
    private readonly List<string> headingParagraphs = [];
    private readonly StringBuilder headingCurrent = new();
    private readonly StringBuilder headingCompact = new();
    private Frame? heading;

    private StreamedPage()
    {
    }

    private enum Mode
    {
        BeforeHtml,
        BeforeHead,
        InHead,
        AfterHead,
        InBody,
        AfterBody,
    }

    /// <summary>The page's blocks, or null when its tree is not one the tokens give unambiguously.</summary>
    public static List<SourceBlock>? TryRead(string html)
    {
        using var source = new TextSource(html);
        using var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver);
        return new StreamedPage().Read(tokenizer);
    }

    private List<SourceBlock>? Read(HtmlTokenizer tokenizer)
    {
        var mode = Mode.BeforeHtml;
        string? rawEnd = null;
        while (true)
        {
            var token = tokenizer.GetStructToken();
            ReadOnlySpan<char> data = token.Data;
            switch (token.Type)
            {
                case HtmlTokenType.Character:
                    if (rawEnd is not null)
                    {
                        continue;
                    }

                    if (mode != Mode.InBody)
                    {
                        if (!IsAsciiWhitespace(data))
                        {
                            return null;
                        }

                        continue;
                    }

                    if (data.Contains('\0'))
                    {
                        return null;
                    }

                    AddText(data);
                    continue;
                case HtmlTokenType.Comment:
                    if (mode == Mode.InBody && !AddComment(data.ToString()))
                    {
                        return null;
                    }

                    continue;
                case HtmlTokenType.Doctype:
                    if (mode != Mode.BeforeHtml)
                    {
                        return null;
                    }

                    continue;
                case HtmlTokenType.StartTag:
                    if (rawEnd is not null || RefusedAttributes(token))
                    {
                        return null;
                    }

                    switch (mode)
                    {
                        case Mode.BeforeHtml when token.Name == "html":
                            open.Add(new Frame("html", token.Position.Line));
                            mode = Mode.BeforeHead;
                            continue;
                        case Mode.BeforeHead when token.Name == "head":
                            open.Add(new Frame("head", token.Position.Line));
                            mode = Mode.InHead;
                            continue;
                        case Mode.InHead when token.Name == "meta" || token.Name == "link" || token.Name == "base":
                            continue;
                        case Mode.InHead when RawText(token.Name) is { } raw:
                            rawEnd = raw.Name;
                            tokenizer.State = raw.State;
                            continue;
                        case Mode.AfterHead when token.Name == "body":
                            open.Add(new Frame("body", token.Position.Line));
                            mode = Mode.InBody;
                            continue;
                        case Mode.InBody:
                            FinishText();
                            if (!Start(tokenizer, token, ref rawEnd))
                            {
                                return null;
                            }

                            continue;
                        default:
                            return null;
                    }

                case HtmlTokenType.EndTag:
                    if (rawEnd is not null)
                    {
                        if (token.Name != rawEnd)
                        {
                            return null;
                        }

                        rawEnd = null;
                        continue;
                    }

                    switch (mode)
                    {
                        case Mode.InHead when token.Name == "head":
                            open.RemoveAt(open.Count - 1);
                            mode = Mode.AfterHead;
                            continue;
                        case Mode.InBody when token.Name == "body" || token.Name == "html":
                            // The body stays open until the end, as in the tree: only white space and comments may follow.
                            FinishText();
                            if (heading is not null)
                            {
                                return null;
                            }

                            mode = Mode.AfterBody;
                            continue;
                        case Mode.InBody:
                            FinishText();
                            if (!End(token.Name))
                            {
                                return null;
                            }

                            continue;
                        case Mode.AfterBody when token.Name == "html":
                            continue;
                        default:
                            return null;
                    }

                case HtmlTokenType.EndOfFile:
                    if (mode is not (Mode.InBody or Mode.AfterBody) || rawEnd is not null || heading is not null)
                    {
                        return null;
                    }

                    FinishText();
                    while (open.Count > 0)
                    {
                        Pop();
                    }

                    return blocks;
                default:
                    return null;
            }
        }
    }

    /// <summary>A start tag in the body; false when its effect on the tree is not one this reader follows.</summary>
    private bool Start(HtmlTokenizer tokenizer, StructHtmlToken token, ref string? rawEnd)
    {
        var line = token.Position.Line;
        ReadLimits.CheckTime("line", line);
        var name = ElementName(token.Name);
        if (name is null || open.Count > ReadLimits.MaxDepth)
        {
            return false;
        }

        if (heading is not null)
        {
            // A heading's text: inline elements and line breaks only.
            if (name == "br")
            {
                AddHeadingParagraph();
                return true;
            }

            if (!IsInline(name) && name is not ("img" or "wbr"))
            {
                return false;
            }
        }

        if (ClosesParagraph(name) && !CloseParagraph())
        {
            return false;
        }

        if (name is "a" && open.Exists(f => f.Name == "a"))
        {
            return false; // a link inside a link is re-parented by the tree builder
        }

        if (RawText(name) is { } raw)
        {
            Top.AddChild(line);
            rawEnd = raw.Name;
            tokenizer.State = raw.State;
            return true;
        }

        if (name is "br" or "hr" or "img" or "wbr" or "meta" or "link")
        {
            Top.AddChild(line);
            if (name is "br" or "hr")
            {
                Flush();
            }

            return true;
        }

        if (name.Length == 2 && name[0] == 'h')
        {
            // Whether it is the page's own heading or a screen title is known at its end.
            heading = new Frame(name, line);
            open.Add(heading);
            return true;
        }

        Top.AddChild(line);
        open.Add(new Frame(name, line));
        if (!IsInline(name))
        {
            Flush();
        }

        return true;
    }

    /// <summary>An end tag in the body: it must close the element on top (or the one under an implied-closed p).</summary>
    private bool End(ReadOnlySpan<char> name)
    {
        if (name.SequenceEqual(Top.Name))
        {
            Pop();
            return true;
        }

        if (heading is null && Top.Name == "p" && open.Count > 2 && name.SequenceEqual(open[^2].Name) && !IsInline(open[^2].Name))
        {
            Pop();
            Pop();
            return true;
        }

        return false;
    }

    private Frame Top => open[^1];

    private void Pop()
    {
        var frame = open[^1];
        open.RemoveAt(open.Count - 1);
        if (ReferenceEquals(frame, heading))
        {
            EndHeading(frame);
        }
        else if (!IsInline(frame.Name) && frame.Name is not ("html" or "head"))
        {
            Flush();
        }
    }

    /// <summary>A p open on top is closed by a block that starts; one open under other elements is not followed.</summary>
    private bool CloseParagraph()
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (open[i].Name == "p")
            {
                if (i != open.Count - 1)
                {
                    return false;
                }

                Pop();
                return true;
            }
        }

        return true;
    }

    private void EndHeading(Frame frame)
    {
        AddHeadingParagraph();
        heading = null;
        var compact = headingCompact.ToString();
        headingCompact.Clear();
        if (PageChrome.IsScreenName(compact))
        {
            headingParagraphs.Clear();
            return; // removed with the chrome, as if it had never been there
        }

        Top.AddChild(frame.Line);
        Flush();
        var textOfHeading = string.Join('\n', headingParagraphs);
        headingParagraphs.Clear();
        if (textOfHeading.Length > 0)
        {
            blocks.Add(new HeadingBlock(frame.Line, frame.Name[1] - '0', textOfHeading));
        }
    }

    private void AddHeadingParagraph()
    {
        var paragraphText = HtmlBlocks.Collapse(headingCurrent);
        headingCurrent.Clear();
        if (paragraphText.Length > 0)
        {
            headingParagraphs.Add(paragraphText);
        }
    }

    private void AddText(ReadOnlySpan<char> data)
    {
        if (heading is not null)
        {
            headingCurrent.Append(data);
            foreach (var c in data)
            {
                if (!char.IsWhiteSpace(c))
                {
                    headingCompact.Append(c);
                }
            }

            return;
        }

        if (text.Length == 0)
        {
            // A text node starts: the tree merges the tokens up to the next tag or comment into it.
            textLine = LineOf();
            textFirst = !Top.HasChildren;
            Top.HasChildren = true;
        }

        text.Append(data);
    }

    /// <summary>The text node read so far, appended to the paragraph as HtmlBlocks appends a text node.</summary>
    private void FinishText()
    {
        if (text.Length == 0)
        {
            return;
        }

        if (paragraph.Length > 0 || !IsAsciiWhitespace(text))
        {
            if (paragraph.Length == 0)
            {
                paragraphLine = textLine;
                if (textFirst)
                {
                    // "<p>\n   ○市長…": the text starts on a later line than its element's start tag.
                    for (var i = 0; i < text.Length && text[i] is ' ' or '\t' or '\n' or '\r' or '\f'; i++)
                    {
                        paragraphLine += text[i] == '\n' ? 1 : 0;
                    }
                }
            }

            paragraph.Append(text);
        }

        text.Clear();
    }

    private bool AddComment(string data)
    {
        FinishText();
        var marker = SourceMarks.IsCommentMarker(data, out var opens);
        if (heading is not null)
        {
            if (marker)
            {
                headingCurrent.Append("<!--").Append(data).Append("-->");
            }

            return true;
        }

        if (marker)
        {
            Flush();
            blocks.Add(new DisclosureMarkerBlock(LineOf(), opens, "<!--" + data + "-->"));
        }

        Top.HasChildren = true;
        return true;
    }

    /// <summary>The line HtmlBlocks.SourceLine gives a node added now: the last element before it, else its parent's start tag.</summary>
    private int LineOf() => Top.LastChildLine != 0 ? Top.LastChildLine : Top.Line;

    private void Flush()
    {
        var paragraphText = HtmlBlocks.Collapse(paragraph);
        paragraph.Clear();
        if (paragraphText.Length > 0)
        {
            blocks.Add(HtmlBlocks.ParagraphOrMark(paragraphLine, paragraphText, listItem: false));
        }
    }

    /// <summary>
    /// Attributes that change what the DOM path reads: a hidden element, the main content named by a
    /// role, or a class or id that names page chrome, a DB-Search speech or a speaker (those pages go through the DOM).
    /// </summary>
    private static bool RefusedAttributes(StructHtmlToken token)
    {
        var attributes = token.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            ReadOnlySpan<char> value = attribute.Value;
            if (attribute.Name == "hidden" || (attribute.Name == "aria-hidden" && value.SequenceEqual("true"))
                || (attribute.Name == "style" && value.ToString().Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase))
                || (attribute.Name == "role" && value.SequenceEqual("main")))
            {
                return true;
            }

            if (attribute.Name == "id" && !token.Name.Equals("body") && !token.Name.Equals("html") && PageChrome.IsChromeToken(value))
            {
                return true;
            }

            if (attribute.Name == "class" && !token.Name.Equals("body") && !token.Name.Equals("html"))
            {
                foreach (var range in value.SplitAny(" \t\n\r\f"))
                {
                    var token2 = value[range];
                    if (token2.Length > 0 && (PageChrome.IsChromeToken(token2) || token2.Equals("page-text__voice", StringComparison.Ordinal) || SpeakerMarkup.IsSpeakerToken(token2)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The elements of the body this reader follows, as interned names; null for any other.</summary>
    private static string? ElementName(ReadOnlySpan<char> name) => name switch
    {
        "p" => "p",
        "div" => "div",
        "section" => "section",
        "blockquote" => "blockquote",
        "center" => "center",
        "address" => "address",
        "h1" => "h1",
        "h2" => "h2",
        "h3" => "h3",
        "h4" => "h4",
        "h5" => "h5",
        "h6" => "h6",
        "br" => "br",
        "hr" => "hr",
        "img" => "img",
        "wbr" => "wbr",
        "meta" => "meta",
        "link" => "link",
        "script" => "script",
        "style" => "style",
        "span" => "span",
        "b" => "b",
        "i" => "i",
        "u" => "u",
        "s" => "s",
        "strong" => "strong",
        "em" => "em",
        "font" => "font",
        "small" => "small",
        "big" => "big",
        "sup" => "sup",
        "sub" => "sub",
        "a" => "a",
        "mark" => "mark",
        _ => null,
    };

    private static bool IsInline(string name) =>
        name is "span" or "b" or "i" or "u" or "s" or "strong" or "em" or "font" or "small" or "big" or "sup" or "sub" or "a" or "mark";

    private static bool ClosesParagraph(string name) =>
        name is "p" or "div" or "section" or "blockquote" or "center" or "address" or "hr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static (string Name, HtmlParseMode State)? RawText(ReadOnlySpan<char> name) => name switch
    {
        "title" => ("title", HtmlParseMode.RCData),
        "style" => ("style", HtmlParseMode.Rawtext),
        "script" => ("script", HtmlParseMode.Script),
        _ => null,
    };

    private static bool IsAsciiWhitespace(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(" \t\n\r\f") < 0;

    private static bool IsAsciiWhitespace(StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            if (!IsAsciiWhitespace(chunk.Span))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An open element: its name, its start tag's line, the line of its last element child.</summary>
    private sealed class Frame(string name, int line)
    {
        public string Name { get; } = name;

        public int Line { get; } = line;

        public int LastChildLine { get; private set; }

        public bool HasChildren { get; set; }

        public void AddChild(int line)
        {
            LastChildLine = line;
            HasChildren = true;
        }
    }
}
