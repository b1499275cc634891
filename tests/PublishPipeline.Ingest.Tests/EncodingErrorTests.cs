using System.Text;
using PublishPipeline.Tests;

namespace PublishPipeline.Ingest.Tests;

/// <summary>
/// A Shift_JIS (or EUC-JP) file with one damaged character is rejected with the byte offset and the
/// line of that character in the original file, not the offset of the first byte that is not UTF-8.
/// </summary>
public sealed class EncodingErrorTests
{
    private static (byte[] Bytes, int DamagedAt, int Line) Damaged(int codePage, byte[] damage)
    {
        var text = Variants.Representable(File.ReadAllText(RepoPaths.Sample("000")), codePage);
        var bytes = Variants.Strict(codePage).GetBytes(text);
        var lineStarts = 0;
        var at = 0;
        for (var i = 0; i < bytes.Length && lineStarts < 20; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts++;
                at = i + 1;
            }
        }

        var damaged = bytes.Take(at).Concat(damage).Concat(bytes.Skip(at)).ToArray();
        return (damaged, at, 21);
    }

    [Theory]
    [InlineData(932, new byte[] { 0x81, 0x20 }, "Shift_JIS")] // a lead byte without its second byte
    [InlineData(932, new byte[] { 0xFD }, "Shift_JIS")] // a byte Shift_JIS never uses
    [InlineData(51932, new byte[] { 0xA4, 0x20 }, "EUC-JP")]
    public void The_error_points_at_the_damaged_character_in_the_files_own_bytes(int codePage, byte[] damage, string encoding)
    {
        var (bytes, at, line) = Damaged(codePage, damage);
        var ex = Assert.Throws<MinutesFormatException>(() => MinutesReader.Read(new SourceFile("damaged.txt", bytes)));
        Assert.Equal("encoding", ex.Code);
        Assert.Equal(line, ex.Line);
        Assert.Contains($"read as {encoding}", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"at byte offset {at} (line {line})", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_grammar_scanners_agree_with_the_decoders_on_valid_text()
    {
        var text = Variants.Representable(File.ReadAllText(RepoPaths.Sample("001")), 932);
        Assert.Equal(-1, LegacyEncodingErrors.FirstShiftJisError(Variants.Strict(932).GetBytes(text)));
        Assert.Equal(-1, LegacyEncodingErrors.FirstEucJpError(Variants.Strict(51932).GetBytes(Variants.Representable(text, 51932))));
    }
}

/// <summary>The readers' time backstop ends a read with the limit and the place, like every other limit.</summary>
public sealed class ReadTimeLimitTests
{
    [Fact]
    public void A_read_past_its_time_is_a_limit_error_that_says_where_it_stopped()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("委員 発言します。\n", 2_000)));
        ReadLimits.MaxReadTimeOnThisThread = TimeSpan.Zero;
        try
        {
            var ex = Assert.Throws<MinutesFormatException>(() => MinutesReader.Read(new SourceFile("slow.txt", text)));
            Assert.Equal("limit", ex.Code);
            Assert.Contains("reading took longer than 0 s (stopped at line ", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            ReadLimits.MaxReadTimeOnThisThread = null;
        }

        Assert.NotEmpty(MinutesReader.Read(new SourceFile("slow.txt", text)).Blocks); // the normal limit reads it
    }
}
