using System.Text.Json;
using PublishPipeline.Site.Search;

namespace PublishPipeline.Site.Tests;

/// <summary>
/// Reads a built search index the way search.js does (manifest → shard tree → shard → posting),
/// so tests check what the browser will get, not the builder's internals.
/// </summary>
internal sealed class SearchIndexReader
{
    private readonly Dictionary<string, SiteFile> _files;
    private readonly List<(string Id, Dictionary<string, string> Leaves)> _tiers = [];

    public SearchIndexReader(IEnumerable<SiteFile> files)
    {
        _files = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        using var meta = JsonDocument.Parse(_files[SiteUrls.SearchMetaPath].Content);
        var root = meta.RootElement;
        Count = root.GetProperty("count").GetInt32();
        Base = root.GetProperty("base").GetString()!;
        Bodies = [.. root.GetProperty("bodies").EnumerateArray().Select(b => b.GetString()!)];
        var keys = root.GetProperty("keys").GetString()!;
        var frag = root.GetProperty("frag").GetString()!;
        // The keys column is one posting-style VLQ run: first key, then deltas.
        var at = 0;
        long key = 0;
        for (var i = 0; i < Count; i++)
        {
            var delta = ReadVlq(keys, ref at);
            key = i == 0 ? delta : key - delta;
            DocumentKeys.Add(key);
            FragmentNames[key] = frag.Substring(8 * i, 8);
        }

        foreach (var tier in root.GetProperty("tiers").EnumerateArray())
        {
            var tree = tier.GetProperty("tree").GetString()!;
            var hashes = tier.GetProperty("files").GetString()!;
            var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
            int t = 0, n = 0;
            void Walk(int depth, uint value)
            {
                if (tree[t++] == '1')
                {
                    Walk(depth + 1, value);
                    Walk(depth + 1, value | (1u << depth));
                }
                else
                {
                    leaves[$"{depth}:{value}"] = hashes.Substring(12 * n++, 12);
                }
            }

            Walk(0, 0);
            Assert.Equal(tree.Length, t);
            Assert.Equal(hashes.Length, 12 * n);
            _tiers.Add((tier.GetProperty("id").GetString()!, leaves));
        }
    }

    public int Count { get; }

    public string Base { get; }

    public IReadOnlyList<string> Bodies { get; }

    /// <summary>Newest first.</summary>
    public List<long> DocumentKeys { get; } = [];

    public Dictionary<long, string> FragmentNames { get; } = [];

    /// <summary>The shard paths a key is looked up in, one per tier.</summary>
    public IReadOnlyList<string> ShardPaths(string key)
    {
        var hash = SearchText.Hash(key);
        var paths = new List<string>();
        foreach (var (id, leaves) in _tiers)
        {
            for (var depth = 0; depth <= 24; depth++)
            {
                var value = depth == 0 ? 0 : hash & ((1u << depth) - 1);
                if (leaves.TryGetValue($"{depth}:{value}", out var file))
                {
                    paths.Add(SearchIndex.ShardPath(id, depth, value, file));
                    break;
                }
            }
        }

        return paths;
    }

    /// <summary>Document key → unit ids where the index key occurs, over all tiers.</summary>
    public SortedDictionary<long, int[]> Postings(string key)
    {
        var result = new SortedDictionary<long, int[]>();
        foreach (var path in ShardPaths(key))
        {
            using var shard = JsonDocument.Parse(_files[path].Content);
            if (shard.RootElement.TryGetProperty(key, out var posting))
            {
                foreach (var (k, ids) in PostingCodec.Decode(posting.GetString()!))
                {
                    result.Add(k, ids);
                }
            }
        }

        return result;
    }

    /// <summary>Every posting list a shard holds, decoded.</summary>
    public static Dictionary<string, SortedDictionary<long, int[]>> Postings(SiteFile shard)
    {
        using var json = JsonDocument.Parse(shard.Content);
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => PostingCodec.Decode(p.Value.GetString()!), StringComparer.Ordinal);
    }

    private static long ReadVlq(string s, ref int at)
    {
        long value = 0;
        var shift = 0;
        int digit;
        do
        {
            digit = PostingCodec.Alphabet.IndexOf(s[at++], StringComparison.Ordinal);
            value |= (long)(digit & 31) << shift;
            shift += 5;
        }
        while ((digit & 32) != 0);
        return value;
    }
}
