using System.Text;
using System.Text.Json.Nodes;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// Storage faults in the middle of an index rebuild, on the file-system store: the lock is handed
/// back on every failure path, and at every point an interruption can hit, no page a visitor can
/// reach links to a missing one.
/// </summary>
public sealed class IndexFaultTests : IDisposable
{
    private static readonly Redactor Redactor = new(new RedactionPolicy());
    private static readonly SiteBuilder Site = new(new SiteOptions());

    // In memory where the machine has it: the file store syncs every write to disk, and this
    // class makes a few thousand of them.
    private readonly DirectoryInfo _root = Directory.Exists("/dev/shm")
        ? Directory.CreateDirectory(Path.Combine("/dev/shm", "pp-faults-" + Guid.NewGuid().ToString("N")[..10]))
        : Directory.CreateTempSubdirectory("pp-faults-");

    public void Dispose() => _root.Delete(recursive: true);

    private static FileSystemObjectStore StoreAt(string folder) =>
        new(Path.Combine(folder, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(folder, "site") });

    private static MinutesPipeline Pipeline(IObjectStore store, PipelineOptions? options = null, TimeProvider? time = null) => new(store, Redactor, Site, options: options, time: time);

    private static async Task<JsonNode> StateAsync(FileSystemObjectStore store) =>
        JsonNode.Parse((await store.GetAsync(Containers.Audit, PipelineNames.SiteIndexState))!.Content.Span)!;

    private static async Task<List<string>> CatalogIdsAsync(FileSystemObjectStore store)
    {
        var catalog = JsonNode.Parse((await store.GetAsync(Containers.Web, SiteUrls.CatalogPath))!.Content.Span)!;
        return [.. catalog["minutes"]!.AsArray().Select(m => m!["id"]!.GetValue<string>())];
    }

    /// <summary>A site with one document whose indexes lag behind (the next rebuild has files to write).</summary>
    private async Task<FileSystemObjectStore> LaggingSiteAsync()
    {
        var store = StoreAt(_root.FullName);
        await store.PutAsync(Containers.Uploads, "a.txt", TestUploads.PublicMinutes(600), ObjectProperties.None);
        await store.PutAsync(Containers.Uploads, "b.txt", TestUploads.PublicMinutes(601, "環境審議会"), ObjectProperties.None);
        await Pipeline(store).PublishAsync("a.txt");
        await Pipeline(store).PublishAsync("b.txt", updateIndexes: false);
        return store;
    }

    [Fact]
    public async Task Storage_gone_mid_rebuild_costs_seconds_after_it_is_back_not_the_lease()
    {
        var plain = await LaggingSiteAsync();
        var store = new FaultingStore(plain);

        // Time is virtual: the holder's back-off waits pass at once and move the clock, so how soon
        // after storage is back the lock is handed back is measured exactly, on any machine.
        var time = new SteppingTime(DateTimeOffset.UtcNow);
        DateTimeOffset? back = null;
        store.AfterWebWrite = path =>
        {
            // Storage goes away after the rebuild's first file, for 1.5 s.
            var until = time.GetUtcNow() + TimeSpan.FromSeconds(1.5);
            back = until;
            store.DownWhile = () => time.GetUtcNow() < until;
            store.AfterWebWrite = null;
            return Task.CompletedTask;
        };

        await Assert.ThrowsAsync<IOException>(() => Pipeline(store, time: time).Index.UpdateAsync());
        Assert.NotNull(back);

        // The failed holder gave the lock back as soon as storage answered again (the lease is 3
        // minutes); the update fails right after handing it back, so the clock now is that moment.
        var releasedAfter = time.GetUtcNow() - back.Value;
        Assert.True(releasedAfter >= TimeSpan.Zero && releasedAfter < TimeSpan.FromSeconds(10), $"lock released {releasedAfter} after storage came back");
        Assert.Null((await StateAsync(plain))["holder"]);

        // The next caller (another instance) rebuilds at once instead of waiting out the lease.
        var next = Pipeline(plain, new PipelineOptions { IndexWaitTimeout = TimeSpan.FromSeconds(20) });
        await next.Index.UpdateAsync();
        Assert.Equal(2, (await CatalogIdsAsync(plain)).Count);
    }

    [Fact]
    public async Task Cancellation_and_a_failing_index_template_mid_rebuild_hand_the_lock_back()
    {
        var plain = await LaggingSiteAsync();

        // The invocation is cancelled (the host shuts down) after the rebuild's first file.
        using var cancel = new CancellationTokenSource();
        var store = new FaultingStore(plain) { AfterWebWrite = _ => cancel.CancelAsync() };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pipeline(store).Index.UpdateAsync(cancellationToken: cancel.Token));
        Assert.Null((await StateAsync(plain))["holder"]);

        // An index template that throws while rendering.
        var templates = _root.CreateSubdirectory("templates");
        await File.WriteAllTextAsync(Path.Combine(templates.FullName, "years.sbn"), "{{ this_function_does_not_exist(1) }}");
        var broken = new MinutesPipeline(plain, Redactor, new SiteBuilder(new SiteOptions { TemplateDirectory = templates.FullName }));
        var error = await Record.ExceptionAsync(() => broken.Index.UpdateAsync());
        Assert.NotNull(error);
        Assert.Null((await StateAsync(plain))["holder"]);

        var next = Pipeline(plain, new PipelineOptions { IndexWaitTimeout = TimeSpan.FromSeconds(20) });
        await next.Index.UpdateAsync();
        Assert.Equal(2, (await CatalogIdsAsync(plain)).Count);
    }

    [Fact]
    public async Task A_lock_taken_by_a_write_whose_answer_was_lost_is_not_left_to_its_lease()
    {
        var plain = await LaggingSiteAsync();

        // The state writes of an update: 1 draws the ticket, 2 takes the lock.
        static Func<string, string, bool> SecondStateWrite()
        {
            var writes = 0;
            return (container, name) => container == Containers.Audit && name == PipelineNames.SiteIndexState && ++writes == 2;
        }

        // The connection drops after the write that took the lock went through: the caller fails
        // (the host retries it) but hands the lock back first.
        var dropped = new FaultingStore(plain) { LoseAnswer = (SecondStateWrite(), new IOException("connection reset (fault injected)")) };
        await Assert.ThrowsAsync<IOException>(() => Pipeline(dropped).Index.UpdateAsync());
        Assert.Null((await StateAsync(plain))["holder"]);

        // The SDK retried the lock write and got 412 although its first try had taken the lock:
        // the caller sees the lock is its own and rebuilds.
        var retried = new FaultingStore(plain) { LoseAnswer = (SecondStateWrite(), new WriteConflictException("412 on a retried request (fault injected)")) };
        await Pipeline(retried, new PipelineOptions { IndexWaitTimeout = TimeSpan.FromSeconds(20) }).Index.UpdateAsync();
        Assert.Null(retried.LoseAnswer); // the fault was hit
        Assert.Null((await StateAsync(plain))["holder"]);
        Assert.Equal(2, (await CatalogIdsAsync(plain)).Count);
    }

    [Fact]
    public async Task An_interruption_at_any_write_never_leaves_a_reachable_link_to_a_missing_page()
    {
        // The site: two bodies, one year. Then a document of a new body and a new fiscal year is
        // published (new body and year pages), and the last document of a body is withdrawn
        // (its body page goes), with the Nth write failing, for every N.
        var template = _root.CreateSubdirectory("template").FullName;
        var seed = StoreAt(template);
        await seed.PutAsync(Containers.Uploads, "kept.txt", TestUploads.PublicMinutes(610), ObjectProperties.None);
        await seed.PutAsync(Containers.Uploads, "gone.txt", TestUploads.PublicMinutes(611, "港湾審議会"), ObjectProperties.None);
        await Pipeline(seed).PublishAsync("kept.txt");
        await Pipeline(seed).PublishAsync("gone.txt");
        var nextYear = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(TestUploads.PublicMinutes(612, "環境審議会")).Replace("令和5年", "令和6年", StringComparison.Ordinal));
        await seed.PutAsync(Containers.Uploads, "new.txt", nextYear, ObjectProperties.None);
        await Pipeline(seed).NormalizeAsync("new.txt");
        await Pipeline(seed).RedactAsync(MinutesId.FromSourceName("new.txt") + ".json");
        await seed.DeleteAsync(Containers.Uploads, "gone.txt");
        Assert.Empty(await SiteLinkCheck.BrokenLinksAsync(seed, Site.Urls, reachableOnly: false));

        // Normalised and redacted already: the faults hit what the public site sees.
        static async Task ChangeAsync(MinutesPipeline pipeline)
        {
            await pipeline.RenderAsync(MinutesId.FromSourceName("new.txt") + ".json");
            await pipeline.WithdrawAsync("gone.txt");
        }

        var interruptions = 0;
        for (var n = 1; ; n++)
        {
            var folder = Path.Combine(_root.FullName, "n" + n);
            CopyFolder(template, folder);
            var plain = StoreAt(folder);
            var store = new FaultingStore(plain) { FailWrite = n };
            try
            {
                await ChangeAsync(Pipeline(store));
            }
            catch (IOException e) when (e.Message.Contains("fault injected", StringComparison.Ordinal))
            {
                interruptions++;
            }

            if (store.Writes < n)
            {
                break; // the whole change took fewer writes: every point was interrupted once
            }

            Assert.Empty(await SiteLinkCheck.BrokenLinksAsync(plain, Site.Urls, reachableOnly: true));
            Assert.Null((await StateAsync(plain))["holder"]);

            // The host's retry completes the change: the whole site is whole.
            await ChangeAsync(Pipeline(plain));
            Assert.Empty(await SiteLinkCheck.BrokenLinksAsync(plain, Site.Urls, reachableOnly: false));
            var ids = await CatalogIdsAsync(plain);
            Assert.Contains(MinutesId.FromSourceName("new.txt"), ids);
            Assert.DoesNotContain(MinutesId.FromSourceName("gone.txt"), ids);
            Directory.Delete(folder, recursive: true);
        }

        Assert.True(interruptions > 20, $"only {interruptions} interruptions");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
