using System.Text.Json.Nodes;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>The index lock and coalescing on the file-system store (the CLI's), including a crashed holder.</summary>
public sealed class SiteIndexTests : IDisposable
{
    private readonly TempSiteStore _temp = new("pp-index-");

    private FileSystemObjectStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    private MinutesPipeline NewPipeline(PipelineOptions? options = null) =>
        new(Store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()), options: options);

    [Fact]
    public async Task Concurrent_publishes_through_separate_pipelines_all_reach_the_catalogue()
    {
        var names = Enumerable.Range(0, 24).Select(i => $"c/{i}.txt").ToList();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            await Store.PutAsync(Containers.Uploads, name, TestUploads.PublicMinutes(200 + i), ObjectProperties.None);
        }

        // Separate pipeline objects stand in for separate handler instances: they share only the store.
        await Task.WhenAll(names.Select(name => Task.Run(() => NewPipeline().PublishAsync(name))));

        var catalog = JsonNode.Parse((await Store.GetAsync(Containers.Web, SiteUrls.CatalogPath))!.Content.Span)!;
        var ids = catalog["minutes"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Select(MinutesId.FromSourceName).Order(), ids.Order());
    }

    [Fact]
    public async Task A_lock_left_by_a_crashed_holder_is_taken_over_after_its_lease()
    {
        await Store.PutAsync(Containers.Uploads, "a.txt", TestUploads.PublicMinutes(300), ObjectProperties.None);
        var stale = """{"requested":5,"built":4,"holder":"crashed-instance","leaseUntil":"2000-01-01T00:00:00+00:00","files":{}}"""u8.ToArray();
        await Store.PutAsync(Containers.Audit, PipelineNames.SiteIndexState, stale, ObjectProperties.None);

        var results = await NewPipeline().PublishAsync("a.txt");

        Assert.Equal(StageOutcome.Done, results[^1].Outcome);
        var state = JsonNode.Parse((await Store.GetAsync(Containers.Audit, PipelineNames.SiteIndexState))!.Content.Span)!;
        Assert.Null(state["holder"]);
        Assert.True(state["built"]!.GetValue<long>() >= 6);
        Assert.Contains(MinutesId.FromSourceName("a.txt"), (await File.ReadAllTextAsync(Path.Combine(_temp.SitePath, SiteUrls.CatalogPath))));
    }

    [Fact]
    public async Task A_live_lock_makes_callers_wait_and_then_fail_for_a_retry_not_publish_half()
    {
        await Store.PutAsync(Containers.Uploads, "b.txt", TestUploads.PublicMinutes(301), ObjectProperties.None);
        var live = System.Text.Encoding.UTF8.GetBytes(
            """{"requested":1,"built":0,"holder":"busy","leaseUntil":""" + "\"" + DateTimeOffset.UtcNow.AddHours(1).ToString("O") + "\"" + ""","files":{}}""");
        await Store.PutAsync(Containers.Audit, PipelineNames.SiteIndexState, live, ObjectProperties.None);

        var pipeline = NewPipeline(new PipelineOptions { IndexWaitTimeout = TimeSpan.FromSeconds(1) });
        await Assert.ThrowsAsync<TimeoutException>(() => pipeline.PublishAsync("b.txt"));

        // The page may exist (it is complete), but no index lists the document yet: nothing half-built.
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.CatalogPath));
    }

    [Fact]
    public async Task A_holder_whose_lease_was_taken_over_stops_writing_and_forgets_the_recorded_hashes()
    {
        foreach (var (name, n) in new[] { ("l1.txt", 310), ("l2.txt", 311) })
        {
            await Store.PutAsync(Containers.Uploads, name, TestUploads.PublicMinutes(n), ObjectProperties.None);
        }

        var time = new ShiftedTime();
        var store = new InterceptingStore(Store);
        var pipeline = new MinutesPipeline(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()), time: time);
        await pipeline.PublishAsync("l1.txt");
        await pipeline.PublishAsync("l2.txt", updateIndexes: false); // the indexes now lag behind: several files to write

        var writesAfterTakeover = 0;
        var takenOver = false;
        store.AfterWebWrite = async () =>
        {
            if (takenOver)
            {
                writesAfterTakeover++;
                return;
            }

            if (store.Busy)
            {
                return; // the takeover's own writes
            }

            // The first holder is slow: its lease runs out and another invocation in the same
            // process (same SiteIndex) takes the lock and rebuilds to completion.
            store.Busy = true;
            time.Offset += TimeSpan.FromMinutes(10);
            await pipeline.Index.UpdateAsync();
            takenOver = true;
        };

        await pipeline.Index.UpdateAsync();

        Assert.True(takenOver);
        Assert.Equal(0, writesAfterTakeover);
        var state = JsonNode.Parse((await Store.GetAsync(Containers.Audit, PipelineNames.SiteIndexState))!.Content.Span)!;
        Assert.Null(state["holder"]);
        Assert.Null(state["fingerprint"]);
        Assert.Empty(state["files"]!.AsObject());

        // The next rebuild relists $web and so still lists both documents.
        store.AfterWebWrite = null;
        await pipeline.Index.UpdateAsync();
        var catalog = JsonNode.Parse((await Store.GetAsync(Containers.Web, SiteUrls.CatalogPath))!.Content.Span)!;
        Assert.Equal(2, catalog["minutes"]!.AsArray().Count);
    }

    private sealed class ShiftedTime : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
