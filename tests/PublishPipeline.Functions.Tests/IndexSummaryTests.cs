using System.Security.Cryptography;
using System.Text;
using PublishPipeline.LocalSite;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Site.Search;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The summary an index rebuild keeps for the next process is a cache: a damaged one, one of
/// another format, or none at all, and the rebuild reads every document's index
/// entry as before, writing the same site. (That a good one spares those reads:
/// <see cref="PublishScaleTests"/>.)
/// </summary>
public sealed class IndexSummaryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-summary-");

    public void Dispose() => _root.Delete(recursive: true);

    private static string EntriesPrefix => Containers.Audit + "/" + IndexEntries.Prefix;

    [Fact]
    public async Task A_damaged_foreign_or_missing_summary_is_not_used_and_the_entries_are_read_instead()
    {
        var folder = Path.Combine(_root.FullName, "site-1");
        var inputs = await UploadsAsync(folder, 6);
        var store = Store(folder);
        await PublishAsync(store, inputs);
        var kept = (await store.GetAsync(Containers.Audit, IndexSummary.Name))!.Content.ToArray();
        var read = IndexSummary.FromBytes(kept);
        Assert.NotNull(read);
        Assert.Equal(6, read.Rows.Count);
        Assert.NotEmpty(read.Tiers);

        // Another format wrote it (the version after the magic, with a valid checksum over it).
        var foreign = kept[..^SHA256.HashSizeInBytes];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(foreign.AsSpan(4), IndexSummary.FormatVersion - 1);
        foreign = [.. foreign, .. SHA256.HashData(foreign)];
        var flipped = kept.ToArray();
        flipped[kept.Length / 2] ^= 0x40;

        var n = 7;
        foreach (var (damage, bytes) in new (string, byte[]?)[] { ("another format", foreign), ("a flipped byte", flipped), ("truncated", kept[..(kept.Length / 3)]), ("missing", null) })
        {
            Assert.Null(bytes is null ? null : IndexSummary.FromBytes(bytes));
            await AddUploadAsync(inputs, folder, n++);
            if (bytes is null)
            {
                await store.DeleteAsync(Containers.Audit, IndexSummary.Name);
            }
            else
            {
                await store.PutAsync(Containers.Audit, IndexSummary.Name, bytes, new ObjectProperties());
            }

            store.Reset();
            await PublishAsync(store, inputs);

            // Every earlier document's entry is read (the added one is in memory), and a good summary written.
            Assert.True(store.Read.Count(r => r.StartsWith(EntriesPrefix, StringComparison.Ordinal)) == n - 2, damage);
            Assert.NotNull(IndexSummary.FromBytes((await store.GetAsync(Containers.Audit, IndexSummary.Name))!.Content.Span));
        }

        // With a good summary, the next process reads the entries of the recent tier (令和5年度) only.
        await AddUploadAsync(inputs, folder, n);
        store.Reset();
        await PublishAsync(store, inputs);
        Assert.Equal(n - 1 - 4, store.Read.Count(r => r.StartsWith(EntriesPrefix, StringComparison.Ordinal)));

        // The site is the one a fresh publish of the same inputs writes.
        var fresh = Path.Combine(_root.FullName, "fresh");
        await PublishAsync(Store(fresh), await UploadsAsync(fresh, n));
        Assert.Equal(SiteFiles(Path.Combine(fresh, "site")), SiteFiles(Path.Combine(folder, "site")));
    }

    [Fact]
    public void A_header_with_every_field_set_reads_back_as_the_index_header_made_it()
    {
        // Every property of the document set, so a field IndexHeader starts to keep is in this
        // header too: the summary's binary header must then carry it (and its version be raised).
        var full = new Minutes
        {
            SchemaVersion = 7,
            Id = "r05-honkaigi-1",
            Title = "令和5年第1回定例会",
            Body = "本会議",
            Municipality = "豊島区",
            Session = "第1回",
            Date = new DateOnly(2023, 2, 14),
            FiscalYear = 2022,
            StartTime = "10:00",
            EndTime = "16:30",
            Venue = "本会議場",
            Secretariat = "区議会事務局",
            Agenda = ["議案第1号"],
            Attendees = [new AttendeeGroup("委員", ["委員長"])],
            Rolls = [new Roll("出席議員", [])],
            Disclosure = new Disclosure { Meeting = DisclosureState.Partial, MeetingReason = "個人情報", Minutes = DisclosureState.Closed, Reason = "審議中" },
            Sections = [new Section("議案第1号", [new SpeakerTurn { Speaker = "議長", Text = "開会します。" }])],
            Results = ["可決"],
            Materials = ["資料1"],
            Warnings = [new NormalizationWarning("code", "message", 3)],
            Source = new SourceInfo("a.txt", "text", "utf-8", new string('0', 64), 10),
        };
        Assert.All(typeof(Minutes).GetProperties(), p => Assert.False(p.GetValue(full) is null or 0 or System.Collections.ICollection { Count: 0 }, p.Name + " is not set"));

        var header = SiteBuilder.IndexHeader(full);
        var bare = header with { FiscalYear = null, Date = null, Title = null, Disclosure = Disclosure.Unknown };
        var rows = new[] { header, bare with { Id = "bare" } }
            .ToDictionary(h => h.Id, h => new IndexRow(h.Id, "etag", h, new SearchSummary(h.Id, null, "本会議", "digest", [("議長", 2)])));
        var read = IndexSummary.FromBytes(IndexSummary.ToBytes(new IndexSummary(rows, [], [])));

        Assert.NotNull(read);
        foreach (var (id, row) in rows)
        {
            Assert.Equal(Encoding.UTF8.GetString(MinutesJson.Serialize(row.Header)), Encoding.UTF8.GetString(MinutesJson.Serialize(read.Rows[id].Header)));
            Assert.Equal(row.Header, read.Rows[id].Header);
        }
    }

    private static CountingStore Store(string folder) =>
        new(new FileSystemObjectStore(Path.Combine(folder, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(folder, "site") }));

    /// <summary>A publish as a new process runs it: nothing kept in memory from the run before.</summary>
    private static async Task PublishAsync(CountingStore store, Dictionary<string, string> inputs)
    {
        var report = await new FolderPublisher(new MinutesPipeline(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()))).PublishAsync(inputs);
        Assert.Equal(inputs.Count / 2, report.Count(DocumentOutcome.Published));
    }

    private static async Task<Dictionary<string, string>> UploadsAsync(string folder, int count)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 1; n <= count; n++)
        {
            await AddUploadAsync(inputs, folder, n);
        }

        return inputs;
    }

    private static async Task AddUploadAsync(Dictionary<string, string> inputs, string folder, int n)
    {
        Directory.CreateDirectory(Path.Combine(folder, "in"));
        var name = $"{n:D3}.txt";
        var file = Path.Combine(folder, "in", name);
        await File.WriteAllBytesAsync(file, TestUploads.PublicMinutes(n, reiwa: n <= 4 ? 4 : 5)); // 令和4年度 in the archive tier
        inputs[name] = file;
        await File.WriteAllBytesAsync(file + RedactionRequest.PublicVersionSidecarSuffix, []);
        inputs[name + RedactionRequest.PublicVersionSidecarSuffix] = file + RedactionRequest.PublicVersionSidecarSuffix;
    }

    private static SortedDictionary<string, string> SiteFiles(string site) =>
        new(
            Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(site, f), f => PipelineNames.Sha256(File.ReadAllBytes(f))),
            StringComparer.Ordinal);
}
