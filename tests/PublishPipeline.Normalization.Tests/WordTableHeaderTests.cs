using System.IO.Compression;
using System.Text;
using PublishPipeline.Ingest;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A Word file whose header is a table, its 出席者 cell listing each group word on a line of its own over its members'
/// lines (<c>委員&lt;w:br/&gt;a、b&lt;w:br/&gt;事務局&lt;w:br/&gt;課長　c</c>; names invented), read through the real .docx reader.
/// </summary>
public sealed class WordTableHeaderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_group_word_alone_on_its_line_in_the_attendee_cell_names_the_lines_below_it(bool lineBreaks)
    {
        // Before: one group 出席者, and 長峰亘 事務局 環境政策課長　芦原道夫 one member no reader took (held).
        var m = MinutesNormalizer.Normalize(new SourceFile("minutes.docx", Docx(lineBreaks)));
        Assert.Equal(["委員", "事務局"], m.Attendees.Select(a => a.Group));
        Assert.Equal(
            [("会長", "里中晴彦"), (null, "高砂由紀子"), (null, "長峰亘"), ("環境政策課長", "芦原道夫"), ("主査", "森下加代")],
            m.Rolls.SelectMany(r => r.Entries).Select(e => (e.Role, e.Name)));
        Assert.DoesNotContain(m.Warnings, w => w.Code == "name-unread");
    }

    [Fact]
    public void A_post_alone_on_its_line_is_no_group()
    {
        // 区長 is a post one person holds: a list of posts one a line names no group.
        var m = MinutesNormalizer.Normalize(new SourceFile("minutes.docx", Docx(true, ["区長", "副区長", "総務課長"])));
        Assert.Equal(["出席者"], m.Attendees.Select(a => a.Group));
    }

    private static byte[] Docx(bool lineBreaks, string[]? attendees = null)
    {
        string[] lines = attendees ?? ["委員", "里中晴彦（会長）、高砂由紀子、長峰亘", "事務局", "環境政策課長　芦原道夫、主査　森下加代"];
        static string P(string t) => $"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>";
        static string Cell(string t) => $"<w:tc>{P(t)}</w:tc>";
        var attendeeCell = lineBreaks
            ? "<w:tc><w:p><w:r>" + string.Join("<w:br/>", lines.Select(l => $"<w:t xml:space=\"preserve\">{l}</w:t>")) + "</w:r></w:p></w:tc>"
            : "<w:tc>" + string.Concat(lines.Select(P)) + "</w:tc>";
        var table = "<w:tbl>"
            + $"<w:tr>{Cell("会議名")}{Cell("令和６年度第２回架空市環境審議会")}</w:tr>"
            + $"<w:tr>{Cell("開催日時")}{Cell("令和６年９月３日（火）午後２時から午後４時")}</w:tr>"
            + $"<w:tr>{Cell("出席者")}{attendeeCell}</w:tr>"
            + $"<w:tr>{Cell("会議の公開")}{Cell("公開")}</w:tr></w:tbl>";
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + P("会議録") + table + P("審議経過") + P("会長：開会します。") + P("高砂委員：質問します。") + "</w:body></w:document>";
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Add(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Add(zip, "word/document.xml", document);
        }

        return stream.ToArray();

        static void Add(ZipArchive zip, string name, string text)
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }
    }
}
