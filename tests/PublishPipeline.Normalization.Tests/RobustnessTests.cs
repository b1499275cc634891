using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Tests;

namespace PublishPipeline.Normalization.Tests;

/// <summary>Uploads vary far more than the samples: shuffled, truncated and garbled inputs must still give a document.</summary>
public class RobustnessTests
{
    [Fact]
    public void Shuffled_truncated_and_garbled_blocks_never_throw()
    {
        var blocks = RepoPaths.SampleFiles.SelectMany(p => MinutesReader.Read(new SourceFile(Path.GetFileName(p), File.ReadAllBytes(p))).Blocks).ToList();
        var random = new Random(20261123);
        for (var round = 0; round < 200; round++)
        {
            var picked = blocks.OrderBy(_ => random.Next()).Take(random.Next(0, 60)).Select(b => Garble(b, random)).ToList();
            var m = new MinutesNormalizer().Normalize(new SourceDocument("fuzz.txt", SourceFormat.Text, "utf-8", picked, new string('0', 64), 0), "m0000000000000000");
            Assert.All(m.Sections.SelectMany(s => s.Turns), t =>
            {
                Assert.False(string.IsNullOrWhiteSpace(t.Text));
                Assert.DoesNotContain("\t", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("<p>", t.Text, StringComparison.Ordinal);
            });
            Assert.All(m.Warnings, w => Assert.NotNull(w.Line));
            _ = MinutesJson.Serialize(m);
        }
    }

    private static SourceBlock Garble(SourceBlock block, Random random)
    {
        if (random.Next(4) != 0)
        {
            return block;
        }

        static string Cut(string s, Random r) => s.Length == 0 ? s : s[..r.Next(s.Length)] + "(" + "：" + "\t" + "〔";
        return block switch
        {
            ParagraphBlock p => p with { Text = Cut(p.Text, random) },
            HeadingBlock h => h with { Text = Cut(h.Text, random) },
            TableRowBlock r => r with { Cells = [.. r.Cells.Take(random.Next(0, r.Cells.Count + 1)).Select(c => new TableCell([.. c.Paragraphs.Select(x => Cut(x, random))]))] },
            _ => block,
        };
    }

    [Theory]
    [InlineData("")]
    [InlineData("(")]
    [InlineData("（）")]
    [InlineData("：")]
    [InlineData("会長")]
    [InlineData("(会長")]
    [InlineData("―")]
    [InlineData("令和元年")]
    [InlineData("第回")]
    [InlineData("1.")]
    public void Single_odd_lines_never_throw(string line)
    {
        var m = new Doc().P(line).Row(line).Row("", line, line).H(2, line).Normalize();
        Assert.NotNull(m);
    }
}
