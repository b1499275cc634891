using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// Storage dies and comes back in the middle of a burst of uploads, through the real handler driven
/// as the host drives it (8 invocations at a time, 3 tries each, then the poison queue), and
/// through `minutes watch` at the same time; then one recovery sweep. Afterwards every document is
/// published in every index, held or quarantined, nothing is half-published, and no link of the
/// site points to a missing file.
/// </summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task An_outage_mid_burst_then_one_sweep_leaves_every_document_whole_everywhere_or_held()
    {
        await using var azurite = await DedicatedAzurite.StartAsync();

        // Fewer and quicker SDK retries than production, so an outage of seconds exhausts the
        // host's three tries the way a 25 s outage does with the production settings.
        var blobOptions = new BlobClientOptions();
        blobOptions.Retry.MaxRetries = 2;
        blobOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        blobOptions.Retry.Mode = RetryMode.Fixed;
        blobOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        var store = new BlobObjectStore(new BlobServiceClient(azurite.ConnectionString, blobOptions));
        await store.EnsureContainersAsync();

        // The recovery sweep runs after the grace (as its 5-minute timer would); a render waiting
        // for a lock nobody releases fails within a minute instead of the default 8. The lease is an
        // hour: a lock the outage left behind is never freed by its lease during the test, so the
        // test fails on it however fast or slow the machine is (instead of timing the settling).
        var options = new PipelineOptions { RecoveryGrace = TimeSpan.Zero, IndexWaitTimeout = TimeSpan.FromMinutes(1), IndexLease = TimeSpan.FromHours(1) };
        await using var handler = await HandlerHost.StartAsync(store, null, null, options, "MinutesStorage=" + azurite.ConnectionString);
        using var host = new EmulatedHost(handler, new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(PoisonedBlobDeliveries.QueueName));
        using var watcher = WatchProcess.Start(azurite.ConnectionString, "w-");

        // Before: four published minutes.
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in Enumerable.Range(0, 4))
        {
            await store.PutAsync(Containers.Uploads, $"before/{n}.txt", TestUploads.PublicMinutes(800 + n, n % 2 == 0 ? "テスト審議会" : "環境審議会"), ObjectProperties.None);
            expected[$"before/{n}.txt"] = "published";
        }

        await Task.WhenAll(expected.Keys.Select(host.DeliverAsync));

        var watched = new BlobObjectStore(new BlobServiceClient(azurite.ConnectionString), "w-");
        await watched.PutAsync(Containers.Uploads, "w1.txt", TestUploads.PublicMinutes(850), ObjectProperties.None);
        await watcher.WaitForAsync(() => PageExistsAsync(watched, "w1.txt"), "w1.txt published by minutes watch");

        // And done with it, indexes included: an outage in the middle of its index update would keep
        // it busy handing its lock back (retried until storage answers, up to a lease) instead of
        // polling, so it would say nothing of the outage until storage came back.
        await watcher.WaitForAsync(() => Task.FromResult(watcher.Output.Contains("w1.txt: ", StringComparison.Ordinal)), "minutes watch's line for w1.txt");

        // The burst: twelve new uploads (one closed, one unreadable) and two published minutes
        // corrected to 非公開, all at once.
        var burst = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var n in Enumerable.Range(0, 10))
        {
            burst[$"burst/{n}.txt"] = TestUploads.PublicMinutes(810 + n, (n % 3) switch { 0 => "テスト審議会", 1 => "環境審議会", _ => "港湾審議会" });
            expected[$"burst/{n}.txt"] = "published";
        }

        burst["burst/closed.txt"] = TestUploads.PublicMinutes(830, closedMinutes: true);
        expected["burst/closed.txt"] = "held";
        burst["burst/poison.bin"] = TestUploads.Poison();
        expected["burst/poison.bin"] = "quarantined";
        foreach (var n in new[] { 0, 1 })
        {
            burst[$"before/{n}.txt"] = TestUploads.PublicMinutes(800 + n, n % 2 == 0 ? "テスト審議会" : "環境審議会", closedMinutes: true);
            expected[$"before/{n}.txt"] = "held";
        }

        await Task.WhenAll(burst.Select(u => store.PutAsync(Containers.Uploads, u.Key, u.Value, ObjectProperties.None)));

        // Two uploads' events arrive only once storage is down: their invocations fail all three
        // tries for certain, so the poison queue and the sweep are tested however the rest of the
        // burst and the outage happen to interleave on this machine.
        string[] lateEvents = ["burst/8.txt", "burst/9.txt"];
        var chains = burst.Keys.Except(lateEvents).Select(host.DeliverAsync).ToList();

        // Storage dies while a rebuild holds the index lock, a few invocations into the burst (or,
        // should the burst finish before a rebuild is seen holding it, once the burst is done).
        var state = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(Containers.Audit).GetBlobClient(PipelineNames.SiteIndexState);
        while (!chains.All(c => c.IsCompleted) && !await LockHeldAsync(state))
        {
            await Task.Delay(20);
        }

        // Down until minutes watch has seen a poll fail through all of the storage SDK's retries
        // (4 exponential retries with jitter: 9.6–14.4 s) and an invocation has failed all its
        // tries: conditions, not a fixed time, so no machine is too slow or too fast for them.
        await azurite.StopAsync();
        chains.AddRange(lateEvents.Select(host.DeliverAsync));
        var down = Stopwatch.StartNew();
        while (!(watcher.Output.Contains("storage unreachable", StringComparison.Ordinal) && host.Poisoned > 0))
        {
            watcher.AssertRunning("the outage");
            Assert.True(down.Elapsed < TimeSpan.FromMinutes(3), $"after {down.Elapsed} of outage: {host.Poisoned} invocations poisoned; minutes watch said:\n{watcher.Output}");
            await Task.Delay(100);
        }

        await azurite.StartAgainAsync();

        // A lock left behind would make every later render time out (the lease is an hour) and the
        // sweep and the checks below fail; this bound only turns a hang into a clear failure.
        var settled = Task.WhenAll(chains);
        Assert.True(await Task.WhenAny(settled, Task.Delay(TimeSpan.FromMinutes(10))) == settled, "the burst's invocations did not finish within 10 minutes of storage coming back");
        await settled;
        Assert.True(host.Poisoned > 0, "the outage exhausted no invocation's retries: the test did not test the sweep");

        // minutes watch lived through it and took the next upload.
        await watched.PutAsync(Containers.Uploads, "w2.txt", TestUploads.PublicMinutes(851), ObjectProperties.None);
        await watcher.WaitForAsync(() => PageExistsAsync(watched, "w2.txt"), "w2.txt published by minutes watch after the outage");
        await watcher.AssertSaidAsync("storage unreachable", "storage reachable again");

        // One sweep.
        (await handler.TimerAsync(function: HandlerApp.RecoverDocuments)).AssertOk();

        await AssertWholeAsync(store, expected);
        Assert.Equal(0, (await host.PoisonQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Null(JsonNode.Parse((await store.GetAsync(Containers.Audit, PipelineNames.SiteIndexState))!.Content.Span)!["holder"]);
    }

    private static async Task<bool> LockHeldAsync(BlobClient state)
    {
        try
        {
            return (await state.DownloadContentAsync()).Value.Content.ToString().Contains("\"holder\":\"", StringComparison.Ordinal);
        }
        catch (global::Azure.RequestFailedException)
        {
            return false;
        }
    }

    private static async Task<bool> PageExistsAsync(BlobObjectStore store, string upload)
    {
        try
        {
            return await store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(MinutesId.FromSourceName(upload))) is not null;
        }
        catch (global::Azure.RequestFailedException)
        {
            return false;
        }
    }

    /// <summary>Every upload is published in every index, held or quarantined, and nothing public is left over or broken.</summary>
    private static async Task AssertWholeAsync(BlobObjectStore store, Dictionary<string, string> expected)
    {
        var catalog = JsonNode.Parse((await store.GetAsync(Containers.Web, SiteUrls.CatalogPath))!.Content.Span)!["minutes"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        var sitemap = await TextAsync(store, SiteUrls.SitemapPath);
        var feed = await TextAsync(store, SiteUrls.FeedPath);
        var web = new List<ObjectInfo>();
        await foreach (var item in store.ListAsync(Containers.Web))
        {
            web.Add(item);
        }

        var search = new StringBuilder();
        foreach (var item in web.Where(i => i.Name.StartsWith("search/", StringComparison.Ordinal) && i.Name.EndsWith(".json", StringComparison.Ordinal)))
        {
            search.Append(await TextAsync(store, item.Name));
        }

        var published = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, outcome) in expected)
        {
            var id = MinutesId.FromSourceName(name);
            var found = new[] { ("published", Containers.Redacted), ("held", Containers.Held), ("quarantined", Containers.Quarantine) }
                .Where(o => store.GetAsync(o.Item2, id + ".json").GetAwaiter().GetResult() is not null)
                .Select(o => o.Item1)
                .ToList();
            Assert.True(found.SequenceEqual([outcome]), $"{name}: expected {outcome}, found {string.Join(", ", found)}");
            var page = await store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id));
            var json = await store.GetAsync(Containers.Web, SiteUrls.MinutesJsonPath(id));
            var inIndexes = new[] { catalog.Contains(id), sitemap.Contains(id, StringComparison.Ordinal), feed.Contains(id, StringComparison.Ordinal), search.ToString().Contains(id, StringComparison.Ordinal) };
            if (outcome == "published")
            {
                published.Add(id);
                Assert.True(page is not null && json is not null, $"{name}: published without its page or JSON");
                Assert.True(inIndexes.All(x => x), $"{name}: missing from an index (catalogue, sitemap, feed, search: {string.Join(", ", inIndexes)})");
                Assert.NotNull(await store.GetAsync(Containers.Audit, PipelineNames.Rendered(id)));
            }
            else
            {
                Assert.True(page is null && json is null, $"{name} is {outcome} but still public");
                Assert.True(!inIndexes.Any(x => x), $"{name} is {outcome} but still in an index (catalogue, sitemap, feed, search: {string.Join(", ", inIndexes)})");
            }
        }

        // No public file of a document that is not published (a takedown left half done).
        Assert.DoesNotContain(web, i => ObjectMetadata.Get(i.Metadata, MetadataKeys.MinutesId) is { } id && !published.Contains(id));
        Assert.Empty(await SiteLinkCheck.BrokenLinksAsync(store, new SiteUrls(new SiteOptions()), reachableOnly: false));
    }

    // Files stored precompressed (Content-Encoding: gzip, the search index) are read as a browser does.
    private static async Task<string> TextAsync(BlobObjectStore store, string path)
    {
        var stored = await store.GetAsync(Containers.Web, path);
        var bytes = stored?.Content ?? ReadOnlyMemory<byte>.Empty;
        return Encoding.UTF8.GetString(stored?.Properties.ContentEncoding == Precompression.Gzip ? Precompression.Decompress(bytes.Span) : bytes.Span);
    }

    /// <summary>
    /// The Functions host as far as delivery goes: every blob written in a trigger's container
    /// becomes an invocation (8 at a time, host.json's maxDegreeOfParallelism); a failed one is
    /// tried again up to three times in all (poisonBlobThreshold), then goes to the poison queue.
    /// </summary>
    private sealed class EmulatedHost(HandlerHost handler, QueueClient poisonQueue) : IDisposable
    {
        private readonly SemaphoreSlim _slots = new(8);
        private int _completed;
        private int _poisoned;

        public QueueClient PoisonQueue => poisonQueue;

        public int Completed => _completed;

        public int Poisoned => _poisoned;

        public void Dispose() => _slots.Dispose();

        /// <summary>An upload's chain, each stage invoked when the previous one's output blob exists.</summary>
        public async Task DeliverAsync(string upload)
        {
            var id = MinutesId.FromSourceName(upload);
            _ = await InvokeAsync(HandlerApp.NormalizeUpload, "upload", Containers.Uploads, upload) &&
                await ExistsAsync(Containers.Normalized, id + ".json") &&
                await InvokeAsync(HandlerApp.RedactDocument, "normalized", Containers.Normalized, id + ".json") &&
                await ExistsAsync(Containers.Redacted, id + ".json") &&
                await InvokeAsync(HandlerApp.RenderDocument, "redacted", Containers.Redacted, id + ".json");
        }

        private async Task<bool> InvokeAsync(string function, string binding, string container, string name)
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                await _slots.WaitAsync();
                try
                {
                    if ((await handler.BlobTriggerAsync(function, binding, container, name)).Status == 200)
                    {
                        Interlocked.Increment(ref _completed);
                        return true;
                    }
                }
                catch (Exception e) when (e is global::Azure.RequestFailedException or HttpRequestException or IOException or AggregateException)
                {
                    // The host could not read the blob to build the invocation: a failed try too.
                }
                finally
                {
                    _slots.Release();
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            // As the host writes it, into the account of the watched container; it waits for storage if it must.
            Interlocked.Increment(ref _poisoned);
            var message = new JsonObject
            {
                ["FunctionId"] = "Host.Functions." + function,
                ["BlobType"] = "BlockBlob",
                ["ContainerName"] = handler.Store.ContainerName(container),
                ["BlobName"] = name,
                ["ETag"] = null,
            }.ToJsonString();
            while (true)
            {
                try
                {
                    await poisonQueue.CreateIfNotExistsAsync();
                    await poisonQueue.SendMessageAsync(message);
                    return false;
                }
                catch (Exception e) when (e is global::Azure.RequestFailedException or HttpRequestException or AggregateException)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }

        /// <summary>Whether the stage wrote its output, i.e. whether storage raised the next trigger's event.</summary>
        private async Task<bool> ExistsAsync(string container, string name)
        {
            while (true)
            {
                try
                {
                    return await handler.Store.GetAsync(container, name) is not null;
                }
                catch (Exception e) when (e is global::Azure.RequestFailedException or HttpRequestException or AggregateException)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }
    }

    /// <summary>`minutes watch` running on its own containers of the same account, its output kept.</summary>
    private sealed class WatchProcess : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();

        private WatchProcess(Process process) => _process = process;

        public static WatchProcess Start(string connectionString, string prefix)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            // The CLI project's own build (this test project's folder lacks what the CLI loads
            // outside ASP.NET Core's shared framework), in the configuration the tests were built in.
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var program = Path.Combine(RepoPaths.Root, "functions", "PublishPipeline.Cli", "bin", configuration, "net10.0", "minutes.dll");
            Assert.True(File.Exists(program), $"{program} is missing: build the solution first");
            foreach (var argument in new[] { program, "watch", "--storage", connectionString, "--container-prefix", prefix, "--interval", "0.5", "--recover-every", "0" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment.Remove("LANGUAGE_ENDPOINT");
            var watch = new WatchProcess(Process.Start(start)!);
            watch._process.OutputDataReceived += (_, e) => watch._output.Enqueue(e.Data ?? string.Empty);
            watch._process.ErrorDataReceived += (_, e) => watch._output.Enqueue(e.Data ?? string.Empty);
            watch._process.BeginOutputReadLine();
            watch._process.BeginErrorReadLine();
            return watch;
        }

        public string Output => string.Join('\n', _output);

        public async Task WaitForAsync(Func<Task<bool>> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            while (!await condition())
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"minutes watch exited ({_process.ExitCode}) before {what}:\n{Output}");
                }

                // Generous: a start-up or a publish under load takes seconds; only a hang gets here.
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"no {what} within 3 minutes:\n{Output}");
                await Task.Delay(250);
            }
        }

        public void AssertRunning(string during)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"minutes watch exited ({_process.ExitCode}) during {during}:\n{Output}");
            }
        }

        /// <summary>
        /// Waits until minutes watch has said every line: what it printed reaches us on a reader
        /// thread, which on a loaded machine can lag behind what the test sees in storage.
        /// </summary>
        public async Task AssertSaidAsync(params string[] lines)
        {
            var clock = Stopwatch.StartNew();
            while (lines.FirstOrDefault(line => !Output.Contains(line, StringComparison.Ordinal)) is { } missing)
            {
                AssertRunning("the test");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"minutes watch never said \"{missing}\":\n{Output}");
                await Task.Delay(100);
            }

            AssertRunning("the test");
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
