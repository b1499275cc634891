using System.Text;
using System.Text.Json.Nodes;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// Upload to site on Azurite through the real handler, driven the way the host drives it: every
/// blob created in a trigger's container becomes one invocation of that function, in function.json
/// order (NormalizeUpload → RedactDocument → RenderDocument).
/// </summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private readonly BlobObjectStore _store = AzuriteServer.NewStore();
    private readonly List<HandlerHost> _hosts = [];

    public Task InitializeAsync() => _store.EnsureContainersAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _store.DeleteContainersAsync();
    }

    private async Task<HandlerHost> StartAsync(SiteOptions? site = null)
    {
        var host = await HandlerHost.StartAsync(_store, site);
        _hosts.Add(host);
        return host;
    }

    [Fact]
    public async Task Uploads_become_a_redacted_site_then_withdrawal_and_rerender_change_only_what_they_must()
    {
        var host = await StartAsync();
        var uploads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var sample in RepoPaths.SampleFiles)
        {
            uploads["samples/" + Path.GetFileName(sample)] = await File.ReadAllBytesAsync(sample);
        }

        uploads["variants/001-shift_jis.txt"] = TestUploads.ShiftJis("001");
        uploads["variants/004-word.docx"] = TestUploads.Docx("004");
        uploads["synthetic/public-1.txt"] = TestUploads.PublicMinutes(1);
        uploads["synthetic/public-2.txt"] = TestUploads.PublicMinutes(2, "環境審議会");
        uploads[new string('長', 990) + "/public-3.txt"] = TestUploads.PublicMinutes(3);
        uploads["index.html"] = TestUploads.PublicMinutes(4);
        uploads["poison.bin"] = TestUploads.Poison();
        foreach (var (name, bytes) in uploads)
        {
            await _store.PutAsync(Containers.Uploads, name, bytes, ObjectProperties.None);
        }

        var poisonETag = (await _store.GetAsync(Containers.Uploads, "poison.bin"))!.ETag;

        await DriveAsync(host);

        // Every upload ends in exactly one place: published, held with a report, or quarantined with a report.
        var published = new List<string>();
        foreach (var name in uploads.Keys)
        {
            var id = MinutesId.FromSourceName(name);
            var redacted = await _store.GetAsync(Containers.Redacted, id + ".json");
            var held = await _store.GetAsync(Containers.Held, id + ".json");
            var quarantined = await _store.GetAsync(Containers.Quarantine, id + ".json");
            Assert.True(new[] { redacted, held, quarantined }.Count(o => o is not null) == 1, $"{name}: redacted {redacted is not null}, held {held is not null}, quarantined {quarantined is not null}");
            var page = await _store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id));
            if (redacted is not null)
            {
                published.Add(id);
                Assert.NotNull(page);
                Assert.StartsWith("text/html", page.Properties.ContentType, StringComparison.Ordinal);
                Assert.NotNull(await _store.GetAsync(Containers.Web, SiteUrls.MinutesJsonPath(id)));
            }
            else
            {
                Assert.Null(page);
                Assert.Null(await _store.GetAsync(Containers.Web, SiteUrls.MinutesJsonPath(id)));
            }
        }

        // The synthetic public minutes, whatever their names, are published; the index.html upload did not overwrite the home page.
        foreach (var name in new[] { "synthetic/public-1.txt", "synthetic/public-2.txt", new string('長', 990) + "/public-3.txt" })
        {
            Assert.Contains(MinutesId.FromSourceName(name), published);
        }

        var home = (await _store.GetAsync(Containers.Web, SiteUrls.HomePath))!;
        Assert.Contains("<html", Encoding.UTF8.GetString(home.Content.Span), StringComparison.Ordinal);
        Assert.NotEqual(uploads["index.html"], home.Content.ToArray());

        // Shift_JIS and Word variants were read, not quarantined.
        foreach (var name in new[] { "variants/001-shift_jis.txt", "variants/004-word.docx" })
        {
            Assert.NotNull(await _store.GetAsync(Containers.Normalized, MinutesId.FromSourceName(name) + ".json"));
        }

        var utf8Title = await TitleAsync("samples/" + Path.GetFileName(RepoPaths.Sample("001")));
        Assert.Equal(utf8Title, await TitleAsync("variants/001-shift_jis.txt"));

        // The poisoned upload: a report naming file, stage and reason; the original untouched.
        var poisonReport = JsonNode.Parse((await _store.GetAsync(Containers.Quarantine, MinutesId.FromSourceName("poison.bin") + ".json"))!.Content.Span)!;
        Assert.Equal("poison.bin", poisonReport["sourceName"]!.GetValue<string>());
        Assert.Equal(Stages.Normalize, poisonReport["stage"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(poisonReport["reason"]!.GetValue<string>()));
        var poison = (await _store.GetAsync(Containers.Uploads, "poison.bin"))!;
        Assert.Equal(poisonETag, poison.ETag);
        Assert.Equal(uploads["poison.bin"], poison.Content.ToArray());

        // Names gone: no original of any redaction appears anywhere public.
        var web = await WebTextAsync();
        foreach (var id in published)
        {
            var audit = JsonNode.Parse((await _store.GetAsync(Containers.Audit, id + ".json"))!.Content.Span)!;
            foreach (var entry in audit["entries"]!.AsArray())
            {
                var original = entry!["original"]!.GetValue<string>();
                if (original.Length >= 2)
                {
                    Assert.DoesNotContain(web, f => f.Value.Contains(original, StringComparison.Ordinal));
                }
            }
        }

        Assert.DoesNotContain(web, f => f.Value.Contains("佐藤花子", StringComparison.Ordinal));

        // Every $web file carries Content-Type and Cache-Control.
        await foreach (var blob in _store.Service.GetBlobContainerClient(_store.ContainerName(Containers.Web)).GetBlobsAsync())
        {
            Assert.False(string.IsNullOrEmpty(blob.Properties.ContentType), blob.Name);
            Assert.False(string.IsNullOrEmpty(blob.Properties.CacheControl), blob.Name);
            // The search index and fragments are stored gzip (what Azure's static website serves as is); pages are not.
            Assert.Equal(SiteFile.StoredEncodingOf(blob.Name) ?? string.Empty, blob.Properties.ContentEncoding ?? string.Empty);
        }

        Assert.Contains(await NamesAsync(Containers.Web), n => n.StartsWith("search/f/", StringComparison.Ordinal));

        // Indexes complete: every published id exactly once, no held or failed id.
        await AssertIndexesAsync(published, uploads.Keys.Select(MinutesId.FromSourceName).Except(published));

        // At-least-once delivery: the whole chain again changes nothing.
        var before = await SnapshotAsync();
        await DriveAsync(host);
        AssertSame(before, await SnapshotAsync());

        // Withdrawal: the upload is deleted, Event Grid says BlobDeleted.
        var withdrawnName = "synthetic/public-2.txt";
        var withdrawn = MinutesId.FromSourceName(withdrawnName);
        await _store.DeleteAsync(Containers.Uploads, withdrawnName);
        (await host.BlobDeletedAsync(withdrawnName)).AssertOk();
        Assert.Null(await _store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(withdrawn)));
        Assert.Null(await _store.GetAsync(Containers.Web, SiteUrls.MinutesJsonPath(withdrawn)));
        Assert.Null(await _store.GetAsync(Containers.Redacted, withdrawn + ".json"));
        var withdrawal = JsonNode.Parse((await _store.GetAsync(Containers.Audit, PipelineNames.Withdrawal(withdrawn)))!.Content.Span)!;
        Assert.Contains(SiteUrls.MinutesPagePath(withdrawn), withdrawal["removedFiles"]!.AsArray().Select(n => n!.GetValue<string>()));
        published.Remove(withdrawn);
        await AssertIndexesAsync(published, [withdrawn]);

        // The same event delivered again: nothing changes, the audit record keeps its bytes.
        before = await SnapshotAsync();
        (await host.BlobDeletedAsync(withdrawnName, EventEncoding.JsonText, eventId: withdrawal["eventId"]!.GetValue<string>())).AssertOk();
        AssertSame(before, await SnapshotAsync());

        // A template change: the nightly re-render rewrites the minutes pages and nothing else.
        var templates = Directory.CreateTempSubdirectory("pp-templates-");
        try
        {
            var minutesTemplate = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "functions", "PublishPipeline.Core", "Site", "Templates", "minutes.sbn"));
            await File.WriteAllTextAsync(Path.Combine(templates.FullName, "minutes.sbn"), minutesTemplate + "\n<!-- template v2 -->\n");
            var changedHost = await StartAsync(new SiteOptions { TemplateDirectory = templates.FullName });
            before = await SnapshotAsync();
            (await changedHost.TimerAsync()).AssertOk();
            var after = await SnapshotAsync();

            var changed = after.Where(kv => !before.TryGetValue(kv.Key, out var etag) || etag != kv.Value).Select(kv => kv.Key).ToHashSet();
            changed.UnionWith(before.Keys.Except(after.Keys));
            var pages = published.Select(id => "$web/" + SiteUrls.MinutesPagePath(id)).ToHashSet();
            Assert.Superset(pages, changed.Where(c => c.StartsWith("$web/", StringComparison.Ordinal) && c.EndsWith(".html", StringComparison.Ordinal) && c.Contains("/minutes/", StringComparison.Ordinal)).ToHashSet());
            Assert.Subset(changed, pages);
            Assert.DoesNotContain(changed, c => c.StartsWith("$web/", StringComparison.Ordinal) && !pages.Contains(c) && !c.StartsWith("$web/" + "minutes/", StringComparison.Ordinal));
            foreach (var id in published)
            {
                Assert.Contains("template v2", Encoding.UTF8.GetString((await _store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)))!.Content.Span), StringComparison.Ordinal);
            }
        }
        finally
        {
            templates.Delete(recursive: true);
        }

        // A deletion whose event never arrived: the nightly run finds the source gone and withdraws.
        var lostName = "synthetic/public-1.txt";
        var lost = MinutesId.FromSourceName(lostName);
        await _store.DeleteAsync(Containers.Uploads, lostName);
        (await host.TimerAsync()).AssertOk();
        Assert.Null(await _store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(lost)));
        Assert.NotNull(await _store.GetAsync(Containers.Audit, PipelineNames.Withdrawal(lost)));
        published.Remove(lost);
        await AssertIndexesAsync(published, [lost, withdrawn]);
    }

    [Fact]
    public async Task Fifty_concurrent_uploads_all_reach_every_index()
    {
        var host = await StartAsync();
        var names = Enumerable.Range(100, 50).Select(n => $"burst/{n}.txt").ToList();
        await Task.WhenAll(names.Select((name, i) => _store.PutAsync(Containers.Uploads, name, TestUploads.PublicMinutes(100 + i, i % 2 == 0 ? "テスト審議会" : "環境審議会"), ObjectProperties.None)));

        // Each upload's chain runs on its own, all at once, as parallel trigger deliveries would.
        await Task.WhenAll(names.Select(async name =>
        {
            var id = MinutesId.FromSourceName(name);
            (await host.BlobTriggerAsync(HandlerApp.NormalizeUpload, "upload", Containers.Uploads, name)).AssertOk();
            (await host.BlobTriggerAsync(HandlerApp.RedactDocument, "normalized", Containers.Normalized, id + ".json")).AssertOk();
            (await host.BlobTriggerAsync(HandlerApp.RenderDocument, "redacted", Containers.Redacted, id + ".json")).AssertOk();
        }));

        var ids = names.Select(MinutesId.FromSourceName).ToList();
        foreach (var id in ids)
        {
            Assert.NotNull(await _store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
        }

        await AssertIndexesAsync(ids, []);
    }

    private static void AssertSame(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var differences = before.Keys.Union(after.Keys)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .ToList();
        Assert.True(differences.Count == 0, "changed by a repeated delivery: " + string.Join(", ", differences));
    }

    private async Task<string?> TitleAsync(string uploadName)
    {
        var normalized = await _store.GetAsync(Containers.Normalized, MinutesId.FromSourceName(uploadName) + ".json");
        return normalized is null ? null : MinutesJson.Deserialize(normalized.Content.Span).Title;
    }

    private async Task DriveAsync(HandlerHost host)
    {
        foreach (var name in await NamesAsync(Containers.Uploads))
        {
            (await host.BlobTriggerAsync(HandlerApp.NormalizeUpload, "upload", Containers.Uploads, name)).AssertOk();
        }

        foreach (var name in await NamesAsync(Containers.Normalized))
        {
            (await host.BlobTriggerAsync(HandlerApp.RedactDocument, "normalized", Containers.Normalized, name)).AssertOk();
        }

        foreach (var name in await NamesAsync(Containers.Redacted))
        {
            (await host.BlobTriggerAsync(HandlerApp.RenderDocument, "redacted", Containers.Redacted, name)).AssertOk();
        }
    }

    private async Task AssertIndexesAsync(IEnumerable<string> present, IEnumerable<string> absent)
    {
        var catalog = JsonNode.Parse((await _store.GetAsync(Containers.Web, SiteUrls.CatalogPath))!.Content.Span)!;
        var catalogIds = catalog["minutes"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        var sitemap = await TextAsync(SiteUrls.SitemapPath);
        var feed = await TextAsync(SiteUrls.FeedPath);
        var search = string.Concat(await Task.WhenAll((await NamesAsync(Containers.Web)).Where(n => n.StartsWith("search/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Select(TextAsync)));
        foreach (var id in present)
        {
            Assert.Equal(1, catalogIds.Count(c => c == id));
            Assert.Contains($"minutes/{id}/", sitemap, StringComparison.Ordinal);
            Assert.Contains(id, feed, StringComparison.Ordinal);
            Assert.Contains(id, search, StringComparison.Ordinal);
        }

        foreach (var id in absent)
        {
            Assert.DoesNotContain(id, catalogIds);
            Assert.DoesNotContain(id, sitemap, StringComparison.Ordinal);
            Assert.DoesNotContain(id, feed, StringComparison.Ordinal);
            Assert.DoesNotContain(id, search, StringComparison.Ordinal);
        }
    }

    // What a browser reads: files stored precompressed (Content-Encoding: gzip) are decoded first,
    // so the checks below see their text, not their compressed bytes.
    private async Task<string> TextAsync(string webPath)
    {
        var stored = await _store.GetAsync(Containers.Web, webPath);
        var bytes = stored?.Content ?? ReadOnlyMemory<byte>.Empty;
        return Encoding.UTF8.GetString(stored?.Properties.ContentEncoding == Precompression.Gzip ? Precompression.Decompress(bytes.Span) : bytes.Span);
    }

    private async Task<Dictionary<string, string>> WebTextAsync()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in await NamesAsync(Containers.Web))
        {
            files[name] = await TextAsync(name);
        }

        return files;
    }

    private async Task<List<string>> NamesAsync(string container)
    {
        var names = new List<string>();
        await foreach (var item in _store.ListAsync(container))
        {
            names.Add(item.Name);
        }

        return names;
    }

    /// <summary>container/name → ETag of every object the pipeline writes (the index state object excluded: it counts requests).</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var container in Containers.All)
        {
            await foreach (var item in _store.ListAsync(container))
            {
                if (item.Name != PipelineNames.SiteIndexState && !item.Name.StartsWith(PipelineNames.RerenderReportPrefix, StringComparison.Ordinal))
                {
                    snapshot[$"{container}/{item.Name}"] = item.ETag;
                }
            }
        }

        return snapshot;
    }
}
