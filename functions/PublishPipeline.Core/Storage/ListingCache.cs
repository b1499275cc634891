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

    private const int FormatVersion = 3; // 2: the change time and the inode; 3: the folders' stamps

    private static readonly byte[] Magic = "PPLC"u8.ToArray();

    private readonly Dictionary<string, Entry> _entries;

    // Per listing scope ("" for a whole container, "a/b/" for a folder): the stamp of every folder
    // under it when a listing found every object there cacheable (see TrustedEntries).
    private readonly Dictionary<string, Dictionary<string, FileStatus.Stamp>> _folders;

    private ListingCache(Dictionary<string, Entry> entries, Dictionary<string, Dictionary<string, FileStatus.Stamp>>? folders = null)
    {
        _entries = entries;
        _folders = folders ?? new(StringComparer.Ordinal);
    }

    /// <summary>One object as listed, with the size and times of the file its record was read from.</summary>
    public readonly record struct Entry(FileStatus.Stamp File, ObjectInfo Info);

    public static ListingCache Empty => new(new Dictionary<string, Entry>(StringComparer.Ordinal));

    /// <summary>
    /// The objects of <paramref name="scope"/> without a walk or a stat per file, when every folder
    /// under it (paths relative to <paramref name="containerFolder"/>) still has the stamp (size,
    /// times, inode) it had when a listing of that scope found every object cacheable; null
    /// otherwise. The store writes an object as a new file renamed into place and deletes by
    /// unlinking, so any object it adds, replaces or deletes changes its folder's times; only a
    /// file changed in place behind the store (an editor, <c>setfattr</c>, <c>cp</c> over it)
    /// leaves them, which is why the site container is never listed this way.
    /// </summary>
    public IEnumerable<ObjectInfo>? TrustedEntries(string scope, string containerFolder)
    {
        if (!_folders.TryGetValue(scope, out var folders) ||
            !folders.All(f => FileStatus.OfFolder(Path.Combine(containerFolder, f.Key)) is { } now && now == f.Value))
        {
            return null;
        }

        return _entries.Where(e => e.Key.StartsWith(scope, StringComparison.Ordinal)).Select(e => e.Value.Info);
    }

    /// <summary>The cached object at <paramref name="relative"/> if the file still has that size and those times.</summary>
    public ObjectInfo? Get(string relative, FileStatus.Stamp file) =>
        _entries.TryGetValue(relative, out var entry) && entry.File == file ? entry.Info : null;

    /// <summary>The entries, for tests.</summary>
    internal IReadOnlyDictionary<string, Entry> Entries => _entries;

    /// <summary>
    /// The cache after a listing: the entries outside its scope as they were, and within it only
    /// what <paramref name="seen"/> holds; null when nothing changed (no write needed).
    /// </summary>
    /// <param name="scope">The listing's scope when it covers a whole folder, else null.</param>
    /// <param name="folders">The stamps of the folders under <paramref name="scope"/>, taken before the walk, when every object it found is in <paramref name="seen"/>; else null.</param>
    public ListingCache? After(Dictionary<string, Entry> seen, Func<string, ObjectInfo, bool> inScope, string? scope = null, Dictionary<string, FileStatus.Stamp>? folders = null)
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

        // Folder stamps hold only for the entries they were taken with: a listing that changed
        // entries drops those of every scope it overlaps, and records its own when it may.
        var nextFolders = new Dictionary<string, Dictionary<string, FileStatus.Stamp>>(_folders, StringComparer.Ordinal);
        foreach (var kept in _folders.Keys.Where(k => scope is not null && (changed || folders is null) && (k.StartsWith(scope, StringComparison.Ordinal) || scope.StartsWith(k, StringComparison.Ordinal))))
        {
            nextFolders.Remove(kept);
            changed = true;
        }

        if (scope is not null && folders is not null &&
            !(nextFolders.TryGetValue(scope, out var had) && had.Count == folders.Count && folders.All(f => had.TryGetValue(f.Key, out var s) && s == f.Value)))
        {
            nextFolders[scope] = folders;
            changed = true;
        }

        return changed ? new ListingCache(next, nextFolders) : null;
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

            w.Write(_folders.Count);
            foreach (var (scope, folders) in _folders)
            {
                w.Write(scope);
                w.Write(folders.Count);
                foreach (var (folder, stamp) in folders)
                {
                    w.Write(folder);
                    WriteStamp(w, stamp);
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

        var scopes = new Dictionary<string, Dictionary<string, FileStatus.Stamp>>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var (scope, folders) = (r.ReadString(), new Dictionary<string, FileStatus.Stamp>(StringComparer.Ordinal));
            for (var f = r.ReadInt32(); f > 0; f--)
            {
                folders[r.ReadString()] = ReadStamp(r);
            }

            scopes[scope] = folders;
        }

        return new ListingCache(entries, scopes);
    });

    private static void WriteStamp(BinaryWriter w, FileStatus.Stamp stamp)
    {
        w.Write(stamp.Length);
        w.Write(stamp.LastWriteTicks);
        w.Write(stamp.ChangeTicks);
        w.Write(stamp.Inode);
    }

    private static FileStatus.Stamp ReadStamp(BinaryReader r) => new(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
}

/// <summary>The listing caches of one store: read once per container, kept in memory after each listing, written when they changed.</summary>
internal sealed class ListingCaches(string folder)
{
    private readonly ConcurrentDictionary<string, ListingCache> _loaded = new(StringComparer.Ordinal);

    /// <summary>The private folder holding one cache file per container.</summary>
    public string Folder { get; } = folder;

    public ListingCache For(string container) => _loaded.GetOrAdd(container, c => ListingCache.Read(PathOf(c)));

    /// <summary>Records what a listing of <paramref name="container"/> found (see <see cref="ListingCache.After"/>).</summary>
    public void Listed(string container, ListingCache before, Dictionary<string, ListingCache.Entry> seen, Func<string, ObjectInfo, bool> inScope, string? scope = null, Dictionary<string, FileStatus.Stamp>? folders = null)
    {
        if (before.After(seen, inScope, scope, folders) is { } next)
        {
            _loaded[container] = next;
            next.Write(PathOf(container));
        }
    }

    // One file per container; "$web" is not a file name to keep.
    private string PathOf(string container) => Path.Combine(Folder, container == Containers.Web ? "_web" : container);
}
