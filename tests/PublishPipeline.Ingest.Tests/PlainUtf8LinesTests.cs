using System.Text;
using PublishPipeline.Tests;

namespace PublishPipeline.Ingest.Tests;

/// <summary>
/// Plain UTF-8 text is read from its bytes a line at a time (PlainTextReader.ReadUtf8), never decoded
/// whole: the blocks, their text and their line numbers must be exactly those of reading the decoded
/// text, whatever the line breaks, and text that needs composing or holds nothing must be left to
/// the general path.
/// </summary>
public class PlainUtf8LinesTests
{
    private static void AssertSameAsDecoded(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(SourceDecoder.IsPlainUtf8(bytes));
        var decoded = PlainTextReader.Read(text);
        var lines = PlainTextReader.ReadUtf8(bytes);
        Assert.NotNull(lines);
        Assert.NotEmpty(decoded);
        Assert.Equal(decoded, lines);
    }

    [Fact]
    public void The_text_samples_read_the_same_line_by_line()
    {
        foreach (var prefix in new[] { "000", "001", "002", "003" })
        {
            var text = File.ReadAllText(RepoPaths.Sample(prefix), Encoding.UTF8);
            AssertSameAsDecoded(text);
            AssertSameAsDecoded(text.ReplaceLineEndings("\r\n"));
            AssertSameAsDecoded(text.ReplaceLineEndings("\r"));
        }
    }

    [Fact]
    public void Breaks_tables_fragments_and_markers_read_the_same_line_by_line()
    {
        const string Text = "会議録\r\n\r\n開催日時\t令和5年4月1日\t\r\n\t\t午前10時\r出席者\t<p>委員</p><p>山田</p>\n"
            + "○議長（山田太郎君）　ただいまから\fページ\n----\t---\n【非公開】\n本文 <!-- 非公開 --> 続き <!-- /非公開 -->\n"
            + "<b>太字</b>の行\n   \n\u3000字下げ\n最後の行に改行なし";
        AssertSameAsDecoded(Text);
        AssertSameAsDecoded(Text + "\n");
        AssertSameAsDecoded(Text + "\r\n\r\n");
        // Lines longer than the buffer so far (it grows), then short ones again.
        AssertSameAsDecoded("短い行\n" + string.Concat(Enumerable.Repeat("○議長（山田太郎君）　長い発言です。", 400)) + "\n次の行\n" + new string('a', 3000) + "\n末尾");
    }

    [Fact]
    public void Text_to_compose_or_without_text_is_left_to_the_general_path()
    {
        // カ + combining ゛ (NFD, as macOS writes it) needs composing into ガ.
        Assert.Null(PlainTextReader.ReadUtf8(Encoding.UTF8.GetBytes("会議録\n委員　カ\u3099ワ\n")));
        Assert.Null(PlainTextReader.ReadUtf8(Encoding.UTF8.GetBytes(" \n\f\n\u3000\r\n")));
        Assert.False(SourceDecoder.IsPlainUtf8([0xEF, 0xBB, 0xBF, (byte)'a']));
        Assert.False(SourceDecoder.IsPlainUtf8("a\u0001b"u8));
        Assert.False(SourceDecoder.IsPlainUtf8([0x82, 0xA0])); // Shift_JIS あ
    }

    [Fact]
    public void An_upload_read_line_by_line_is_read_as_before()
    {
        // Through the reader's door: composed text, a form feed only, and plain text each take their path.
        var nfd = MinutesReader.Read(new SourceFile("nfd.txt", Encoding.UTF8.GetBytes("会議録\n委員　カ\u3099ワ\n")));
        Assert.Contains(nfd.Blocks, b => b is ParagraphBlock { Text: "委員　ガワ" });
        var blank = Assert.Throws<MinutesFormatException>(() => MinutesReader.Read(new SourceFile("blank.txt", Encoding.UTF8.GetBytes("\f\n \n"))));
        Assert.Equal("empty", blank.Code);
        var plain = MinutesReader.Read(new SourceFile("plain.txt", Encoding.UTF8.GetBytes("会議録\r\n委員　発言\r\n")));
        Assert.Equal(SourceFormat.Text, plain.Format);
        Assert.Equal("utf-8", plain.EncodingName);
        Assert.Equal([new ParagraphBlock(1, "会議録"), new ParagraphBlock(2, "委員　発言")], plain.Blocks);
    }
}
