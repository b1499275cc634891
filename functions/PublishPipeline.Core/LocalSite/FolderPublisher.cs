using System.Collections.Concurrent;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Review;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>
/// The local door's whole job (<c>minutes publish</c>): make the site match an input folder. New and
/// changed inputs go through the same stages as in Azure; inputs that left the folder are withdrawn
/// (with the audit record); the same minutes under two names are published once, under the name
/// already on the site (else the first by name), so existing pages keep their ids; and the site
/// folder is checked against the private state, so a deleted or new site folder is written whole.
/// </summary>
public sealed class FolderPublisher
{
    /// <summary>Documents through the stages in one run past which the heap is collected before the index rebuild.</summary>
    private const int ManyDocuments = 1000;

    private readonly MinutesPipeline _pipeline;
    private readonly IObjectStore _store;

    public FolderPublisher(MinutesPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
        _store = pipeline.Store;
    }

    /// <summary>
    /// Documents worked on in parallel: two per core, so that a core has work while a document
    /// waits for its audit records to reach the disk (they are forced to it, one by one).
    /// </summary>
    public int Parallelism { get; init; } = 2 * Environment.ProcessorCount;

    /// <param name="inputs">Every input: upload name (path inside the input folder) → file. What is not here is withdrawn.</param>
    /// <param name="progress">Called after each document step with (done, total).</param>
    public async Task<FolderPublishReport> PublishAsync(IReadOnlyDictionary<string, string> inputs, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);

        // Each stage leaves what it wrote for the next one of this run, which does not parse it back.
        _pipeline.HandOff = new StageHandOff();
        try
        {
            return await PublishFolderAsync(inputs, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pipeline.HandOff = null;
        }
    }

    private async Task<FolderPublishReport> PublishFolderAsync(IReadOnlyDictionary<string, string> inputs, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var results = new ConcurrentDictionary<string, DocumentResult>(StringComparer.Ordinal);
        var minutes = new List<KeyValuePair<string, string>>();
        var confirmations = new List<KeyValuePair<string, string>>();
        foreach (var input in inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            if (ReviewRecords.UploadOf(input.Key) is not null)
            {
                notes.Add($"{input.Key}: not taken: review decisions are recorded by minutes approve and minutes reject, not read from the input folder.");
            }
            else if (UploadSidecars.IsSidecar(input.Key))
            {
                confirmations.Add(input);
            }
            else
            {
                minutes.Add(input);
            }
        }

        // What earlier runs left in the work folder.
        var uploaded = new Dictionary<string, string?>(StringComparer.Ordinal);
        var uploadMetadata = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        await foreach (var item in _store.ListAsync(Containers.Uploads, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            uploaded[item.Name] = ObjectMetadata.Get(item.Metadata, MetadataKeys.SourceSha256);
            uploadMetadata[item.Name] = item.Metadata;
        }

        // Every stage's output, listed once: which ids are on the site, and (step 3) which inputs
        // are current. Documents normalised in step 1 are not judged by it (their stages run).
        StageListing? listing = await _pipeline.ListStagesAsync(cancellationToken).ConfigureAwait(false);
        var listingStale = false; // changed since in a way no relisting follows: the index rebuild lists again
        var published = listing.Rendered.Keys.ToHashSet(StringComparer.Ordinal);

        // 0. Public-version confirmations first, so the minutes they confirm see them.
        foreach (var (name, file) in confirmations)
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            await EnsureUploadAsync(name, bytes, uploaded.GetValueOrDefault(name), cancellationToken).ConfigureAwait(false);
        }

        foreach (var name in uploaded.Keys.Where(n => UploadSidecars.IsSidecar(n) && ReviewRecords.UploadOf(n) is null && !inputs.ContainsKey(n)))
        {
            await _store.DeleteAsync(Containers.Uploads, name, cancellationToken).ConfigureAwait(false); // confirmation revoked
        }

        // 1. What each input is: its content key, normalising (once per version) when unknown.
        var total = (minutes.Count * 2) + 1; // each input twice (what it is, the stages), then the site as a whole
        var done = 0;
        void Tick() => progress?.Invoke(Interlocked.Increment(ref done), total);
        // The work folder's caches are independent files that are only read here: loaded at once
        // (each is tens of milliseconds at 10,000 minutes, much of it waiting on the disk). The
        // warnings are awaited where they are first needed.
        var keysLoad = ContentKeys.LoadAsync(_store, cancellationToken);
        var inputStampsLoad = InputStamps.LoadAsync(_store, cancellationToken);
        var knownWarningsLoad = KnownWarnings.LoadAsync(_store, cancellationToken);
        var keys = await keysLoad.ConfigureAwait(false);
        var inputStamps = await inputStampsLoad.ConfigureAwait(false);
        var entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(minutes, parallel, async (input, ct) =>
        {
            try
            {
                var (sha, bytes) = await inputStamps.HashAsync(input.Key, input.Value, ct).ConfigureAwait(false);
                var entry = new Entry(input.Key, input.Value, MinutesId.FromSourceName(input.Key), sha)
                {
                    WasUploaded = uploaded.ContainsKey(input.Key),
                    UploadCurrent = uploaded.GetValueOrDefault(input.Key) == sha,
                    WasPublished = published.Contains(MinutesId.FromSourceName(input.Key)),
                    Key = keys.Get(sha),
                };
                if (entry.Key is null)
                {
                    if (!entry.UploadCurrent)
                    {
                        await CopyInputAsync(input.Key, input.Value, bytes, sha, ct).ConfigureAwait(false);
                        entry.UploadCurrent = true;
                    }

                    bytes = null; // not held here while the upload is normalised (a 30 MB upload's): handed off
                    entry.Normalized = await _pipeline.NormalizeAsync(input.Key, ct).ConfigureAwait(false);
                    _pipeline.HandOff?.TakeUpload(input.Key); // not kept if the stage did not take it
                    entry.Key = _pipeline.HandOff?.TakeContentKey(PipelineNames.Document(entry.Id), sha)
                        ?? await ContentKeys.OfNormalizedAsync(_store, entry.Id, sha, ct, _pipeline.HandOff).ConfigureAwait(false);
                    keys.Set(sha, entry.Key);
                }

                entries[input.Key] = entry;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                listingStale = true;
                results[input.Key] = Crashed(input.Key, e);
            }

            Tick();
        }).ConfigureAwait(false);

        // 2. One page per set of minutes, under the name the site already shows (else the first name).
        var canonical = new List<Entry>();
        var alsoAs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in entries.Values.GroupBy(e => e.Key!, StringComparer.Ordinal))
        {
            var ordered = group
                .OrderByDescending(e => e.WasPublished)
                .ThenByDescending(e => e.WasUploaded)
                .ThenBy(e => e.Name, StringComparer.Ordinal)
                .ToList();
            canonical.Add(ordered[0]);
            foreach (var duplicate in ordered.Skip(1))
            {
                var message = $"the same minutes as {ordered[0].Name}: taken once, under that name";
                StageResult? withdrawn = null;
                if (duplicate.WasUploaded || duplicate.UploadCurrent)
                {
                    listingStale = true;
                    await _store.DeleteAsync(Containers.Uploads, duplicate.Name, cancellationToken).ConfigureAwait(false);
                    withdrawn = await _pipeline.WithdrawAsync(duplicate.Name, message, updateIndexes: false, cancellationToken).ConfigureAwait(false);
                }

                results[duplicate.Name] = new DocumentResult(duplicate.Name, duplicate.Id, DocumentOutcome.Duplicate, message)
                {
                    DuplicateOf = ordered[0].Name,
                    Report = withdrawn?.Report,
                    Unchanged = withdrawn is null,
                };
                (alsoAs.TryGetValue(ordered[0].Name, out var names) ? names : alsoAs[ordered[0].Name] = []).Add(duplicate.Name);
            }
        }

        // 3. Normalise → redact → render, as the Functions do; a document whose every stage is
        // current by the listings is not read at all (its warnings are remembered).
        var knownWarnings = await knownWarningsLoad.ConfigureAwait(false);
        var ranStages = new ConcurrentDictionary<Entry, IReadOnlyList<string>>();
        await Parallel.ForEachAsync(canonical, parallel, async (entry, ct) =>
        {
            try
            {
                if (PublishedVersion(entry) is { } version)
                {
                    results[entry.Name] = new DocumentResult(entry.Name, entry.Id, DocumentOutcome.Published, "on the site (unchanged)")
                    {
                        Warnings = await knownWarnings.GetAsync(_store, entry.Id, version, ct).ConfigureAwait(false),
                        Unchanged = true,
                    };
                }
                else if (entry.Normalized is { Outcome: StageOutcome.Quarantined } failed)
                {
                    results[entry.Name] = await ResultOfAsync(entry, [failed], ct).ConfigureAwait(false);
                }
                else
                {
                    if (!entry.UploadCurrent)
                    {
                        var (bytes, sha) = await ReadInputAsync(entry.File, ct).ConfigureAwait(false);
                        await PutUploadAsync(entry.Name, bytes, sha, ct).ConfigureAwait(false);
                    }

                    var stages = entry.Normalized is { Outcome: StageOutcome.Done or StageOutcome.Unchanged } normalized && entry.UploadCurrent
                        ? await AfterNormalizeAsync(normalized, ct).ConfigureAwait(false) // normalised just now: not again
                        : await _pipeline.PublishAsync(entry.Name, updateIndexes: false, ct).ConfigureAwait(false);
                    results[entry.Name] = await ResultOfAsync(entry, stages, ct).ConfigureAwait(false);
                    ranStages[entry] = results[entry.Name].Warnings;
                }

                if (alsoAs.TryGetValue(entry.Name, out var duplicates))
                {
                    var result = results[entry.Name];
                    results[entry.Name] = result with
                    {
                        Warnings = [.. duplicates.Select(d => $"duplicate: {d} holds the same minutes; taken once, under {entry.Name}"), .. result.Warnings],
                    };
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                listingStale = true;
                results[entry.Name] = Crashed(entry.Name, e);
            }

            Tick();
        }).ConfigureAwait(false);

        string? PublishedVersion(Entry entry) =>
            entry.Normalized is null && entry.UploadCurrent && !uploaded.ContainsKey(ReviewRecords.NameFor(entry.Name))
                ? _pipeline.PublishedVersion(listing!, entry.Name, entry.Sha, RedactionRequest.IsConfirmedPublicVersion(uploadMetadata.GetValueOrDefault(entry.Name), inputs.ContainsKey(entry.Name + RedactionRequest.PublicVersionSidecarSuffix)))
                : null;

        // The documents whose stages ran, listed again: for the warnings of what was published just
        // now (kept for the next run), the site check and the index rebuild.
        if (!ranStages.IsEmpty)
        {
            listing = await _pipeline.RelistStagesAsync(listing!, [.. ranStages.Keys.Select(e => e.Id)], cancellationToken).ConfigureAwait(false);
            foreach (var (entry, warnings) in ranStages.Where(e => results[e.Key.Name].Outcome == DocumentOutcome.Published))
            {
                if (PublishedVersion(entry with { Normalized = null, UploadCurrent = true }) is { } version)
                {
                    knownWarnings.Set(entry.Id, version, warnings);
                }
            }
        }

        // The rendered records for the site check, and what the index rebuild is made of (the same
        // two listings it would make: current, as the documents whose stages ran were relisted);
        // the rest of the metadata is not kept through the index rebuild.
        var rendered = listing!.Rendered.ToDictionary(r => r.Key, r => r.Value.ETag, StringComparer.Ordinal);
        var indexSources = _pipeline.Index.SourcesOf(listing.Redacted, listing.Rendered);
        listing = null;

        // 4. Uploads that left the input folder: withdrawn, with the audit record.
        foreach (var name in uploaded.Keys.Where(n => !UploadSidecars.IsSidecar(n) && !inputs.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            listingStale = true;
            await _store.DeleteAsync(Containers.Uploads, name, cancellationToken).ConfigureAwait(false);
            var withdrawn = await _pipeline.WithdrawAsync(name, "removed from the input folder", updateIndexes: false, cancellationToken).ConfigureAwait(false);
            results[name] = new DocumentResult(name, withdrawn.Id, DocumentOutcome.Withdrawn, "removed from the input folder: its page and index entries are taken down")
            {
                Report = withdrawn.Report,
            };
        }

        // 5. The site folder against what the state says is published; then every index once.
        // A large document's render stage left its garbage (page, fragments, contribution) behind.
        _pipeline.CollectGarbageBefore("the indexes", null, _pipeline.HandOff?.LargestRendered ?? 0);
        StageMarks.At("before the indexes", _pipeline.HandOff?.LargestRendered ?? 0);
        var (repaired, damaged, stamps, documents) = await SiteRepair.RunAsync(_pipeline, rendered, cancellationToken, _pipeline.HandOff).ConfigureAwait(false);
        foreach (var result in results.Values.Where(r => r.Outcome == DocumentOutcome.Published && repaired.Contains(r.Id!)).ToList())
        {
            results[result.SourceName] = result with { Unchanged = false, Message = "written again: the site folder lacked or changed its files" };
        }

        // A run that took many documents through the stages (a first publish, a policy change)
        // leaves hundreds of MB of their garbage, and the rebuild then holds every document's
        // search postings and a tier's shards: collected first, the heap does not grow over both
        // (a cold publish of 10,000 minutes peaked ~100 MB lower). A re-publish of a few documents
        // does not pay for it.
        if (ranStages.Count >= ManyDocuments)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        // A withdrawal or a document rendered again (its record deleted first) changed the two
        // listings since: the rebuild makes its own.
        var update = await _pipeline.Index.UpdateAsync(listingStale || repaired.Count > 0 ? null : indexSources, force: damaged, cancellationToken).ConfigureAwait(false);
        StageMarks.At("indexes rebuilt", _pipeline.HandOff?.LargestRendered ?? 0);
        await stamps.StampWrittenAsync(_store, update, cancellationToken).ConfigureAwait(false);
        var renderedNow = ranStages.Keys.Where(e => results[e.Name].Outcome == DocumentOutcome.Published).Select(e => e.Id).Concat(repaired).ToHashSet(StringComparer.Ordinal);
        await stamps.StampRenderedAsync(_store, renderedNow, cancellationToken).ConfigureAwait(false);
        await stamps.SaveAsync(_store, documents, (await _pipeline.Index.RecordedFilesAsync(cancellationToken).ConfigureAwait(false)).Keys, cancellationToken).ConfigureAwait(false);
        await keys.SaveAsync(_store, entries.Values.Select(e => e.Sha), cancellationToken).ConfigureAwait(false);
        await inputStamps.SaveAsync(_store, minutes.Select(m => m.Key), cancellationToken).ConfigureAwait(false);
        await knownWarnings.SaveAsync(_store, results.Values.Where(r => r.Outcome == DocumentOutcome.Published && r.Id is not null).Select(r => r.Id!), cancellationToken).ConfigureAwait(false);
        Tick();

        return new FolderPublishReport
([.. results.Values.OrderBy(r => r.SourceName, StringComparer.Ordinal)], update.Written.Count, update.Deleted.Count)
        {
            Repaired = repaired,
            Notes = notes,
        };
    }

    /// <summary>Redact → render for a document normalised in this run, as <see cref="MinutesPipeline.PublishAsync"/> chains them.</summary>
    private async Task<IReadOnlyList<StageResult>> AfterNormalizeAsync(StageResult normalized, CancellationToken cancellationToken)
    {
        var document = PipelineNames.Document(normalized.Id!);
        var redacted = await _pipeline.RedactAsync(document, updateIndexes: false, cancellationToken).ConfigureAwait(false);
        return redacted.Outcome is not (StageOutcome.Done or StageOutcome.Unchanged)
            ? [normalized, redacted]
            : [normalized, redacted, await _pipeline.RenderAsync(document, updateIndexes: false, cancellationToken).ConfigureAwait(false)];
    }

    private async Task<DocumentResult> ResultOfAsync(Entry entry, IReadOnlyList<StageResult> stages, CancellationToken cancellationToken)
    {
        var last = stages[^1];
        var warnings = await DocumentNotes.WarningsAsync(_store, entry.Id, cancellationToken).ConfigureAwait(false);
        // A hold found current says so in its message; there is no separate outcome for it.
        var unchanged = stages.All(s => s.Outcome == StageOutcome.Unchanged || (s.Outcome == StageOutcome.Held && s.Message.StartsWith("already", StringComparison.Ordinal)));
        switch (last.Outcome)
        {
            case StageOutcome.Done or StageOutcome.Unchanged when last.Stage == Stages.Render:
                return new DocumentResult(entry.Name, entry.Id, DocumentOutcome.Published, last.Outcome == StageOutcome.Unchanged ? "on the site (unchanged)" : "published")
                {
                    Warnings = warnings,
                    Unchanged = unchanged,
                };
            case StageOutcome.Held:
                var hold = await DocumentNotes.HoldAsync(_store, entry.Id, cancellationToken).ConfigureAwait(false);
                return new DocumentResult(entry.Name, entry.Id, DocumentOutcome.Held, hold is null ? last.Message : string.Join(" ", hold.Reasons))
                {
                    Report = last.Report,
                    Checks = hold?.Checks ?? [],
                    ReviewNote = hold?.ReviewNote,
                    Warnings = warnings,
                    Unchanged = unchanged,
                };
            default:
                return new DocumentResult(entry.Name, entry.Id, DocumentOutcome.Failed, $"{last.Stage}: {last.Message}")
                {
                    Report = last.Report,
                    Warnings = warnings,
                };
        }
    }

    private async Task EnsureUploadAsync(string name, byte[] bytes, string? storedSha, CancellationToken cancellationToken)
    {
        var sha = PipelineNames.Sha256(bytes);
        if (storedSha != sha)
        {
            await PutUploadAsync(name, bytes, sha, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The work folder's copy of an input, from the bytes just hashed (not hashed again) or, when they were not kept, read again (they may differ now).</summary>
    private async Task CopyInputAsync(string name, string file, byte[]? hashed, string sha, CancellationToken cancellationToken)
    {
        var (bytes, bytesSha) = hashed is null ? await ReadInputAsync(file, cancellationToken).ConfigureAwait(false) : (hashed, sha);
        var etag = await PutUploadAsync(name, bytes, bytesSha, cancellationToken).ConfigureAwait(false);
        _pipeline.HandOff?.KeepUpload(name, etag, bytes); // for its normalise stage, next
    }

    private static async Task<(byte[] Bytes, string Sha256)> ReadInputAsync(string file, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        return (bytes, PipelineNames.Sha256(bytes));
    }

    /// <summary>The work folder's copy of an input, tagged with its hash so the next run compares without reading it.</summary>
    private Task<string> PutUploadAsync(string name, byte[] bytes, string sha, CancellationToken cancellationToken) =>
        _store.PutAsync(
            Containers.Uploads,
            name,
            bytes,
            new ObjectProperties { Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataKeys.SourceSha256] = sha } },
            cancellationToken: cancellationToken);

    private static DocumentResult Crashed(string name, Exception e) =>
        new(name, MinutesId.FromSourceName(name), DocumentOutcome.Failed, $"{e.GetType().Name}: {e.Message}");

    private sealed record Entry(string Name, string File, string Id, string Sha)
    {
        public bool WasUploaded { get; init; }

        public bool WasPublished { get; init; }

        public bool UploadCurrent { get; set; }

        public string? Key { get; set; }

        public StageResult? Normalized { get; set; }
    }
}
