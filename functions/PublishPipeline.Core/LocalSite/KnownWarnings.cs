using System.Collections.Concurrent;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>
/// The warnings of each published document (<see cref="DocumentNotes.WarningsAsync"/>), kept with
/// the published version they were read from (<see cref="MinutesPipeline.PublishedVersion"/>), so
/// a re-publish reports an unchanged document's warnings without reading its documents. A cache:
/// another version, or none, and they are read again.
/// </summary>
internal sealed class KnownWarnings
{
    /// <summary>Private state in the work folder (audit container; never published).</summary>
    public const string StateName = PipelineNames.StatePrefix + "local/warnings.json";

    private readonly ConcurrentDictionary<string, Known> _known;
    private volatile bool _changed;

    private KnownWarnings(Dictionary<string, Known> known) => _known = new ConcurrentDictionary<string, Known>(known, StringComparer.Ordinal);

    public static async Task<KnownWarnings> LoadAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(Containers.Audit, StateName, cancellationToken).ConfigureAwait(false);
        try
        {
            return new KnownWarnings(stored is null ? [] : JsonSerializer.Deserialize<Dictionary<string, Known>>(stored.Content.Span, MinutesJson.Compact) ?? []);
        }
        catch (JsonException)
        {
            return new KnownWarnings([]);
        }
    }

    /// <summary>The warnings of <paramref name="id"/> at <paramref name="version"/>, read from its documents when not known.</summary>
    public async Task<IReadOnlyList<string>> GetAsync(IObjectStore store, string id, string version, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(id, out var known) && known.Version == version && known.Warnings is not null)
        {
            return known.Warnings;
        }

        var warnings = await DocumentNotes.WarningsAsync(store, id, cancellationToken).ConfigureAwait(false);
        _known[id] = new Known(version, warnings);
        _changed = true;
        return warnings;
    }

    /// <summary>Remembers the warnings just read for <paramref name="id"/> at <paramref name="version"/>.</summary>
    public void Set(string id, string version, IReadOnlyList<string> warnings)
    {
        if (!_known.TryGetValue(id, out var known) || known.Version != version || known.Warnings is null || !known.Warnings.SequenceEqual(warnings))
        {
            _known[id] = new Known(version, warnings);
            _changed = true;
        }
    }

    /// <summary>Keeps the documents in <paramref name="current"/> only and writes the cache if anything changed.</summary>
    public async Task SaveAsync(IObjectStore store, IEnumerable<string> current, CancellationToken cancellationToken)
    {
        var keep = new HashSet<string>(current, StringComparer.Ordinal);
        foreach (var id in _known.Keys.Where(k => !keep.Contains(k)).ToList())
        {
            _changed |= _known.TryRemove(id, out _);
        }

        if (!_changed)
        {
            return;
        }

        await store.PutAsync(
            Containers.Audit,
            StateName,
            JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, Known>(_known, StringComparer.Ordinal), MinutesJson.Compact),
            new ObjectProperties { ContentType = PipelineNames.JsonContentType, CacheControl = "no-store" },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    internal sealed record Known(string Version, IReadOnlyList<string> Warnings);
}
