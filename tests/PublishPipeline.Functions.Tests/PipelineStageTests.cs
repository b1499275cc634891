using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>Stage transitions on the file-system store: a document becoming held, a policy change.</summary>
public sealed class PipelineStageTests : IDisposable
{
    private readonly TempSiteStore _temp = new("pp-stages-");

    private FileSystemObjectStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    private MinutesPipeline NewPipeline(RedactionPolicy? policy = null) =>
        new(Store, new Redactor(policy ?? new RedactionPolicy()), new SiteBuilder(new SiteOptions()));

    private async Task<List<string>> CatalogIdsAsync()
    {
        var catalog = JsonNode.Parse((await Store.GetAsync(Containers.Web, SiteUrls.CatalogPath))!.Content.Span)!;
        return [.. catalog["minutes"]!.AsArray().Select(m => m!["id"]!.GetValue<string>())];
    }

    [Fact]
    public async Task A_published_document_that_becomes_closed_is_held_and_leaves_the_site()
    {
        var id = MinutesId.FromSourceName("r.txt");
        await Store.PutAsync(Containers.Uploads, "r.txt", TestUploads.PublicMinutes(400), ObjectProperties.None);
        Assert.Equal(StageOutcome.Done, (await NewPipeline().PublishAsync("r.txt"))[^1].Outcome);
        Assert.Contains(id, await CatalogIdsAsync());

        // A corrected upload marks the minutes 非公開.
        await Store.PutAsync(Containers.Uploads, "r.txt", TestUploads.PublicMinutes(400, closedMinutes: true), ObjectProperties.None);
        var results = await NewPipeline().PublishAsync("r.txt");

        Assert.Equal(StageOutcome.Held, results[^1].Outcome);
        Assert.Equal($"{Containers.Held}/{id}.json", results[^1].Report);
        Assert.NotNull(await Store.GetAsync(Containers.Held, id + ".json"));
        Assert.Null(await Store.GetAsync(Containers.Redacted, id + ".json"));
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesJsonPath(id)));
        Assert.DoesNotContain(id, await CatalogIdsAsync());
    }

    [Fact]
    public async Task A_published_document_whose_new_upload_is_unreadable_leaves_the_site_and_is_quarantined()
    {
        var id = MinutesId.FromSourceName("u.txt");
        await Store.PutAsync(Containers.Uploads, "u.txt", TestUploads.PublicMinutes(402), ObjectProperties.None);
        Assert.Equal(StageOutcome.Done, (await NewPipeline().PublishAsync("u.txt"))[^1].Outcome);
        Assert.NotNull(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));

        // The re-upload (perhaps the correction of a leaked name) cannot be read: the old page must not stay up.
        var poison = TestUploads.Poison();
        await Store.PutAsync(Containers.Uploads, "u.txt", poison, ObjectProperties.None);
        var results = await NewPipeline().PublishAsync("u.txt");

        Assert.Equal(StageOutcome.Quarantined, results[^1].Outcome);
        Assert.NotNull(await Store.GetAsync(Containers.Quarantine, id + ".json"));
        Assert.Null(await Store.GetAsync(Containers.Normalized, id + ".json"));
        Assert.Null(await Store.GetAsync(Containers.Redacted, id + ".json"));
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesJsonPath(id)));
        Assert.DoesNotContain(id, await CatalogIdsAsync());
        Assert.True((await Store.GetAsync(Containers.Uploads, "u.txt"))!.Content.Span.SequenceEqual(poison), "the upload itself is kept as it was");
    }

    [Fact]
    public async Task A_policy_change_re_redacts_on_the_timer_and_records_the_new_version()
    {
        var id = MinutesId.FromSourceName("p.txt");
        await Store.PutAsync(Containers.Uploads, "p.txt", TestUploads.PublicMinutes(401), ObjectProperties.None);
        await NewPipeline().PublishAsync("p.txt");
        var pageBefore = (await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)))!;

        var report = await NewPipeline(new RedactionPolicy { Version = "2" }).RerenderAsync();

        Assert.Equal([id], report.Reredacted);
        Assert.Equal("2", ObjectMetadata.Get((await Store.GetAsync(Containers.Redacted, id + ".json"))!.Properties.Metadata, MetadataKeys.PolicyVersion));
        Assert.Equal(pageBefore.Content.ToArray(), (await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)))!.Content.ToArray());

        // Nothing changed since: the next night does nothing.
        var again = await NewPipeline(new RedactionPolicy { Version = "2" }).RerenderAsync();
        Assert.False(again.ChangedAnything);
    }

    private async Task<List<string>> PublicFilesMentioningAsync(params string[] needles)
    {
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(_temp.SitePath, "*", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(path);
            if (needles.Any(n => text.Contains(n, StringComparison.Ordinal) || path.Contains(n, StringComparison.Ordinal)))
            {
                found.Add(Path.GetRelativePath(_temp.Root.FullName, path));
            }
        }

        return found;
    }

    [Fact]
    public async Task Index_files_of_a_build_the_state_forgot_are_removed_when_their_document_is_held()
    {
        var kept = MinutesId.FromSourceName("k.txt");
        var heldId = MinutesId.FromSourceName("h.txt");
        await Store.PutAsync(Containers.Uploads, "k.txt", TestUploads.PublicMinutes(410), ObjectProperties.None);
        await Store.PutAsync(Containers.Uploads, "h.txt", TestUploads.PublicMinutes(411, body: "港湾秘匿審議会"), ObjectProperties.None);
        await NewPipeline().PublishAsync("k.txt");
        await NewPipeline().PublishAsync("h.txt");
        Assert.NotEmpty(await PublicFilesMentioningAsync(heldId, "港湾秘匿審議会"));

        // The index state is lost, then the second document becomes 非公開.
        Assert.True(await Store.DeleteAsync(Containers.Audit, PipelineNames.SiteIndexState));
        await Store.PutAsync(Containers.Uploads, "h.txt", TestUploads.PublicMinutes(411, body: "港湾秘匿審議会", closedMinutes: true), ObjectProperties.None);
        Assert.Equal(StageOutcome.Held, (await NewPipeline().PublishAsync("h.txt"))[^1].Outcome);
        await NewPipeline().Index.UpdateAsync();

        Assert.Empty(await PublicFilesMentioningAsync(heldId, "港湾秘匿審議会"));
        Assert.Equal([kept], await CatalogIdsAsync());
    }

    [Fact]
    public async Task The_nightly_sweep_removes_index_files_no_build_produces()
    {
        await Store.PutAsync(Containers.Uploads, "s.txt", TestUploads.PublicMinutes(412), ObjectProperties.None);
        await NewPipeline().PublishAsync("s.txt");

        // A shard left by an earlier build whose state was never recorded (a crash), and a file staff put there.
        var tagged = new ObjectProperties { ContentType = "application/json", Metadata = new Dictionary<string, string> { [MetadataKeys.Pipeline] = MetadataKeys.PipelineIndex } };
        await Store.PutAsync(Containers.Web, "search/stale-0123abcd.json", "{}"u8.ToArray(), tagged);
        await Store.PutAsync(Containers.Web, "notice.html", "<p>staff</p>"u8.ToArray(), ObjectProperties.None);

        await NewPipeline().RerenderAsync();

        Assert.Null(await Store.GetAsync(Containers.Web, "search/stale-0123abcd.json"));
        Assert.NotNull(await Store.GetAsync(Containers.Web, "notice.html"));
    }

    [Theory]
    [InlineData(Containers.Normalized)]
    [InlineData(Containers.Redacted)]
    public async Task A_version_that_fails_at_redact_or_render_takes_the_published_one_down(string broken)
    {
        var id = MinutesId.FromSourceName("f.txt");
        await Store.PutAsync(Containers.Uploads, "f.txt", TestUploads.PublicMinutes(420), ObjectProperties.None);
        await NewPipeline().PublishAsync("f.txt");
        Assert.NotNull(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));

        // The stage's input is unreadable (a bug on this version, or damage): redact or render fails for good.
        await Store.PutAsync(broken, id + ".json", "{ not json"u8.ToArray(), ObjectProperties.None);
        var result = broken == Containers.Normalized
            ? await NewPipeline().RedactAsync(id + ".json")
            : await NewPipeline().RenderAsync(id + ".json");

        Assert.Equal(StageOutcome.Quarantined, result.Outcome);
        Assert.NotNull(await Store.GetAsync(Containers.Quarantine, id + ".json"));
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesJsonPath(id)));
        Assert.Null(await Store.GetAsync(Containers.Audit, PipelineNames.Rendered(id)));
        Assert.DoesNotContain(id, await CatalogIdsAsync());
    }

    [Fact]
    public async Task A_hold_that_lands_while_a_page_renders_is_not_undone_by_the_render()
    {
        var id = MinutesId.FromSourceName("race.txt");
        await Store.PutAsync(Containers.Uploads, "other.txt", TestUploads.PublicMinutes(421), ObjectProperties.None);
        await NewPipeline().PublishAsync("other.txt");
        await Store.PutAsync(Containers.Uploads, "race.txt", TestUploads.PublicMinutes(422), ObjectProperties.None);
        var pipeline = new MinutesPipeline(new InterceptingStore(Store), new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()));
        await pipeline.NormalizeAsync("race.txt");
        await pipeline.RedactAsync(id + ".json");

        // Right after render has read the redacted document, a hold removes it (as RedactAsync does).
        var store = (InterceptingStore)pipeline.Store;
        store.AfterGet = async (container, name) =>
        {
            if (container == Containers.Redacted && name == id + ".json" && !store.Busy)
            {
                store.Busy = true;
                await Store.DeleteAsync(Containers.Redacted, id + ".json");
                await Store.DeleteAsync(Containers.Audit, PipelineNames.Rendered(id));
            }
        };
        var result = await pipeline.RenderAsync(id + ".json");

        Assert.True(store.Busy);
        Assert.NotEqual(StageOutcome.Done, result.Outcome);
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesJsonPath(id)));
        Assert.Null(await Store.GetAsync(Containers.Audit, PipelineNames.Rendered(id)));
        Assert.Empty(await PublicFilesMentioningAsync(id));
    }

    /// <summary>Public minutes whose 会議録 is 一部非公開 with no passage marked: publishable only once confirmed as the public version.</summary>
    private static byte[] PartlyClosedMinutes(int n)
    {
        var text = System.Text.Encoding.UTF8.GetString(TestUploads.PublicMinutes(n));
        const string Open = """<input checked="" type="checkbox"/> 公開 <input type="checkbox"/> 非公開 <input type="checkbox"/> 一部非公開""";
        var line = text.IndexOf("会議録\t" + Open, StringComparison.Ordinal);
        Assert.True(line > 0);
        text = text[..line] + "会議録\t" + """<input type="checkbox"/> 公開 <input type="checkbox"/> 非公開 <input checked="" type="checkbox"/> 一部非公開""" + text[(line + 4 + Open.Length)..];
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    [Fact]
    public async Task Deleting_a_public_version_confirmation_takes_the_partly_closed_minutes_down()
    {
        var id = MinutesId.FromSourceName("part.txt");
        await Store.PutAsync(Containers.Uploads, "part.txt", PartlyClosedMinutes(430), ObjectProperties.None);
        await Store.PutAsync(Containers.Uploads, "part.txt.public-version", "ok"u8.ToArray(), ObjectProperties.None);
        Assert.Equal(StageOutcome.Done, (await NewPipeline().PublishAsync("part.txt"))[^1].Outcome);
        Assert.NotNull(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));

        // Staff revoke the confirmation: the deletion event names the sidecar.
        await Store.DeleteAsync(Containers.Uploads, "part.txt.public-version");
        var result = await NewPipeline().WithdrawAsync("part.txt.public-version");

        Assert.Equal(StageOutcome.Held, result.Outcome);
        Assert.NotNull(await Store.GetAsync(Containers.Uploads, "part.txt"));
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
        Assert.DoesNotContain(id, await CatalogIdsAsync());
    }

    [Fact]
    public async Task The_nightly_run_notices_a_confirmation_revoked_without_an_event()
    {
        var id = MinutesId.FromSourceName("meta.txt");
        var confirmed = new ObjectProperties { Metadata = new Dictionary<string, string> { ["publicversion"] = "true" } };
        await Store.PutAsync(Containers.Uploads, "other.txt", TestUploads.PublicMinutes(431), ObjectProperties.None);
        await NewPipeline().PublishAsync("other.txt");
        await Store.PutAsync(Containers.Uploads, "meta.txt", PartlyClosedMinutes(432), confirmed);
        Assert.Equal(StageOutcome.Done, (await NewPipeline().PublishAsync("meta.txt"))[^1].Outcome);

        // The metadata is cleared (no blob event for a metadata change reaches the pipeline).
        await Store.PutAsync(Containers.Uploads, "meta.txt", PartlyClosedMinutes(432), ObjectProperties.None);
        var report = await NewPipeline().RerenderAsync();

        Assert.Contains(id, report.Held);
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
        Assert.DoesNotContain(id, await CatalogIdsAsync());
    }

    [Fact]
    public async Task The_nightly_run_publishes_an_upload_whose_events_were_lost_and_leaves_a_quarantined_one_alone()
    {
        var id = MinutesId.FromSourceName("lost.txt");
        await Store.PutAsync(Containers.Uploads, "lost.txt", TestUploads.PublicMinutes(440), ObjectProperties.None);
        await Store.PutAsync(Containers.Uploads, "bad.txt", TestUploads.Poison(), ObjectProperties.None);
        await NewPipeline().NormalizeAsync("bad.txt");
        var badReport = (await Store.GetAsync(Containers.Quarantine, MinutesId.FromSourceName("bad.txt") + ".json"))!;

        var report = await NewPipeline().RerenderAsync();

        Assert.Equal([id], report.Normalized);
        Assert.NotNull(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
        Assert.Contains(id, await CatalogIdsAsync());
        Assert.Equal(badReport.ETag, (await Store.GetAsync(Containers.Quarantine, MinutesId.FromSourceName("bad.txt") + ".json"))!.ETag);

        // Everything is accounted for now: the next night normalises nothing.
        Assert.Empty((await NewPipeline().RerenderAsync()).Normalized);
    }

    [Fact]
    public async Task A_run_out_of_time_leaves_the_rest_for_the_next_run_and_says_so()
    {
        var id = MinutesId.FromSourceName("late.txt");
        await Store.PutAsync(Containers.Uploads, "late.txt", TestUploads.PublicMinutes(450), ObjectProperties.None);
        var hurried = new MinutesPipeline(Store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()), options: new PipelineOptions { RerenderBudget = TimeSpan.Zero });

        var first = await hurried.RerenderAsync();

        Assert.Equal([$"{Containers.Uploads}/late.txt"], first.LeftForNextRun);
        Assert.Empty(first.Normalized);
        Assert.Null(await Store.GetAsync(Containers.Normalized, id + ".json"));
        var reports = new List<string>();
        await foreach (var item in Store.ListAsync(Containers.Audit, PipelineNames.RerenderReportPrefix))
        {
            reports.Add(item.Name);
        }

        Assert.Single(reports); // what was left is on record

        var next = await NewPipeline().RerenderAsync();
        Assert.Empty(next.LeftForNextRun);
        Assert.NotNull(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
    }

    [Fact]
    public async Task Pages_not_yet_rendered_with_a_changed_style_sheet_keep_the_one_they_link_to()
    {
        var names = new[] { "a0.txt", "a1.txt" };
        foreach (var (name, n) in names.Select((name, n) => (name, n)))
        {
            await Store.PutAsync(Containers.Uploads, name, TestUploads.PublicMinutes(460 + n), ObjectProperties.None);
            await NewPipeline().PublishAsync(name, updateIndexes: true);
        }

        var templates = Directory.CreateTempSubdirectory("pp-assets-");
        try
        {
            var css = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "functions", "PublishPipeline.Core", "Site", "Assets", "site.css"));
            await File.WriteAllTextAsync(Path.Combine(templates.FullName, "site.css"), css + "\n/* v2 */\n");
            var changed = new MinutesPipeline(Store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions { TemplateDirectory = templates.FullName }));
            var before = await StyleSheetsAsync();

            // One page rendered again (the night's budget ran out before the other): the other
            // page still links to the earlier style sheet, which must still be there.
            await changed.PublishAsync(names[0], updateIndexes: true);
            var linked = await LinkedStyleSheetsAsync(names);
            Assert.Equal(2, linked.Distinct().Count());
            Assert.Subset(await StyleSheetsAsync(), linked.ToHashSet());
            Assert.Subset(await StyleSheetsAsync(), before);

            // The last page rendered again: the earlier style sheet goes.
            await changed.PublishAsync(names[1], updateIndexes: true);
            linked = await LinkedStyleSheetsAsync(names);
            Assert.Single(linked.Distinct());
            Assert.Equal(linked.ToHashSet(), await StyleSheetsAsync());
        }
        finally
        {
            templates.Delete(recursive: true);
        }
    }

    private async Task<HashSet<string>> StyleSheetsAsync()
    {
        var sheets = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in Store.ListAsync(Containers.Web, "assets/"))
        {
            if (item.Name.EndsWith(".css", StringComparison.Ordinal))
            {
                sheets.Add(item.Name);
            }
        }

        return sheets;
    }

    private async Task<List<string>> LinkedStyleSheetsAsync(IEnumerable<string> uploads)
    {
        var linked = new List<string>();
        foreach (var upload in uploads)
        {
            var page = Encoding.UTF8.GetString((await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(MinutesId.FromSourceName(upload))))!.Content.Span);
            linked.Add(Regex.Match(page, @"assets/site\.[0-9a-f]+\.css").Value);
        }

        return linked;
    }
}
