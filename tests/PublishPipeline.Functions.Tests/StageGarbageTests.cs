using System.Text;
using Microsoft.Extensions.Logging;
using PublishPipeline.LocalSite;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A large document's stages start with a full collection of the garbage the stage before left
/// (a 30 MB upload's whole publish peaked at 250–300 MB with 26–93 MB live); a small document's
/// never do, so an archive of ordinary minutes pays nothing. Each collection is in the pipeline's log.
/// </summary>
public sealed class StageGarbageTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-garbage-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Only_a_document_over_the_whole_read_limit_is_collected_for()
    {
        var gen2 = GC.CollectionCount(2);
        Assert.Null(StageGarbage.CollectBefore(0));
        Assert.Null(StageGarbage.CollectBefore(MinutesPipeline.WholeReadLimit));
        Assert.Equal(gen2, GC.CollectionCount(2)); // unless the collector made one of its own meanwhile
        Assert.NotNull(StageGarbage.CollectBefore(MinutesPipeline.WholeReadLimit + 1));
        Assert.True(GC.CollectionCount(2) > gen2);
    }

    [Fact]
    public async Task A_large_uploads_publish_collects_before_redaction_the_page_the_search_contribution_and_the_indexes_and_logs_each()
    {
        var input = Path.Combine(_root.FullName, "in");
        Directory.CreateDirectory(input);
        await File.WriteAllBytesAsync(Path.Combine(input, "long.txt"), LongMinutes());
        await File.WriteAllBytesAsync(Path.Combine(input, "short.txt"), TestUploads.PublicMinutes(8));
        var store = new FileSystemObjectStore(Path.Combine(_root.FullName, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") });
        var log = new Recorder();
        var report = await new FolderPublisher(new MinutesPipeline(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()), log))
            .PublishAsync(new Dictionary<string, string> { ["long.txt"] = Path.Combine(input, "long.txt"), ["short.txt"] = Path.Combine(input, "short.txt") });
        Assert.Equal(2, report.Count(DocumentOutcome.Published));
        var id = report.Documents.Single(d => d.SourceName == "long.txt").Id!;
        using (var redacted = await store.OpenAsync(Containers.Redacted, PipelineNames.Document(id)))
        {
            Assert.True(redacted!.Length > MinutesPipeline.WholeReadLimit); // large, as the stages judge it
        }

        // The large document's three stages and the indexes after them, each once; the short one's never.
        var collected = log.Lines.Where(l => l.StartsWith("A full collection before ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [$"redaction of {id}", $"the page of {id}", $"the search contribution of {id}", "the indexes of the run"],
            collected.Select(l => l["A full collection before ".Length..l.IndexOf(" (", StringComparison.Ordinal)]));
        Assert.All(collected, l => Assert.Matches(@"\(\d+ bytes of JSON, over the whole-read limit\): \d+ ms$", l));
    }

    /// <summary>The pipeline's log, line by line.</summary>
    private sealed class Recorder : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
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
