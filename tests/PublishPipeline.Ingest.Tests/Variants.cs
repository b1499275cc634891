using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace PublishPipeline.Ingest.Tests;

/// <summary>
/// Builds the same minutes in other encodings and formats (Shift_JIS, UTF-16, .docx, a saved HTML page)
/// from the blocks of a UTF-8 reading, and projects blocks to comparable lines.
/// </summary>
internal static class Variants
{
    static Variants() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Strict(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>Characters a legacy code page cannot hold are replaced by 〓 (the traditional geta mark).</summary>
    public static string Representable(string text, int codePage)
    {
        var encoding = Strict(codePage);
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            try
            {
                encoding.GetBytes(rune.ToString());
                builder.Append(rune.ToString());
            }
            catch (EncoderFallbackException)
            {
                builder.Append('〓');
            }
        }

        return builder.ToString();
    }

    public static byte[] WithPreamble(Encoding encoding, string text) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    /// <summary>
    /// Comparable form of blocks: kind and text, paragraphs split at line breaks (HTML &lt;br&gt; and a
    /// Markdown soft break are the same fact), runs of ASCII spaces collapsed (HTML collapses them).
    /// Marker spelling and page-break debris differ by format by design, so only their kind counts.
    /// </summary>
    public static List<string> Project(IEnumerable<SourceBlock> blocks)
    {
        var list = new List<string>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    list.Add($"H{h.Level}:{Collapse(h.Text)}");
                    break;
                case ParagraphBlock p:
                    list.AddRange(p.Text.Split('\n').Select(t => (p.ListItem ? "LI:" : "P:") + Collapse(t)).Where(t => !t.EndsWith(':')));
                    break;
                case TableRowBlock r:
                    list.Add("ROW:" + string.Join(" | ", r.Cells.Select(c => string.Join("¶", c.Paragraphs.Select(Collapse)))));
                    break;
                case DisclosureMarkerBlock m:
                    list.Add(m.Opens ? "MARK:open" : "MARK:close");
                    break;
                case PageBreakBlock:
                    list.Add("PAGE");
                    break;
            }
        }

        return list;
    }

    private static string Collapse(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Trim(), " {2,}", " ");

    /// <summary>A Word document holding the blocks: headings as Heading styles, rows as one table, checkboxes as w14 content controls.</summary>
    public static byte[] Docx(IEnumerable<SourceBlock> blocks)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(Enumerable.Range(1, 6).Select(level => new Style(
                new StyleName { Val = $"heading {level}" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new OutlineLevel { Val = level - 1 }))
            { Type = StyleValues.Paragraph, StyleId = level.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            var body = new Body();
            Table? table = null;
            foreach (var block in blocks)
            {
                if (block is TableRowBlock row)
                {
                    if (table is null)
                    {
                        table = new Table(new TableProperties(new TableBorders()));
                        body.Append(table);
                    }

                    table.Append(new TableRow(row.Cells.Select(cell => new DocumentFormat.OpenXml.Wordprocessing.TableCell(
                        cell.Paragraphs.Count == 0 ? [new Paragraph()] : cell.Paragraphs.Select(p => Paragraph(p))))));
                    continue;
                }

                table = null;
                body.Append(block switch
                {
                    HeadingBlock h => Paragraph(h.Text, new ParagraphProperties(new ParagraphStyleId { Val = h.Level.ToString(System.Globalization.CultureInfo.InvariantCulture) })),
                    ParagraphBlock { ListItem: true } p => Paragraph(p.Text, new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }))),
                    ParagraphBlock p => Paragraph(p.Text),
                    DisclosureMarkerBlock m => Paragraph(m.Opens ? "【非公開】" : "【非公開ここまで】"),
                    PageBreakBlock => new Paragraph(new Run(new Break { Type = BreakValues.Page })),
                    _ => throw new InvalidOperationException(block.ToString()),
                });
            }

            body.Append(new SectionProperties());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph whose ☑/☐ are Word checkbox content controls and whose "\n" are line breaks.</summary>
    public static Paragraph Paragraph(string text, ParagraphProperties? properties = null)
    {
        var paragraph = new Paragraph();
        if (properties is not null)
        {
            paragraph.Append(properties);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new Run(new Break()));
            }

            var start = 0;
            var line = lines[i];
            for (var j = 0; j < line.Length; j++)
            {
                if (line[j] is '☑' or '☐')
                {
                    AppendText(paragraph, line[start..j]);
                    paragraph.Append(CheckBox(line[j] == '☑'));
                    start = j + 1;
                }
            }

            AppendText(paragraph, line[start..]);
        }

        return paragraph;
    }

    private static void AppendText(Paragraph paragraph, string text)
    {
        if (text.Length > 0)
        {
            paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }
    }

    public static SdtRun CheckBox(bool isChecked) => new(
        new SdtProperties(new W14.SdtContentCheckBox(
            new W14.Checked { Val = isChecked ? W14.OnOffValues.One : W14.OnOffValues.Zero },
            new W14.CheckedState { Val = "2612", Font = "MS Gothic" },
            new W14.UncheckedState { Val = "2610", Font = "MS Gothic" })),
        new SdtContentRun(new Run(new Text(isChecked ? "☒" : "☐"))));

    /// <summary>A page as saved from a minutes search system: chrome around a main element holding the blocks.</summary>
    public static string HtmlPage(IEnumerable<SourceBlock> blocks)
    {
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="ja"><head><meta charset="utf-8"><title>会議録検索システム</title>
            <style>body { font-family: serif } .x::before { content: "装飾" }</style>
            <script>var 検索 = "<p>スクリプトの文字</p>"; document.write("会議録");</script>
            </head><body>
            <header><h1>○○区議会 会議録検索システム</h1></header>
            <nav><ul><li><a href="/">トップ</a></li><li><a href="/search">検索</a></li></ul></nav>
            <form action="/search"><input type="text" name="q" value="検索語"><button>検索</button></form>
            <main>
            """);
        var inList = false;
        var inTable = false;
        foreach (var block in blocks)
        {
            if (inList && block is not ParagraphBlock { ListItem: true })
            {
                html.Append("</ul>\n");
                inList = false;
            }

            if (inTable && block is not TableRowBlock)
            {
                html.Append("</table>\n");
                inTable = false;
            }

            switch (block)
            {
                case HeadingBlock h:
                    html.Append($"<h{h.Level}>{Escape(h.Text)}</h{h.Level}>\n");
                    break;
                case ParagraphBlock { ListItem: true } p:
                    if (!inList)
                    {
                        html.Append("<ul>\n");
                        inList = true;
                    }

                    html.Append($"<li>{Escape(p.Text)}</li>\n");
                    break;
                case ParagraphBlock p:
                    html.Append($"<p>{Escape(p.Text)}</p>\n");
                    break;
                case TableRowBlock r:
                    if (!inTable)
                    {
                        html.Append("<table class=\"header\">\n");
                        inTable = true;
                    }

                    html.Append("<tr>");
                    foreach (var cell in r.Cells)
                    {
                        html.Append("<td>").Append(string.Concat(cell.Paragraphs.Select(p => $"<p>{Escape(p)}</p>"))).Append("</td>");
                    }

                    html.Append("</tr>\n");
                    break;
                case DisclosureMarkerBlock m:
                    html.Append(m.Opens ? "<!-- 非公開 -->\n" : "<!-- /非公開 -->\n");
                    break;
                case PageBreakBlock:
                    html.Append("<p>----\t---</p>\n");
                    break;
            }
        }

        html.Append(inList ? "</ul>\n" : string.Empty).Append(inTable ? "</table>\n" : string.Empty);
        html.Append("""
            <script>trackPageView();</script>
            </main>
            <aside>関連リンク</aside>
            <footer>Copyright ○○区</footer>
            </body></html>
            """);
        return html.ToString();
    }

    /// <summary>Text escaped for HTML; checkboxes become inputs; line breaks &lt;br&gt;.</summary>
    private static string Escape(string text) =>
        WebUtility.HtmlEncode(text)
            .Replace("☑", "<input type=\"checkbox\" checked>", StringComparison.Ordinal)
            .Replace("☐", "<input type=\"checkbox\">", StringComparison.Ordinal)
            .Replace("\n", "<br>\n", StringComparison.Ordinal);
}
