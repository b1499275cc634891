using PublishPipeline.LocalSite;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A re-publish checks the site folder by a stat of each file the state lists (size and time as
/// recorded when the file last passed the full check), not by listing the site and reading every
/// rendered record; a file deleted, changed or put back by hand is still found and written again.
/// </summary>
public sealed class SiteStampTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-stamps-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Site => Path.Combine(_root.FullName, "site");

    private FileSystemObjectStore FileStore() => new(Path.Combine(_root.FullName, "work"), new Dictionary<string, string> { [Containers.Web] = Site });

    private CountingStore Store() => new(FileStore());

    private static Task<FolderPublishReport> PublishAsync(IObjectStore store, Dictionary<string, string> inputs) =>
        new FolderPublisher(new MinutesPipeline(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()))).PublishAsync(inputs);

    private async Task<Dictionary<string, string>> InputsAsync(int documents)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        Directory.CreateDirectory(Path.Combine(_root.FullName, "in"));
        for (var n = 1; n <= documents; n++)
        {
            var file = Path.Combine(_root.FullName, "in", $"{n:D2}.txt");
            await File.WriteAllBytesAsync(file, TestUploads.PublicMinutes(n));
            inputs[$"{n:D2}.txt"] = file;
        }

        return inputs;
    }

    private SortedDictionary<string, string> SiteFiles() =>
        new(
            Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(Site, f), f => PipelineNames.Sha256(File.ReadAllBytes(f))),
            StringComparer.Ordinal);

    private string SitePath(string path) => Path.Combine(Site, path.Replace('/', Path.DirectorySeparatorChar));

    [Fact]
    public async Task An_unchanged_site_is_checked_by_stat_without_listing_or_reading_it()
    {
        var inputs = await InputsAsync(4);
        var store = Store();
        await PublishAsync(store, inputs);
        await PublishAsync(store, inputs); // the first check of a new site lists it once and records the stamps
        store.Reset();

        var again = await PublishAsync(store, inputs);

        Assert.Empty(again.Repaired);
        Assert.Equal(0, store.Count("list", Containers.Web));
        Assert.Equal(0, store.Count("get", Containers.Web));
        Assert.True(store.Count("stat", Containers.Web) >= SiteFiles().Count, $"{store.Count("stat", Containers.Web)} stats for {SiteFiles().Count} site files");
        // Only the records of what changed are read: here none.
        Assert.DoesNotContain(store.Read, r => r.StartsWith(Containers.Audit + "/" + PipelineNames.RenderedPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // the file-system store itself: the check stats its files directly (SiteStamps.Matcher)
    public async Task Files_deleted_changed_or_put_back_by_hand_are_written_again_and_a_touch_is_not_a_change(bool counted)
    {
        var inputs = await InputsAsync(4);
        IObjectStore store = counted ? Store() : FileStore();
        var first = await PublishAsync(store, inputs);
        await PublishAsync(store, inputs);
        var whole = SiteFiles();
        var ids = first.Documents.Select(d => d.Id!).Order(StringComparer.Ordinal).ToList();

        // Deleted; changed in size; the same size with other bytes (an older copy put back);
        // the same bytes with a new time (touch); and an index file changed.
        File.Delete(SitePath(SiteUrls.MinutesPagePath(ids[0])));
        File.AppendAllText(SitePath(SiteUrls.MinutesJsonPath(ids[1])), " ");
        var same = SitePath(SiteUrls.MinutesPagePath(ids[2]));
        var bytes = File.ReadAllBytes(same);
        var at = File.GetLastWriteTimeUtc(same);
        bytes[^2] = bytes[^2] == (byte)' ' ? (byte)'\t' : (byte)' ';
        File.WriteAllBytes(same, bytes);
        File.SetLastWriteTimeUtc(same, at.AddDays(-3));
        var touched = SitePath(SiteUrls.MinutesPagePath(ids[3]));
        var touchedAt = File.GetLastWriteTimeUtc(touched).AddDays(-3);
        File.SetLastWriteTimeUtc(touched, touchedAt);
        File.WriteAllText(SitePath(SiteUrls.HomePath), "changed by hand");

        var repaired = await PublishAsync(store, inputs);

        Assert.Equal(ids.Take(3), repaired.Repaired.Order(StringComparer.Ordinal));
        Assert.Equal(whole, SiteFiles());
        Assert.Equal(touchedAt, File.GetLastWriteTimeUtc(touched)); // the same bytes: not written again

        // The touched file passed the full check and carries a new stamp: the next run reads nothing.
        (store as CountingStore)?.Reset();
        var after = await PublishAsync(store, inputs);
        Assert.Empty(after.Repaired);
        Assert.Equal(0, (store as CountingStore)?.Count("get", Containers.Web) ?? 0);
    }
}
