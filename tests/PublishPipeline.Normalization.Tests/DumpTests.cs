using PublishPipeline.Model;
using PublishPipeline.Tests;

namespace PublishPipeline.Normalization.Tests;

public class DumpTests(SampleFixture samples) : IClassFixture<SampleFixture>
{
    [Fact]
    public void Dump()
    {
        foreach (var p in new[] { "000", "001", "002", "003", "004" })
        {
            File.WriteAllBytes(Path.Combine("/tmp", "norm-" + p + ".json"), MinutesJson.Serialize(samples[p]));
        }

        Assert.NotNull(RepoPaths.Root);
    }
}

public class BlockDumpTests
{
    [Fact]
    public void DumpBlocks()
    {
        foreach (var path in RepoPaths.SampleFiles)
        {
            var doc = PublishPipeline.Ingest.MinutesReader.Read(new PublishPipeline.Ingest.SourceFile(Path.GetFileName(path), File.ReadAllBytes(path)));
            var lines = doc.Blocks.Select(b => b switch
            {
                PublishPipeline.Ingest.TableRowBlock r => $"{b.Line} ROW " + string.Join(" ‖ ", r.Cells.Select(c => string.Join(" ¶ ", c.Paragraphs))),
                _ => $"{b.Line} {b}",
            });
            File.WriteAllLines("/tmp/blocks-" + Path.GetFileName(path)[..3] + ".txt", lines);
        }
    }
}
