using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>
/// What the site folder's files looked like (size and last-write time) when they were last found
/// to be what the private state says was published, so a re-publish checks the site by one
/// <c>stat</c> per file instead of listing it and reading every rendered record (<see cref="SiteRepair"/>).
/// Per document: the rendered record's ETag and a stamp of each of its files; per index file: the
/// recorded hash it was checked against and its stamp. A cache in the work folder: a stamp that
/// does not match, or none, sends the file to the full check (its stored hash against the state).
/// </summary>
/// <remarks>
/// A stat is a safe shortcut because every way the pipeline or a person changes a file in place
/// (the store's write-and-rename, an editor, <c>cp</c>, a deletion) gives it a new size or a new
/// last-write time; only a copy that restores both on purpose (<c>cp -p</c>, <c>rsync -t</c> of an
/// older file of the same size) goes unseen; deleting this cache from the work folder makes the next
/// publish check every file in full. A <c>touch</c> alone changes the time, so the file's stored
/// hash is compared once; the same bytes pass and get the new stamp.
/// </remarks>
internal sealed class SiteStamps
{
    /// <summary>Private state in the work folder (audit container; never published).</summary>
    public const string DocumentsName = PipelineNames.StatePrefix + "local/site-stamps.json";

    /// <summary>The index files' stamps, kept apart: they change with every rebuild.</summary>
    public const string IndexName = PipelineNames.StatePrefix + "local/index-stamps.json";

    /// <summary>Documents rendered in one run that are stamped at once; more are left to the next check.</summary>
    private const int StampNowLimit = 32;

    private static readonly WorkFolderCodec<DocumentStamp> DocumentCodec = new(
        (w, d) =>
        {
            w.Write(d.Record);
            w.Write(d.Files.Count);
            foreach (var (path, stamp) in d.Files)
            {
                w.Write(path);
                CacheBinary.Write(w, stamp);
            }
        },
        r =>
        {
            var record = r.ReadString();
            var count = CacheBinary.ReadCount(r);
            var files = new Dictionary<string, long[]>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                files[r.ReadString()] = CacheBinary.ReadLongs(r);
            }

            return new DocumentStamp(record, files);
        });

    private static readonly WorkFolderCodec<IndexStamp> IndexCodec = new(
        (w, s) =>
        {
            w.Write(s.Sha);
            CacheBinary.Write(w, s.Stamp);
        },
        r => new IndexStamp(r.ReadString(), CacheBinary.ReadLongs(r)));

    private SiteStamps(WorkFolderCache<DocumentStamp> documents, WorkFolderCache<IndexStamp> index)
    {
        Documents = documents;
        Index = index;
    }

    public WorkFolderCache<DocumentStamp> Documents { get; }

    public WorkFolderCache<IndexStamp> Index { get; }

    public static async Task<SiteStamps> LoadAsync(IObjectStore store, CancellationToken cancellationToken) =>
        new(
            await WorkFolderCache<DocumentStamp>.LoadAsync(store, DocumentsName, DocumentCodec, cancellationToken).ConfigureAwait(false),
            await WorkFolderCache<IndexStamp>.LoadAsync(store, IndexName, IndexCodec, cancellationToken).ConfigureAwait(false));

    /// <summary>Length and last-write time (ticks, UTC) as one stamp.</summary>
    public static long[] Of(ObjectStat stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        return [stat.Length, stat.LastModified.UtcTicks];
    }

    /// <summary>Whether the file is there with exactly <paramref name="stamp"/>.</summary>
    public static async Task<bool> MatchesAsync(IObjectStore store, string path, long[] stamp, CancellationToken cancellationToken) =>
        stamp.Length == 2 && await store.StatAsync(Containers.Web, path, cancellationToken).ConfigureAwait(false) is { } stat &&
        Matches(stamp, stat.Length, stat.LastModified.UtcTicks);

    /// <summary>Whether a file of <paramref name="length"/> last written at <paramref name="ticks"/> is the one <paramref name="stamp"/> recorded.</summary>
    private static bool Matches(long[] stamp, long length, long ticks) => stamp.Length == 2 && length == stamp[0] && ticks == stamp[1];

    /// <summary>
    /// <see cref="MatchesAsync"/> without a task per file where the store is the file system's:
    /// a re-publish of a 10,000-minutes site checks ~55,000 document files this way. Null for
    /// other stores.
    /// </summary>
    public static Func<string, long[], bool>? Matcher(IObjectStore store) =>
        store is FileSystemObjectStore files
            ? (path, stamp) => stamp.Length == 2 && FileStatus.Of(files.FileOf(Containers.Web, path)) is { } stat &&
                               Matches(stamp, stat.Length, stat.LastWriteTicks)
            : null;

    /// <summary>Stamps the index files a rebuild just wrote with the hashes it recorded for them.</summary>
    public async Task StampWrittenAsync(IObjectStore store, IndexUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        foreach (var path in update.Written)
        {
            if (update.Files.TryGetValue(path, out var sha) && await store.StatAsync(Containers.Web, path, cancellationToken).ConfigureAwait(false) is { } stat)
            {
                Index.Set(path, new IndexStamp(sha, Of(stat)), IndexStamp.Same);
            }
        }
    }

    /// <summary>
    /// Stamps the files of documents rendered just now, as their rendered records list them, so the
    /// next publish does not read them back. Many documents (a first publish) are left to the next
    /// check, which lists the site once instead.
    /// </summary>
    public async Task StampRenderedAsync(IObjectStore store, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > StampNowLimit)
        {
            return;
        }

        foreach (var id in ids)
        {
            var (stored, record) = await RenderedRecords.ReadAsync(store, id, cancellationToken).ConfigureAwait(false);
            var files = new Dictionary<string, long[]>(StringComparer.Ordinal);
            foreach (var path in record?.Files.Keys ?? [])
            {
                if (await store.StatAsync(Containers.Web, path, cancellationToken).ConfigureAwait(false) is not { } stat)
                {
                    break;
                }

                files[path] = Of(stat);
            }

            if (record is not null && files.Count == record.Files.Count)
            {
                Documents.Set(id, new DocumentStamp(stored!.ETag, files), DocumentStamp.Same);
            }
        }
    }

    public async Task SaveAsync(IObjectStore store, IEnumerable<string> documents, IEnumerable<string> indexFiles, CancellationToken cancellationToken)
    {
        await Documents.SaveAsync(store, documents, cancellationToken).ConfigureAwait(false);
        await Index.SaveAsync(store, indexFiles, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A document's files (path → stamp) as checked against its rendered record of ETag <paramref name="Record"/>.</summary>
    internal sealed record DocumentStamp(string Record, IReadOnlyDictionary<string, long[]> Files)
    {
        public static bool Same(DocumentStamp a, DocumentStamp b) =>
            a.Record == b.Record && a.Files.Count == b.Files.Count &&
            a.Files.All(f => b.Files.TryGetValue(f.Key, out var s) && s.AsSpan().SequenceEqual(f.Value));
    }

    /// <summary>An index file's stamp, valid while the state records hash <paramref name="Sha"/> for it.</summary>
    internal sealed record IndexStamp(string Sha, long[] Stamp)
    {
        public static bool Same(IndexStamp a, IndexStamp b) => a.Sha == b.Sha && a.Stamp.AsSpan().SequenceEqual(b.Stamp);
    }
}
