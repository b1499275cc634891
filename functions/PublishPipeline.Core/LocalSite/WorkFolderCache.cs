using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>
/// A dictionary kept as JSON files in the private work folder (audit container; never
/// published). A cache: a missing or unreadable file is an empty part, a file is written only when
/// an entry of it changed, and entries no longer current are dropped on saving.
/// The entries are spread over <see cref="Parts"/> files by a hash of the key (<c>NAME/0a.json</c>
/// for <c>NAME.json</c>), so a re-publish that changes one entry of a 10,000-minutes archive
/// rewrites one part of the stamps and warnings, not all of them; the parts are read in parallel.
/// </summary>
internal sealed class WorkFolderCache<TValue>
{
    /// <summary>Files the entries are spread over.</summary>
    internal const int Parts = 16;

    private readonly string _name;
    private readonly ConcurrentDictionary<string, TValue> _entries;
    private readonly int[] _changed = new int[Parts];
    private readonly bool _single; // read from the one file of the earlier layout: written as parts, that file removed

    private WorkFolderCache(string name, ConcurrentDictionary<string, TValue> entries, bool single)
    {
        _name = name;
        _entries = entries;
        _single = single;
        if (single)
        {
            Array.Fill(_changed, 1);
        }
    }

    public static async Task<WorkFolderCache<TValue>> LoadAsync(IObjectStore store, string name, CancellationToken cancellationToken)
    {
        var entries = new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal);
        var found = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Parts),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (part, ct) =>
            {
                var stored = await store.GetAsync(Containers.Audit, PartName(name, part), ct).ConfigureAwait(false);
                if (stored is not null)
                {
                    Interlocked.Increment(ref found);
                    foreach (var (key, value) in Parse(stored.Content))
                    {
                        entries[key] = value;
                    }
                }
            }).ConfigureAwait(false);
        if (found > 0)
        {
            return new WorkFolderCache<TValue>(name, entries, single: false);
        }

        var single = await store.GetAsync(Containers.Audit, name, cancellationToken).ConfigureAwait(false);
        return single is null
            ? new WorkFolderCache<TValue>(name, entries, single: false)
            : new WorkFolderCache<TValue>(name, new ConcurrentDictionary<string, TValue>(Parse(single.Content), StringComparer.Ordinal), single: true);
    }

    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    /// <summary>Sets <paramref name="key"/>; its part counts as changed unless <paramref name="same"/> says the stored value equals the new one.</summary>
    public void Set(string key, TValue value, Func<TValue, TValue, bool> same)
    {
        if (!_entries.TryGetValue(key, out var stored) || !same(stored, value))
        {
            _entries[key] = value;
            Volatile.Write(ref _changed[PartOf(key)], 1);
        }
    }

    /// <summary>Keeps the entries of <paramref name="current"/> only and writes the parts in which anything changed.</summary>
    public async Task SaveAsync(IObjectStore store, IEnumerable<string> current, CancellationToken cancellationToken)
    {
        var keep = new HashSet<string>(current, StringComparer.Ordinal);
        foreach (var key in _entries.Keys.Where(k => !keep.Contains(k)).ToList())
        {
            if (_entries.TryRemove(key, out _))
            {
                _changed[PartOf(key)] = 1;
            }
        }

        var changed = Enumerable.Range(0, Parts).Where(p => _changed[p] != 0).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var parts = changed.ToDictionary(p => p, _ => new SortedDictionary<string, TValue>(StringComparer.Ordinal));
        foreach (var (key, value) in _entries)
        {
            if (parts.TryGetValue(PartOf(key), out var part))
            {
                part[key] = value;
            }
        }

        await Parallel.ForEachAsync(
            parts,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (part, ct) => await store.PutAsync(
                Containers.Audit,
                PartName(_name, part.Key),
                JsonSerializer.SerializeToUtf8Bytes(part.Value, MinutesJson.Compact),
                new ObjectProperties { ContentType = PipelineNames.JsonContentType, CacheControl = "no-store" },
                cancellationToken: ct).ConfigureAwait(false)).ConfigureAwait(false);
        Array.Clear(_changed);
        if (_single)
        {
            await store.DeleteAsync(Containers.Audit, _name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary><c>NAME/0a.json</c> for <c>NAME.json</c>.</summary>
    internal static string PartName(string name, int part) =>
        $"{(name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : name)}/{part:x2}.json";

    // FNV-1a over the key's UTF-16 code units: the same part in every process and on every platform.
    private static int PartOf(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Parts);
    }

    private static Dictionary<string, TValue> Parse(ReadOnlyMemory<byte> content)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, TValue>>(content.Span, MinutesJson.Compact) ?? [];
        }
        catch (JsonException)
        {
            return []; // rebuilt from the documents
        }
    }
}
