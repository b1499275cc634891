using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublishPipeline.Model;

namespace PublishPipeline.Site.Search;

/// <summary>
/// Merges per-document <see cref="SearchContribution"/>s into the files search.js reads, in the
/// spirit of Pagefind: term-partitioned shards whose postings carry document keys and unit ids,
/// so AND, OR and NOT are answered from the index alone, and a manifest (<c>search/meta.json</c>)
/// with the shard tree and one small row per minutes.
///
/// Terms go to shards by an FNV-1a hash of the term: a shard is the set of terms whose hash ends in
/// the same bits, split one bit further while it is larger than the shard size (a deterministic
/// function of its content, so the same set always gives the same shards). Shard files are named
/// by tier, hash bits and a content hash: a shard keeps its name while its bytes stay the same.
///
/// Two tiers: <c>r</c> (recent) holds the minutes of the newest 年度 present, <c>a</c> (archive)
/// all older minutes and the undated ones (an upload whose date the normaliser cannot read is
/// rarely the newest meeting, and in the recent tier it made every addition re-encode the shards
/// of all undated minutes too). New minutes almost always belong to the newest 年度, and the
/// archive tier of an unchanged set is reused from the previous build, so adding one minutes
/// re-encodes and rewrites only recent-tier shards that hold its terms, plus the manifest.
/// A query fetches one shard per tier per term part.
///
/// A tier is reused when its members' keys and digests (its fingerprint) are those of a tier
/// this instance built or was told of (<see cref="Remember"/>, a tier kept by an earlier
/// process): without its bytes when the caller's site still holds every one of its shards,
/// so a rebuild reads the postings (<see cref="SearchContribution"/>) of an encoded tier's
/// members only.
/// </summary>
public sealed class SearchIndex
{
    /// <summary>Target size of one shard in bytes of JSON before compression.</summary>
    public const int DefaultShardBytes = 48 * 1024;

    private const int MaxDepth = 24;

    /// <summary>Posting bytes filled at once while a tier is encoded (see BuildTier): a bound on its memory.</summary>
    internal const long DefaultRangeBytes = 64L * 1024 * 1024;

    private readonly SiteUrls _urls;
    private readonly int _shardBytes;
    private readonly Lock _gate = new();
    private Dictionary<(string Id, string Fingerprint), Tier> _tiers = [];

    public SearchIndex(SiteUrls urls, int shardBytes = DefaultShardBytes)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardBytes, 256);
        _urls = urls;
        _shardBytes = shardBytes;
    }

    /// <summary>Posting bytes filled at once while a tier is encoded; a test sets it small to encode in many ranges.</summary>
    internal long RangeBytes { get; init; } = DefaultRangeBytes;

    /// <summary>The index key of a speaker role (bigrams are exactly two characters, so they never clash).</summary>
    public static string RoleKey(string role) => "role:" + role;

    /// <summary>
    /// The shard files and the manifest for the whole set. Tiers whose documents and keys did not
    /// change since the previous call on this instance are reused as they were.
    /// </summary>
    public SearchIndexFiles Build(IReadOnlyList<SearchContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var byId = new Dictionary<string, SearchContribution>(StringComparer.Ordinal);
        foreach (var c in contributions)
        {
            byId[c.Id] = c;
        }

        return Build([.. contributions.Select(c => c.Summary)], id => byId[id]);
    }

    /// <summary>
    /// The shard files and the manifest for the set <paramref name="documents"/>. A tier known with
    /// the same fingerprint is reused: listed in <see cref="SearchIndexFiles.Kept"/> without its
    /// bytes when <paramref name="onSite"/> says the site holds each of its shards (path, SHA-256),
    /// else returned with its bytes if they are in memory. Other tiers are encoded from the
    /// contributions <paramref name="contributionOf"/> gives for their members (only those:
    /// <see cref="MembersToEncode"/> names them beforehand).
    /// </summary>
    public SearchIndexFiles Build(IReadOnlyList<SearchSummary> documents, Func<string, SearchContribution> contributionOf, Func<string, string, bool>? onSite = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(contributionOf);
        var plan = Plan(documents);
        var used = new List<Tier>();
        var files = new List<SiteFile>();
        var kept = new List<SearchShard>();
        var rebuilt = 0;
        foreach (var (id, members, fingerprint) in plan.Tiers)
        {
            var tier = Known(id, fingerprint);
            if (tier is not null && IsOnSite(tier, onSite))
            {
                kept.AddRange(tier.Record.Shards);
            }
            else if (tier?.Files is { } bytes)
            {
                files.AddRange(bytes);
            }
            else
            {
                tier = BuildTier(id, [.. members.Select(m => contributionOf(m.Id))], plan.Keys, fingerprint, onSite);
                rebuilt++;
                files.AddRange(tier.Files!);
            }

            used.Add(tier);
        }

        lock (_gate)
        {
            _tiers = used.ToDictionary(t => (t.Record.Id, t.Record.Fingerprint));
        }

        var roles = documents
            .SelectMany(c => c.Roles)
            .GroupBy(r => r.Role, StringComparer.Ordinal)
            .Select(g => (Role: g.Key, Turns: g.Sum(r => r.Count)))
            .OrderByDescending(r => r.Turns)
            .ThenBy(r => r.Role, StringComparer.Ordinal)
            .ToList();
        return new SearchIndexFiles(files, Manifest(plan.Ordered, plan.Keys, used), roles, rebuilt)
        {
            Kept = kept,
            Tiers = [.. used.Select(t => t.Record)],
        };
    }

    /// <summary>
    /// The ids whose contributions <see cref="Build(IReadOnlyList{SearchSummary}, Func{string, SearchContribution}, Func{string, string, bool}?)"/>
    /// will ask for: the members of every tier that is not known, or known but neither on the site nor in memory.
    /// </summary>
    public IReadOnlySet<string> MembersToEncode(IReadOnlyList<SearchSummary> documents, Func<string, string, bool>? onSite = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, members, fingerprint) in Plan(documents).Tiers)
        {
            var tier = Known(id, fingerprint);
            if (tier is null || (tier.Files is null && !IsOnSite(tier, onSite)))
            {
                ids.UnionWith(members.Select(m => m.Id));
            }
        }

        return ids;
    }

    /// <summary>
    /// Tiers an earlier build made (<see cref="SearchIndexFiles.Tiers"/>, kept by the caller), to
    /// reuse without their bytes when their fingerprint and the site still match.
    /// </summary>
    public void Remember(IEnumerable<SearchTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        lock (_gate)
        {
            foreach (var tier in tiers)
            {
                _tiers.TryAdd((tier.Id, tier.Fingerprint), new Tier(tier, null));
            }
        }
    }

    private Tier? Known(string id, string fingerprint)
    {
        lock (_gate)
        {
            return _tiers.GetValueOrDefault((id, fingerprint));
        }
    }

    private static bool IsOnSite(Tier tier, Func<string, string, bool>? onSite) =>
        onSite is not null && tier.Record.Shards.All(s => onSite(s.Path, s.Sha256));

    /// <summary>Keys, the newest-first order and the members and fingerprint of each tier.</summary>
    private static (Dictionary<string, long> Keys, List<SearchSummary> Ordered, List<(string Id, List<SearchSummary> Members, string Fingerprint)> Tiers) Plan(IReadOnlyList<SearchSummary> documents)
    {
        var keys = SearchKeys.Assign(documents.Select(c => (c.Id, c.Date)));
        var ordered = documents.OrderByDescending(c => keys[c.Id]).ToList();
        var newest = ordered.Where(c => c.Date is not null).Select(c => JapaneseEra.FiscalYear(c.Date!.Value)).DefaultIfEmpty(int.MinValue).Max();
        bool IsRecent(SearchSummary c) => c.Date is DateOnly d && JapaneseEra.FiscalYear(d) >= newest;

        var tiers = new List<(string, List<SearchSummary>, string)>();
        foreach (var (id, members) in new[] { ("a", ordered.Where(c => !IsRecent(c)).ToList()), ("r", ordered.Where(IsRecent).ToList()) })
        {
            if (members.Count > 0)
            {
                tiers.Add((id, members, Fingerprint(members, keys)));
            }
        }

        return (keys, ordered, tiers);
    }

    private static string Fingerprint(List<SearchSummary> members, Dictionary<string, long> keys)
    {
        var text = new StringBuilder();
        foreach (var c in members)
        {
            text.Append(keys[c.Id]).Append(' ').Append(c.Digest).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private Tier BuildTier(string id, List<SearchContribution> members, Dictionary<string, long> keys, string fingerprint, Func<string, string, bool>? onSite)
    {
        var memberKeys = members.Select(c => keys[c.Id]).ToArray();

        // Bigrams are partitioned by their bits so the passes run in parallel, each worker reading
        // every document but keeping only its own terms' postings.
        // Pass 1: the exact encoded size of every posting list (key deltas depend on the order).
        var partitions = Math.Max(1, Environment.ProcessorCount) * 2;
        var terms = new Dictionary<ulong, Posting>[partitions];
        Parallel.For(0, partitions, p =>
        {
            var mine = terms[p] = [];
            for (var i = 0; i < members.Count; i++)
            {
                foreach (var (term, units) in members[i].Terms())
                {
                    if (Partition(term, partitions) != p)
                    {
                        continue;
                    }

                    if (!mine.TryGetValue(term, out var posting))
                    {
                        mine[term] = posting = new Posting(SearchText.BigramOf(term));
                    }

                    posting.Measure(memberKeys[i], units.Length);
                }
            }
        });

        var roles = new Dictionary<string, Posting>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            foreach (var (role, units, _) in members[i].Roles)
            {
                if (!roles.TryGetValue(role, out var posting))
                {
                    roles[role] = posting = new Posting(RoleKey(role));
                }

                posting.Measure(memberKeys[i], units.Length);
            }
        }

        foreach (var posting in roles.Values)
        {
            posting.Allocate();
        }

        for (var i = 0; i < members.Count; i++)
        {
            foreach (var (role, units, _) in members[i].Roles)
            {
                roles[role].Append(memberKeys[i], units);
            }
        }

        // The shard tree, from sizes alone.
        var all = terms.SelectMany(t => t.Values).Concat(roles.Values).ToList();
        var tree = new StringBuilder();
        var leaves = new List<(int Depth, uint Value, List<Posting> Postings)>();
        Split(all, 0, 0, tree, leaves);

        // Pass 2, one range of shards at a time: only that range's posting lists are filled and
        // alive (each is dropped once its shard is made), so a tier of 10,000 minutes does not
        // hold every posting list and every shard's JSON at once. The bytes do not depend on the
        // ranges: each list is appended in member order whichever range it falls in.
        var files = new SiteFile[leaves.Count];
        var shards = new SearchShard[leaves.Count];
        var hashes = new string[leaves.Count];
        var ranges = Ranges(leaves);
        for (var r = 0; r < ranges.Count; r++)
        {
            var range = ranges[r];
            var filled = range.SelectMany(leaf => leaves[leaf].Postings).Where(p => !p.IsRole).ToList();
            var inRange = r; // the closure's copy
            foreach (var posting in filled)
            {
                posting.Range = inRange;
            }

            foreach (var posting in filled)
            {
                posting.Allocate();
            }

            Parallel.For(0, partitions, p =>
            {
                var mine = terms[p];
                for (var i = 0; i < members.Count; i++)
                {
                    foreach (var (term, units) in members[i].Terms())
                    {
                        if (Partition(term, partitions) == p && mine[term] is { } posting && posting.Range == inRange)
                        {
                            posting.Append(memberKeys[i], units);
                        }
                    }
                }
            });

            Parallel.ForEach(range, leaf =>
            {
                var (depth, value, postings) = leaves[leaf];
                var json = ShardJson(postings);
                var sha = Convert.ToHexStringLower(SHA256.HashData(json));
                hashes[leaf] = sha[..12]; // SiteBuilder.ShortHash, from the one hash
                // A shard the site lacks is kept gzipped, as it will be stored (a third of its JSON:
                // the archive tier's shards are held until the rebuild writes them); one the site
                // already holds is not written, so it is not compressed.
                var path = ShardPath(id, depth, value, hashes[leaf]);
                files[leaf] = onSite?.Invoke(path, sha) == true ? SiteFile.Create(path, json, immutable: true) : SiteFile.Gzipped(path, json, immutable: true);
                shards[leaf] = new SearchShard(files[leaf].Path, sha);
            });

            foreach (var posting in range.SelectMany(leaf => leaves[leaf].Postings))
            {
                posting.Release();
            }

            // A tier too large for one range (an archive of thousands of minutes): the range's
            // posting lists and the JSON of its shards lived long enough to be promoted, so without
            // a full collection they stayed in the heap under the next range's (the cold publish
            // of 10,000 minutes grew its heap by ~200 MB while the archive tier was encoded, and
            // that was its peak). A blocking collection per range, about one a 64 MB of postings.
            if (ranges.Count > 1)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
        }

        return new Tier(new SearchTier(id, fingerprint, tree.ToString(), string.Concat(hashes), shards), files);
    }

    private static int Partition(ulong term, int partitions) => (int)((term ^ (term >> 21)) % (uint)partitions);

    /// <summary>The leaves in consecutive ranges of about <see cref="RangeBytes"/> of postings each (one range for a small tier).</summary>
    private List<List<int>> Ranges(List<(int Depth, uint Value, List<Posting> Postings)> leaves)
    {
        var ranges = new List<List<int>> { new() };
        long size = 0;
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            var bytes = leaves[leaf].Postings.Sum(p => p.JsonSize);
            if (size > 0 && size + bytes > RangeBytes)
            {
                ranges.Add([]);
                size = 0;
            }

            ranges[^1].Add(leaf);
            size += bytes;
        }

        return ranges;
    }

    private void Split(List<Posting> postings, int depth, uint value, StringBuilder tree, List<(int, uint, List<Posting>)> leaves)
    {
        long size = 2;
        foreach (var p in postings)
        {
            size += p.JsonSize;
        }

        if (size > _shardBytes && postings.Count > 1 && depth < MaxDepth)
        {
            tree.Append('1');
            var bit = 1u << depth;
            Split(postings.Where(p => (p.Hash & bit) == 0).ToList(), depth + 1, value, tree, leaves);
            Split(postings.Where(p => (p.Hash & bit) != 0).ToList(), depth + 1, value | bit, tree, leaves);
            return;
        }

        tree.Append('0');
        leaves.Add((depth, value, postings));
    }

    /// <summary><c>search/s{tier}{depth}-{hash bits in hex}.{content hash}.json</c>; search.js builds the same.</summary>
    internal static string ShardPath(string tier, int depth, uint value, string hash) =>
        $"search/s{tier}{depth.ToString(CultureInfo.InvariantCulture)}-{value.ToString("x", CultureInfo.InvariantCulture)}.{hash}.json";

    private static byte[] ShardJson(List<Posting> postings)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MinutesJson.Compact.Encoder }))
        {
            w.WriteStartObject();
            foreach (var posting in postings.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                w.WriteString(posting.Name, posting.Bytes);
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private SiteFile Manifest(List<SearchSummary> ordered, Dictionary<string, long> keys, List<Tier> tiers)
    {
        var bodies = ordered.Select(c => c.Body).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var bodyIndex = bodies.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i, StringComparer.Ordinal);
        var keyText = new System.Buffers.ArrayBufferWriter<byte>();
        var bodyText = new System.Buffers.ArrayBufferWriter<byte>();
        var names = new StringBuilder(ordered.Count * 8);
        long previous = -1;
        foreach (var c in ordered)
        {
            var key = keys[c.Id];
            PostingCodec.WriteVlq(previous < 0 ? key : previous - key, keyText);
            PostingCodec.WriteVlq(bodyIndex[c.Body], bodyText);
            names.Append(SearchKeys.FragmentName(c.Id));
            previous = key;
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MinutesJson.Compact.Encoder }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 2);
            w.WriteString("base", _urls.BasePath);
            w.WriteNumber("count", ordered.Count);
            // One row per minutes, newest first: key (VLQ, then deltas), fragment name (8 hex), 会議体 (index into bodies).
            w.WriteString("keys", keyText.WrittenSpan);
            w.WriteString("frag", names.ToString());
            w.WriteString("body", bodyText.WrittenSpan);
            w.WriteStartArray("bodies");
            foreach (var body in bodies)
            {
                w.WriteStringValue(body);
            }

            w.WriteEndArray();
            // Shard trees in preorder ('1' = split on the next hash bit, '0' = a shard), content hashes in the same order.
            w.WriteStartArray("tiers");
            foreach (var tier in tiers)
            {
                w.WriteStartObject();
                w.WriteString("id", tier.Record.Id);
                w.WriteString("tree", tier.Record.Tree);
                w.WriteString("files", tier.Record.Hashes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return SiteFile.Create(SiteUrls.SearchMetaPath, buffer.ToArray());
    }

    /// <summary>A tier with its shard files' bytes, or without them (null) when it was remembered from an earlier process.</summary>
    private sealed record Tier(SearchTier Record, IReadOnlyList<SiteFile>? Files);

    /// <summary>One term's posting list while a tier is built.</summary>
    private sealed class Posting(string name)
    {
        private long _last = -1;
        private int _fill;

        public string Name { get; } = name;

        public uint Hash { get; } = SearchText.Hash(name);

        public int Size { get; private set; }

        private readonly int _nameBytes = Encoding.UTF8.GetByteCount(name);

        /// <summary>Bytes in the shard: the name, quotes, colon, comma and the list.</summary>
        public long JsonSize => Size + _nameBytes + 6;

        public byte[] Bytes { get; private set; } = [];

        /// <summary>The range of shards being encoded that this list belongs to (see BuildTier).</summary>
        public int Range { get; set; } = -1;

        public bool IsRole => Name.StartsWith("role:", StringComparison.Ordinal);

        public void Measure(long key, int units)
        {
            Size += PostingCodec.VlqLength(_last < 0 ? key : _last - key) + units;
            _last = key;
        }

        public void Allocate()
        {
            Bytes = new byte[Size];
            _last = -1;
            _fill = 0;
        }

        /// <summary>Drops the filled list once its shard is made.</summary>
        public void Release() => Bytes = [];

        public void Append(long key, ReadOnlySpan<byte> units)
        {
            _fill += PostingCodec.WriteVlq(_last < 0 ? key : _last - key, Bytes.AsSpan(_fill));
            units.CopyTo(Bytes.AsSpan(_fill));
            _fill += units.Length;
            _last = key;
        }
    }
}

/// <summary>What <see cref="SearchIndex.Build"/> produced.</summary>
/// <param name="Shards">Every shard file of the index not in <see cref="SearchIndexFiles.Kept"/>, written before the manifest.</param>
/// <param name="Manifest"><c>search/meta.json</c>.</param>
/// <param name="Roles">Speaker roles with their turn counts, most frequent first (the search page's filter).</param>
/// <param name="TiersRebuilt">How many tiers were encoded rather than reused (0–2).</param>
public sealed record SearchIndexFiles(IReadOnlyList<SiteFile> Shards, SiteFile Manifest, IReadOnlyList<(string Role, int Turns)> Roles, int TiersRebuilt)
{
    /// <summary>Shards of reused tiers that the site already holds, by path and SHA-256: not in <see cref="Shards"/>, not to be written.</summary>
    public IReadOnlyList<SearchShard> Kept { get; init; } = [];

    /// <summary>Every tier of this build, to keep for the next process (<see cref="SearchIndex.Remember"/>).</summary>
    public IReadOnlyList<SearchTier> Tiers { get; init; } = [];
}
