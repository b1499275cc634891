using PublishPipeline.Model;
using PublishPipeline.Site;
using PublishPipeline.Site.Search;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// What the last index rebuild was made from, in one object of the work area, so a rebuild in a
/// new process reads this instead of every document's index entry: each minutes' index header
/// (<see cref="SiteBuilder.IndexHeader"/>) and search summary, keyed by the redacted version it
/// came from, and each search tier's descriptor (<see cref="SearchTier"/>). A document's full
/// entry (<see cref="IndexEntries"/>) is then read only when its search tier is encoded again.
/// A cache like the entries: used only when it reads back whole (its own checksum) and was
/// written in this format (<see cref="FormatVersion"/>); a row only for the listed redacted version, a tier
/// only for the same members and while the site holds its shards. Anything else is made again.
/// </summary>
internal sealed class IndexSummary
{
    /// <summary>Beside the index entries in the audit container; not a record (see <see cref="PipelineNames.IsDurable"/>).</summary>
    public const string Name = PipelineNames.StatePrefix + "index-summary.bin";

    /// <summary>
    /// What the summary is keyed on: raised whenever the bytes it holds for the same documents
    /// change (its layout, the index header, the search summary, the tiers' encoding, the listing
    /// pages' keys or bytes). IndexFormatTests fails until it is, from a hash of what a fixed set of
    /// minutes produces. Keyed on this rather than on the build, a deployment that changes none of
    /// that keeps the summary (before, the first publish after every deployment read every entry).
    /// 3: the header in binary fields (IndexHeaderCodec), not JSON; 4: keyed on this version, not the build;
    /// 5: the listing pages' keys hash each header in binary fields (IndexHeaderCodec), not JSON;
    /// 6: each minutes' catalogue object (<see cref="IndexLines"/>) with the template version it was written under.
    /// </summary>
    internal const int FormatVersion = 6;

    private static readonly byte[] Magic = "PPIS"u8.ToArray();

    public IndexSummary(IReadOnlyDictionary<string, IndexRow> rows, IReadOnlyList<SearchTier> tiers, IReadOnlyList<ListingPage> pages)
        : this(rows, tiers, pages, string.Empty, [])
    {
    }

    public IndexSummary(IReadOnlyDictionary<string, IndexRow> rows, IReadOnlyList<SearchTier> tiers, IReadOnlyList<ListingPage> pages, string linesTemplateVersion, IReadOnlyList<IndexLine> lines)
    {
        Rows = rows;
        Tiers = tiers;
        Pages = pages;
        LinesTemplateVersion = linesTemplateVersion;
        Lines = lines;
    }

    /// <summary>By minutes id.</summary>
    public IReadOnlyDictionary<string, IndexRow> Rows { get; }

    public IReadOnlyList<SearchTier> Tiers { get; }

    /// <summary>The 会議体 and 年度 listing pages by key (<see cref="ListingPages"/>).</summary>
    public IReadOnlyList<ListingPage> Pages { get; }

    /// <summary>The <see cref="SiteBuilder.TemplateVersion"/> <see cref="Lines"/> were written under.</summary>
    public string LinesTemplateVersion { get; }

    /// <summary>Each minutes' catalogue object (<see cref="IndexLines"/>).</summary>
    public IReadOnlyList<IndexLine> Lines { get; }

    /// <summary>The row made from redacted version <paramref name="redactedETag"/> of <paramref name="id"/>, if kept.</summary>
    public IndexRow? Row(string id, string redactedETag) =>
        Rows.TryGetValue(id, out var row) && row.ETag == redactedETag.Trim('"') ? row : null;

    /// <summary>The summary the last rebuild kept, or null when there is none this build can use.</summary>
    public static async Task<IndexSummary?> ReadAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(Containers.Audit, Name, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : FromBytes(stored.Content.Span);
    }

    public static Task WriteAsync(IObjectStore store, IndexSummary summary, CancellationToken cancellationToken) =>
        store.PutAsync(Containers.Audit, Name, ToBytes(summary), new ObjectProperties { ContentType = "application/octet-stream" }, cancellationToken: cancellationToken);

    /// <summary>The stored form: magic, version, rows, tiers, pages, lines, then the SHA-256 of all that.</summary>
    internal static byte[] ToBytes(IndexSummary summary)
    {
        var (rows, tiers) = (summary.Rows.Values.ToList(), summary.Tiers);
        return SealedBinary.Write(Magic, FormatVersion, w =>
        {
            w.Write(rows.Count);
            foreach (var row in rows)
            {
                w.Write(row.Id);
                w.Write(row.ETag);
                IndexHeaderCodec.Write(w, row.Header);
                var search = row.Search;
                w.Write(search.Date?.DayNumber ?? -1);
                w.Write(search.Body);
                w.Write(search.Digest);
                w.Write(search.Roles.Count);
                foreach (var (role, count) in search.Roles)
                {
                    w.Write(role);
                    w.Write(count);
                }
            }

            w.Write(tiers.Count);
            foreach (var tier in tiers)
            {
                w.Write(tier.Id);
                w.Write(tier.Fingerprint);
                w.Write(tier.Tree);
                w.Write(tier.Hashes);
                w.Write(tier.Shards.Count);
                foreach (var shard in tier.Shards)
                {
                    w.Write(shard.Path);
                    w.Write(shard.Sha256);
                }
            }

            w.Write(summary.Pages.Count);
            foreach (var page in summary.Pages)
            {
                w.Write(page.Key);
                w.Write(page.Path);
                w.Write(page.Sha256);
            }

            w.Write(summary.LinesTemplateVersion);
            w.Write(summary.Lines.Count);
            foreach (var line in summary.Lines)
            {
                w.Write(line.Id);
                w.Write(line.HeaderHash.Length);
                w.Write(line.HeaderHash);
                w.Write(line.Catalog.Length);
                w.Write(line.Catalog);
            }
        });
    }

    /// <summary>Reads <see cref="ToBytes"/> back; null when it is damaged or of another format.</summary>
    internal static IndexSummary? FromBytes(ReadOnlySpan<byte> bytes) =>
        SealedBinary.Read(bytes.ToArray(), Magic, FormatVersion, Read);

    private static IndexSummary? Read(BinaryReader r)
    {
        var rows = new Dictionary<string, IndexRow>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var id = r.ReadString();
            var etag = r.ReadString();
            var header = IndexHeaderCodec.Read(r);
            var day = r.ReadInt32();
            var body = r.ReadString();
            var digest = r.ReadString();
            var roles = new (string, int)[r.ReadInt32()];
            for (var i = 0; i < roles.Length; i++)
            {
                roles[i] = (r.ReadString(), r.ReadInt32());
            }

            if (header.Id != id)
            {
                return null;
            }

            rows[id] = new IndexRow(id, etag, header, new SearchSummary(id, day < 0 ? null : DateOnly.FromDayNumber(day), body, digest, roles));
        }

        var tiers = new SearchTier[r.ReadInt32()];
        for (var t = 0; t < tiers.Length; t++)
        {
            var (id, fingerprint, tree, hashes) = (r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString());
            var shards = new SearchShard[r.ReadInt32()];
            for (var i = 0; i < shards.Length; i++)
            {
                shards[i] = new SearchShard(r.ReadString(), r.ReadString());
            }

            tiers[t] = new SearchTier(id, fingerprint, tree, hashes, shards);
        }

        var pages = new ListingPage[r.ReadInt32()];
        for (var i = 0; i < pages.Length; i++)
        {
            pages[i] = new ListingPage(r.ReadString(), r.ReadString(), r.ReadString());
        }

        var linesTemplateVersion = r.ReadString();
        var lines = new IndexLine[r.ReadInt32()];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new IndexLine(r.ReadString(), r.ReadBytes(r.ReadInt32()), r.ReadBytes(r.ReadInt32()));
        }

        return new IndexSummary(rows, tiers, pages, linesTemplateVersion, lines);
    }
}

/// <summary>One minutes in the <see cref="IndexSummary"/>: its index header and search summary, made from redacted version <see cref="ETag"/> (unquoted).</summary>
internal sealed record IndexRow(string Id, string ETag, Minutes Header, SearchSummary Search)
{
    /// <summary>The row of what the indexes keep of a whole document (<see cref="SiteBuilder.ForIndexes(Minutes)"/>).</summary>
    public static IndexRow Of(string id, string redactedETag, Minutes forIndexes) =>
        new(id, redactedETag.Trim('"'), SiteBuilder.IndexHeader(forIndexes), SiteBuilder.SearchContributionOf(forIndexes).Summary);
}
