using System.Text;

namespace PublishPipeline.Ingest.Tests;

/// <summary>
/// UTF-16 without a byte-order mark, in the full-width text most minutes are typed in: few ASCII
/// characters, many ideographic spaces (U+3000) and 一 (U+4E00), whose NUL bytes fall in the other
/// parity than ASCII's. Before, half the dev corpus's plain-text minutes saved so were refused as binary.
/// </summary>
public class Utf16WithoutBomTests
{
    private const string FullWidth =
        "　　　令和６年第１回架空市議会定例会会議録（第一号）\n"
        + "一　開催日時　令和６年３月１日（金）午前１０時\n"
        + "一　開催場所　議場\n"
        + "一　出席議員（二十名）\n"
        + "　　一番　　一　ノ　瀬　　一　　　二番　　山　田　一　郎\n"
        + "○議長（一色一郎君）　ただいまから本日の会議を開きます。\n";

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Full_width_minutes_read_in_either_byte_order(bool bigEndian, string label)
    {
        var text = string.Concat(Enumerable.Repeat(FullWidth, 4));
        var reference = MinutesReader.Read(new SourceFile("a.txt", Encoding.UTF8.GetBytes(text)));
        var document = MinutesReader.Read(new SourceFile("a.txt", new UnicodeEncoding(bigEndian, false).GetBytes(text)));

        Assert.Equal(label, document.EncodingName);
        Assert.Equal(reference.Blocks, document.Blocks);
    }

    [Fact]
    public void Binary_with_nuls_in_both_parities_is_still_refused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i += 7)
        {
            bytes[i] = 0;
        }

        var ex = Assert.Throws<MinutesFormatException>(() => MinutesReader.Read(new SourceFile("a.bin", bytes)));
        Assert.Equal("encoding", ex.Code);
    }
}
