using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>Uploads beyond the five samples: other encodings, Word, synthetic minutes, poison.</summary>
public static class TestUploads
{
    static TestUploads() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Sample(string prefix) => File.ReadAllBytes(RepoPaths.Sample(prefix));

    /// <summary>A sample re-encoded as Shift_JIS (code page 932), as older ward PCs save it.</summary>
    public static byte[] ShiftJis(string prefix)
    {
        var text = Encoding.UTF8.GetString(Sample(prefix));
        return Encoding.GetEncoding(932, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback).GetBytes(text);
    }

    /// <summary>A sample as a Word document: tab-separated lines become table rows, others paragraphs.</summary>
    public static byte[] Docx(string prefix)
    {
        var lines = Encoding.UTF8.GetString(Sample(prefix)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            Table? table = null;
            foreach (var line in lines)
            {
                if (line.Contains('\t', StringComparison.Ordinal))
                {
                    table ??= new Table();
                    var row = new TableRow();
                    foreach (var cell in line.Split('\t'))
                    {
                        row.Append(new TableCell(new Paragraph(new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve }))));
                    }

                    table.Append(row);
                    continue;
                }

                if (table is not null)
                {
                    body.Append(table);
                    table = null;
                }

                body.Append(new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            }

            if (table is not null)
            {
                body.Append(table);
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Minutes of a public meeting with public minutes, a named citizen in the text; held in 令和<paramref name="reiwa"/>年度.</summary>
    public static byte[] PublicMinutes(int n, string body = "テスト審議会", bool closedMinutes = false, int reiwa = 5)
    {
        var minutesBoxes = closedMinutes
            ? """<input type="checkbox"/> 公開 <input checked="" type="checkbox"/> 非公開 <input type="checkbox"/> 一部非公開"""
            : """<input checked="" type="checkbox"/> 公開 <input type="checkbox"/> 非公開 <input type="checkbox"/> 一部非公開""";
        var day = 1 + (n % 28);
        var month = 4 + (n % 9);
        var text = string.Create(CultureInfo.InvariantCulture, $"""


            会 議 録

            附属機関又は 会議体の名称		令和{reiwa}年度 第{n}回{body}
            事務局(担当課)		総務部総務課
            開催日時		令和{reiwa}年{month}月{day}日 14:00 ~15:00
            開催場所		第一会議室(本庁舎3階)
            議 題		(1) 第{n}号議案について
            公開の 可否	会 議	<input checked="" type="checkbox"/> 公開 <input type="checkbox"/> 非公開 <input type="checkbox"/> 一部非公開
            	会議録	{minutesBoxes}
            出席者	委 員	会長、副会長、委員(3名)
            	事務局	総務課長

            会長	ただいまより第{n}回{body}を開催します。

            総務課長	区民の佐藤花子さんから第{n}号議案について意見が寄せられました。

            —議題について案のとおり承認—

            会長	以上で閉会します。

            """);
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Bytes that are no minutes in any encoding: NULs, invalid UTF-8, random noise.</summary>
    public static byte[] Poison()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0;
        bytes[1] = 0xFF;
        bytes[2] = 0xFE;
        bytes[3] = 0;
        return bytes;
    }
}
