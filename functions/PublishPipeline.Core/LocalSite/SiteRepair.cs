using System.Collections.Concurrent;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>
/// The work folder is a cache of the site, not the truth about it: the site folder is compared
/// with what the private state says was published (each document's rendered record, the index
/// rebuild's file list), and whatever is missing or different is written again. A deleted site
/// folder, or a new <c>--site</c> with the same work folder, so gets a whole site.
/// A file counts as different when it is gone, its size changed, or the store's recorded hash of
/// it is not the published one. A file whose size and last-write time are those recorded when it
/// last passed that check (<see cref="SiteStamps"/>) is taken as checked: a re-publish stats the
/// site's files and reads only the records and files whose stamps do not match.
/// </summary>
internal static class SiteRepair
{
    /// <summary>More files to check in full than this and the site folder is listed once instead of read file by file.</summary>
    internal const int ListingThreshold = 256;

    /// <summary>Re-renders every document with a missing or changed public file; says whether the index files need a full check.</summary>
    /// <param name="rendered">The rendered records (id → ETag) as listed after the stages ran; a record withdrawn since is skipped.</param>
    /// <param name="handOff">The records this run's render stage wrote, taken instead of read back when the listed ETag is theirs.</param>
    public static async Task<(IReadOnlyList<string> Repaired, bool IndexDamaged, SiteStamps Stamps, IReadOnlyList<string> Documents)> RunAsync(MinutesPipeline pipeline, IReadOnlyDictionary<string, string> rendered, CancellationToken cancellationToken, StageHandOff? handOff = null)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var store = pipeline.Store;
        var stamps = await SiteStamps.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var records = rendered.Select(r => (Id: r.Key, ETag: r.Value)).ToList();

        var indexFiles = await pipeline.Index.RecordedFilesAsync(cancellationToken).ConfigureAwait(false);

        // 1. By stamp: one stat per file, nothing read.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        var unstamped = new ConcurrentBag<(string Id, string ETag)>();
        if (records.Count > 0 && SiteStamps.Matcher(store) is { } matches) // (a range partitioner refuses an empty range)
        {
            // The file-system store: a plain loop over ranges of documents, one statx per file.
            Parallel.ForEach(Partitioner.Create(0, records.Count, 256), parallel, range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var record = records[i];
                    if (!stamps.Documents.TryGet(record.Id, out var stamp) || stamp.Record != record.ETag || !stamp.Files.All(f => matches(f.Key, f.Value)))
                    {
                        unstamped.Add(record);
                    }
                }
            });
        }
        else
        {
            await Parallel.ForEachAsync(records, parallel, async (record, ct) =>
            {
                if (!stamps.Documents.TryGet(record.Id, out var stamp) || stamp.Record != record.ETag || !await AllMatchAsync(store, stamp.Files, ct).ConfigureAwait(false))
                {
                    unstamped.Add(record);
                }
            }).ConfigureAwait(false);
        }

        var unstampedIndex = new ConcurrentBag<KeyValuePair<string, string>>();
        await Parallel.ForEachAsync(indexFiles, parallel, async (file, ct) =>
        {
            if (!stamps.Index.TryGet(file.Key, out var stamp) || stamp.Sha != file.Value || !await SiteStamps.MatchesAsync(store, file.Key, stamp.Stamp, ct).ConfigureAwait(false))
            {
                unstampedIndex.Add(file);
            }
        }).ConfigureAwait(false);

        // 2. The rest in full: each file's stored hash against the published one. Many files (a
        // new site folder, a first run): one listing of the site; a few: those files alone.
        var reading = new List<(string Id, RenderedRecord? Record)>();
        foreach (var (id, etag) in unstamped.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (handOff?.TakeRendered(id, etag) is { } written)
            {
                reading.Add((id, written));
                continue;
            }

            var (stored, record) = await RenderedRecords.ReadAsync(store, id, cancellationToken).ConfigureAwait(false);
            if (stored is not null) // else withdrawn since the listing
            {
                reading.Add((id, record));
            }
        }

        var toCheck = reading.Sum(r => r.Record?.Files.Count ?? 0) + unstampedIndex.Count;
        var site = toCheck > ListingThreshold ? await ListSiteAsync(store, cancellationToken).ConfigureAwait(false) : null;
        async Task<long[]?> CheckedAsync(string path, string sha)
        {
            if (site is not null)
            {
                return site.TryGetValue(path, out var listed) && listed.Sha == sha ? listed.Stamp : null;
            }

            var stored = await store.GetAsync(Containers.Web, path, cancellationToken).ConfigureAwait(false);
            return stored is not null && ObjectMetadata.Get(stored.Properties.Metadata, MetadataKeys.ContentSha256) == sha &&
                   await store.StatAsync(Containers.Web, path, cancellationToken).ConfigureAwait(false) is { } stat
                ? SiteStamps.Of(stat)
                : null;
        }

        var etags = records.ToDictionary(r => r.Id, r => r.ETag, StringComparer.Ordinal);
        var damaged = new List<string>();
        foreach (var (id, record) in reading)
        {
            var files = new Dictionary<string, long[]>(StringComparer.Ordinal);
            foreach (var (path, sha) in record?.Files ?? new Dictionary<string, string>())
            {
                if (await CheckedAsync(path, sha).ConfigureAwait(false) is not { } stamp)
                {
                    break;
                }

                files[path] = stamp;
            }

            if (record is null || files.Count != record.Files.Count)
            {
                damaged.Add(id);
            }
            else
            {
                stamps.Documents.Set(id, new SiteStamps.DocumentStamp(etags[id], files), SiteStamps.DocumentStamp.Same);
            }
        }

        var indexDamaged = false;
        foreach (var (path, sha) in unstampedIndex)
        {
            if (await CheckedAsync(path, sha).ConfigureAwait(false) is { } stamp)
            {
                stamps.Index.Set(path, new SiteStamps.IndexStamp(sha, stamp), SiteStamps.IndexStamp.Same);
            }
            else
            {
                indexDamaged = true;
            }
        }

        foreach (var id in damaged)
        {
            // Without its record the render stage writes every file of the document again
            // (stamped when the next publish checks it).
            await store.DeleteAsync(Containers.Audit, PipelineNames.Rendered(id), cancellationToken).ConfigureAwait(false);
            await pipeline.RenderAsync(PipelineNames.Document(id), updateIndexes: false, cancellationToken).ConfigureAwait(false);
        }

        return (damaged, damaged.Count > 0 || indexDamaged, stamps, [.. records.Select(r => r.Id)]);
    }

    private static async Task<bool> AllMatchAsync(IObjectStore store, IReadOnlyDictionary<string, long[]> files, CancellationToken cancellationToken)
    {
        foreach (var (path, stamp) in files)
        {
            if (!await SiteStamps.MatchesAsync(store, path, stamp, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every site file's recorded hash and stamp, from one listing.</summary>
    private static async Task<Dictionary<string, (string? Sha, long[] Stamp)>> ListSiteAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var site = new Dictionary<string, (string? Sha, long[] Stamp)>(StringComparer.Ordinal);
        await foreach (var item in store.ListAsync(Containers.Web, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            site[item.Name] = (ObjectMetadata.Get(item.Metadata, MetadataKeys.ContentSha256), SiteStamps.Of(new ObjectStat(item.Length, item.LastModified)));
        }

        return site;
    }
}
