using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PublishPipeline.Model;
using PublishPipeline.Site;
using PublishPipeline.Site.Search;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Keeps the files that depend on the whole set (indexes, feed, sitemap, search, catalogue)
/// consistent while many documents arrive at once, on any <see cref="IObjectStore"/>.
///
/// The files are always rebuilt from the listing (rendered records ∩ redacted documents), never
/// patched, and only by the holder of a lock kept in one state object that every change goes
/// through with ETag-conditional writes:
/// <list type="number">
/// <item>a caller whose document changed bumps <c>Requested</c> (compare-and-swap) to ticket g;</item>
/// <item>it then waits until <c>Built ≥ g</c>, or takes the lock itself if it is free or expired;</item>
/// <item>the holder notes <c>Requested</c> at the moment it took the lock, lists, rebuilds, writes
/// the changed files, and releases the lock with <c>Built</c> = that value.</item>
/// </list>
/// Every change made before a ticket was drawn is visible to a rebuild that starts after it, so a
/// caller returns only when its document is in every index; many concurrent callers share one
/// rebuild (coalescing), which keeps 1,000 arrivals from costing 1,000 full rebuilds.
/// </summary>
public sealed partial class SiteIndex
{
    private readonly IObjectStore _store;
    private readonly SiteBuilder _site;
    private readonly PipelineOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (string ETag, Minutes Minutes)> _documents = new(StringComparer.Ordinal);
    private IndexSummary? _summary;

    public SiteIndex(IObjectStore store, SiteBuilder site, PipelineOptions options, ILogger logger, TimeProvider time)
    {
        _store = store;
        _site = site;
        _options = options;
        _logger = logger;
        _time = time;
    }

    /// <summary>Returns once every change made before the call is reflected in the index files.</summary>
    /// <param name="force">Rebuild and compare every file even if the set looks unchanged (the timer's check).</param>
    public Task<IndexUpdate> UpdateAsync(bool force = false, CancellationToken cancellationToken = default) =>
        UpdateAsync(sources: null, force, cancellationToken);

    /// <summary>
    /// <see cref="UpdateAsync(bool, CancellationToken)"/> with the documents the rebuild is made
    /// of already known (<see cref="SourcesOf"/>), for its first rebuild; a second one (another
    /// caller's changes came in meanwhile) lists them again.
    /// </summary>
    public async Task<IndexUpdate> UpdateAsync(IndexSources? sources, bool force, CancellationToken cancellationToken = default)
    {
        IndexSources? Take()
        {
            var first = sources;
            sources = null;
            return first;
        }

        var ticket = await ChangeStateAsync(s => s with { Requested = s.Requested + 1 }, cancellationToken).ConfigureAwait(false);
        var deadline = _time.GetUtcNow() + _options.IndexWaitTimeout;
        var mine = IndexUpdate.None;
        string? attempted = null;
        for (var round = 0; ; round++)
        {
            var (state, etag) = await ReadStateAsync(cancellationToken).ConfigureAwait(false);
            if (attempted is not null && state.Holder == attempted)
            {
                // Our acquisition went through although it was answered as a conflict (a request
                // retried after its first answer was lost): the lock is ours, so rebuild now
                // rather than leave it to run out.
                mine = mine.Add(await RebuildAsync(attempted, state, force, Take(), cancellationToken).ConfigureAwait(false));
                attempted = null;
                continue;
            }

            attempted = null;
            if (state.Built >= ticket.Requested)
            {
                return mine;
            }

            var now = _time.GetUtcNow();
            if (state.Holder is null || state.LeaseUntil < now)
            {
                // A fresh id per acquisition: another invocation in this same process that takes the
                // lock after our lease ran out must not be mistaken for us (nor we for it).
                var holder = Guid.NewGuid().ToString("N");
                var taken = state with { Holder = holder, LeaseUntil = now + _options.IndexLease };
                attempted = holder;
                if (await TryAcquireAsync(taken, etag, cancellationToken).ConfigureAwait(false))
                {
                    attempted = null;
                    var update = await RebuildAsync(holder, taken, force, Take(), cancellationToken).ConfigureAwait(false);
                    mine = mine.Add(update);
                    continue;
                }
            }

            if (now > deadline)
            {
                throw new TimeoutException($"The site indexes were not rebuilt within {_options.IndexWaitTimeout} (lock held by {state.Holder} until {state.LeaseUntil:O}).");
            }

            await Task.Delay(Jitter(round), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IndexUpdate> RebuildAsync(string holder, IndexState taken, bool force, IndexSources? sources, CancellationToken cancellationToken)
    {
        IndexUpdate update;
        string fingerprint;
        try
        {
            (update, fingerprint) = await WriteIndexesAsync(holder, taken, force, sources, cancellationToken).ConfigureAwait(false);
        }
        catch (LeaseLostException lost)
        {
            // Another holder took over while we were slow: what we wrote before noticing may be
            // older than what it wrote. Forget the recorded fingerprint and hashes so the next
            // rebuild relists $web and compares every file instead of trusting them.
            await ChangeStateSurelyAsync(s => s with { Fingerprint = null, Files = new Dictionary<string, string>() }).ConfigureAwait(false);
            LogLeaseLost(_logger, lost.Message);
            return lost.Partial;
        }
        catch (Exception failure)
        {
            // Storage trouble, cancellation or a rendering error: hand the lock to the next caller
            // at once (it rebuilds from the listing), instead of making every render wait out the lease.
            await ReleaseAfterFailureAsync(holder, failure).ConfigureAwait(false);
            throw;
        }

        var lostAtRelease = false;
        await ChangeStateSurelyAsync(
            s =>
            {
                lostAtRelease = s.Holder != holder;
                return lostAtRelease
                    ? s with { Fingerprint = null, Files = new Dictionary<string, string>() } // see above
                    : s with
                    {
                        Holder = null,
                        LeaseUntil = null,
                        Built = Math.Max(s.Built, taken.Requested),
                        Fingerprint = fingerprint,
                        Files = update.Files,
                    };
            }).ConfigureAwait(false);
        if (lostAtRelease)
        {
            LogLeaseLost(_logger, "the lease was lost before release");
        }

        return update;
    }

    /// <summary>
    /// Extends our lease (ETag-conditional, so it cannot overwrite a takeover) once a third of it
    /// has passed, checked before each file written or deleted: nobody can take the lock over
    /// before the lease runs out, so no file is written after a takeover, while a rebuild of
    /// thousands of files does not read and rewrite the state (every file's hash) for each.
    /// Throws <see cref="LeaseLostException"/> when the lock is no longer ours.
    /// </summary>
    private async Task RenewIfDueAsync(string holder, Lease lease, List<string> written, List<string> deleted, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        if (_time.GetUtcNow() < lease.Until - (_options.IndexLease * 2 / 3))
        {
            return;
        }

        lease.Until = await RenewAsync(holder, written, deleted, files, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>When the lease runs out, as far as this holder knows.</summary>
    private sealed class Lease(DateTimeOffset until)
    {
        public DateTimeOffset Until { get; set; } = until;
    }

    /// <summary>Extends our lease now; returns its new end.</summary>
    private async Task<DateTimeOffset> RenewAsync(string holder, List<string> written, List<string> deleted, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var (state, etag) = await ReadStateAsync(cancellationToken).ConfigureAwait(false);
            if (state.Holder != holder || etag is null)
            {
                throw new LeaseLostException($"the index lock is now held by {state.Holder ?? "nobody"}", new IndexUpdate(written, deleted, files));
            }

            var until = _time.GetUtcNow() + _options.IndexLease;
            if (await TryWriteStateAsync(state with { LeaseUntil = until }, etag, cancellationToken).ConfigureAwait(false))
            {
                return until;
            }

            // Someone changed the state (most often a caller drawing a ticket): read it again.
            await Task.Delay(Jitter(round), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class LeaseLostException(string message, IndexUpdate partial) : Exception(message)
    {
        public IndexUpdate Partial { get; } = partial;
    }

    private async Task<(IndexUpdate Update, string Fingerprint)> WriteIndexesAsync(string holder, IndexState state, bool force, IndexSources? sources, CancellationToken cancellationToken)
    {
        var templateVersion = _site.TemplateVersion;
        var (current, pagesOfEarlierTemplates) = sources ?? await ListSourcesAsync(cancellationToken).ConfigureAwait(false);

        // Pages not yet rendered again after a template change (the nightly run's budget ran out)
        // still link to the earlier build's assets: those are kept while such pages exist, and the
        // first rebuild after the last of them is rendered again deletes them (the fingerprint
        // changes with this state).
        var fingerprint = Fingerprint(current, pagesOfEarlierTemplates ? templateVersion + "+earlier-pages" : templateVersion);
        if (!force && fingerprint == state.Fingerprint)
        {
            return (new IndexUpdate([], [], state.Files), fingerprint);
        }

        // Each minutes' header and search summary: from this process's memory, else from the
        // summary the last rebuild kept (one read), else from its index entry or document.
        var rows = new IndexRow?[current.Count];
        var missing = new List<int>();
        for (var i = 0; i < current.Count; i++)
        {
            if (_documents.TryGetValue(current[i].Id, out var cached) && cached.ETag == current[i].ETag)
            {
                rows[i] = IndexRow.Of(current[i].Id, current[i].ETag, cached.Minutes);
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0 && await KeptSummaryAsync(cancellationToken).ConfigureAwait(false) is { } kept)
        {
            _site.Search.Remember(kept.Tiers);
            _site.Listings.Remember(kept.Pages);
            _site.Lines.Remember(kept.LinesTemplateVersion, _site.TemplateVersion, kept.Lines);
            missing.RemoveAll(i => (rows[i] = kept.Row(current[i].Id, current[i].ETag)) is not null);
        }

        await Parallel.ForEachAsync(
            missing,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) => rows[i] = await LoadAsync(current[i].Id, current[i].ETag, ct).ConfigureAwait(false) is { } m ? IndexRow.Of(current[i].Id, current[i].ETag, m) : null).ConfigureAwait(false);
        var documents = rows.OfType<IndexRow>().ToList(); // withdrawn since the listing, or unreadable: left out

        foreach (var gone in _documents.Keys.Except(current.Select(c => c.Id)))
        {
            _documents.TryRemove(gone, out _);
        }

        // What is in $web now: the hashes the last rebuild recorded, or — for the timer's forced
        // check — the real listing, so a file deleted or changed by hand is put right.
        var existing = new Dictionary<string, string?>(StringComparer.Ordinal);
        var previous = new HashSet<string>(state.Files.Keys, StringComparer.Ordinal);
        if (force || state.Files.Count == 0)
        {
            await foreach (var item in _store.ListAsync(Containers.Web, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                // An untagged file (written before the tag existed) is rewritten once to get it.
                var tagged = IsIndexFile(item.Metadata);
                existing[item.Name] = tagged ? ObjectMetadata.Get(item.Metadata, MetadataKeys.ContentSha256) : null;
                if (tagged)
                {
                    // Index files of an earlier build the state no longer knows of (state lost,
                    // or a crash before it was recorded): found by their tag, deleted below.
                    previous.Add(item.Name);
                }
            }
        }
        else
        {
            foreach (var (path, sha) in state.Files)
            {
                existing[path] = sha;
            }
        }

        // The search postings of the tiers that must be encoded again, and only those.
        bool OnSite(string path, string sha) => existing.TryGetValue(path, out var old) && old == sha;
        var contributions = new ConcurrentDictionary<string, SearchContribution>(StringComparer.Ordinal);
        while (true)
        {
            var encode = _site.Search.MembersToEncode([.. documents.Select(d => d.Search)], OnSite);
            var lost = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(
                documents.Where(d => encode.Contains(d.Id) && !contributions.ContainsKey(d.Id)),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                async (d, ct) =>
                {
                    if (await ContributionAsync(d, ct).ConfigureAwait(false) is { } contribution)
                    {
                        contributions[d.Id] = contribution;
                    }
                    else
                    {
                        lost.Add(d.Id);
                    }
                }).ConfigureAwait(false);
            if (lost.IsEmpty)
            {
                break;
            }

            // Withdrawn or changed since the listing: left out of this rebuild (the change drew a
            // ticket, so the next one takes it in), and the tiers are planned again without it.
            var gone = lost.ToHashSet(StringComparer.Ordinal);
            documents.RemoveAll(d => gone.Contains(d.Id));
        }

        var built = _site.BuildIndexes([.. documents.Select(d => d.Header)], [.. documents.Select(d => d.Search)], id => contributions[id], OnSite);
        var files = built.Files;
        var written = new List<string>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var shard in built.Kept)
        {
            hashes[shard.Path] = shard.Sha256; // on the site as they are
        }

        var shardHashes = built.Tiers.SelectMany(t => t.Shards).Concat(built.Pages.Select(p => new SearchShard(p.Path, p.Sha256))).ToDictionary(s => s.Path, s => s.Sha256, StringComparer.Ordinal);
        var changed = new List<SiteFile>();
        foreach (var file in files)
        {
            ObjectName.Validate(file.Path);
            var sha = shardHashes.GetValueOrDefault(file.Path) ?? PipelineNames.Sha256(file.Content.Span);
            hashes[file.Path] = sha;
            if (existing.TryGetValue(file.Path, out var old) && old == sha)
            {
                continue; // unchanged: not rewritten, so caches and ETags stay valid
            }

            changed.Add(file);
        }

        // New files before any file that links to them, so an interrupted rebuild never leaves a
        // page that links to a missing one (deletions come after every write, below).
        // The files are gzipped (search shards) on every core a batch at a time, and written one by one in that order.
        var lease = new Lease(state.LeaseUntil ?? DateTimeOffset.MinValue);
        foreach (var batch in IndexWriteOrder.Order(changed, existing.ContainsKey, _site.Urls).Chunk(16 * Environment.ProcessorCount))
        {
            var stored = new ReadOnlyMemory<byte>[batch.Length];
            Parallel.For(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i => stored[i] = batch[i].StoredContent());
            for (var i = 0; i < batch.Length; i++)
            {
                await RenewIfDueAsync(holder, lease, written, [], hashes, cancellationToken).ConfigureAwait(false);
                await _store.PutAsync(Containers.Web, batch[i].Path, stored[i], IndexProperties(batch[i], hashes[batch[i].Path]), cancellationToken: cancellationToken).ConfigureAwait(false);
                written.Add(batch[i].Path);
            }
        }

        // Index files of the previous build that this build no longer produces (e.g. the page of
        // a body whose last minutes were withdrawn).
        var deleted = new List<string>();
        foreach (var stale in previous.Where(p => !hashes.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            if (pagesOfEarlierTemplates && IsAsset(stale) && existing.TryGetValue(stale, out var keptSha) && keptSha is not null)
            {
                hashes[stale] = keptSha; // still recorded, so a later rebuild deletes it
                continue;
            }

            await RenewIfDueAsync(holder, lease, written, deleted, hashes, cancellationToken).ConfigureAwait(false);
            if (await _store.DeleteAsync(Containers.Web, stale, cancellationToken).ConfigureAwait(false))
            {
                deleted.Add(stale);
            }
        }

        // For the next process: what this build was made from (a cache, so after the files).
        _summary = new IndexSummary(documents.ToDictionary(d => d.Id, StringComparer.Ordinal), built.Tiers, built.Pages, built.LinesTemplateVersion, built.Lines);
        await IndexSummary.WriteAsync(_store, _summary, cancellationToken).ConfigureAwait(false);
        LogRebuilt(_logger, documents.Count, written.Count, deleted.Count);
        return (new IndexUpdate(written, deleted, hashes), fingerprint);
    }

    /// <summary>The summary the last rebuild kept: this process's, else the one in the work area (read once).</summary>
    private async Task<IndexSummary?> KeptSummaryAsync(CancellationToken cancellationToken) =>
        _summary ??= await IndexSummary.ReadAsync(_store, cancellationToken).ConfigureAwait(false);

    /// <summary>The full search contribution of a summarised minutes (its tier is encoded again), or null when that version is gone.</summary>
    private async Task<SearchContribution?> ContributionAsync(IndexRow row, CancellationToken cancellationToken)
    {
        var minutes = await LoadAsync(row.Id, row.ETag, cancellationToken).ConfigureAwait(false);
        var contribution = minutes is null ? null : SiteBuilder.SearchContributionOf(minutes);
        return contribution?.Digest == row.Search.Digest ? contribution : null;
    }

    private async Task<Minutes?> LoadAsync(string id, string etag, CancellationToken cancellationToken)
    {
        if (_documents.TryGetValue(id, out var cached) && cached.ETag.Trim('"') == etag.Trim('"'))
        {
            return cached.Minutes;
        }

        // What an earlier run kept of this very version (a re-publish reads only what changed).
        if (await IndexEntries.ReadAsync(_store, id, etag, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            _documents[id] = (etag, entry);
            return entry;
        }

        var stored = await _store.GetAsync(Containers.Redacted, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null; // withdrawn since the listing
        }

        try
        {
            return await KeepAsync(id, stored.ETag, MinutesJson.Deserialize(stored.Content.Span), cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            LogUnreadable(_logger, id, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Keeps what the indexes need of redacted version <paramref name="redactedETag"/> of
    /// <paramref name="id"/> for the next rebuild, and its entry for later runs. The render stage of
    /// a batch run calls it with the document it has in memory, so the rebuild does not read it back.
    /// </summary>
    internal async Task<Minutes> KeepAsync(string id, string redactedETag, Minutes redacted, CancellationToken cancellationToken)
    {
        var minutes = SiteBuilder.ForIndexes(redacted);
        _documents[id] = (redactedETag, minutes);
        await IndexEntries.WriteAsync(_store, id, redactedETag, minutes, cancellationToken).ConfigureAwait(false);
        return minutes;
    }

    internal static ObjectProperties WebProperties(SiteFile file, string sha, string? id)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataKeys.ContentSha256] = sha };
        if (id is not null)
        {
            metadata[MetadataKeys.MinutesId] = id;
        }

        return new ObjectProperties { ContentType = file.ContentType, CacheControl = file.CacheControl, ContentEncoding = file.ContentEncoding, Metadata = metadata };
    }

    /// <summary>True for a file the index rebuild wrote (tagged <c>pipeline=index</c>).</summary>
    internal static bool IsIndexFile(IReadOnlyDictionary<string, string> metadata) =>
        ObjectMetadata.Get(metadata, MetadataKeys.Pipeline) == MetadataKeys.PipelineIndex;

    private static ObjectProperties IndexProperties(SiteFile file, string sha)
    {
        var properties = WebProperties(file, sha, null);
        var metadata = new Dictionary<string, string>(properties.Metadata, StringComparer.Ordinal) { [MetadataKeys.Pipeline] = MetadataKeys.PipelineIndex };
        return properties with { Metadata = metadata };
    }

    /// <summary>A fingerprinted asset (style sheet, script, icon) that pages link to.</summary>
    private static bool IsAsset(string path) => path.StartsWith("assets/", StringComparison.Ordinal);

    private static string Fingerprint(IEnumerable<(string Id, string ETag)> documents, string templateVersion)
    {
        var text = new StringBuilder(templateVersion);
        foreach (var (id, etag) in documents.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            text.Append('\n').Append(id).Append(' ').Append(etag);
        }

        return PipelineNames.Sha256(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static TimeSpan Jitter(int round) =>
        TimeSpan.FromMilliseconds(Math.Min(500, 25 * (1 << Math.Min(round, 4))) * (0.5 + Random.Shared.NextDouble()));

    private async Task<(IndexState State, string? ETag)> ReadStateAsync(CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(Containers.Audit, PipelineNames.SiteIndexState, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return (new IndexState(), null);
        }

        return (JsonSerializer.Deserialize<IndexState>(stored.Content.Span, MinutesJson.Compact) ?? new IndexState(), stored.ETag);
    }

    private async Task<bool> TryWriteStateAsync(IndexState state, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            await _store.PutAsync(
                Containers.Audit,
                PipelineNames.SiteIndexState,
                JsonSerializer.SerializeToUtf8Bytes(state, MinutesJson.Compact),
                new ObjectProperties { ContentType = PipelineNames.JsonContentType },
                etag is null ? WriteCondition.CreateOnly : WriteCondition.IfMatch(etag),
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (WriteConflictException)
        {
            return false;
        }
    }

    private async Task<IndexState> ChangeStateAsync(Func<IndexState, IndexState> change, CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var (state, etag) = await ReadStateAsync(cancellationToken).ConfigureAwait(false);
            var changed = change(state);
            if (changed == state && etag is not null)
            {
                return state;
            }

            if (await TryWriteStateAsync(changed, etag, cancellationToken).ConfigureAwait(false))
            {
                return changed;
            }

            await Task.Delay(Jitter(round), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The index files the last rebuild recorded (path → SHA-256), to check a site folder against.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RecordedFilesAsync(CancellationToken cancellationToken = default) =>
        (await ReadStateAsync(cancellationToken).ConfigureAwait(false)).State.Files;

    [LoggerMessage(Level = LogLevel.Information, Message = "Site indexes rebuilt from {Documents} documents: {Written} files written, {Deleted} deleted")]
    private static partial void LogRebuilt(ILogger logger, int documents, int written, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index rebuild stopped: {Reason}; the next rebuild relists $web")]
    private static partial void LogLeaseLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Redacted document {DocumentId} is unreadable and left out of the indexes: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string documentId, string reason);

    /// <summary>The one state object. Records compare by value, so "no change" is detectable.</summary>
    internal sealed record IndexState
    {
        public long Requested { get; init; }

        public long Built { get; init; }

        public string? Holder { get; init; }

        public DateTimeOffset? LeaseUntil { get; init; }

        public string? Fingerprint { get; init; }

        public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

        public bool Equals(IndexState? other) =>
            other is not null && Requested == other.Requested && Built == other.Built && Holder == other.Holder &&
            LeaseUntil == other.LeaseUntil && Fingerprint == other.Fingerprint && ReferenceEquals(Files, other.Files);

        public override int GetHashCode() => HashCode.Combine(Requested, Built, Holder, LeaseUntil, Fingerprint);
    }
}

/// <summary>The index files one caller's rebuilds wrote and deleted.</summary>
public sealed record IndexUpdate(IReadOnlyList<string> Written, IReadOnlyList<string> Deleted, IReadOnlyDictionary<string, string> Files)
{
    public static IndexUpdate None { get; } = new([], [], new Dictionary<string, string>());

    public IndexUpdate Add(IndexUpdate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new([.. Written, .. other.Written], [.. Deleted, .. other.Deleted], other.Files);
    }
}
