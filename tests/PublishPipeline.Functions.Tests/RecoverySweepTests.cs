using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>The recovery sweep: stuck documents finished, young and current ones left alone, a bounded run, the poison queue.</summary>
public sealed class RecoverySweepTests : IDisposable
{
    private static readonly Redactor Redactor = new(new RedactionPolicy());
    private static readonly SiteBuilder Site = new(new SiteOptions());

    private readonly TempSiteStore _temp = new("pp-recovery-");

    private FileSystemObjectStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    private static MinutesPipeline Pipeline(IObjectStore store, PipelineOptions? options = null, TimeProvider? time = null) =>
        new(store, Redactor, Site, options: options, time: time);

    private static async Task<List<string>> CatalogIdsAsync(IObjectStore store)
    {
        var catalog = JsonNode.Parse((await store.GetAsync(Containers.Web, SiteUrls.CatalogPath))!.Content.Span)!;
        return [.. catalog["minutes"]!.AsArray().Select(m => m!["id"]!.GetValue<string>())];
    }

    /// <summary>container/name → ETag of every object but the index state and run reports.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var container in Containers.All)
        {
            await foreach (var item in Store.ListAsync(container))
            {
                if (!item.Name.StartsWith(PipelineNames.StatePrefix, StringComparison.Ordinal) || item.Name.StartsWith(PipelineNames.RenderedPrefix, StringComparison.Ordinal))
                {
                    snapshot[$"{container}/{item.Name}"] = item.ETag;
                }
            }
        }

        return snapshot;
    }

    [Fact]
    public async Task A_sweep_finishes_chains_stuck_at_any_stage_in_one_run_and_redoes_nothing_done()
    {
        string Id(string name) => MinutesId.FromSourceName(name);

        // "Just now" is the moment the uploads were written, however long writing them takes here.
        var justNow = new FixedTime(DateTimeOffset.UtcNow);
        foreach (var (name, n) in new[] { ("done.txt", 700), ("uploaded.txt", 701), ("normalised.txt", 702), ("redacted.txt", 703), ("rendered.txt", 704) })
        {
            await Store.PutAsync(Containers.Uploads, name, TestUploads.PublicMinutes(n), ObjectProperties.None);
        }

        // Each stuck where a transient failure (retries exhausted) stopped its chain.
        var pipeline = Pipeline(Store);
        await pipeline.PublishAsync("done.txt");
        await pipeline.NormalizeAsync("normalised.txt");
        await pipeline.NormalizeAsync("redacted.txt");
        await pipeline.RedactAsync(Id("redacted.txt") + ".json");
        await pipeline.PublishAsync("rendered.txt", updateIndexes: false);
        var done = (await SnapshotAsync()).Where(kv => kv.Key.Contains(Id("done.txt"), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(done);

        // Just now: the triggers may still be on them, so the sweep leaves them (only the indexes are brought up to date).
        var early = await Pipeline(Store, time: justNow).RecoverAsync();
        Assert.Empty(early.Normalized.Concat(early.Reredacted).Concat(early.Rerendered));
        Assert.Equal([Id("done.txt"), Id("rendered.txt")], (await CatalogIdsAsync(Store)).Order());

        // Minutes later: one run takes every stuck document to the end of its chain. The clock
        // stands still during the run, so its time budget cannot run out on a slow machine.
        var later = new FixedTime(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(10));
        var report = await Pipeline(Store, time: later).RecoverAsync();

        Assert.Equal([Id("uploaded.txt")], report.Normalized);
        Assert.Equal(new[] { "normalised.txt", "uploaded.txt" }.Select(Id).Order(), report.Reredacted.Order());
        Assert.Equal(new[] { "normalised.txt", "redacted.txt", "uploaded.txt" }.Select(Id).Order(), report.Rerendered.Order());
        Assert.Equal(new[] { "done.txt", "normalised.txt", "redacted.txt", "rendered.txt", "uploaded.txt" }.Select(Id).Order(), (await CatalogIdsAsync(Store)).Order());
        Assert.Empty(await SiteLinkCheck.BrokenLinksAsync(Store, Site.Urls, reachableOnly: false));

        // What was done was compared, not redone.
        var after = await SnapshotAsync();
        Assert.All(done, kv => Assert.Equal(kv.Value, after[kv.Key]));

        // And the next sweep finds nothing to do: no writes, no report (the two runs that changed something wrote one each).
        var next = await Pipeline(Store, time: later).RecoverAsync();
        Assert.False(next.ChangedAnything);
        Assert.Equal(after, await SnapshotAsync());
        var reports = 0;
        await foreach (var item in Store.ListAsync(Containers.Audit, MinutesPipeline.RecoveryReportPrefix))
        {
            reports++;
        }

        Assert.Equal(2, reports);
    }

    [Fact]
    public async Task A_sweep_takes_at_most_its_budget_and_leaves_the_rest_for_the_next_run()
    {
        foreach (var n in new[] { 710, 711, 712 })
        {
            await Store.PutAsync(Containers.Uploads, $"stuck-{n}.txt", TestUploads.PublicMinutes(n), ObjectProperties.None);
        }

        var options = new PipelineOptions { RecoveryMaxDocuments = 2 };
        var later = new FixedTime(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(10));
        var first = await Pipeline(Store, options, later).RecoverAsync();

        Assert.Equal(2, first.Rerendered.Count);
        Assert.Equal([$"{Containers.Uploads}/stuck-712.txt"], first.LeftForNextRun);
        Assert.Equal(2, (await CatalogIdsAsync(Store)).Count);

        var second = await Pipeline(Store, options, later).RecoverAsync();
        Assert.Equal([MinutesId.FromSourceName("stuck-712.txt")], second.Rerendered);
        Assert.Empty(second.LeftForNextRun);
        Assert.Equal(3, (await CatalogIdsAsync(Store)).Count);
    }

    [Fact]
    public async Task Poisoned_deliveries_are_taken_at_once_and_completed_when_their_document_went_through()
    {
        var store = AzuriteServer.NewStore();
        var queue = new QueueServiceClient(AzuriteServer.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })
            .GetQueueClient("poison-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await store.EnsureContainersAsync();
            await queue.CreateAsync();

            // Another app's poisoned blob in the same account comes first.
            await queue.SendMessageAsync("""{"FunctionId":"Host.Functions.Other","BlobType":"BlockBlob","ContainerName":"another-app","BlobName":"x.txt","ETag":"\"0x1\""}""");
            foreach (var (name, n) in new[] { ("a.txt", 720), ("b.txt", 721), ("c.txt", 722) })
            {
                await store.PutAsync(Containers.Uploads, name, TestUploads.PublicMinutes(n), ObjectProperties.None);

                // As the host writes it after poisonBlobThreshold failed tries of NormalizeUpload.
                var etag = (await store.GetAsync(Containers.Uploads, name))!.ETag;
                await queue.SendMessageAsync(new JsonObject
                {
                    ["FunctionId"] = "Host.Functions.NormalizeUpload",
                    ["BlobType"] = "BlockBlob",
                    ["ContainerName"] = store.ContainerName(Containers.Uploads),
                    ["BlobName"] = name,
                    ["ETag"] = etag,
                }.ToJsonString());
            }

            // The uploads are seconds old: without their deliveries the grace would keep them
            // waiting. The budget is two documents, so two deliveries are taken.
            var deliveries = new PoisonedBlobDeliveries(queue, store.ContainerName);
            var report = await Pipeline(store, new PipelineOptions { RecoveryMaxDocuments = 2 }).RecoverAsync(deliveries);

            Assert.Equal(new[] { "a.txt", "b.txt" }.Select(MinutesId.FromSourceName).Order(), report.Rerendered.Order());
            Assert.Equal(new[] { "a.txt", "b.txt" }.Select(MinutesId.FromSourceName).Order(), (await CatalogIdsAsync(store)).Order());
            Assert.Null(await store.GetAsync(Containers.Normalized, MinutesId.FromSourceName("c.txt") + ".json"));

            // a's and b's deliveries are completed; c's waits for the next run, the other app's is back in view.
            var left = (await queue.PeekMessagesAsync(10)).Value.Select(m => m.Body.ToString()).ToList();
            Assert.Equal(2, left.Count);
            Assert.Contains(left, m => m.Contains("another-app", StringComparison.Ordinal));
            Assert.Contains(left, m => m.Contains("c.txt", StringComparison.Ordinal));
        }
        finally
        {
            await queue.DeleteIfExistsAsync();
            await store.DeleteContainersAsync();
        }
    }

    /// <summary>A clock that stands still (waits still take real time): "now" is what the test says, not how fast the machine is.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
