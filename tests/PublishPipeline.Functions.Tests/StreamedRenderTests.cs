using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The render stage writes a large document's page and open data into $web as they are made
/// (<see cref="SiteBuilder.StreamMinutes"/>): what is stored, its recorded hash and the render
/// record must be as for a page built whole, and a render again rewrites nothing unchanged.
/// </summary>
public sealed class StreamedRenderTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-streamed-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task A_large_documents_page_and_open_data_are_stored_as_built_whole_and_not_rewritten_when_unchanged()
    {
        var store = new FileSystemObjectStore(Path.Combine(_root.FullName, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") });
        var site = new SiteBuilder(new SiteOptions()) { StreamedTextChars = 20_000 };
        var pipeline = new MinutesPipeline(store, new Redactor(new RedactionPolicy()), site);
        var id = MinutesId.FromSourceName("long.txt");
        var minutes = Long(id);
        Assert.NotNull(site.StreamMinutes(minutes));

        await PutRedactedAsync(store, minutes);
        var first = await pipeline.RenderAsync(PipelineNames.Document(id), updateIndexes: false);
        Assert.Equal(StageOutcome.Done, first.Outcome);
        var built = site.BuildMinutes(minutes);
        Assert.Equal(2, built.Count);
        foreach (var file in built)
        {
            var stored = await store.GetAsync(Containers.Web, file.Path);
            Assert.NotNull(stored);
            Assert.True(stored.Content.Span.SequenceEqual(file.Content.Span), $"{file.Path} differs from the page built whole");
            Assert.Equal(file.ContentHash, stored.Properties.Metadata[MetadataKeys.ContentSha256]);
            Assert.Equal(id, stored.Properties.Metadata[MetadataKeys.MinutesId]);
            Assert.Equal((file.ContentType, file.CacheControl, (string?)null), (stored.Properties.ContentType, stored.Properties.CacheControl, stored.Properties.ContentEncoding));
        }

        // Only a private warning more: rendered again, and every file (the streamed two by their
        // hash in the render record) is found the same and left alone.
        await PutRedactedAsync(store, minutes with { Warnings = [new NormalizationWarning("test", "a warning the site does not show")] });
        var pageWritten = File.GetLastWriteTimeUtc(Path.Combine(_root.FullName, "site", built[0].Path));
        var again = await pipeline.RenderAsync(PipelineNames.Document(id), updateIndexes: false);
        Assert.Equal(StageOutcome.Done, again.Outcome);
        Assert.StartsWith("0 of ", again.Message, StringComparison.Ordinal);
        Assert.Equal(pageWritten, File.GetLastWriteTimeUtc(Path.Combine(_root.FullName, "site", built[0].Path)));

        // A change the page shows: both streamed files are written again.
        var changed = minutes with { Title = minutes.Title + "（訂正）" };
        await PutRedactedAsync(store, changed);
        var third = await pipeline.RenderAsync(PipelineNames.Document(id), updateIndexes: false);
        Assert.Equal(StageOutcome.Done, third.Outcome);
        foreach (var file in site.BuildMinutes(changed))
        {
            Assert.True((await store.GetAsync(Containers.Web, file.Path))!.Content.Span.SequenceEqual(file.Content.Span), $"{file.Path} was not written again");
        }
    }

    private static Minutes Long(string id)
    {
        var turns = new List<SpeakerTurn>();
        for (var i = 0; turns.Sum(t => t.Text.Length) < 30_000; i++)
        {
            turns.Add(new SpeakerTurn { Speaker = "𠮷田委員", Text = $"{i}番目の発言です。<資料>&\"について\n" + new string('あ', i * 53 % 1999) });
        }

        return new Minutes { Id = id, Title = "令和6年 第1回 長い委員会", Date = new DateOnly(2024, 5, 23), Sections = [new Section("審議", turns)] };
    }

    private static Task<string> PutRedactedAsync(FileSystemObjectStore store, Minutes minutes) =>
        store.PutAsync(
            Containers.Redacted,
            PipelineNames.Document(minutes.Id),
            MinutesJson.Serialize(minutes),
            new ObjectProperties { Metadata = new Dictionary<string, string> { [MetadataKeys.PolicyVersion] = "test", [MetadataKeys.SourceName] = ObjectMetadata.Encode("long.txt") } });
}
