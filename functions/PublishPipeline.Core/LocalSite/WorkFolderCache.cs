using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>
/// A dictionary kept as one JSON file in the private work folder (audit container; never
/// published). A cache: a missing or unreadable file is an empty one, the file is written only when
/// an entry changed, and entries no longer current are dropped on saving.
/// </summary>
internal sealed class WorkFolderCache<TValue>
{
    private readonly string _name;
    private readonly ConcurrentDictionary<string, TValue> _entries;
    private volatile bool _changed;

    private WorkFolderCache(string name, Dictionary<string, TValue> entries)
    {
        _name = name;
        _entries = new ConcurrentDictionary<string, TValue>(entries, StringComparer.Ordinal);
    }

    public static async Task<WorkFolderCache<TValue>> LoadAsync(IObjectStore store, string name, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(Containers.Audit, name, cancellationToken).ConfigureAwait(false);
        try
        {
            return new WorkFolderCache<TValue>(name, stored is null ? [] : JsonSerializer.Deserialize<Dictionary<string, TValue>>(stored.Content.Span, MinutesJson.Compact) ?? []);
        }
        catch (JsonException)
        {
            return new WorkFolderCache<TValue>(name, []); // rebuilt from the documents
        }
    }

    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    /// <summary>Sets <paramref name="key"/>; the cache counts as changed unless <paramref name="same"/> says the stored value equals the new one.</summary>
    public void Set(string key, TValue value, Func<TValue, TValue, bool> same)
    {
        if (!_entries.TryGetValue(key, out var stored) || !same(stored, value))
        {
            _entries[key] = value;
            _changed = true;
        }
    }

    /// <summary>Keeps the entries of <paramref name="current"/> only and writes the file if anything changed.</summary>
    public async Task SaveAsync(IObjectStore store, IEnumerable<string> current, CancellationToken cancellationToken)
    {
        var keep = new HashSet<string>(current, StringComparer.Ordinal);
        foreach (var key in _entries.Keys.Where(k => !keep.Contains(k)).ToList())
        {
            _changed |= _entries.TryRemove(key, out _);
        }

        if (!_changed)
        {
            return;
        }

        await store.PutAsync(
            Containers.Audit,
            _name,
            JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, TValue>(_entries, StringComparer.Ordinal), MinutesJson.Compact),
            new ObjectProperties { ContentType = PipelineNames.JsonContentType, CacheControl = "no-store" },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
