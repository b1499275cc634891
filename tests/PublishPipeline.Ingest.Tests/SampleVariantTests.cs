using System.Text;
using PublishPipeline.Tests;

namespace PublishPipeline.Ingest.Tests;

/// <summary>
/// Every sample, re-encoded and re-formatted the ways ward staff really upload minutes, must read back
/// to the same blocks as its UTF-8 original.
/// </summary>
public class SampleVariantTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepoPaths.SampleFiles)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string SampleText(string name) => File.ReadAllText(Path.Combine(RepoPaths.Samples, name), new UTF8Encoding(false, true));

    private static SourceDocument Read(string name, byte[] bytes) => MinutesReader.Read(new SourceFile(name, bytes));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_reads_as_strict_utf8_with_blocks_and_hash(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, name));
        var document = Read(name, bytes);

        Assert.Equal("utf-8", document.EncodingName);
        Assert.Equal(name, document.Name);
        Assert.Equal(bytes.Length, document.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), document.Sha256);
        Assert.NotEmpty(document.Blocks);
        Assert.All(document.Blocks, b => Assert.InRange(b.Line, 1, bytes.Count(x => x == (byte)'\n') + 1));
        Assert.Equal(document.Blocks.Select(b => b.Line).Order(), document.Blocks.Select(b => b.Line));
        Assert.DoesNotContain(document.Blocks.OfType<ParagraphBlock>(), p => p.Text.Contains('<') && p.Text.Contains("</p>"));
        Assert.DoesNotContain(document.Blocks.OfType<TableRowBlock>().SelectMany(r => r.Cells).SelectMany(c => c.Paragraphs), p => p.Contains("<p>") || p.Contains("<input"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Unicode_encodings_read_back_identically(string name)
    {
        var text = SampleText(name);
        var reference = Read(name, Encoding.UTF8.GetBytes(text));

        foreach (var (encoding, label, bom) in new (Encoding, string, bool)[]
        {
            (new UTF8Encoding(true), "utf-8-bom", true),
            (new UnicodeEncoding(false, true), "utf-16le", true),
            (new UnicodeEncoding(true, true), "utf-16be", true),
            (new UnicodeEncoding(false, false), "utf-16le", false),
            (new UnicodeEncoding(true, false), "utf-16be", false),
        })
        {
            var bytes = bom ? Variants.WithPreamble(encoding, text) : encoding.GetBytes(text);
            var document = Read(name, bytes);
            Assert.Equal(label, document.EncodingName);
            Assert.Equal(reference.Format, document.Format);
            Assert.Equal(reference.Blocks, document.Blocks);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Shift_jis_and_euc_jp_read_back_identically(string name)
    {
        foreach (var (codePage, label) in new[] { (932, "shift_jis"), (51932, "euc-jp") })
        {
            var text = Variants.Representable(SampleText(name), codePage);
            var reference = Read(name, Encoding.UTF8.GetBytes(text));
            var document = Read(name, Variants.Strict(codePage).GetBytes(text));

            Assert.Equal(label, document.EncodingName);
            Assert.Equal(reference.Blocks, document.Blocks);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Docx_variant_reads_back_the_same_texts_in_order(string name)
    {
        var reference = Read(name, Encoding.UTF8.GetBytes(SampleText(name)));
        var docxName = Path.ChangeExtension(name, ".docx");

        var document = Read(docxName, Variants.Docx(reference.Blocks));

        Assert.Equal(SourceFormat.Docx, document.Format);
        Assert.Equal(Variants.Project(reference.Blocks), Variants.Project(document.Blocks));
        Assert.Equal(document.Blocks.Select(b => b.Line).Order(), document.Blocks.Select(b => b.Line));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Html_page_variant_drops_chrome_and_reads_back_the_same_texts(string name)
    {
        var reference = Read(name, Encoding.UTF8.GetBytes(SampleText(name)));
        var page = Variants.HtmlPage(reference.Blocks);

        var document = Read(Path.ChangeExtension(name, ".html"), Encoding.UTF8.GetBytes(page));
        var sameAsTxt = Read(name, Encoding.UTF8.GetBytes(page));

        Assert.Equal(SourceFormat.Html, document.Format);
        Assert.Equal(SourceFormat.Html, sameAsTxt.Format);
        Assert.Equal(Variants.Project(reference.Blocks), Variants.Project(document.Blocks));
        var all = Variants.Project(document.Blocks);
        Assert.DoesNotContain(all, t => t.Contains("スクリプト") || t.Contains("検索") || t.Contains("Copyright") || t.Contains("関連リンク") || t.Contains("trackPageView"));
    }

    [Fact]
    public void Sample_000_header_checkboxes_meeting_closed_minutes_public()
    {
        var document = MinutesReader.Read(new SourceFile("000.txt", File.ReadAllBytes(RepoPaths.Sample("000"))));
        var rows = document.Blocks.OfType<TableRowBlock>().ToList();

        var meeting = rows.Single(r => r.Cells.Count > 1 && r.Cells[1].Text == "会議");
        Assert.Equal("☐ 公開 ☑ 非公開 ☐ 一部非公開", meeting.Cells[2].Text);
        var minutes = rows.Single(r => r.Cells.Count > 1 && r.Cells[1].Text == "会議録");
        Assert.Equal("☑ 公開 ☐ 非公開 ☐ 一部非公開", minutes.Cells[2].Text);
        Assert.Equal(string.Empty, minutes.Cells[0].Text); // a leading tab continues the 公開の可否 group
        Assert.Empty(minutes.Cells[0].Paragraphs);
        Assert.Equal(14, minutes.Line);
    }

    [Fact]
    public void Sample_001_minutes_partly_closed_and_trailing_empty_cell_kept()
    {
        var document = MinutesReader.Read(new SourceFile("001.txt", File.ReadAllBytes(RepoPaths.Sample("001"))));
        var rows = document.Blocks.OfType<TableRowBlock>().ToList();

        Assert.Equal("☐ 公開 ☐ 非公開 ☑ 一部非公開", rows.Single(r => r.Cells.Count > 2 && r.Cells[1].Text == "会 議 録").Cells[2].Text);
        var title = rows.First();
        Assert.Equal(["附属機関又は 会議体の名称", "平成30年度 第1回豊島区行政情報化推進本部", ""], title.Cells.Select(c => c.Text));
    }

    [Fact]
    public void Sample_002_paragraph_cells_and_page_debris()
    {
        var document = MinutesReader.Read(new SourceFile("002.txt", File.ReadAllBytes(RepoPaths.Sample("002"))));

        var first = document.Blocks.OfType<TableRowBlock>().First(r => r.Cells[0].Text == "会長");
        Assert.Equal(10, first.Line);
        Assert.True(first.Cells[1].Paragraphs.Count > 1);
        Assert.StartsWith("それでは、定刻になりましたので", first.Cells[1].Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal([17, 375], document.Blocks.OfType<PageBreakBlock>().Select(b => b.Line));
        Assert.Contains(document.Blocks.OfType<ParagraphBlock>(), p => p.Text == "<令和5年度第1回審議会発言記録>");
    }

    [Fact]
    public void Sample_004_is_markdown_in_a_txt()
    {
        var document = MinutesReader.Read(new SourceFile("004.txt", File.ReadAllBytes(RepoPaths.Sample("004"))));

        Assert.Equal(SourceFormat.Markdown, document.Format);
        var headings = document.Blocks.OfType<HeadingBlock>().ToList();
        Assert.Equal((3, 2), (headings[0].Line, headings[0].Level));
        Assert.Equal("第10期第5回練馬区情報公開および個人情報保護運営審議会 会議要録", headings[0].Text);
        Assert.Contains(headings, h => h is { Level: 3, Text: "7 発言内容" });
        var item = document.Blocks.OfType<ParagraphBlock>().First(p => p.ListItem);
        Assert.Equal((5, "1 日時 令和元年9月2日(月)14時～15時30分"), (item.Line, item.Text));
        var materials = document.Blocks.OfType<ParagraphBlock>().Single(p => p.Text.StartsWith("5 配付資料", StringComparison.Ordinal));
        Assert.Equal(3, materials.Text.Split('\n').Length);
        Assert.DoesNotContain(document.Blocks.OfType<ParagraphBlock>(), p => p.Text.StartsWith("- ", StringComparison.Ordinal) || p.Text.StartsWith('#'));
    }

    [Fact]
    public void Samples_in_other_formats_are_text()
    {
        foreach (var prefix in new[] { "000", "001", "002", "003" })
        {
            Assert.Equal(SourceFormat.Text, MinutesReader.Read(new SourceFile(prefix + ".txt", File.ReadAllBytes(RepoPaths.Sample(prefix)))).Format);
        }
    }
}
