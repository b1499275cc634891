using System.Text;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Redaction.Disclosure;
using PublishPipeline.Tests;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// An upload is normalised as its blocks are read (<see cref="MinutesReader.Open"/>), so a long one
/// never has all its blocks alive at once: the document, the ledger's warnings and every error must
/// be exactly those of reading all the blocks first (<see cref="MinutesReader.Read"/>).
/// </summary>
public class StreamedBlocksTests
{
    private static SourceFile Text(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    private static string Json(Minutes minutes) => Encoding.UTF8.GetString(MinutesJson.Serialize(minutes));

    private static void AssertSameAsReadFirst(SourceFile file)
    {
        var streamed = MinutesNormalizer.Normalize(file);
        var readFirst = new MinutesNormalizer().Normalize(MinutesReader.Read(file), MinutesId.FromSourceName(file.Name));
        Assert.Equal(Json(readFirst), Json(streamed));
    }

    [Fact]
    public void The_samples_normalise_the_same_streamed_as_read_first()
    {
        foreach (var prefix in new[] { "000", "001", "002", "003", "004" })
        {
            var path = RepoPaths.Sample(prefix);
            AssertSameAsReadFirst(new SourceFile(Path.GetFileName(path), File.ReadAllBytes(path)));
        }

        // Markdown is handed on a part at a time: sample 004 in parts (its proceedings repeated past one part).
        var markdown = File.ReadAllText(RepoPaths.Sample("004"));
        AssertSameAsReadFirst(Text("long.md", markdown + string.Concat(Enumerable.Repeat(markdown[markdown.IndexOf("\n## ", StringComparison.Ordinal)..], 3))));
    }

    [Fact]
    public void Plain_text_blocks_come_one_line_at_a_time()
    {
        // The line that breaks a limit is far down: the blocks before it are handed on before it is read.
        var text = "会議録\n会長 開会します。\n" + string.Concat(Enumerable.Repeat("<section>", 1_000)) + "\n委員 発言します。\n";
        using var blocks = MinutesReader.Open(Text("deep-later.txt", text)).Blocks.GetEnumerator();
        Assert.True(blocks.MoveNext());
        Assert.Equal(new ParagraphBlock(1, "会議録"), blocks.Current);
        Assert.True(blocks.MoveNext());
        Assert.Equal(2, blocks.Current.Line);
        var streamed = Assert.Throws<MinutesFormatException>(() => blocks.MoveNext());

        // The same error, with the same code and place, whichever door reads it.
        var readFirst = Assert.Throws<MinutesFormatException>(() => MinutesReader.Read(Text("deep-later.txt", text)));
        var normalised = Assert.Throws<MinutesFormatException>(() => MinutesNormalizer.Normalize(Text("deep-later.txt", text)));
        Assert.Equal("limit", readFirst.Code);
        Assert.Equal((readFirst.Code, readFirst.Message), (streamed.Code, streamed.Message));
        Assert.Equal((readFirst.Code, readFirst.Message), (normalised.Code, normalised.Message));
    }

    [Fact]
    public void The_blocks_are_read_on_the_time_the_reading_left_not_on_a_new_clock()
    {
        // The clock stops between blocks (what the normaliser does then is not reading) and resumes
        // with what was left: a limit the thread sets after the upload was opened does not apply to it.
        var text = "会議録\n会長 開会します。\n委員 発言します。\n";
        var opened = MinutesReader.Open(Text("clock.txt", text));
        try
        {
            ReadLimits.MaxReadTimeOnThisThread = TimeSpan.Zero;
            Assert.Equal(3, opened.Blocks.Count());
            var late = Assert.Throws<MinutesFormatException>(() => MinutesReader.Open(Text("clock.txt", text)).Blocks.Count());
            Assert.Equal("limit", late.Code);
        }
        finally
        {
            ReadLimits.MaxReadTimeOnThisThread = null;
        }
    }

    [Fact]
    public void An_upload_whose_text_makes_no_block_is_empty_through_either_door()
    {
        var readFirst = Assert.Throws<MinutesFormatException>(() => MinutesReader.Read(Text("tags.txt", "<p></p>\n<p> </p>\n")));
        var normalised = Assert.Throws<MinutesFormatException>(() => MinutesNormalizer.Normalize(Text("tags.txt", "<p></p>\n<p> </p>\n")));
        Assert.Equal("empty", readFirst.Code);
        Assert.Equal((readFirst.Code, readFirst.Message), (normalised.Code, normalised.Message));
    }

    [Theory]
    [InlineData("<!-- 非公開 -->開催日時\t\t令和5年6月1日(木) 10時～11時")] // the marker is read before its row
    [InlineData("開催日時\t\t令和5年6月1日(木) 10時～11時 <!-- 非公開 -->")] // and after it
    public void A_marker_split_out_of_a_header_row_is_unplaced_with_the_row_named(string dateLine)
    {
        var text = "会議録\n会議体の名称\t\t第1回テスト審議会\n" + dateLine + "\n審議経過\n会長 開会します。\n";
        var streamed = MinutesNormalizer.Normalize(Text("marker.txt", text));
        var unplaced = Assert.Single(streamed.Warnings, w => w.Code == MarkerLedger.Code);
        Assert.Equal(3, unplaced.Line);
        Assert.Contains("開催日時", unplaced.Message, StringComparison.Ordinal);
        AssertSameAsReadFirst(Text("marker.txt", text));
    }
}
