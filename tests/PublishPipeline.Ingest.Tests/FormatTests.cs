using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PublishPipeline.Ingest.Tests;

/// <summary>Synthetic uploads for each format and marker syntax: what real files vary in beyond the samples.</summary>
public class FormatTests
{
    private static SourceDocument Read(string name, string text) => MinutesReader.Read(new SourceFile(name, Encoding.UTF8.GetBytes(text)));

    private static List<string> Blocks(string name, string text) => Variants.Project(Read(name, text).Blocks);

    [Fact]
    public void Text_markers_in_every_spelling()
    {
        var document = Read("m.txt", """
            会議録
            【非公開】
            秘密の審議
            【非公開ここまで】
            ［非公開］
            【／非公開】
            <!-- 非公開 -->
            <!--/非公開-->
            <!--　非公開　-->
            <!-- ／非公開 -->
            前文<!-- 非公開 -->伏せる部分<!-- /非公開 -->後文
            【非公開】という語を含む文は印ではない。
            """);

        var markers = document.Blocks.OfType<DisclosureMarkerBlock>().ToList();
        Assert.Equal([true, false, true, false, true, false, true, false, true, false], markers.Select(m => m.Opens));
        Assert.Equal([2, 4, 5, 6, 7, 8, 9, 10, 11, 11], markers.Select(m => m.Line));
        Assert.Equal("【非公開】", markers[0].Marker);
        Assert.Equal(
            ["P:会議録", "MARK:open", "P:秘密の審議", "MARK:close", "MARK:open", "MARK:close", "MARK:open", "MARK:close", "MARK:open", "MARK:close",
             "P:前文", "MARK:open", "P:伏せる部分", "MARK:close", "P:後文", "P:【非公開】という語を含む文は印ではない。"],
            Variants.Project(document.Blocks));
    }

    [Fact]
    public void Markers_inside_a_table_line_split_it()
    {
        var blocks = Blocks("m.txt", "会長\t<p>公開部分</p><!-- 非公開 --><p>非公開部分</p><!-- /非公開 -->\n");
        Assert.Equal(["ROW:会長 | 公開部分", "MARK:open", "P:非公開部分", "MARK:close"], blocks);
    }

    [Fact]
    public void Markdown_markers_comments_and_brackets()
    {
        var document = Read("m.md", """
            # 会議録

            公開の発言。
            <!-- 非公開 -->
            非公開の発言。

            <!-- /非公開 -->

            【非公開】
            伏せる段落
            【非公開ここまで】

            - 項目 <!-- 非公開 -->伏せる<!-- /非公開 -->
            """);

        Assert.Equal(
            ["H1:会議録", "P:公開の発言。", "MARK:open", "P:非公開の発言。", "MARK:close", "MARK:open", "P:伏せる段落", "MARK:close", "LI:項目", "MARK:open", "LI:伏せる", "MARK:close"],
            Variants.Project(document.Blocks));
        var markers = document.Blocks.OfType<DisclosureMarkerBlock>().ToList();
        Assert.Equal([4, 7, 9, 11, 13, 13], markers.Select(m => m.Line));
    }

    [Fact]
    public void Html_page_markers_and_checkboxes()
    {
        var blocks = Blocks("p.html", """
            <!DOCTYPE html><html><body><main>
            <h2>会議録</h2>
            <table><tr><th>会議</th><td><label><input type="checkbox"> 公開</label> <label><input type="checkbox" checked="checked"> 非公開</label></td></tr></table>
            <p>公開部分</p>
            <!-- 非公開 -->
            <div>非公開部分<br>二行目</div>
            <!--／非公開-->
            <p>【非公開】</p><p>伏せる</p><p>【/非公開】</p>
            <ol><li>議題一<ul><li>細目</li></ul></li></ol>
            <p>&lt;p&gt;は文字&amp;記号&#12354;</p>
            <p style="display:none">隠し</p><p hidden>隠し</p>
            </main></body></html>
            """);

        Assert.Equal(
            ["H2:会議録", "ROW:会議 | ☐ 公開 ☑ 非公開", "P:公開部分", "MARK:open", "P:非公開部分", "P:二行目", "MARK:close",
             "MARK:open", "P:伏せる", "MARK:close", "LI:1. 議題一", "LI:細目", "P:<p>は文字&記号あ"],
            blocks);
    }

    [Fact]
    public void Html_page_lines_follow_the_source()
    {
        var document = Read("p.htm", "<html>\n<body>\n<h1>会議録</h1>\n\n<p>一行目</p>\n<table>\n<tr><td>a</td></tr>\n</table>\n</body></html>");
        Assert.Equal([3, 5, 7], document.Blocks.Select(b => b.Line));
    }

    [Fact]
    public void Html_page_content_comes_from_main_or_a_wrapping_form()
    {
        var webForms = Blocks("w.html", """
            <!DOCTYPE html><html><body><form id="form1" action="x.aspx">
            <div id="header">区議会</div>
            <input type="hidden" name="__VIEWSTATE" value="AAAA">
            <div id="minutes"><p>委員 長い発言がここにあります。長い発言がここにあります。長い発言がここにあります。</p></div>
            </form></body></html>
            """);
        Assert.Contains("P:委員 長い発言がここにあります。長い発言がここにあります。長い発言がここにあります。", webForms);
        Assert.DoesNotContain(webForms, b => b.Contains("AAAA"));
    }

    [Fact]
    public void Text_lines_with_html_fragments()
    {
        var blocks = Blocks("f.txt", """
            議題<br>(1) 予算<br/>(2) 決算
            <p>第一段落</p><p>第二段落 &amp; 続き</p>
            <b>太字</b>と<span class="x">強調</span>
            会議録→<input type="checkbox" checked> 公開 <input type="checkbox"> 非公開
            ruby: <ruby>齊藤<rt>さいとう</rt></ruby>副区長
            a < b かつ c > d
            <script>alert(1)</script>本文
            """);
        Assert.Equal(
            ["P:議題", "P:(1) 予算", "P:(2) 決算", "P:第一段落", "P:第二段落 & 続き", "P:太字と強調", "P:会議録→☑ 公開 ☐ 非公開",
             "P:ruby: 齊藤副区長", "P:a < b かつ c > d", "P:本文"],
            blocks);
    }

    [Fact]
    public void Tab_rows_keep_empty_cells_and_cell_paragraphs()
    {
        var document = Read("t.txt", "\t\t理由\n会長\t<p>一</p> <p>二</p>\t\n出席者\t委員\t\t\n");
        var rows = document.Blocks.OfType<TableRowBlock>().ToList();
        Assert.Equal([[], [], ["理由"]], rows[0].Cells.Select(c => c.Paragraphs.ToArray()));
        Assert.Equal([["会長"], ["一", "二"], []], rows[1].Cells.Select(c => c.Paragraphs.ToArray()));
        Assert.Equal(4, rows[2].Cells.Count);
    }

    [Fact]
    public void Page_break_debris_and_form_feeds()
    {
        var document = Read("p.txt", "前の頁の文が\n----\t---\n―――――\n────\n----------\t--\n\f\n続きます。\f次頁\n--\n— 了 承 —\n-----あ\n");
        Assert.Equal(
            ["P:前の頁の文が", "PAGE", "PAGE", "PAGE", "PAGE", "PAGE", "P:続きます。", "PAGE", "P:次頁", "P:--", "P:— 了 承 —", "P:-----あ"],
            Variants.Project(document.Blocks));
        Assert.Equal("----\t---", document.Blocks.OfType<PageBreakBlock>().First().Raw);
    }

    [Fact]
    public void Markdown_by_extension_and_by_content()
    {
        const string markdown = """
            # 第1回 審議会

            - 日時 令和5年5月8日
            - 場所 庁議室

            | 区分 | 内容 |
            |---|---|
            | 会議 | 公開<br>傍聴可 |

            (会長) 開会します。  
            続けて **説明** を *お願い* します。
            (委員)
            `質問` です。

            1. 議題
            2. 報告

            ---

            「以上」
            ===
            """;
        var blocks = Blocks("x.txt", markdown);
        Assert.Equal(
            ["H1:第1回 審議会", "LI:日時 令和5年5月8日", "LI:場所 庁議室", "ROW:区分 | 内容", "ROW:会議 | 公開¶傍聴可",
             "P:(会長) 開会します。", "P:続けて 説明 を お願い します。", "P:(委員)", "P:質問 です。", "LI:1. 議題", "LI:2. 報告", "PAGE", "P:「以上」", "P:==="],
            blocks);
        Assert.Equal(SourceFormat.Markdown, Read("x.markdown", "本文だけ").Format);
        var document = Read("x.txt", markdown);
        var speech = document.Blocks.OfType<ParagraphBlock>().Single(p => p.Text.StartsWith("(会長)", StringComparison.Ordinal));
        Assert.Equal((10, "(会長) 開会します。\n続けて 説明 を お願い します。\n(委員)\n質問 です。"), (speech.Line, speech.Text));
    }

    [Fact]
    public void Markdown_page_debris_under_a_sentence_is_not_a_heading()
    {
        var blocks = Blocks("x.md", "# 会議録\n\n文が頁で\n----\n切れている。\n");
        Assert.Equal(["H1:会議録", "P:文が頁で", "PAGE", "P:切れている。"], blocks);
    }

    [Fact]
    public void Plain_text_with_a_few_dashes_stays_text()
    {
        Assert.Equal(SourceFormat.Text, Read("a.txt", "会議録\n- 一つだけの項目\n本文\n").Format);
        Assert.Equal(SourceFormat.Text, Read("b.txt", "# 見出し\n会長\t発言\n委員\t発言\n区側\t発言\n").Format);
    }

    [Fact]
    public void Docx_headings_numbering_tabs_glyphs_and_legacy_checkboxes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "2" },
                new Style(new StyleName { Val = "見出し 3" }) { Type = StyleValues.Paragraph, StyleId = "Midashi3" },
                new Style(new StyleName { Val = "My Heading" }, new BasedOn { Val = "2" }) { Type = StyleValues.Paragraph, StyleId = "Mine" });
            main.Document = new Document(new Body(
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "2" }), new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("会議録"))),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Midashi3" }), new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("審議経過"))),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Mine" }), new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("継承見出し"))),
                new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 0 }), new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("アウトライン"))),
                new Paragraph(),
                new Paragraph(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 3 })), new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("番号付き"))),
                new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("会長"), new TabChar(), new Text("発言です。"))),
                new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("□公開 ■非公開 □一部非公開"))),
                new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("■会議の概要"))),
                new Paragraph(
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar(new FormFieldData(new CheckBox(new DefaultCheckBoxFormFieldState { Val = true }))) { FieldCharType = FieldCharValues.Begin }),
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldCode(" FORMCHECKBOX ")),
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("公開") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new SymbolChar { Font = "Wingdings", Char = "F0A8" }),
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("非公開"))),
                new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("削除されない")), new DeletedRun(new DocumentFormat.OpenXml.Wordprocessing.Run(new DeletedText("消した")))),
                new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("【非公開】"))),
                new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("一行目"), new Break(), new Text("二行目"), new Break { Type = BreakValues.Page }, new Text("次頁"))),
                new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("<!-- /非公開 -->"))),
                new Paragraph(new ParagraphProperties(new PageBreakBefore()), new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("改頁後")))));
        }

        var read = MinutesReader.Read(new SourceFile("x.docx", stream.ToArray()));
        Assert.Equal(
            ["H2:会議録", "H3:審議経過", "H2:継承見出し", "H1:アウトライン", "LI:番号付き", "ROW:会長 | 発言です。", "P:☐公開 ☑非公開 ☐一部非公開",
             "P:■会議の概要", "P:☑公開☐非公開", "P:削除されない", "MARK:open", "P:一行目", "P:二行目", "PAGE", "P:次頁", "MARK:close", "PAGE", "P:改頁後"],
            Variants.Project(read.Blocks));
        Assert.Equal([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 13, 13, 14, 15, 15], read.Blocks.Select(b => b.Line));
        Assert.Equal("ooxml", read.EncodingName);
    }

    [Fact]
    public void Html_pre_is_read_as_text_lines()
    {
        var document = Read("pre.html", "<!DOCTYPE html>\n<html><body>\n<pre>会議録\n開催日時\t令和5年5月8日\n&lt;p&gt;は文字\n<!-- 非公開 -->\n伏せる\n【非公開ここまで】\n----\t---\n<input type=checkbox checked>公開</pre>\n</body></html>");
        Assert.Equal(
            ["P:会議録", "ROW:開催日時 | 令和5年5月8日", "P:<p>は文字", "MARK:open", "P:伏せる", "MARK:close", "PAGE", "P:☑公開"],
            Variants.Project(document.Blocks));
        Assert.Equal(3, document.Blocks[0].Line);
    }

    [Fact]
    public void Ordered_lists_keep_their_numbers()
    {
        Assert.Equal(["LI:3) 三", "LI:4) 四", "LI:項目"], Blocks("o.md", "3) 三\n4) 四\n\n- 項目\n"));
        Assert.Equal(["LI:ii. 二", "LI:iii. 三", "LI:10. 十"], Blocks("o.html", "<html><body><ol type=i start=2><li>二</li><li>三</li></ol><ol><li value=10>十</li></ol></body></html>"));
    }

    [Theory]
    [InlineData(1, "decimal", "1")]
    [InlineData(12, "decimalFullWidth", "１２")]
    [InlineData(3, "decimalEnclosedCircle", "③")]
    [InlineData(2, "decimalEnclosedParen", "⑵")]
    [InlineData(28, "upperLetter", "BB")]
    [InlineData(14, "lowerRoman", "xiv")]
    [InlineData(2, "aiueoFullWidth", "イ")]
    [InlineData(3, "iroha", "ハ")]
    [InlineData(21, "japaneseCounting", "二十一")]
    [InlineData(105, "ideographDigital", "一〇五")]
    [InlineData(4, "bullet", "")]
    public void Word_number_formats(int value, string format, string expected) => Assert.Equal(expected, ListLabels.Format(value, format));

    [Fact]
    public void Docx_ruby_reading_is_not_glued_to_the_name()
    {
        // Word's ruby (w:ruby) holds the reading (w:rt) before the base (w:rubyBase): read in document order the
        // reading ran into the name, "かしわぎ柏木", and that was taken for the speaker's name.
        static DocumentFormat.OpenXml.Wordprocessing.Run Plain(string text) => new(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        static DocumentFormat.OpenXml.Wordprocessing.Run Ruby(string text, string reading) => new(new DocumentFormat.OpenXml.Wordprocessing.Ruby(
            new RubyProperties(new RubyAlign { Val = RubyAlignValues.DistributeSpace }),
            new RubyContent(Plain(reading)),
            new RubyBase(Plain(text))));
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(Plain("○委員長（"), Ruby("柏木", "かしわぎ"), Plain("凪子君）　開会します。")),
                new Table(new TableRow(
                    new DocumentFormat.OpenXml.Wordprocessing.TableCell(new Paragraph(Plain("出席委員"))),
                    new DocumentFormat.OpenXml.Wordprocessing.TableCell(new Paragraph(Plain("委員長　"), Ruby("柏木", "かしわぎ"), Plain("　凪子")))))));
        }

        var read = MinutesReader.Read(new SourceFile("ruby.docx", stream.ToArray()));

        Assert.Equal(["P:○委員長（柏木凪子君）　開会します。", "ROW:出席委員 | 委員長　柏木　凪子"], Variants.Project(read.Blocks));
    }

    [Fact]
    public void Docx_text_boxes_are_read_once_after_the_paragraph_that_holds_them()
    {
        // A stamp or note in a text box (非公開, 午前10時開会) is text a reader sees: before, every drawing was skipped and
        // the box lost. Word writes each box twice (the drawing and a VML fallback); it is read once.
        static string Box(string text) =>
            "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:inline><wp:extent cx=\"900000\" cy=\"300000\"/>"
            + "<wp:docPr id=\"1\" name=\"box\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
            + "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
            + "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id=\"box\">"
            + "<v:textbox><w:txbxContent><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
        var body = "<w:p><w:r><w:t>会議録</w:t></w:r>" + Box("非公開") + "</w:p>"
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>開会</w:t></w:r></w:p></w:tc><w:tc><w:p>" + Box("午前10時") + "</w:p></w:tc></w:tr></w:tbl>"
            + "<w:p><w:r><w:pict><v:shape id=\"old\"><v:textbox><w:txbxContent><w:p><w:r><w:t>閉会　午前11時</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>";
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
                + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
                + " xmlns:v=\"urn:schemas-microsoft-com:vml\" mc:Ignorable=\"wps\"><w:body>" + body + "</w:body></w:document>");
        }

        var read = MinutesReader.Read(new SourceFile("boxes.docx", stream.ToArray()));

        Assert.Equal(["P:会議録", "P:非公開", "ROW:開会 | 午前10時", "P:閉会　午前11時"], Variants.Project(read.Blocks));
    }

    [Fact]
    public void Cp932_codes_Windows_reads_but_never_writes_are_read()
    {
        // 﨑 as 0xED95 and ⅰ ￢ as 0xEEEF 0xEEF9 (NEC-selected IBM extensions), ㈱ ∵ as IBM's 0xFA58 0xFA5B, ≒ as NEC's
        // 0x8790, beside 髙 in IBM's row (0xFBFC) and ㈱ in NEC's (0x878A): Windows reads them all, .NET's 932 only the
        // last two; before, the file was rejected as not Shift_JIS.
        var sjis = Variants.Strict(932);
        byte[] bytes = [.. sjis.GetBytes("○議長（宮"), 0xED, 0x95, .. sjis.GetBytes("一葉君）　"), 0xFB, 0xFC, .. sjis.GetBytes("橋氏と"),
            0x87, 0x8A, 0xFA, 0x58, .. sjis.GetBytes("架空の件、"), 0xEE, 0xEF, 0xEE, 0xF9, 0xFA, 0x5B, 0x87, 0x90, .. sjis.GetBytes("。\r\n")];

        var read = MinutesReader.Read(new SourceFile("nec.txt", bytes));

        Assert.Equal("shift_jis", read.EncodingName);
        Assert.Equal(["P:○議長（宮﨑一葉君）　髙橋氏と㈱㈱架空の件、ⅰ￢∵≒。"], Variants.Project(read.Blocks));
    }

    [Fact]
    public void Docx_hidden_text_is_never_read()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("見える") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new RunProperties(new Vanish()), new Text("山田太郎の病歴")),
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("文章"))),
                new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new RunProperties(new SpecVanish()), new Text("特殊な隠し文字"))),
                new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new RunProperties(new Vanish { Val = false }), new Text("隠しを解除した文字")))));
        }

        var read = MinutesReader.Read(new SourceFile("hidden.docx", stream.ToArray()));

        Assert.Equal(["P:見える文章", "P:隠しを解除した文字"], Variants.Project(read.Blocks));
    }

    [Fact]
    public void Docx_a_bold_label_run_into_the_speech_is_kept_apart()
    {
        // **事務局（芦田課長）**資料に基づき…: Word shows the label apart by its weight; before, the text ran together and
        // no speaker was read.
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            static DocumentFormat.OpenXml.Wordprocessing.Run Bold(string text) => new(new RunProperties(new Bold()), new Text(text));
            static DocumentFormat.OpenXml.Wordprocessing.Run Plain(string text) => new(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
            main.Document = new Document(new Body(
                new Paragraph(Bold("事務局（芦田課長）"), Plain("資料に基づき説明します。")),
                new Paragraph(Bold("石﨑"), Bold("委員"), Plain("　質問があります。")),
                new Paragraph(Plain("本日は"), Bold("重要"), Plain("な案件です。")),
                new Paragraph(Bold("令和６年度の事業計画について、委員の皆様にご審議いただきます。"), Plain("以上。"))));
        }

        var read = MinutesReader.Read(new SourceFile("bold.docx", stream.ToArray()));

        Assert.Equal(["P:事務局（芦田課長）　資料に基づき説明します。", "P:石﨑委員　質問があります。", "P:本日は重要な案件です。", "P:令和６年度の事業計画について、委員の皆様にご審議いただきます。以上。"], Variants.Project(read.Blocks));
    }

    [Fact]
    public void Docx_a_label_bold_by_its_character_style_is_kept_apart()
    {
        // <w:rStyle w:val="Speaker"/> whose style is bold (based on one that is): Word shows the label apart by its weight as
        // with <w:b/>; before, 事務局（芦田課長）資料に… ran together and no speaker was read.
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "Strong" }, new StyleRunProperties(new Bold())) { Type = StyleValues.Character, StyleId = "Strong" },
                new Style(new StyleName { Val = "Speaker" }, new BasedOn { Val = "Strong" }) { Type = StyleValues.Character, StyleId = "Speaker" },
                new Style(new StyleName { Val = "Quiet" }, new BasedOn { Val = "Strong" }, new StyleRunProperties(new Bold { Val = false })) { Type = StyleValues.Character, StyleId = "Quiet" });
            static DocumentFormat.OpenXml.Wordprocessing.Run Styled(string style, string text) => new(new RunProperties(new RunStyle { Val = style }), new Text(text));
            static DocumentFormat.OpenXml.Wordprocessing.Run Plain(string text) => new(new Text(text));
            main.Document = new Document(new Body(
                new Paragraph(Styled("Speaker", "事務局（芦田課長）"), Plain("資料に基づき説明します。")),
                new Paragraph(Styled("Quiet", "本日は"), Plain("重要な案件です。")),
                new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new RunProperties(new RunStyle { Val = "Speaker" }, new Bold { Val = false }), new Text("本日も")), Plain("案件があります。"))));
        }

        var read = MinutesReader.Read(new SourceFile("styled.docx", stream.ToArray()));

        Assert.Equal(["P:事務局（芦田課長）　資料に基づき説明します。", "P:本日は重要な案件です。", "P:本日も案件があります。"], Variants.Project(read.Blocks));
    }

    [Fact]
    public void Docx_numbering_labels_are_written_into_the_text()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "(%1)" }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.AiueoFullWidth }, new LevelText { Val = "%2" }) { LevelIndex = 1 })
                { AbstractNumberId = 5 },
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "・" }) { LevelIndex = 0 }) { AbstractNumberId = 6 },
                new NumberingInstance(new AbstractNumId { Val = 5 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 6 }) { NumberID = 2 });
            static Paragraph Item(string text, int numId, int level) => new(
                new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
                new DocumentFormat.OpenXml.Wordprocessing.Run(new Text(text)));
            main.Document = new Document(new Body(
                Item("個人情報について", 1, 0), Item("細目", 1, 1), Item("細目二", 1, 1), Item("主要課題について", 1, 0), Item("細目", 1, 1), Item("箇条書き", 2, 0)));
        }

        var read = MinutesReader.Read(new SourceFile("n.docx", stream.ToArray()));
        Assert.Equal(
            ["LI:(1) 個人情報について", "LI:ア 細目", "LI:イ 細目二", "LI:(2) 主要課題について", "LI:ア 細目", "LI:箇条書き"],
            Variants.Project(read.Blocks));
    }
}
