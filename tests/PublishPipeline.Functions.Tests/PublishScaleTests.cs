using PublishPipeline.LocalSite;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Review;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A publish costs the same per document whatever the archive's size: the store operations of a
/// whole publish, counted on the real file-system store, grow linearly (4× the documents, at most
/// 4× the reads, writes and listed entries) and the number of listings does not grow at all.
/// </summary>
public sealed class PublishScaleTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-scale-");

    public void Dispose() => _root.Delete(recursive: true);

    private async Task<(CountingStore Store, FolderPublishReport Report, Dictionary<string, string> Inputs, string Site)> PublishAsync(int documents, Func<int, int>? reiwaOf = null)
    {
        var folder = Path.Combine(_root.FullName, documents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        Directory.CreateDirectory(Path.Combine(folder, "in"));
        for (var n = 1; n <= documents; n++)
        {
            await AddUploadAsync(inputs, folder, n, reiwaOf?.Invoke(n) ?? 5);
        }

        var site = Path.Combine(folder, "site");
        var store = new CountingStore(new FileSystemObjectStore(Path.Combine(folder, "work"), new Dictionary<string, string> { [Containers.Web] = site }));
        var report = await RepublishAsync(store, inputs);
        Assert.Equal(documents, report.Count(DocumentOutcome.Published));
        return (store, report, inputs, site);
    }

    private static async Task AddUploadAsync(Dictionary<string, string> inputs, string folder, int n, int reiwa = 5)
    {
        var name = $"{n:D3}.txt";
        var file = Path.Combine(folder, "in", name);
        await File.WriteAllBytesAsync(file, TestUploads.PublicMinutes(n, reiwa: reiwa));
        inputs[name] = file;

        // A public-version confirmation beside every upload: each document asks for its own.
        await File.WriteAllBytesAsync(file + RedactionRequest.PublicVersionSidecarSuffix, []);
        inputs[name + RedactionRequest.PublicVersionSidecarSuffix] = file + RedactionRequest.PublicVersionSidecarSuffix;
    }

    /// <summary>A publish as a new process runs it: a new pipeline, nothing kept in memory from the run before.</summary>
    private static Task<FolderPublishReport> RepublishAsync(CountingStore store, Dictionary<string, string> inputs) =>
        new FolderPublisher(new MinutesPipeline(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()))).PublishAsync(inputs);

    private static SortedDictionary<string, string> SiteFiles(string site) =>
        new(
            Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(site, f), f => PipelineNames.Sha256(File.ReadAllBytes(f))),
            StringComparer.Ordinal);

    [Fact]
    public async Task A_fresh_publish_reads_no_normalised_or_redacted_document_back_whole()
    {
        // The content key is hashed while the document is written and the warnings are read as a
        // stream; the stages decide from the records and read a document as a stream: nothing
        // holds the normalised or redacted JSON whole (60 MB each for a 30 MB upload).
        var (store, report, _, _) = await PublishAsync(3);
        Assert.All(report.Documents, d => Assert.NotEmpty(d.Warnings));
        Assert.Equal(0, store.Count("get", Containers.Normalized));
        Assert.Equal(0, store.Count("get", Containers.Redacted));
        // Opened twice each: the normalise stage's look for a version already made (none here),
        // and redaction; the redacted document by the redact stage's look for one already made,
        // the render stage, and after it to see it is still there.
        Assert.Equal(2 * 3, store.Count("opened", Containers.Normalized));
        Assert.Equal(3 * 3, store.Count("opened", Containers.Redacted));
        Assert.Equal(3, store.Count("open", Containers.Normalized));
    }

    [Fact]
    public async Task A_fresh_publish_normalises_each_upload_from_the_bytes_it_hashed()
    {
        // The publisher reads each input to hash and copy it; the normalise stage takes those
        // bytes (the stored upload is still that version) instead of reading the copy back: a
        // 30 MB upload was held twice while it was normalised.
        var (store, report, _, _) = await PublishAsync(3);
        Assert.Equal(3, report.Count(DocumentOutcome.Published));
        Assert.DoesNotContain(store.Read, r => r.StartsWith(Containers.Uploads + "/", StringComparison.Ordinal) && ReviewRecords.UploadOf(r[(Containers.Uploads.Length + 1)..]) is null);
        Assert.Equal(3, store.Count("opened", Containers.Uploads));
    }

    [Fact]
    public async Task A_re_publish_reads_only_the_added_uploads_documents_and_writes_the_site_a_fresh_publish_writes()
    {
        var (store, _, inputs, site) = await PublishAsync(10);
        var folder = Path.GetDirectoryName(site)!;
        await AddUploadAsync(inputs, folder, 11);
        store.Reset();
        var report = await RepublishAsync(store, inputs);

        Assert.Equal(11, report.Count(DocumentOutcome.Published));
        Assert.Single(report.Documents, d => !d.Unchanged);
        // The stages of the added upload read its own documents a few times; the ten unchanged
        // ones are judged current from the listings, and the indexes come from their cached entries.
        foreach (var container in new[] { Containers.Normalized, Containers.Redacted })
        {
            Assert.True(store.Count("get", container) <= 5, $"{store.Count("get", container)} reads in {container} for one added upload among 11");
        }

        // Each stage's container is listed whole once (the index rebuild takes the redacted
        // documents and rendered records from those listings); the added document is listed
        // again by its name.
        foreach (var container in new[] { Containers.Normalized, Containers.Redacted, Containers.Audit })
        {
            Assert.True(store.Count("listed", container) <= 11 + 1, $"{store.Count("listed", container)} entries of {container} listed");
        }

        Assert.Equal(0, store.Count("list", Containers.Web));

        store.Reset();
        var again = await RepublishAsync(store, inputs);
        Assert.All(again.Documents, d => Assert.True(d.Unchanged, d.SourceName));
        Assert.Equal(0, store.Count("get", Containers.Normalized) + store.Count("get", Containers.Redacted));
        Assert.Equal(report.Documents.Select(d => string.Join('\n', d.Warnings)), again.Documents.Select(d => string.Join('\n', d.Warnings)));

        var (_, _, _, fresh) = await PublishAsync(11);
        var expected = SiteFiles(fresh);
        var actual = SiteFiles(site);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, e => Assert.True(actual[e.Key] == e.Value, $"{e.Key} differs from a fresh publish"));
    }

    [Fact]
    public async Task A_new_process_reads_one_kept_summary_and_the_index_entries_of_the_recent_tier_only()
    {
        // Eight minutes of 令和4年度 (the archive tier) and three of 令和5年度 (the recent tier).
        static int ReiwaOf(int n) => n <= 8 ? 4 : 5;
        var (store, _, inputs, site) = await PublishAsync(11, ReiwaOf);
        var folder = Path.GetDirectoryName(site)!;
        await AddUploadAsync(inputs, folder, 12, ReiwaOf(12));
        store.Reset();
        await RepublishAsync(store, inputs);

        // The added minutes' entry was made in this process; of the others, only the recent tier's
        // postings are read (its shards are encoded again), and the summary once.
        var entries = store.Read.Where(r => r.StartsWith(Containers.Audit + "/" + IndexEntries.Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { 9, 10, 11 }.Select(n => Containers.Audit + "/" + IndexEntries.Name(MinutesId.FromSourceName($"{n:D3}.txt"))).Order(StringComparer.Ordinal), entries);
        Assert.Single(store.Read, r => r == Containers.Audit + "/" + IndexSummary.Name);

        var (_, _, _, fresh) = await PublishAsync(12, ReiwaOf);
        Assert.Equal(SiteFiles(fresh), SiteFiles(site));
    }

    [Fact]
    public async Task Store_operations_of_a_publish_grow_linearly_and_listings_not_at_all()
    {
        var (small, _, _, _) = await PublishAsync(6);
        var (large, _, _, _) = await PublishAsync(24);

        Assert.True(small.Count("list") == large.Count("list"), $"listings: {small.Count("list")} for 6 documents, {large.Count("list")} for 24 (a listing per document)");
        foreach (var operation in new[] { "get", "exists", "put", "delete", "listed" })
        {
            Assert.True(
                large.Count(operation) <= 4 * small.Count(operation),
                $"{operation}: {small.Count(operation)} for 6 documents, {large.Count(operation)} for 24 (more than 4×: work per document grows with the archive)");
        }
    }
}
