using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using PublishPipeline.Tests;

namespace PublishPipeline.Ingest.Tests;

/// <summary>Uploads that are not minutes text are rejected with a code, the file's name and a place — never mojibake.</summary>
public class BadInputTests
{
    private static MinutesFormatException Reject(string name, byte[] bytes, string code)
    {
        var ex = Assert.Throws<MinutesFormatException>(() => MinutesReader.Read(new SourceFile(name, bytes)));
        Assert.Equal(code, ex.Code);
        Assert.Equal(name, ex.SourceName);
        Assert.StartsWith(name, ex.ToString(), StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void Png_is_binary_with_offset()
    {
        byte[] png = [0x89, .. "PNG\r\n\u001a\n"u8, 0, 0, 0, 0x0D, .. "IHDR"u8, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0];
        var ex = Reject("uploads/scan.png", png, "encoding");
        Assert.Contains("binary", ex.Message, StringComparison.Ordinal);
        Assert.Contains("offset 8", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, ex.Line); // "\r\n" and "\n" in the signature come before the NUL
    }

    [Theory]
    [InlineData("a.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj", "PDF")]
    [InlineData("a.rtf", "{\\rtf1\\ansi\\ansicpg932 会議録}", "RTF")]
    public void Known_non_minutes_formats_say_what_they_are(string name, string content, string kind)
    {
        var ex = Reject(name, Encoding.UTF8.GetBytes(content), "format");
        Assert.Contains(kind, ex.Message, StringComparison.Ordinal);
        var doc = Reject("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "format");
        Assert.Contains(".doc", doc.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurd_nesting_is_a_limit_error_not_a_crash()
    {
        static byte[] Nested(string open, string close, int depth, string before = "", string after = "") =>
            Encoding.UTF8.GetBytes(before + string.Concat(Enumerable.Repeat(open, depth)) + "会議録" + string.Concat(Enumerable.Repeat(close, depth)) + after);

        Assert.Contains("nested", Reject("deep.html", Nested("<div>", "</div>", 100_000, "<!DOCTYPE html><html><body>", "</body></html>"), "limit").Message, StringComparison.Ordinal);
        Reject("deep-after-parse.html", Nested("<div>", "", 1_000, "<!DOCTYPE html><html><body>"), "limit");
        Reject("deep-line.txt", Nested("<section>", "</section>", 100_000), "limit");

        // The fast path does not recurse, so deep inline tags in a line are harmless.
        Assert.Equal("会議録", Assert.IsType<ParagraphBlock>(Assert.Single(MinutesReader.Read(new SourceFile("spans.txt", Nested("<span>", "</span>", 100_000))).Blocks)).Text);
        Reject("deep.md", Nested(">", "", 100_000, "# 会議録\n\n"), "limit");

        // Real pages nest a few dozen levels; that reads fine.
        var ok = MinutesReader.Read(new SourceFile("ok.html", Nested("<div>", "</div>", 100, "<!DOCTYPE html><html><body>", "</body></html>")));
        Assert.Equal("会議録", Assert.IsType<ParagraphBlock>(Assert.Single(ok.Blocks)).Text);
    }

    [Fact]
    public void Random_bytes_are_rejected()
    {
        var random = new Random(20260523);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[4096];
            random.NextBytes(bytes);
            Reject($"random{i}.txt", bytes, "encoding");
        }
    }

    [Fact]
    public void Random_high_bytes_without_nul_are_not_decoded_as_shift_jis()
    {
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[2048];
            random.NextBytes(bytes);
            for (var j = 0; j < bytes.Length; j++)
            {
                bytes[j] = (byte)(bytes[j] | 0x80);
            }

            Reject($"high{i}.txt", bytes, "encoding");
        }
    }

    [Fact]
    public void Invalid_utf8_that_is_not_shift_jis_names_line_and_offset()
    {
        // Two good UTF-8 lines, then bytes that are neither UTF-8 nor Shift_JIS (0xFF, 0xFE, 0xFD) nor EUC-JP.
        byte[] bytes = [.. "会議録\n開催日時 令和5年\n議題 "u8, 0xFF, 0xFE, 0xFD, 0x80, .. "\n"u8];
        var ex = Reject("minutes.txt", bytes, "encoding");
        Assert.Equal(3, ex.Line);
        Assert.Contains("0xFF", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"offset {Encoding.UTF8.GetByteCount("会議録\n開催日時 令和5年\n議題 ")}", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("minutes.txt:3: ", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_text_cut_in_a_character_is_not_mojibake()
    {
        var bytes = Encoding.UTF8.GetBytes("会議録\n議題");
        Reject("cut.txt", bytes[..^1], "encoding");
    }

    [Fact]
    public void Bom_with_invalid_utf16_is_rejected()
    {
        // A lone high surrogate after a UTF-16LE BOM.
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("会議\n"), 0x00, 0xD8, 0x41, 0x00];
        var ex = Reject("bad16.txt", bytes, "encoding");
        Assert.Equal(2, ex.Line);
        Assert.Contains("offset 8", ex.Message, StringComparison.Ordinal);
        var odd = Reject("odd16.txt", [0xFE, 0xFF, 0x30, 0x42, 0x30], "encoding");
        Assert.Contains("offset 4", odd.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_mean_binary()
    {
        Reject("ctl.txt", [.. "会議録\n"u8, 0x01, 0x02, .. "abc"u8], "encoding");
    }

    [Fact]
    public void Empty_and_whitespace_only()
    {
        Reject("empty.txt", [], "empty");
        Reject("spaces.txt", "  \n\t\r\n　　\n"u8.ToArray(), "empty");
        Reject("bom-only.txt", [0xEF, 0xBB, 0xBF], "empty");
        Reject("utf16-spaces.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(" \n　\n")], "empty");
        Reject("only-chrome.html", "<!DOCTYPE html><html><head><script>x()</script></head><body><nav>トップ</nav></body></html>"u8.ToArray(), "empty");
    }

    [Fact]
    public void Truncated_docx_is_a_docx_error()
    {
        var docx = Variants.Docx([new ParagraphBlock(1, "会議録"), new ParagraphBlock(2, "開催日時 令和5年5月8日")]);
        foreach (var length in new[] { docx.Length / 2, docx.Length - 30, 10 })
        {
            var ex = Reject("minutes.docx", docx[..length], "docx");
            Assert.Contains(".docx", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Corrupt_document_xml_is_a_docx_error()
    {
        var docx = Variants.Docx([new ParagraphBlock(1, "会議録")]);
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>会議");
        }

        Reject("broken.docx", stream.ToArray(), "docx");
    }

    [Fact]
    public void Zip_that_is_not_a_docx_is_a_docx_error()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("minutes.txt").Open());
            writer.Write("会議録");
        }

        var ex = Reject("minutes.zip", stream.ToArray(), "docx");
        Assert.Contains("not a Word .docx", ex.Message, StringComparison.Ordinal);

        // An .xlsx is an Open XML package but not a Word document.
        using var xlsx = new MemoryStream();
        using (var spreadsheet = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(xlsx, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            spreadsheet.AddWorkbookPart().Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        }

        Reject("minutes.xlsx", xlsx.ToArray(), "docx");
    }

    [Fact]
    public void Docx_extension_on_text_is_a_docx_error()
    {
        Reject("minutes.docx", "会議録\n"u8.ToArray(), "docx");
    }

    [Fact]
    public void Above_the_limit_is_too_large()
    {
        var bytes = new byte[MinutesReader.MaxBytes + 1];
        bytes.AsSpan().Fill((byte)'a');
        var ex = Reject("huge.txt", bytes, "too-large");
        Assert.Contains("32 MiB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_megabytes_of_minutes_read_correctly()
    {
        // The samples repeated to ~20 MB, with an error-free tail: every line must come back, in order.
        var sample = File.ReadAllText(RepoPaths.Sample("002"));
        var builder = new StringBuilder();
        var copies = (20_000_000 / Encoding.UTF8.GetByteCount(sample + "\n")) + 1;
        for (var i = 0; i < copies; i++)
        {
            builder.Append(sample).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        Assert.InRange(bytes.Length, 20_000_000, MinutesReader.MaxBytes);
        var one = MinutesReader.Read(new SourceFile("one.txt", Encoding.UTF8.GetBytes(sample))).Blocks.Count;

        var watch = Stopwatch.StartNew();
        var document = MinutesReader.Read(new SourceFile("big.txt", bytes));
        watch.Stop();

        Assert.Equal(one * copies, document.Blocks.Count);
        Assert.Equal(document.Blocks[^1].Line, bytes.Count(b => b == (byte)'\n'));

        // Shift_JIS of the same size takes the legacy path; it must also read completely.
        var sjis = Variants.Strict(932).GetBytes(Variants.Representable(builder.ToString(), 932));
        Assert.Equal(one * copies, MinutesReader.Read(new SourceFile("big-sjis.txt", sjis)).Blocks.Count);

        // Timing is reported by bench/, not asserted; this only records it in the test log.
        Console.WriteLine($"20 MB UTF-8 read in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Invalid_byte_at_the_end_of_a_big_file_has_the_right_line()
    {
        var line = "委員 資料に基づき説明。\n"u8.ToArray();
        var bytes = new List<byte>(line.Length * 200_001);
        for (var i = 0; i < 200_000; i++)
        {
            bytes.AddRange(line);
        }

        bytes.AddRange([0xFF, 0x0A]);
        var ex = Reject("tail.txt", [.. bytes], "encoding");
        Assert.Equal(200_001, ex.Line);
    }
}
