using System.Security.Cryptography;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Site;
using PublishPipeline.Site.Search;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The index summary and the index entries are caches kept between runs and keyed on their
/// format version, not on the build of the code: a deployment that leaves them alone must not
/// cost a rebuild from every entry (14–22 s at 10,000 minutes), and one that changes what they
/// hold must not use the old ones. So the bytes a fixed set of hand-made minutes gives — each
/// entry (the header's JSON and the search contribution), and the summary (index headers,
/// search summaries, every search tier's shards by SHA-256, every listing page's key and
/// bytes by SHA-256, every catalogue object) — are hashed and compared with the hash recorded for the current
/// <see cref="IndexSummary.FormatVersion"/> and <see cref="IndexEntries.FormatVersion"/>. Code
/// that changes those bytes fails here until the version is raised and its hash recorded.
/// (A template or site option change also changes the listing pages' bytes; their keys carry
/// the template version already, so a raise then is harmless: one rebuild from the entries.)
/// </summary>
public sealed class IndexFormatTests : IDisposable
{
    /// <summary>Format version → the SHA-256 of the summary the fixed minutes give. A raised version adds its line.</summary>
    private static readonly Dictionary<int, string> SummaryHashes = new()
    {
        [4] = "464d5ffb8e6af71fe9eed2c4fbe9b00e80e21516287a50c7063cc71a9e7ddf06",
        [5] = "ad9f5522ff85696fd6133d4e9456a9c1642f1182d8e7d148cdc933f0588a8f43",
        [6] = "bb55e692be7228a0dfed1de230e48d7591a45501b941f01048081aee5721a21b",
    };

    /// <summary>Format version → the SHA-256 of the fixed minutes' index entries, in order.</summary>
    private static readonly Dictionary<int, string> EntryHashes = new()
    {
        [1] = "228e73ab621237d61293e4b4d47138598bb87c5c4792f7c459e15c26ccd5bcd0",
    };

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-index-format-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task What_the_fixed_minutes_give_is_the_bytes_recorded_for_the_current_format_versions()
    {
        var store = new FileSystemObjectStore(_root.FullName);
        var site = new SiteBuilder(new SiteOptions());
        var minutes = FixedMinutes();
        var forIndexes = minutes.Select(SiteBuilder.ForIndexes).ToList();

        using var entries = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var m in forIndexes)
        {
            await IndexEntries.WriteAsync(store, m.Id, "etag-" + m.Id, m, CancellationToken.None);
            var stored = await store.GetAsync(Containers.Audit, IndexEntries.Name(m.Id));
            entries.AppendData(stored!.Content.Span);
            Assert.NotNull(await IndexEntries.ReadAsync(store, m.Id, "etag-" + m.Id, CancellationToken.None));
        }

        // An entry of another format (or of the builds before formats, tagged with their build) is not used.
        var first = (await store.GetAsync(Containers.Audit, IndexEntries.Name(forIndexes[0].Id)))!;
        foreach (var tag in new[] { ("format", (IndexEntries.FormatVersion - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("build", "0123456789abcdef0123456789abcdef") })
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["redactedetag"] = "etag-" + forIndexes[0].Id, [tag.Item1] = tag.Item2 };
            await store.PutAsync(Containers.Audit, IndexEntries.Name(forIndexes[0].Id), first.Content, new ObjectProperties { Metadata = metadata });
            Assert.Null(await IndexEntries.ReadAsync(store, forIndexes[0].Id, "etag-" + forIndexes[0].Id, CancellationToken.None));
        }

        var rows = forIndexes.Select(m => IndexRow.Of(m.Id, "etag-" + m.Id, m)).ToList();
        var built = site.BuildIndexes(
            [.. rows.Select(r => r.Header)],
            [.. rows.Select(r => r.Search)],
            id => SiteBuilder.SearchContributionOf(forIndexes.Single(m => m.Id == id)),
            onSite: (_, _) => false); // nothing kept: every tier encoded, every listing page keyed and rendered, every catalogue object written
        Assert.True(built.Tiers.Count >= 2, "the fixed minutes fill the recent and the archive tier");
        Assert.True(built.Pages.Count >= 6, "and several 会議体 and 年度 pages");
        Assert.Equal(rows.Count, built.Lines.Count);
        var summary = IndexSummary.ToBytes(new IndexSummary(rows.ToDictionary(r => r.Id, StringComparer.Ordinal), built.Tiers, built.Pages, built.LinesTemplateVersion, built.Lines));

        Check("IndexEntries", IndexEntries.FormatVersion, EntryHashes, Convert.ToHexStringLower(entries.GetHashAndReset()));
        Check("IndexSummary", IndexSummary.FormatVersion, SummaryHashes, Convert.ToHexStringLower(SHA256.HashData(summary)));
    }

    private static void Check(string owner, int version, Dictionary<int, string> recorded, string actual)
    {
        Assert.True(
            recorded.TryGetValue(version, out var expected) && expected == actual,
            recorded.ContainsKey(version)
                ? $"{owner}'s bytes for the same minutes changed since format {version} was recorded: raise {owner}.FormatVersion to {version + 1} " +
                  $"and record [{version + 1}] = \"{actual}\" in this test, so no run of this code takes a cache the code before it kept."
                : $"{owner}.FormatVersion {version} has no hash recorded here: record [{version}] = \"{actual}\".");
    }

    /// <summary>Redacted minutes of three 会議体 over two 年度 (the newer one the recent tier), one undated; speakers with roles; kana, kanji, Latin and digits.</summary>
    private static List<Minutes> FixedMinutes()
    {
        string[] bodies = ["本会議", "総務委員会", "予算特別委員会"];
        string[] speakers = ["議長", "区長", "総務部長", "委員長", "（氏名非公開）委員"];
        string[] words = ["防災計画の見直しについて伺います。", "子育て支援の拡充を求めます。", "令和5年度予算案、第12号議案を審議します。", "ＩＣＴ教育とWi-Fi環境の整備状況は。", "図書館の開館時間を延長します。"];
        var list = new List<Minutes>();
        for (var n = 0; n < 12; n++)
        {
            var date = n == 11 ? (DateOnly?)null : new DateOnly(2022 + (n % 2), 4 + (n % 9), 1 + n);
            var turns = Enumerable.Range(0, 4).Select(t => new SpeakerTurn
            {
                Speaker = speakers[(n + t) % speakers.Length],
                Text = words[(n + t) % words.Length] + "\n" + words[(n * 3 + t) % words.Length],
            }).Append(new SpeakerTurn { Text = "〔休憩〕", Kind = TurnKind.Procedure }).ToList();
            list.Add(new Minutes
            {
                Id = $"fixed-{n:D2}",
                Title = $"{bodies[n % 3]} 第{n + 1}回",
                Body = bodies[n % 3],
                Municipality = "豊島区",
                Session = n % 4 == 0 ? "定例会" : null,
                Date = date,
                FiscalYear = date is null ? null : (date.Value.Month >= 4 ? date.Value.Year : date.Value.Year - 1),
                StartTime = n % 2 == 0 ? "10:00" : null,
                Disclosure = n == 5 ? new Disclosure { Meeting = DisclosureState.Partial, MeetingReason = "個人情報", Minutes = DisclosureState.Partial, Reason = "一部非公開" } : Disclosure.Unknown,
                Sections = [new Section("議案第" + (n + 1) + "号", turns), new Section(null, [new SpeakerTurn { Speaker = "議長", Text = "以上で散会します。" }])],
            });
        }

        return list;
    }
}
