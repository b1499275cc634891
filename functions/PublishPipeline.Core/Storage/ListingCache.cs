using System.Collections.Concurrent;

namespace PublishPipeline.Storage;

/// <summary>
/// What the file-system store's last listing of a container read from each object's record (its
/// name, ETag and metadata), kept in one private file per container, so a listing of 10,000
/// objects that did not change is a stat of each file instead of reading and parsing each one's
/// record (an extended attribute or a sidecar) and hashing its properties into the ETag again.
///
/// An entry is used only while the file has the size, last-write time, inode change time (ctime)
/// and inode number (<see cref="FileStatus"/>) it had when the record was read. The change time moves with
/// anything done to the file — a write by the store (a new file renamed into place), another
/// process, an editor, <c>cp</c>, a record set on its own (<c>setfattr</c>), an old copy put back
/// with its old time (<c>cp -a</c>, <c>rsync -t</c>) — and no program can set it back; a deleted
/// or added file is seen by the listing's own walk. (A hard link or a <c>chmod</c> moves it too:
/// the next listing reads those records once more.) An entry is kept only for a file last changed
/// at least <see cref="Settle"/> before the listing began, so two changes within one tick of the
/// file system's clock cannot share a time. Where the platform gives no change time (elsewhere
/// than 64-bit Linux) the entry goes by size and last-write time, and there a record changed on
/// its own or an old copy put back with its time goes unseen; deleting the cache folder undoes
/// either. A cache, not a record: missing, damaged or of another format, it is empty, and the
/// listing reads every record as before.
/// </summary>
internal sealed class ListingCache
{
    /// <summary>Files changed this recently are not cached (see the summary).</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>Whether a file of this stamp, seen at <paramref name="now"/>, changed long enough ago to be cached.</summary>
    public static bool Settled(FileStatus.Stamp file, DateTime now, TimeSpan settle) =>
        Math.Max(file.LastWriteTicks, file.ChangeTicks) < (now - settle).Ticks;

    private const int FormatVersion = 2; // 2: the change time and the inode

    private static readonly byte[] Magic = "PPLC"u8.ToArray();

    private readonly Dictionary<string, Entry> _entries;

    private ListingCache(Dictionary<string, Entry> entries) => _entries = entries;

    /// <summary>One object as listed, with the size and times of the file its record was read from.</summary>
    public readonly record struct Entry(FileStatus.Stamp File, ObjectInfo Info);

    public static ListingCache Empty => new(new Dictionary<string, Entry>(StringComparer.Ordinal));

    /// <summary>The cached object at <paramref name="relative"/> if the file still has that size and those times.</summary>
    public ObjectInfo? Get(string relative, FileStatus.Stamp file) =>
        _entries.TryGetValue(relative, out var entry) && entry.File == file ? entry.Info : null;

    /// <summary>The entries, for tests.</summary>
    internal IReadOnlyDictionary<string, Entry> Entries => _entries;

    /// <summary>
    /// The cache after a listing: the entries outside its scope as they were, and within it only
    /// what <paramref name="seen"/> holds; null when nothing changed (no write needed).
    /// </summary>
    public ListingCache? After(Dictionary<string, Entry> seen, Func<string, ObjectInfo, bool> inScope)
    {
        var changed = false;
        var next = new Dictionary<string, Entry>(seen, StringComparer.Ordinal);
        foreach (var (relative, entry) in _entries)
        {
            if (seen.TryGetValue(relative, out var now))
            {
                changed |= now != entry;
            }
            else if (inScope(relative, entry.Info))
            {
                changed = true; // gone, or no longer cacheable
            }
            else
            {
                next[relative] = entry;
            }
        }

        changed |= seen.Keys.Any(k => !_entries.ContainsKey(k));
        return changed ? new ListingCache(next) : null;
    }

    public static ListingCache Read(string path)
    {
        try
        {
            return FromBytes(File.ReadAllBytes(path)) ?? Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }
    }

    /// <summary>Written whole and renamed into place; a failure leaves the earlier cache (or none), which only costs reading records again.</summary>
    public void Write(string path)
    {
        var temp = path + ".~tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temp, ToBytes());
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
        }
    }

    internal byte[] ToBytes()
    {
        return SealedBinary.Write(Magic, FormatVersion, w =>
        {
            w.Write(_entries.Count);
            foreach (var (relative, (file, info)) in _entries)
            {
                w.Write(relative);
                w.Write(file.Length);
                w.Write(file.LastWriteTicks);
                w.Write(file.ChangeTicks);
                w.Write(file.Inode);
                w.Write(info.Name);
                w.Write(info.Length);
                w.Write(info.ETag);
                w.Write(info.LastModified.UtcTicks);
                w.Write(info.Metadata.Count);
                foreach (var (key, value) in info.Metadata)
                {
                    w.Write(key);
                    w.Write(value);
                }
            }
        });
    }

    /// <summary>Reads <see cref="ToBytes"/> back; null when damaged or of another format.</summary>
    internal static ListingCache? FromBytes(byte[] bytes) => SealedBinary.Read(bytes, Magic, FormatVersion, r =>
    {
        var count = r.ReadInt32();
        var entries = new Dictionary<string, Entry>(count, StringComparer.Ordinal);
        for (var n = 0; n < count; n++)
        {
            var (relative, file) = (r.ReadString(), new FileStatus.Stamp(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64()));
            var (name, infoLength, etag, modified) = (r.ReadString(), r.ReadInt64(), r.ReadString(), r.ReadInt64());
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var m = r.ReadInt32(); m > 0; m--)
            {
                metadata[r.ReadString()] = r.ReadString();
            }

            entries[relative] = new Entry(file, new ObjectInfo(name, infoLength, etag, new DateTimeOffset(modified, TimeSpan.Zero), metadata));
        }

        return new ListingCache(entries);
    });
}

/// <summary>The listing caches of one store: read once per container, kept in memory after each listing, written when they changed.</summary>
internal sealed class ListingCaches(string folder)
{
    private readonly ConcurrentDictionary<string, ListingCache> _loaded = new(StringComparer.Ordinal);

    /// <summary>The private folder holding one cache file per container.</summary>
    public string Folder { get; } = folder;

    public ListingCache For(string container) => _loaded.GetOrAdd(container, c => ListingCache.Read(PathOf(c)));

    /// <summary>Records what a listing of <paramref name="container"/> found (see <see cref="ListingCache.After"/>).</summary>
    public void Listed(string container, ListingCache before, Dictionary<string, ListingCache.Entry> seen, Func<string, ObjectInfo, bool> inScope)
    {
        if (before.After(seen, inScope) is { } next)
        {
            _loaded[container] = next;
            next.Write(PathOf(container));
        }
    }

    // One file per container; "$web" is not a file name to keep.
    private string PathOf(string container) => Path.Combine(Folder, container == Containers.Web ? "_web" : container);
}
