using System.Text;
using PublishPipeline.LocalSite;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A large document's stages start with a full collection of the garbage the stage before left
/// (a 30 MB upload's whole publish peaked at 250–300 MB with 26–93 MB live); a small document's
/// never do, so an archive of ordinary minutes pays nothing.
/// </summary>
public sealed class StageGarbageTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-garbage-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Only_a_document_over_the_whole_read_limit_is_collected_for()
    {
        var before = StageGarbage.Collections;
        var gen2 = GC.CollectionCount(2);
        Assert.False(StageGarbage.CollectBefore(0));
        Assert.False(StageGarbage.CollectBefore(MinutesPipeline.WholeReadLimit));
        Assert.True(StageGarbage.CollectBefore(MinutesPipeline.WholeReadLimit + 1));
        Assert.True(StageGarbage.Collections > before);
        Assert.True(GC.CollectionCount(2) > gen2);
    }

    [Fact]
    public async Task A_large_uploads_publish_collects_before_redaction_the_page_the_search_contribution_and_the_indexes()
    {
        var input = Path.Combine(_root.FullName, "in");
        Directory.CreateDirectory(input);
        var file = Path.Combine(input, "long.txt");
        await File.WriteAllBytesAsync(file, LongMinutes());
        var store = new FileSystemObjectStore(Path.Combine(_root.FullName, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") });
        var before = StageGarbage.Collections;
        var report = await new FolderPublisher(new MinutesPipeline(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions())))
            .PublishAsync(new Dictionary<string, string> { ["long.txt"] = file });
        Assert.Equal(1, report.Count(DocumentOutcome.Published));
        using (var redacted = await store.OpenAsync(Containers.Redacted, PipelineNames.Document(report.Documents[0].Id!)))
        {
            Assert.True(redacted!.Length > MinutesPipeline.WholeReadLimit); // large, as the stages judge it
        }

        // Before redaction, before the page, before the search contribution, before the indexes
        // (other tests running beside this one may add theirs, never take any away).
        Assert.True(StageGarbage.Collections - before >= 4, $"{StageGarbage.Collections - before} collections");
    }

    /// <summary>Public minutes of a few thousand turns: over 4 MB of normalised JSON.</summary>
    private static byte[] LongMinutes()
    {
        var text = Encoding.UTF8.GetString(TestUploads.PublicMinutes(7));
        var turns = new StringBuilder();
        for (var n = 0; n < 9_000; n++)
        {
            turns.Append("会長\t第").Append(n).Append("の論点について、事務局から資料に沿って説明をお願いします。意見のある方は挙手をお願いします。\n\n")
                .Append("総務課長\t資料").Append(n).Append("をご覧ください。前回の審議を受けて、案の文言を改めた箇所を示しています。\n\n");
        }

        return Encoding.UTF8.GetBytes(text.Replace("会長\t以上で閉会します。", turns + "会長\t以上で閉会します。", StringComparison.Ordinal));
    }
}
