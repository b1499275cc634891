using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>How a <see cref="WorkFolderCache{TValue}"/> writes and reads one value in its binary parts.</summary>
internal sealed record WorkFolderCodec<TValue>(Action<BinaryWriter, TValue> Write, Func<BinaryReader, TValue> Read);

/// <summary>
/// A dictionary kept as binary files in the private work folder (audit container; never
/// published). A cache: a missing or unreadable file is an empty part, a file is written only when
/// an entry of it changed, and entries no longer current are dropped on saving.
/// The entries are spread over <see cref="Parts"/> files by a hash of the key (<c>NAME/0a.bin</c>
/// for <c>NAME.json</c>), so a re-publish that changes one entry of a 10,000-minutes archive
/// rewrites one part of the stamps and warnings, not all of them; the parts are read in parallel.
/// Each part is sealed (<see cref="SealedBinary"/>) and read by the owner's
/// <see cref="WorkFolderCodec{TValue}"/>: no reflection-based JSON on a re-publish's path.
/// The earlier layouts (JSON parts <c>NAME/0a.json</c>, one file <c>NAME.json</c>) are read once
/// when no binary part is there, written as binary parts, and removed.
/// </summary>
internal sealed class WorkFolderCache<TValue>
{
    /// <summary>Files the entries are spread over.</summary>
    internal const int Parts = 16;

    // The body: the entry count, then each key and its value as the codec writes it.
    private const int FormatVersion = 1;

    private static readonly byte[] Magic = "PPWC"u8.ToArray();

    private readonly string _name;
    private readonly WorkFolderCodec<TValue> _codec;
    private readonly ConcurrentDictionary<string, TValue> _entries;
    private readonly int[] _changed = new int[Parts];
    private readonly IReadOnlyList<string> _earlier; // files of an earlier layout read: written as parts, then removed

    private WorkFolderCache(string name, WorkFolderCodec<TValue> codec, ConcurrentDictionary<string, TValue> entries, IReadOnlyList<string> earlier)
    {
        _name = name;
        _codec = codec;
        _entries = entries;
        _earlier = earlier;
        if (earlier.Count > 0)
        {
            Array.Fill(_changed, 1);
        }
    }

    public static async Task<WorkFolderCache<TValue>> LoadAsync(IObjectStore store, string name, WorkFolderCodec<TValue> codec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var entries = new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal);
        var found = new ConcurrentBag<string>();
        await ReadPartsAsync(store, name, "bin", found, content => ReadBinary(content, codec), entries, cancellationToken).ConfigureAwait(false);
        if (!found.IsEmpty)
        {
            return new WorkFolderCache<TValue>(name, codec, entries, []);
        }

        await ReadPartsAsync(store, name, "json", found, ReadJson, entries, cancellationToken).ConfigureAwait(false);
        if (found.IsEmpty && await store.GetAsync(Containers.Audit, name, cancellationToken).ConfigureAwait(false) is { } single)
        {
            found.Add(name);
            foreach (var (key, value) in ReadJson(single.Content))
            {
                entries[key] = value;
            }
        }

        return new WorkFolderCache<TValue>(name, codec, entries, [.. found]);
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
                SealedBinary.Write(Magic, FormatVersion, w =>
                {
                    w.Write(part.Value.Count);
                    foreach (var (key, value) in part.Value)
                    {
                        w.Write(key);
                        _codec.Write(w, value);
                    }
                }),
                new ObjectProperties { ContentType = "application/octet-stream", CacheControl = "no-store" },
                cancellationToken: ct).ConfigureAwait(false)).ConfigureAwait(false);
        Array.Clear(_changed);
        foreach (var earlier in _earlier)
        {
            await store.DeleteAsync(Containers.Audit, earlier, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary><c>NAME/0a.bin</c> for <c>NAME.json</c>.</summary>
    internal static string PartName(string name, int part, string extension = "bin") =>
        $"{(name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : name)}/{part:x2}.{extension}";

    private static async Task ReadPartsAsync(IObjectStore store, string name, string extension, ConcurrentBag<string> found, Func<ReadOnlyMemory<byte>, IEnumerable<KeyValuePair<string, TValue>>> read, ConcurrentDictionary<string, TValue> entries, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Parts),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (part, ct) =>
            {
                var partName = PartName(name, part, extension);
                var stored = await store.GetAsync(Containers.Audit, partName, ct).ConfigureAwait(false);
                if (stored is not null)
                {
                    found.Add(partName);
                    foreach (var (key, value) in read(stored.Content))
                    {
                        entries[key] = value;
                    }
                }
            }).ConfigureAwait(false);

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

    private static Dictionary<string, TValue> ReadBinary(ReadOnlyMemory<byte> content, WorkFolderCodec<TValue> codec) =>
        SealedBinary.Read(
            MemoryMarshal.TryGetArray(content, out var array) && array.Offset == 0 && array.Count == array.Array!.Length ? array.Array : content.ToArray(),
            Magic,
            FormatVersion,
            r =>
            {
                var count = CacheBinary.ReadCount(r);
                var part = new Dictionary<string, TValue>(count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    var key = r.ReadString();
                    part[key] = codec.Read(r);
                }

                return part;
            }) ?? []; // made again from the documents

    // The earlier layouts only: read once, then written as binary parts.
    private static Dictionary<string, TValue> ReadJson(ReadOnlyMemory<byte> content)
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
