using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace PublishPipeline.Storage;

/// <summary>
/// <see cref="IObjectStore"/> on the local file system, the CLI's default. Each container is a
/// folder under <see cref="Root"/> unless mapped elsewhere (the CLI maps <c>$web</c> to the
/// --site folder, so the site folder holds exactly the site). Content headers, metadata and the
/// real object name (the object's record) live in an extended attribute of the object's file
/// (<see cref="ExtendedAttributes"/>), so an object is one file and nothing private is a file
/// in the site folder. Where the file system keeps no extended attributes, or a record is too
/// large for one, the record is a sidecar file under <c>Root/.meta</c> instead, as every record
/// was before (such work folders are still read: a file without the attribute has its sidecar
/// read, and the next write of that object moves its record into the attribute).
/// Writes go to a temporary file in the same folder and are renamed into place, so a reader sees
/// the old or the new content, never half; the attribute is set on the temporary file, so the
/// rename commits both. Writes, deletes and conditional checks of one object
/// are serialised by a lock chosen by the path within this process (the CLI is one process).
/// Only the content of the objects <see cref="Durable"/> names is forced to disk (fsync) before the rename: the
/// records nothing else can make again. Everything else is made again from them (a file a crash
/// left short fails the size check, so its record is ignored and the file is rewritten).
/// </summary>
public sealed partial class FileSystemObjectStore : IObjectStore
{
    private const string MetaFolder = ".meta";
    private const string ListingsFolder = ".listings";
    private const string SidecarSuffix = ".props.json";
    private const string TempPrefix = ".~tmp-";

    // Longest segment kept as a real file name (bytes); longer ones are stored under a hash.
    private const int MaxSegmentBytes = 200;

    // A gate per path would stay in memory for every object ever written (a publish of 10,000
    // minutes writes about 130,000): a fixed set, chosen by the path's hash, bounds that. Two paths
    // that share a gate only wait for each other; no code holds one gate while taking another.
    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    private readonly IReadOnlyDictionary<string, string> _containerFolders;

    // Folders this store made or found, so a write does not ask the file system again for each
    // object (two folders per write). A folder pruned since is made again when a write finds it gone.
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    // Per container: whether sidecar files may exist (its .meta folder existed when first asked,
    // or this store wrote one), so reads and deletes of objects with an attribute skip the sidecar.
    private readonly ConcurrentDictionary<string, bool> _sidecars = new(StringComparer.Ordinal);

    // Containers whose file system refused an extended attribute: records go to sidecars there.
    private readonly ConcurrentDictionary<string, bool> _noAttributes = new(StringComparer.Ordinal);

    // What earlier listings read of each object's record (ListingCache): a listing reads only the records of files written since.
    private readonly ListingCaches _listings;

    /// <param name="root">Folder holding one sub-folder per container and the private <c>.meta</c> folder.</param>
    /// <param name="containerFolders">Containers kept elsewhere, e.g. <c>$web</c> → the site folder.</param>
    public FileSystemObjectStore(string root, IReadOnlyDictionary<string, string>? containerFolders = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        _listings = new ListingCaches(Path.Combine(Root, ListingsFolder));
        _containerFolders = (containerFolders ?? new Dictionary<string, string>())
            .ToDictionary(kv => kv.Key, kv => Path.GetFullPath(kv.Value), StringComparer.Ordinal);
        foreach (var folder in _containerFolders.Values)
        {
            if (IsUnder(Path.Combine(Root, MetaFolder), folder) || IsUnder(folder, Path.Combine(Root, MetaFolder)))
            {
                throw new ArgumentException($"The container folder {folder} overlaps the private metadata folder under {Root}.", nameof(containerFolders));
            }
        }
    }

    public string Root { get; }

    /// <summary>
    /// Which objects (container, name) are forced to disk before they replace the old version.
    /// Default: every object; the pipeline's doors pass <c>PipelineNames.IsDurable</c>.
    /// </summary>
    public Func<string, string, bool> Durable { get; init; } = static (_, _) => true;

    /// <summary>How long ago a file must have changed for a listing to cache its record (<see cref="ListingCache.Settle"/>; tests shorten it).</summary>
    internal TimeSpan ListingSettle { get; init; } = ListingCache.Settle;

    /// <summary>
    /// Whether records are kept in extended attributes where the file system has them (default);
    /// false writes the earlier layout, a sidecar per object (the tests read that layout back).
    /// </summary>
    public bool RecordsInAttributes { get; init; } = true;

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var (file, _) = Locate(container, name);
        return Task.FromResult(File.Exists(file));
    }

    public Task<ObjectStat?> StatAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        // One statx of the file alone (no sidecar path): a site check stats ~60,000 files.
        var stamp = FileStatus.Of(FileOf(container, name));
        return Task.FromResult(stamp is { } s ? new ObjectStat(s.Length, new DateTimeOffset(s.LastWriteTicks, TimeSpan.Zero)) : null);
    }

    /// <summary>The folder that holds a container's objects.</summary>
    public string ContainerFolder(string container)
    {
        ValidateContainer(container);
        return _containerFolders.TryGetValue(container, out var folder) ? folder : Path.Combine(Root, container);
    }

    public Task<StoredObject?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        // Synchronous file calls: a local file is read faster so than through the thread pool
        // that .NET's asynchronous file I/O uses on Linux, and a publish reads many small files.
        cancellationToken.ThrowIfCancellationRequested();
        var (file, sidecar) = Locate(container, name);
        byte[] content;
        Sidecar? props;
        // Content and attribute from one open file: both of the same version of the object.
        using (var handle = FileToRead.Open(file))
        {
            if (handle is null)
            {
                return Task.FromResult<StoredObject?>(null);
            }

            content = ReadAll(handle);
            props = ParseRecord(ExtendedAttributes.Get(handle));
        }

        if (props is null && MaySidecar(container))
        {
            props = ReadSidecar(sidecar);
        }

        // A sidecar that describes other bytes (a crash between the two renames) is ignored.
        // The content is hashed once, for that check and for the ETag.
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var properties = props is not null && props.Sha256 == sha ? props.ToProperties() : ObjectProperties.None;
        return Task.FromResult<StoredObject?>(new StoredObject(name, content, properties, ETagOf(sha, properties)) { ContentSha256 = sha });
    }

    public async Task<OpenedObject?> OpenAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (file, sidecar) = Locate(container, name);
        // Record and content from one open file: both of the same version (a write replaces the file by a rename).
        var handle = FileToRead.Open(file);
        if (handle is null)
        {
            return null;
        }

        try
        {
            var length = RandomAccess.GetLength(handle);
            var record = ParseRecord(ExtendedAttributes.Get(handle));
            if (record is null && MaySidecar(container))
            {
                record = ReadSidecar(sidecar);
            }

            if (record is not null && record.Length == length)
            {
                // Trusted as a listing trusts it (the size check); a reader of the content checks its hash.
                var properties = record.ToProperties();
                return new OpenedObject(name, properties, ETagOf(record.Sha256, properties), length, record.Sha256, new FileStream(handle, FileAccess.Read, bufferSize: 64 * 1024));
            }
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        // No record that fits the file (a crash cut it short, a file put there by hand): read whole, as GetAsync judges it.
        handle.Dispose();
        return await GetAsync(container, name, cancellationToken).ConfigureAwait(false) is { } stored ? OpenedObject.Of(stored) : null;
    }

    public Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (file, _) = Locate(container, name);
        try
        {
            // Shared as a read of bytes is: a write replaces the file by a rename, so the open file stays one version.
            return Task.FromResult<Stream?>(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<string> PutAsync(
        string container,
        string name,
        ReadOnlyMemory<byte> content,
        ObjectProperties properties,
        WriteCondition? condition = null,
        CancellationToken cancellationToken = default) =>
        PutAsync(container, name, content, contentSha256: null, properties, condition, cancellationToken);

    /// <param name="contentSha256">The content's SHA-256 as the caller computed it, or null to hash it here.</param>
    public async Task<string> PutAsync(
        string container,
        string name,
        ReadOnlyMemory<byte> content,
        string? contentSha256,
        ObjectProperties properties,
        WriteCondition? condition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ObjectMetadata.Validate(properties);
        var (file, sidecar) = Locate(container, name);
        var gate = GateOf(file);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CheckConditionAsync(container, name, condition, cancellationToken).ConfigureAwait(false);
            var sha = contentSha256 ?? Convert.ToHexStringLower(SHA256.HashData(content.Span));
            EnsureKnownFolder(Path.GetDirectoryName(file)!);
            return Commit(container, name, file, sidecar, sha, content.Length, properties.WithContentSha256(sha), (path, durable, attribute) => WriteAtomically(path, content.Span, durable, attribute));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <exception cref="WriteConflictException">The <paramref name="condition"/> does not hold now.</exception>
    private async Task CheckConditionAsync(string container, string name, WriteCondition? condition, CancellationToken cancellationToken)
    {
        if (condition is not null)
        {
            var current = await GetAsync(container, name, cancellationToken).ConfigureAwait(false);
            if (condition.IfNotExists && current is not null)
            {
                throw new WriteConflictException($"{container}/{name} already exists.");
            }

            if (condition.IfMatchETag is { } expected && (current is null || current.ETag != expected))
            {
                throw new WriteConflictException($"{container}/{name} changed: expected ETag {expected}, found {current?.ETag ?? "no object"}.");
            }
        }
    }

    /// <summary>
    /// Records the object and commits its content: <paramref name="write"/> puts the content at a path
    /// (durably or not, with the record as its attribute when given) and returns 0 or the errno with
    /// which the file system refused the attribute. Called under the object's gate.
    /// </summary>
    private string Commit(string container, string name, string file, string sidecar, string sha, long length, ObjectProperties properties, Func<string, bool, byte[]?, int> write)
    {
        var record = JsonSerializer.SerializeToUtf8Bytes(Sidecar.From(name, sha, length, properties), SidecarJson.Default.Sidecar);
        var durable = Durable(container, name);

        // The record in the file's attribute: one file, committed with the content by its rename.
        if (RecordsInAttributes && !_noAttributes.ContainsKey(container))
        {
            var refused = write(file, durable, record);
            if (refused == 0)
            {
                if (MaySidecar(container))
                {
                    DeleteSidecar(container, sidecar); // the earlier layout's record, now stale
                }

                return ETagOf(sha, properties);
            }

            if (refused == ExtendedAttributes.NotSupported)
            {
                _noAttributes.TryAdd(container, true);
            }
        }

        // Sidecar first, content last: the content's rename is the commit point, and a reader
        // that finds a sidecar whose hash does not match the content ignores the sidecar.
        // Only the content is forced to disk: a sidecar a crash lost or cut short is ignored
        // (see GetAsync), which costs a stage run again, never a record.
        _sidecars[container] = true;
        EnsureKnownFolder(Path.GetDirectoryName(sidecar)!);
        WriteAtomically(sidecar, record, durable: false, attribute: null);
        write(file, durable, null);
        return ETagOf(sha, properties);
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var (file, sidecar) = Locate(container, name);
        var gate = GateOf(file);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existed = File.Exists(file);
            File.Delete(file);
            if (MaySidecar(container))
            {
                DeleteSidecar(container, sidecar);
            }

            if (existed)
            {
                PruneEmptyFolders(Path.GetDirectoryName(file)!, ContainerFolder(container));
            }

            return existed;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = ContainerFolder(container);
        var start = ListingStart(folder, prefix);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var entries = new List<ObjectInfo>();
        var cache = _listings.For(container);
        var scope = Path.GetRelativePath(folder, start) is "." ? string.Empty : Path.GetRelativePath(folder, start).Replace(Path.DirectorySeparatorChar, '/') + "/";

        // A private container's whole folder whose folders are as the last listing of it left
        // them: nothing added, replaced or deleted by a store since (ListingCache.TrustedEntries).
        // The site's files are still stat'ed one by one: they are the ones people touch.
        var wholeFolder = container != Containers.Web && (prefix is null ? scope.Length == 0 : prefix == scope);
        if (wholeFolder && cache.TrustedEntries(scope, folder) is { } trusted)
        {
            foreach (var entry in trusted.Where(e => prefix is null || e.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                yield return entry;
            }

            yield break;
        }

        var seen = new Dictionary<string, ListingCache.Entry>(StringComparer.Ordinal);
        var started = DateTime.UtcNow;
        var folders = wholeFolder ? FolderStamps(folder, start) : null; // before the walk: a change during it shows next time
        foreach (var file in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            var segments = relative.Split('/');
            if (segments.Any(s => s.StartsWith(TempPrefix, StringComparison.Ordinal)))
            {
                continue;
            }

            // The file's path is its name unless a segment was too long and stored under its hash
            // ('~…'): other names are skipped without reading their sidecars.
            if (prefix is not null && !relative.StartsWith(prefix, StringComparison.Ordinal) && !segments.Any(s => s.StartsWith('~')))
            {
                continue;
            }

            // An object whose file is as an earlier listing found it: its record is not read again.
            // (The file's stat comes before its record: a record newer than the stat is cached
            // under the older time, which the next listing does not match.)
            if (FileStatus.Of(file) is not { } info)
            {
                continue; // deleted while listing
            }

            if (cache.Get(relative, info) is { } cached)
            {
                if (prefix is null || cached.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    seen[relative] = new ListingCache.Entry(info, cached);
                    entries.Add(cached);
                }

                continue;
            }

            // The record from the file's attribute (no open, no second file); a sidecar only
            // where the earlier layout or a file system without attributes left one.
            var sidecar = ParseRecord(ExtendedAttributes.Get(file));
            if (sidecar is null && MaySidecar(container))
            {
                sidecar = ReadSidecar(Path.Combine(SidecarFolder(container), relative.Replace('/', Path.DirectorySeparatorChar) + SidecarSuffix));
            }

            var name = sidecar?.Name ?? relative;
            if (ObjectName.Problem(name) is not null || (prefix is not null && !name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue; // a file someone put there by hand that no object name could reach
            }

            string etag;
            ObjectProperties properties;
            if (sidecar is not null && sidecar.Length == info.Length)
            {
                properties = sidecar.ToProperties();
                etag = ETagOf(sidecar.Sha256, properties);
            }
            else
            {
                // No (or a stale) sidecar: hash the content so the ETag matches what GetAsync reports.
                properties = ObjectProperties.None;
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(file);
                }
                catch (FileNotFoundException)
                {
                    continue;
                }

                etag = ETagOf(bytes, properties);
            }

            var listed = new ObjectInfo(name, info.Length, etag, info.LastWriteUtc, properties.Metadata);
            entries.Add(listed);
            if (sidecar is not null && sidecar.Length == info.Length && ListingCache.Settled(info, started, ListingSettle))
            {
                seen[relative] = new ListingCache.Entry(info, listed);
            }
            else
            {
                folders = null; // an object the cache does not hold: its folders cannot stand for it
            }
        }

        // Objects of this listing's scope that were not seen (deleted, or too new to keep) leave the cache.
        if (folders is not null && !folders.Values.All(f => f.Inode != 0 && ListingCache.Settled(f, started, ListingSettle)))
        {
            folders = null; // changed within the clock's tick of the walk, or no change time here
        }

        _listings.Listed(container, cache, seen, (relative, listed) => relative.StartsWith(scope, StringComparison.Ordinal) && (prefix is null || listed.Name.StartsWith(prefix, StringComparison.Ordinal)), wholeFolder ? scope : null, folders);

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            yield return entry;
        }
    }

    /// <summary>The stamp of <paramref name="start"/> and of every folder under it, by path relative to <paramref name="folder"/>; null when one cannot be stat'ed.</summary>
    private static Dictionary<string, FileStatus.Stamp>? FolderStamps(string folder, string start)
    {
        var stamps = new Dictionary<string, FileStatus.Stamp>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(start, "*", SearchOption.AllDirectories).Prepend(start))
        {
            if (FileStatus.OfFolder(dir) is not { } stamp)
            {
                return null;
            }

            stamps[Path.GetRelativePath(folder, dir)] = stamp;
        }

        return stamps;
    }

    /// <summary>
    /// Where a listing starts: the folder of the prefix's complete segments when each of them is
    /// stored under its own name (every name with that prefix lies under it), else the container.
    /// </summary>
    private static string ListingStart(string folder, string? prefix)
    {
        var slash = prefix?.LastIndexOf('/') ?? -1;
        if (slash <= 0)
        {
            return folder;
        }

        var segments = prefix![..slash].Split('/');
        return segments.All(s => s.Length > 0 && s is not ("." or "..") && !s.StartsWith('~') && !s.StartsWith(TempPrefix, StringComparison.Ordinal) &&
                                 Encoding.UTF8.GetByteCount(s) <= MaxSegmentBytes && s.IndexOfAny(Path.GetInvalidFileNameChars()) < 0)
            ? Path.Combine([folder, .. segments])
            : folder;
    }

    private static SemaphoreSlim GateOf(string file) => Gates[(int)((uint)StringComparer.Ordinal.GetHashCode(file) % (uint)Gates.Length)];

    private (string File, string Sidecar) Locate(string container, string name)
    {
        ObjectName.Validate(name);
        var segments = name.Split('/').Select(EncodeSegment).ToArray();
        var folder = ContainerFolder(container);
        var file = Path.GetFullPath(Path.Combine([folder, .. segments]));
        var sidecarFolder = SidecarFolder(container);
        var sidecar = Path.GetFullPath(Path.Combine([sidecarFolder, .. segments])) + SidecarSuffix;

        // Defence in depth: ObjectName already refuses '..' and separators, but the path we touch
        // must be inside its container whatever the name was.
        if (!IsUnder(folder, file) || !IsUnder(sidecarFolder, sidecar))
        {
            throw new ArgumentException($"Unusable object name: it resolves outside container {container}.", nameof(name));
        }

        return (file, sidecar);
    }

    /// <summary>The object's file as <see cref="Locate"/> finds it, without the sidecar's path: a name short enough that no segment is stored under its hash is its own path.</summary>
    internal string FileOf(string container, string name)
    {
        ObjectName.Validate(name);
        var relative = Encoding.UTF8.GetByteCount(name) <= MaxSegmentBytes && !name.Contains(TempPrefix, StringComparison.Ordinal)
            ? name
            : string.Join('/', name.Split('/').Select(EncodeSegment));
        return Path.Join(ContainerFolder(container), relative);
    }

    private string SidecarFolder(string container) => Path.Combine(Root, MetaFolder, container == Containers.Web ? "_web" : container);

    private static string EncodeSegment(string segment)
    {
        if (segment.StartsWith(TempPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Unusable object name: a segment starts with the reserved prefix {TempPrefix}.", nameof(segment));
        }

        // File systems cap a name at 255 bytes; a longer segment is stored under its hash and the
        // real name is kept in the sidecar (ListAsync reports the real name).
        return Encoding.UTF8.GetByteCount(segment) <= MaxSegmentBytes
            ? segment
            : "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(segment)))[..40];
    }

    private static void ValidateContainer(string container)
    {
        if (!Containers.All.Contains(container))
        {
            throw new ArgumentException($"Unknown container name '{container}'.", nameof(container));
        }
    }

    private static bool IsUnder(string folder, string path)
    {
        var f = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return path.StartsWith(f, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes the file whole, with <paramref name="attribute"/> as its record when given: 0, or
    /// the errno with which the file system refused the attribute (nothing was written then).
    /// </summary>
    private static int WriteAtomically(string path, ReadOnlySpan<byte> content, bool durable, byte[]? attribute)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return WriteOnce(path, content, durable, attribute);
            }
            catch (IOException e) when (attempt < 5 && e is DirectoryNotFoundException or FileNotFoundException)
            {
                // A delete of another object in the same folder pruned it (empty a moment ago)
                // between our CreateDirectory and this write: make it again and write again.
                EnsureFolder(Path.GetDirectoryName(path)!);
            }
        }
    }

    private void EnsureKnownFolder(string folder)
    {
        if (!_folders.ContainsKey(folder))
        {
            EnsureFolder(folder);
            _folders.TryAdd(folder, true);
        }
    }

    /// <summary>Creates a folder and its parents, racing a concurrent prune of the same (empty) folders.</summary>
    private static void EnsureFolder(string folder)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(folder);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                // Deleted (or half-created) by another thread's prune at this moment: again.
            }
        }
    }

    private static int WriteOnce(string path, ReadOnlySpan<byte> content, bool durable, byte[]? attribute)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                RandomAccess.Write(handle, content, 0);
                if (attribute is not null && ExtendedAttributes.TrySet(handle, attribute) is var refused and not 0)
                {
                    handle.Dispose();
                    File.Delete(temp);
                    return refused;
                }

                if (durable)
                {
                    RandomAccess.FlushToDisk(handle);
                }
            }

            File.Move(temp, path, overwrite: true);
            return 0;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private void PruneEmptyFolders(string folder, string stopAt)
    {
        var stop = Path.TrimEndingDirectorySeparator(stopAt);
        for (var dir = folder; IsUnder(stop, dir); dir = Path.GetDirectoryName(dir)!)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(dir).Any())
                {
                    return;
                }

                _folders.TryRemove(dir, out _);
                Directory.Delete(dir);
            }
            catch (IOException)
            {
                return; // a concurrent writer just used it
            }
        }
    }

    private static byte[] ReadAll(SafeFileHandle handle)
    {
        var content = new byte[RandomAccess.GetLength(handle)];
        var filled = 0;
        while (filled < content.Length)
        {
            var read = RandomAccess.Read(handle, content.AsSpan(filled), filled);
            if (read == 0)
            {
                return content[..filled]; // cut short while we read: the size check rejects its record
            }

            filled += read;
        }

        return content;
    }

    /// <summary>Whether a container may hold sidecar files (the earlier layout, or no attributes here).</summary>
    private bool MaySidecar(string container) =>
        _sidecars.GetOrAdd(container, c => Directory.Exists(SidecarFolder(c)));

    private void DeleteSidecar(string container, string sidecar)
    {
        try
        {
            if (File.Exists(sidecar))
            {
                File.Delete(sidecar);
                PruneEmptyFolders(Path.GetDirectoryName(sidecar)!, SidecarFolder(container));
            }
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static Sidecar? ParseRecord(byte[]? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(attribute, SidecarJson.Default.Sidecar);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Sidecar? ReadSidecar(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), SidecarJson.Default.Sidecar);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    // The ETag is a hash of exactly what a reader gets (content and properties): it changes
    // whenever either does, and GetAsync, PutAsync and ListAsync agree on it.
    private static string ETagOf(ReadOnlySpan<byte> content, ObjectProperties properties) =>
        ETagOf(Convert.ToHexStringLower(SHA256.HashData(content)), properties);

    private static string ETagOf(string contentSha256, ObjectProperties properties)
    {
        var text = new StringBuilder(contentSha256)
            .Append('\n').Append(properties.ContentType)
            .Append('\n').Append(properties.CacheControl);
        if (properties.ContentEncoding is not null)
        {
            text.Append("\nencoding=").Append(properties.ContentEncoding);
        }

        foreach (var (key, value) in properties.Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(key).Append('=').Append(value);
        }

        return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32] + "\"";
    }

    internal sealed record Sidecar(string Name, string Sha256, long Length, string? ContentType, string? CacheControl, Dictionary<string, string> Metadata, string? ContentEncoding = null)
    {
        public static Sidecar From(string name, string sha256, long length, ObjectProperties properties) =>
            new(name, sha256, length, properties.ContentType, properties.CacheControl, new Dictionary<string, string>(properties.Metadata, StringComparer.Ordinal), properties.ContentEncoding);

        public ObjectProperties ToProperties() => new()
        {
            ContentType = ContentType,
            CacheControl = CacheControl,
            ContentEncoding = ContentEncoding,
            Metadata = Metadata ?? [],
        };
    }
}
