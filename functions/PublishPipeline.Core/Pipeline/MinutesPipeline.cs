using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PublishPipeline.Ingest;
using PublishPipeline.LocalSite;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;
using PublishPipeline.Review;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Unicode;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The stages over an <see cref="IObjectStore"/>: the one pipeline behind both doors, the
/// <c>minutes</c> CLI (file system) and the Functions handler (Blob Storage).
///
/// Delivery is at least once, so every stage is idempotent: outputs are named after the minutes
/// id, each records the hash of what it was made from in metadata, and a repeat with the same
/// input writes nothing. Permanent failures (unreadable upload, a bug on one document) become a
/// quarantine report and a normal result, so the host does not retry them; storage or network
/// trouble is thrown, so the host retries.
/// </summary>
public sealed partial class MinutesPipeline
{
    private readonly IObjectStore _store;
    private readonly Redactor _redactor;
    private readonly SiteBuilder _site;
    private readonly Func<SourceFile, Minutes> _normalize;
    private readonly PipelineOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public MinutesPipeline(
        IObjectStore store,
        Redactor redactor,
        SiteBuilder site,
        ILogger? logger = null,
        PipelineOptions? options = null,
        Func<SourceFile, Minutes>? normalize = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(site);
        _store = store;
        _redactor = redactor;
        _site = site;
        _normalize = normalize ?? MinutesNormalizer.Normalize;
        _options = options ?? new PipelineOptions();
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        Index = new SiteIndex(store, site, _options, _logger, _time);
    }

    public IObjectStore Store => _store;

    public SiteIndex Index { get; }

    /// <summary>
    /// Set by a batch run (<c>minutes publish</c>) for its duration: each stage leaves the document
    /// it wrote for the next stage, which then does not parse it back (see <see cref="StageHandOff"/>).
    /// </summary>
    internal StageHandOff? HandOff { get; set; }

    /// <summary>Starts a log scope that puts the document id and stage on every line inside it.</summary>
    public IDisposable? BeginScope(string stage, string? id, string? source = null) =>
        _logger.BeginScope(new LogScope(("DocumentId", id), ("Stage", stage), ("SourceName", source)));

    /// <summary>
    /// Runs normalise → redact → render for one upload, as the blob triggers chain them in Azure;
    /// the CLI and `minutes watch` use it. Stops at the first stage that does not produce output.
    /// </summary>
    public async Task<IReadOnlyList<StageResult>> PublishAsync(string uploadName, bool updateIndexes = true, CancellationToken cancellationToken = default)
    {
        var results = new List<StageResult>(3);
        var normalized = await NormalizeAsync(uploadName, cancellationToken).ConfigureAwait(false);
        results.Add(normalized);
        if (normalized.Outcome is not (StageOutcome.Done or StageOutcome.Unchanged))
        {
            return results;
        }

        var redacted = await RedactAsync(PipelineNames.Document(normalized.Id!), updateIndexes, cancellationToken).ConfigureAwait(false);
        results.Add(redacted);
        if (redacted.Outcome is not (StageOutcome.Done or StageOutcome.Unchanged))
        {
            return results;
        }

        results.Add(await RenderAsync(PipelineNames.Document(normalized.Id!), updateIndexes, cancellationToken).ConfigureAwait(false));
        return results;
    }

    // ───────────────────────────── normalise ─────────────────────────────

    /// <summary>uploads/&lt;name&gt; → normalized/&lt;id&gt;.json, or a quarantine report.</summary>
    public async Task<StageResult> NormalizeAsync(string uploadName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploadName);
        var id = MinutesId.FromSourceName(uploadName);
        using var scope = BeginScope(Stages.Normalize, id, uploadName);
        if (ObjectName.Problem(uploadName) is { } problem)
        {
            return await QuarantineAsync(id, uploadName, Stages.Normalize, "name", $"The upload name is unusable: {problem}.", null, cancellationToken).ConfigureAwait(false);
        }

        if (UploadSidecars.MainOf(uploadName) is { } main)
        {
            // "x.docx.public-version" confirms x.docx as the public version of 一部非公開 minutes,
            // "x.docx.review.json" records a reviewer's decision on it: not minutes themselves,
            // but x.docx must be looked at again.
            return main.Length > 0 && ObjectName.Problem(main) is null
                ? await NormalizeAsync(main, cancellationToken).ConfigureAwait(false)
                : Log(new StageResult(Stages.Normalize, id, StageOutcome.Ignored, "a public-version confirmation without its upload"));
        }

        var upload = await ReadUploadAsync(uploadName, cancellationToken).ConfigureAwait(false);
        if (upload is null)
        {
            return Log(new StageResult(Stages.Normalize, id, StageOutcome.Missing, "the upload is gone (deleted since the event)"));
        }

        var sha = PipelineNames.Sha256(upload);
        StageMarks.At("upload read", upload.Content.Length);
        var confirmed = RedactionRequest.IsConfirmedPublicVersion(
            upload.Properties.Metadata,
            await ExistsAsync(Containers.Uploads, uploadName + RedactionRequest.PublicVersionSidecarSuffix, cancellationToken).ConfigureAwait(false));

        // A new or revoked review decision arrives as an upload event: recorded here so the
        // normalised document changes and redaction (which applies the decision) runs again.
        var (_, reviewTag) = await ReviewRecords.ReadAsync(_store, uploadName, sha, cancellationToken).ConfigureAwait(false);
        // Its record tells whether this version was normalised already: opened, not read (60 MB for a 30 MB upload's).
        using (var existing = await _store.OpenAsync(Containers.Normalized, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false))
        {
            if (existing is not null &&
                ObjectMetadata.Get(existing.Properties.Metadata, MetadataKeys.SourceSha256) == sha &&
                ObjectMetadata.Get(existing.Properties.Metadata, MetadataKeys.SourceName) == ObjectMetadata.Encode(uploadName) &&
                ObjectMetadata.Get(existing.Properties.Metadata, MetadataKeys.PublicVersion) == (confirmed ? "true" : null) &&
                ObjectMetadata.Get(existing.Properties.Metadata, MetadataKeys.Review) == reviewTag)
            {
                return Log(new StageResult(Stages.Normalize, id, StageOutcome.Unchanged, "already normalised from the same bytes"));
            }
        }

        if (upload.Content.Length > _options.MaxUploadBytes)
        {
            return await QuarantineAndTakeDownAsync(id, uploadName, Stages.Normalize, "too-large", TooLarge(upload.Content.Length), upload, updateIndexes: true, cancellationToken).ConfigureAwait(false);
        }

        Minutes minutes;
        try
        {
            // Pure CPU work on the bytes: any failure here is the upload's (or a bug's), never
            // transient, so it is reported rather than retried.
            minutes = _normalize(new SourceFile(uploadName, upload.Content, upload.Properties.ContentType));
        }
        catch (MinutesFormatException e)
        {
            return await QuarantineAndTakeDownAsync(id, uploadName, Stages.Normalize, e.Code, e.ToString(), upload, updateIndexes: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await QuarantineAndTakeDownAsync(id, uploadName, Stages.Normalize, "error", $"{e.GetType().Name}: {e.Message}", upload, updateIndexes: true, cancellationToken).ConfigureAwait(false);
        }

        var normalized = minutes with { Id = id };
        var uploadBytes = upload.Content.Length;
        StageMarks.At("normalised", uploadBytes);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataKeys.SourceName] = ObjectMetadata.Encode(uploadName),
            [MetadataKeys.SourceETag] = upload.ETag.Trim('"'),
            [MetadataKeys.SourceSha256] = sha,
        };
        upload = null; // its bytes are not needed past here, while the document is written (a 30 MB upload's)
        if (confirmed)
        {
            metadata[MetadataKeys.PublicVersion] = "true";
        }

        if (reviewTag is not null)
        {
            metadata[MetadataKeys.Review] = reviewTag;
        }

        // In a folder publish, the content key is hashed from the JSON as it is written: the
        // publisher then need not read the document back to learn it (ContentKeyHash).
        using var key = HandOff is null ? null : new ContentKeyHash();
        var (etag, escaped) = await PutDocumentAsync(Containers.Normalized, PipelineNames.Document(id), normalized, metadata, cancellationToken, key).ConfigureAwait(false);
        HandOff?.Keep(Containers.Normalized, PipelineNames.Document(id), etag, normalized, escaped);
        StageMarks.At("normalised JSON written", uploadBytes);
        if (!escaped && key?.Finish() is { } contentKey)
        {
            HandOff?.KeepContentKey(PipelineNames.Document(id), sha, contentKey);
        }

        foreach (var warning in minutes.Warnings)
        {
            LogDocumentWarning(_logger, id, Stages.Normalize, warning.Line is { } line ? $"line {line}: " : string.Empty, warning.Code, warning.Message);
        }

        // A corrected re-upload clears the old failure report.
        await _store.DeleteAsync(Containers.Quarantine, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        return Log(new StageResult(Stages.Normalize, id, StageOutcome.Done, $"normalised {minutes.Sections.Sum(s => s.Turns.Count)} turns"));
    }

    /// <summary>
    /// An upload as stored. The bytes a folder publish has just written it from are taken when the
    /// stored object is still that version (its record, opened), not read again: a second copy of
    /// a 30 MB upload was held beside the first while it was normalised.
    /// </summary>
    private async Task<StoredObject?> ReadUploadAsync(string uploadName, CancellationToken cancellationToken)
    {
        if (HandOff?.TakeUpload(uploadName) is { } kept)
        {
            using var opened = await _store.OpenAsync(Containers.Uploads, uploadName, cancellationToken).ConfigureAwait(false);
            if (opened is not null && opened.ETag == kept.ETag)
            {
                return new StoredObject(opened.Name, kept.Content, opened.Properties, opened.ETag) { ContentSha256 = opened.ContentSha256 };
            }
        }

        return await _store.GetAsync(Containers.Uploads, uploadName, cancellationToken).ConfigureAwait(false);
    }

    // ───────────────────────────── redact ─────────────────────────────

    /// <summary>normalized/&lt;id&gt;.json → redacted/&lt;id&gt;.json + audit/&lt;id&gt;.json, or a hold report in held/.</summary>
    public Task<StageResult> RedactAsync(string normalizedName, CancellationToken cancellationToken = default) =>
        RedactAsync(normalizedName, updateIndexes: true, cancellationToken);

    /// <summary>Redacts one document; the indexes only when <paramref name="updateIndexes"/> (batch runs update them once at the end).</summary>
    public async Task<StageResult> RedactAsync(string normalizedName, bool updateIndexes, CancellationToken cancellationToken = default)
    {
        var id = PipelineNames.IdFromDocument(normalizedName);
        using var scope = BeginScope(Stages.Redact, id);
        if (id is null)
        {
            return Log(new StageResult(Stages.Redact, null, StageOutcome.Ignored, "not a normalised document name"));
        }

        // Opened, not read: whether there is work is told by its record (the hash the store
        // recorded), and the document is parsed as it is read (60 MB of JSON for a 30 MB upload).
        using var normalized = await _store.OpenAsync(Containers.Normalized, normalizedName, cancellationToken).ConfigureAwait(false);
        if (normalized is null)
        {
            return Log(new StageResult(Stages.Redact, id, StageOutcome.Missing, "the normalised document is gone"));
        }

        var handedOff = HandOff?.Take(Containers.Normalized, normalizedName, normalized.ETag);
        var sha = normalized.ContentSha256;
        var policy = _redactor.Policy.Version;
        var encodedSource = ObjectMetadata.Get(normalized.Properties.Metadata, MetadataKeys.SourceName);
        var sourceName = encodedSource is null ? id : ObjectMetadata.Decode(encodedSource);
        var confirmed = ObjectMetadata.Get(normalized.Properties.Metadata, MetadataKeys.PublicVersion) == "true";
        var (review, reviewTag) = await ReviewRecords.ReadAsync(_store, sourceName, ObjectMetadata.Get(normalized.Properties.Metadata, MetadataKeys.SourceSha256), cancellationToken).ConfigureAwait(false);
        foreach (var (container, outcome) in new[] { (Containers.Redacted, StageOutcome.Unchanged), (Containers.Held, StageOutcome.Held) })
        {
            using var previous = await _store.OpenAsync(container, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false); // its record only
            if (previous is not null &&
                ObjectMetadata.Get(previous.Properties.Metadata, MetadataKeys.NormalizedSha256) == sha &&
                ObjectMetadata.Get(previous.Properties.Metadata, MetadataKeys.PolicyVersion) == policy &&
                ObjectMetadata.Get(previous.Properties.Metadata, MetadataKeys.PublicVersion) == (confirmed ? "true" : null) &&
                ObjectMetadata.Get(previous.Properties.Metadata, MetadataKeys.Review) == reviewTag)
            {
                return Log(new StageResult(Stages.Redact, id, outcome, "already redacted from the same document under the same policy", outcome == StageOutcome.Held ? $"{Containers.Held}/{PipelineNames.Document(id)}" : null));
            }
        }

        // The normalise stage's garbage (and its document, if not handed off) goes before this one is parsed.
        CollectGarbageBefore("redaction", id, normalized.Length);
        RedactionOutcome result;
        try
        {
            var minutes = handedOff ?? ReadDocument(normalized);
            result = await _redactor.RedactAsync(minutes with { Id = id }, new RedactionRequest(sourceName, confirmed) { Review = review }, cancellationToken).ConfigureAwait(false);
            StageMarks.At("redacted", normalized.Length);
        }
        catch (Exception e) when (!_options.IsTransient(e))
        {
            return await QuarantineAndTakeDownAsync(id, sourceName, Stages.Redact, e is JsonException ? "json" : "error", $"{e.GetType().Name}: {e.Message}", null, updateIndexes, cancellationToken).ConfigureAwait(false);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataKeys.SourceName] = ObjectMetadata.Encode(sourceName),
            [MetadataKeys.NormalizedSha256] = sha,
            [MetadataKeys.PolicyVersion] = policy,
        };
        if (confirmed)
        {
            // Recorded so that a confirmation given or revoked later (same bytes) is redacted again.
            metadata[MetadataKeys.PublicVersion] = "true";
        }

        if (reviewTag is not null)
        {
            metadata[MetadataKeys.Review] = reviewTag; // likewise for a review decision
        }

        foreach (var warning in result.Warnings)
        {
            LogDocumentWarning(_logger, id, Stages.Redact, string.Empty, "redaction", warning);
        }

        // The audit record first: whatever happens next, what was removed and why is on record.
        // A large document's is written as it is serialised (3.5 MB of JSON for a 30 MB upload's).
        await (normalized.Length > WholeReadLimit
            ? PutStreamedJsonAsync(Containers.Audit, PipelineNames.Document(id), result.Audit, metadata, cancellationToken)
            : PutJsonAsync(Containers.Audit, PipelineNames.Document(id), result.Audit, metadata, cancellationToken)).ConfigureAwait(false);
        StageMarks.At("audit written", normalized.Length);

        if (result.IsPublishable)
        {
            var redacted = result.Redacted! with { Id = id };
            var (etag, escaped) = await PutDocumentAsync(Containers.Redacted, PipelineNames.Document(id), redacted, metadata, cancellationToken).ConfigureAwait(false);
            HandOff?.Keep(Containers.Redacted, PipelineNames.Document(id), etag, redacted, escaped);
            StageMarks.At("redacted JSON written", normalized.Length);
            await _store.DeleteAsync(Containers.Held, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
            await _store.DeleteAsync(Containers.Quarantine, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
            return Log(new StageResult(Stages.Redact, id, StageOutcome.Done, $"{result.Audit.Entries.Count} redactions"));
        }

        var hold = result.Hold ?? new HoldReport(id, sourceName, ["redaction produced no publishable document"], _time.GetUtcNow());
        await PutJsonAsync(Containers.Held, PipelineNames.Document(id), hold, metadata, cancellationToken).ConfigureAwait(false);
        StageMarks.At("hold written", normalized.Length);

        // Held now: a previously published version must not stay public.
        await _store.DeleteAsync(Containers.Redacted, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        var removed = await UnpublishAsync(id, updateIndexes, cancellationToken).ConfigureAwait(false);
        var report = $"{Containers.Held}/{PipelineNames.Document(id)}";
        return Log(new StageResult(
            Stages.Redact,
            id,
            StageOutcome.Held,
            string.Join("; ", hold.Reasons) + (removed.Count > 0 ? $" (removed {removed.Count} published files)" : string.Empty),
            report));
    }

    // ───────────────────────────── render ─────────────────────────────

    /// <summary>redacted/&lt;id&gt;.json → its page and JSON in $web, then every index brought up to date.</summary>
    public Task<StageResult> RenderAsync(string redactedName, CancellationToken cancellationToken = default) =>
        RenderAsync(redactedName, updateIndexes: true, cancellationToken);

    /// <summary>Renders one document's files; the indexes only when <paramref name="updateIndexes"/> (batch runs update them once at the end).</summary>
    public async Task<StageResult> RenderAsync(string redactedName, bool updateIndexes, CancellationToken cancellationToken = default)
    {
        var id = PipelineNames.IdFromDocument(redactedName);
        using var scope = BeginScope(Stages.Render, id);
        if (id is null)
        {
            return Log(new StageResult(Stages.Render, null, StageOutcome.Ignored, "not a redacted document name"));
        }

        var result = await RenderPagesAsync(id, updateIndexes, cancellationToken).ConfigureAwait(false);
        if (updateIndexes && result.Outcome is StageOutcome.Done or StageOutcome.Unchanged)
        {
            // Always, even when the page was unchanged: a retry after a crash between the page and
            // the indexes must still bring the indexes up to date.
            var update = await Index.UpdateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (update.Written.Count + update.Deleted.Count > 0)
            {
                LogIndexes(_logger, update.Written.Count, update.Deleted.Count);
            }
        }

        return Log(result);
    }

    private async Task<StageResult> RenderPagesAsync(string id, bool updateIndexes, CancellationToken cancellationToken, int attempt = 0)
    {
        // Opened, not read: its record tells whether there is work, and its content is read only
        // when the document was not handed off (parsed as it is read) or its open data is cut from it.
        using var redacted = await _store.OpenAsync(Containers.Redacted, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        if (redacted is null)
        {
            return new StageResult(Stages.Render, id, StageOutcome.Missing, "the redacted document is gone (held or withdrawn since)");
        }

        var handedOff = HandOff?.Take(Containers.Redacted, PipelineNames.Document(id), redacted.ETag);
        var sha = redacted.ContentSha256;
        var templateVersion = _site.TemplateVersion;
        var record = await ReadRenderedAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is not null && record.RedactedSha256 == sha && record.TemplateVersion == templateVersion)
        {
            return new StageResult(Stages.Render, id, StageOutcome.Unchanged, "already rendered from the same document and templates");
        }

        var encodedSource = ObjectMetadata.Get(redacted.Properties.Metadata, MetadataKeys.SourceName);
        var sourceName = encodedSource is null ? id : ObjectMetadata.Decode(encodedSource);
        // The redact stage's garbage (the normalised document it parsed, among the rest) goes before the page is made.
        CollectGarbageBefore("the page", id, redacted.Length);
        IReadOnlyList<SiteFile> files;
        IReadOnlyList<StreamedSiteFile> streamed;
        Minutes minutes;
        try
        {
            minutes = (handedOff ?? ReadDocument(redacted)) with { Id = id };

            // A large document's page and open data are written into the store as they are made.
            // A document handed off is the stored JSON's exactly (written by this run): its open
            // data is cut from those bytes, read now. One read back may be of another writer's layout.
            streamed = _site.StreamMinutes(minutes) ?? [];
            StageMarks.At("render: page streamed (lazily)", redacted.Length);
            var serialized = handedOff?.Id == id && streamed.Count == 0 ? redacted.ReadAllVerified() : null;
            files = [.. streamed.Count > 0 ? [] : _site.BuildMinutes(minutes, serialized), .. _site.BuildSearchFragments(minutes)];
            StageMarks.At("render: search fragments built", redacted.Length);
            foreach (var path in files.Select(f => f.Path).Concat(streamed.Select(f => f.Path)))
            {
                if (ObjectName.Problem(path) is { } problem)
                {
                    throw new InvalidOperationException($"The site produced an unusable path '{path}': {problem}.");
                }
            }
        }
        catch (Exception e) when (!_options.IsTransient(e))
        {
            return await QuarantineAndTakeDownAsync(id, sourceName, Stages.Render, e is JsonException ? "json" : "error", $"{e.GetType().Name}: {e.Message}", null, updateIndexes, cancellationToken).ConfigureAwait(false);
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var written = 0;
        // The page and open data first, as when they are built: the record lists them in that order.
        foreach (var file in streamed)
        {
            var (fileSha, rewritten) = await PutStreamedAsync(file, record?.Files.GetValueOrDefault(file.Path), id, cancellationToken).ConfigureAwait(false);
            hashes[file.Path] = fileSha;
            written += rewritten ? 1 : 0;
        }

        foreach (var file in files)
        {
            var fileSha = PipelineNames.Sha256(file.Content.Span);
            hashes[file.Path] = fileSha;
            if (record is not null && record.Files.TryGetValue(file.Path, out var old) && old == fileSha)
            {
                continue; // same bytes as published: not rewritten
            }

            var properties = SiteIndex.WebProperties(file, fileSha, id);
            await (file.ContentEncoding is null
                ? _store.PutAsync(Containers.Web, file.Path, file.Content, fileSha, properties, cancellationToken: cancellationToken)
                : _store.PutAsync(Containers.Web, file.Path, file.StoredContent(), properties, cancellationToken: cancellationToken)).ConfigureAwait(false);
            written++;
        }

        var fileCount = files.Count + streamed.Count;
        StageMarks.At("render: files written", redacted.Length);
        files = []; // written: not held while the search contribution is made
        CollectGarbageBefore("the search contribution", id, redacted.Length); // and their garbage goes before it is made

        foreach (var stale in record?.Files.Keys.Where(p => !hashes.ContainsKey(p)) ?? [])
        {
            await _store.DeleteAsync(Containers.Web, stale, cancellationToken).ConfigureAwait(false);
        }

        var policy = ObjectMetadata.Get(redacted.Properties.Metadata, MetadataKeys.PolicyVersion);
        var rendered = new RenderedRecord(id, sourceName, sha, templateVersion, policy, hashes);
        var renderedETag = await PutJsonAsync(
            Containers.Audit,
            PipelineNames.Rendered(id),
            rendered,
            new()
            {
                [MetadataKeys.RedactedSha256] = sha,
                [MetadataKeys.TemplateVersion] = templateVersion,
                [MetadataKeys.SourceName] = ObjectMetadata.Encode(sourceName),
            },
            cancellationToken).ConfigureAwait(false);

        // A hold or withdrawal may have removed the redacted document (and unpublished) while we
        // rendered: our pages and record must not outlive it. A newer version instead is rendered again.
        // Its record is enough (the hash the store recorded), not a second read of the document.
        using var now = await _store.OpenAsync(Containers.Redacted, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        if (now is null)
        {
            var removed = await UnpublishAsync(id, updateIndexes, cancellationToken).ConfigureAwait(false);
            return new StageResult(Stages.Render, id, StageOutcome.Missing, $"the redacted document was removed while rendering (held or withdrawn); removed {removed.Count} files again");
        }

        if (now.ETag != redacted.ETag && now.ContentSha256 != sha)
        {
            return attempt < 3
                ? await RenderPagesAsync(id, updateIndexes, cancellationToken, attempt + 1).ConfigureAwait(false)
                : throw new WriteConflictException($"redacted/{PipelineNames.Document(id)} kept changing while it was rendered.");
        }

        if (HandOff is not null && now.ETag == redacted.ETag)
        {
            // A batch run rebuilds the indexes next: what they need of this document is taken now,
            // while it is in memory, instead of read and parsed again by the rebuild.
            await Index.KeepAsync(id, redacted.ETag, minutes, cancellationToken).ConfigureAwait(false);
            StageMarks.At("render: index entry kept", redacted.Length);
        }

        // The site check after a batch run takes the record written here instead of reading it back.
        HandOff?.KeepRendered(id, renderedETag, rendered);
        HandOff?.NoteRendered(redacted.Length);

        return new StageResult(Stages.Render, id, StageOutcome.Done, $"{written} of {fileCount} files written");
    }

    /// <summary>
    /// A stored document, checked against its record: read whole and parsed from its bytes when it
    /// is small (the serializer's fastest path; most minutes are tens of KB), else parsed as it is
    /// read, never held whole (60 MB of JSON for a 30 MB upload).
    /// </summary>
    internal static Minutes ReadDocument(OpenedObject stored) =>
        stored.Length <= WholeReadLimit
            ? MinutesJson.Deserialize(stored.ReadAllVerified())
            : stored.ReadVerified(json => MinutesJson.Deserialize(json));

    /// <summary>The largest document <see cref="ReadDocument"/> reads whole.</summary>
    internal const long WholeReadLimit = 4 * 1024 * 1024;

    /// <summary>
    /// Writes a streamed site file into $web; its SHA-256, and whether it was written. One already
    /// published (<paramref name="publishedSha"/>) is made once more to hash it first, and is not
    /// rewritten when the bytes are the same, as a file built as bytes is not.
    /// </summary>
    private async Task<(string Sha256, bool Written)> PutStreamedAsync(StreamedSiteFile file, string? publishedSha, string id, CancellationToken cancellationToken)
    {
        if (publishedSha is not null && await HashedAsync(file, Stream.Null, cancellationToken).ConfigureAwait(false) == publishedSha)
        {
            return (publishedSha, false);
        }

        string? sha = null;
        var properties = new ObjectProperties
        {
            ContentType = file.ContentType,
            CacheControl = file.CacheControl,
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataKeys.MinutesId] = id },
            ContentSha256Key = MetadataKeys.ContentSha256,
        };
        await _store.PutAsync(Containers.Web, file.Path, async (stream, ct) => sha = await HashedAsync(file, stream, ct).ConfigureAwait(false), properties, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (sha!, true);
    }

    /// <summary>Writes <paramref name="file"/> into <paramref name="destination"/>; the SHA-256 (lower-case hex) of what it wrote.</summary>
    private static async Task<string> HashedAsync(StreamedSiteFile file, Stream destination, CancellationToken cancellationToken)
    {
        using var sha256 = SHA256.Create();
        using (var hashing = new CryptoStream(destination, sha256, CryptoStreamMode.Write, leaveOpen: true))
        {
            // A hash algorithm as a crypto transform passes its input through unchanged.
            await file.WriteAsync(hashing, cancellationToken).ConfigureAwait(false);
            await hashing.FlushFinalBlockAsync(cancellationToken).ConfigureAwait(false);
        }

        return Convert.ToHexStringLower(sha256.Hash!);
    }

    // ───────────────────────────── withdraw ─────────────────────────────

    /// <summary>The upload was deleted: its page and JSON leave $web and every index; the audit says so.</summary>
    public async Task<StageResult> WithdrawAsync(string uploadName, WithdrawalEvent? deletion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploadName);
        if (UploadSidecars.MainOf(uploadName) is { Length: > 0 } main && ObjectName.Problem(main) is null)
        {
            // The public-version confirmation or the review decision was revoked: x.docx itself
            // stays, but must be taken through the stages again without it (一部非公開 minutes are
            // then held and leave the site; so is a document only an approval published).
            var results = await PublishAsync(main, cancellationToken: cancellationToken).ConfigureAwait(false);
            return results[^1];
        }

        // The NFC and NFD spellings of a name are one document (macOS and Windows tools write
        // either): while the other spelling is still uploaded, the document stays, read from it.
        foreach (var spelling in new[] { TextNormalization.ToNfc(uploadName), TextNormalization.ToNfd(uploadName) })
        {
            if (!string.Equals(spelling, uploadName, StringComparison.Ordinal) && ObjectName.Problem(spelling) is null
                && await ExistsAsync(Containers.Uploads, spelling, cancellationToken).ConfigureAwait(false))
            {
                var results = await PublishAsync(spelling, cancellationToken: cancellationToken).ConfigureAwait(false);
                return results[^1];
            }
        }

        return await WithdrawAsync(MinutesId.FromSourceName(uploadName), uploadName, deletion, "the upload was deleted", updateIndexes: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Withdraws an upload that was already removed from the uploads container, with the reason on
    /// record (the local door: the file left the input folder, or duplicates another one).
    /// </summary>
    public Task<StageResult> WithdrawAsync(string uploadName, string reason, bool updateIndexes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploadName);
        return WithdrawAsync(MinutesId.FromSourceName(uploadName), uploadName, null, reason, updateIndexes, cancellationToken);
    }

    private async Task<StageResult> WithdrawAsync(string id, string uploadName, WithdrawalEvent? deletion, string reason, bool updateIndexes, CancellationToken cancellationToken)
    {
        using var scope = BeginScope(Stages.Withdraw, id, uploadName);
        if (ObjectName.Problem(uploadName) is null && await ExistsAsync(Containers.Uploads, uploadName, cancellationToken).ConfigureAwait(false))
        {
            // Deleted and uploaded again before this event arrived: the new upload wins.
            return Log(new StageResult(Stages.Withdraw, id, StageOutcome.Ignored, "the upload exists again; nothing withdrawn"));
        }

        var record = await ReadRenderedAsync(id, cancellationToken).ConfigureAwait(false);
        var files = record?.Files.Keys.Order(StringComparer.Ordinal).ToList() ?? [];
        var objects = new List<string>();
        foreach (var container in new[] { Containers.Normalized, Containers.Redacted, Containers.Held, Containers.Quarantine })
        {
            if (await ExistsAsync(container, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false))
            {
                objects.Add($"{container}/{PipelineNames.Document(id)}");
            }
        }

        // The audit record before the removal, so a crash in between leaves the intent on record;
        // a repeated delivery of the same event keeps the first record (same bytes).
        var auditName = PipelineNames.Withdrawal(id);
        var previous = await _store.GetAsync(Containers.Audit, auditName, cancellationToken).ConfigureAwait(false);
        var previousRecord = previous is null ? null : JsonSerializer.Deserialize<WithdrawalRecord>(previous.Content.Span, MinutesJson.Options);
        var repeated = previousRecord is not null && deletion?.Id is not null && previousRecord.EventId == deletion.Id;
        if (!repeated && (files.Count > 0 || objects.Count > 0 || previousRecord is null))
        {
            await PutJsonAsync(
                Containers.Audit,
                auditName,
                new WithdrawalRecord(id, uploadName, reason, deletion?.Id, deletion?.Time, files, objects),
                new() { [MetadataKeys.SourceName] = ObjectMetadata.Encode(uploadName) },
                cancellationToken).ConfigureAwait(false);
        }

        foreach (var container in new[] { Containers.Normalized, Containers.Redacted, Containers.Held, Containers.Quarantine })
        {
            await _store.DeleteAsync(container, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        }

        await _store.DeleteAsync(Containers.Audit, IndexEntries.Name(id), cancellationToken).ConfigureAwait(false); // the index rebuild's cache of it

        var removed = await UnpublishAsync(id, updateIndexes, cancellationToken).ConfigureAwait(false);
        return Log(new StageResult(Stages.Withdraw, id, StageOutcome.Withdrawn, $"removed {removed.Count} public files and {objects.Count} private objects", $"{Containers.Audit}/{auditName}"));
    }

    /// <summary>
    /// Removes a document's public files (from its rendered record) and, if asked, updates the
    /// indexes first, so no index links to a page that is already gone.
    /// </summary>
    private async Task<IReadOnlyList<string>> UnpublishAsync(string id, bool updateIndexes, CancellationToken cancellationToken)
    {
        var record = await ReadRenderedAsync(id, cancellationToken).ConfigureAwait(false);

        // The record goes first: from then on no index rebuild lists the document, and a crash
        // leaves at worst orphan files that nothing links to (the sweeps remove them). The site's
        // own path scheme is consulted too, in case the record was lost.
        await _store.DeleteAsync(Containers.Audit, PipelineNames.Rendered(id), cancellationToken).ConfigureAwait(false);
        var paths = new SortedSet<string>(record?.Files.Keys ?? [], StringComparer.Ordinal);
        paths.UnionWith(SiteUrls.MinutesPaths(id));
        if (record is null)
        {
            // Its search fragments live outside its folder (under their meeting day): found by their tag.
            await foreach (var item in _store.ListAsync(Containers.Web, SiteUrls.SearchFragmentsPrefix, cancellationToken).ConfigureAwait(false))
            {
                if (ObjectMetadata.Get(item.Metadata, MetadataKeys.MinutesId) == id)
                {
                    paths.Add(item.Name);
                }
            }
        }

        if (updateIndexes)
        {
            await UpdateIndexesBeforeRemovingAsync(paths, cancellationToken).ConfigureAwait(false);
        }

        return await DeletePublicFilesAsync(paths, cancellationToken).ConfigureAwait(false);
    }

    // ───────────────────────────── re-render ─────────────────────────────

    /// <summary>
    /// The timer's job: re-redact every document whose policy version changed, re-render every
    /// page whose template version or redacted source changed, withdraw what lost its upload,
    /// remove public files nothing accounts for, rebuild the indexes once, and report.
    /// </summary>
    public Task<RerenderReport> RerenderAsync(CancellationToken cancellationToken = default) =>
        SweepAsync(SweepScope.Nightly(_time.GetUtcNow() + _options.RerenderBudget), cancellationToken);

    /// <summary>
    /// The catch-up shared by the nightly run and the recovery sweep (<see cref="SweepScope"/>
    /// says how much each may do): every upload, document and page not current is taken through
    /// the stage it lacks, in stage order, so one run finishes a document's chain.
    /// </summary>
    private async Task<RerenderReport> SweepAsync(SweepScope sweep, CancellationToken cancellationToken)
    {
        using var scope = BeginScope(sweep.Stage, null);
        var policy = _redactor.Policy.Version;
        var templateVersion = _site.TemplateVersion;
        List<string> normalizedNow = [], reredacted = [], rerendered = [], withdrawn = [], held = [], failed = [];
        var left = sweep.Left;

        // Per-document work stops at the run's budget; the rest waits for the next run (reported).
        // Takedowns (withdrawals, unpublishing) and the index rebuild always run.
        bool OutOfBudget(string what, string id) => sweep.OutOfBudget(what, id, _time.GetUtcNow());

        // What changed too recently is left to the triggers that are probably still on it.
        bool Young(string? id, DateTimeOffset modified) => !sweep.Settled(id, modified, _time.GetUtcNow());

        var uploads = new Dictionary<string, ObjectInfo>(StringComparer.Ordinal);
        await foreach (var upload in _store.ListAsync(Containers.Uploads, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            uploads[upload.Name] = upload;
        }

        // 0. Uploads never taken through (the event was lost, or its retries ran out): normalise
        // every upload that has neither a normalised document of the same version nor a
        // quarantine report for it. NormalizeAsync is idempotent, so a doubtful case costs a read.
        var normalized = await ListDocumentsAsync(Containers.Normalized, cancellationToken).ConfigureAwait(false);
        var quarantined = await ListDocumentsAsync(Containers.Quarantine, cancellationToken).ConfigureAwait(false);
        foreach (var (name, upload) in uploads)
        {
            if (UploadSidecars.IsSidecar(name))
            {
                continue;
            }

            var id = MinutesId.FromSourceName(name);
            var etag = upload.ETag.Trim('"');
            if (Young(id, upload.LastModified))
            {
                continue;
            }

            if (normalized.TryGetValue(id, out var n) &&
                ObjectMetadata.Get(n.Metadata, MetadataKeys.SourceName) == ObjectMetadata.Encode(name) &&
                ObjectMetadata.Get(n.Metadata, MetadataKeys.SourceETag) == etag)
            {
                continue;
            }

            if (quarantined.ContainsKey(id) &&
                await _store.GetAsync(Containers.Quarantine, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false) is { } stored &&
                JsonSerializer.Deserialize<QuarantineReport>(stored.Content.Span, MinutesJson.Options) is { } q &&
                q.SourceName == name && (q.SourceETag == etag || q.SourceETag is null && ObjectName.Problem(name) is not null))
            {
                continue;
            }

            if (OutOfBudget($"{Containers.Uploads}/{name}", id))
            {
                continue;
            }

            // Too large to read: Azure's uploads subscription filters these out by size, so no event
            // ever brings them. Reported here from the listing, without loading the blob.
            var result = upload.Length > _options.MaxUploadBytes
                ? await Guard(id, failed, () => QuarantineAndTakeDownAsync(id, name, Stages.Normalize, "too-large", TooLarge(upload.Length), null, updateIndexes: false, cancellationToken, upload)).ConfigureAwait(false)
                : await Guard(id, failed, () => NormalizeAsync(name, cancellationToken)).ConfigureAwait(false);
            switch (result?.Outcome)
            {
                case StageOutcome.Done:
                    normalizedNow.Add(id);
                    break;
                case StageOutcome.Quarantined:
                    failed.Add(id);
                    break;
            }
        }

        // 1. Sources gone (a missed deletion event): withdraw.
        normalized = await ListDocumentsAsync(Containers.Normalized, cancellationToken).ConfigureAwait(false);
        foreach (var (id, item) in normalized.ToList())
        {
            var source = ObjectMetadata.Get(item.Metadata, MetadataKeys.SourceName) is { } s ? ObjectMetadata.Decode(s) : null;
            if (source is null || !uploads.ContainsKey(source))
            {
                await WithdrawAsync(id, source ?? id, null, "the upload is gone (found by the re-render)", updateIndexes: false, cancellationToken).ConfigureAwait(false);
                withdrawn.Add(id);
                normalized.Remove(id);
            }
        }

        // 1b. A public-version confirmation or review decision given or revoked (metadata or
        // sidecar) without an event reaching us: normalise again, which records the new state and
        // so re-redacts below.
        foreach (var (id, item) in normalized.ToList())
        {
            var source = ObjectMetadata.Decode(ObjectMetadata.Get(item.Metadata, MetadataKeys.SourceName)!);
            var confirmed = RedactionRequest.IsConfirmedPublicVersion(uploads[source].Metadata, uploads.ContainsKey(source + RedactionRequest.PublicVersionSidecarSuffix));
            var reviewTag = uploads.TryGetValue(ReviewRecords.NameFor(source), out var record) ? record.ETag.Trim('"') : null;
            var changed = record is not null && record.LastModified > uploads[source].LastModified ? record.LastModified : uploads[source].LastModified;
            if ((confirmed == (ObjectMetadata.Get(item.Metadata, MetadataKeys.PublicVersion) == "true") && reviewTag == ObjectMetadata.Get(item.Metadata, MetadataKeys.Review))
                || Young(id, changed) || OutOfBudget($"{Containers.Uploads}/{source}", id))
            {
                continue;
            }

            var result = await Guard(id, failed, () => NormalizeAsync(source, cancellationToken)).ConfigureAwait(false);
            if (result?.Outcome == StageOutcome.Done)
            {
                normalizedNow.Add(id);
            }
            else if (result?.Outcome == StageOutcome.Quarantined)
            {
                failed.Add(id);
            }
        }

        normalized = await ListDocumentsAsync(Containers.Normalized, cancellationToken).ConfigureAwait(false);

        // 2. Policy changed: re-redact.
        var redacted = await ListDocumentsAsync(Containers.Redacted, cancellationToken).ConfigureAwait(false);
        var heldDocs = await ListDocumentsAsync(Containers.Held, cancellationToken).ConfigureAwait(false);
        foreach (var (id, item) in normalized)
        {
            var decided = redacted.GetValueOrDefault(id) ?? heldDocs.GetValueOrDefault(id);
            var normalizedSha = ObjectMetadata.Get(item.Metadata, MetadataKeys.ContentSha256);
            if (decided is not null &&
                ObjectMetadata.Get(decided.Metadata, MetadataKeys.PolicyVersion) == policy &&
                ObjectMetadata.Get(decided.Metadata, MetadataKeys.PublicVersion) == ObjectMetadata.Get(item.Metadata, MetadataKeys.PublicVersion) &&
                ObjectMetadata.Get(decided.Metadata, MetadataKeys.Review) == ObjectMetadata.Get(item.Metadata, MetadataKeys.Review) &&
                (normalizedSha is null || ObjectMetadata.Get(decided.Metadata, MetadataKeys.NormalizedSha256) == normalizedSha))
            {
                continue;
            }

            if (Young(id, item.LastModified) || OutOfBudget($"{Containers.Normalized}/{PipelineNames.Document(id)}", id))
            {
                continue;
            }

            var result = await Guard(id, failed, () => RedactAsync(PipelineNames.Document(id), updateIndexes: false, cancellationToken)).ConfigureAwait(false);
            switch (result?.Outcome)
            {
                case StageOutcome.Done:
                    reredacted.Add(id);
                    break;
                case StageOutcome.Held:
                    held.Add(id);
                    break;
                case StageOutcome.Quarantined:
                    failed.Add(id);
                    break;
            }
        }

        // 3. Template or redacted document changed: re-render the page.
        redacted = await ListDocumentsAsync(Containers.Redacted, cancellationToken).ConfigureAwait(false);
        var rendered = await ListRenderedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (id, item) in redacted)
        {
            if (rendered.TryGetValue(id, out var r) &&
                ObjectMetadata.Get(r.Metadata, MetadataKeys.TemplateVersion) == templateVersion &&
                ObjectMetadata.Get(r.Metadata, MetadataKeys.RedactedSha256) == ObjectMetadata.Get(item.Metadata, MetadataKeys.ContentSha256))
            {
                continue;
            }

            if (Young(id, item.LastModified) || OutOfBudget($"{Containers.Redacted}/{PipelineNames.Document(id)}", id))
            {
                continue;
            }

            var result = await Guard(id, failed, () => RenderAsync(PipelineNames.Document(id), updateIndexes: false, cancellationToken)).ConfigureAwait(false);
            if (result?.Outcome == StageOutcome.Done)
            {
                rerendered.Add(id);
            }
            else if (result?.Outcome == StageOutcome.Quarantined)
            {
                failed.Add(id);
            }
        }

        // 4. Pages whose redacted document is gone (held or withdrawn, and a crash in between).
        foreach (var id in rendered.Keys.Where(id => !redacted.ContainsKey(id)))
        {
            if (await ExistsAsync(Containers.Redacted, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false))
            {
                continue; // redacted and rendered between the two listings: published, not gone
            }

            await UnpublishAsync(id, updateIndexes: false, cancellationToken).ConfigureAwait(false);
            withdrawn.Add(id);
        }

        // 5. Public files nothing accounts for (orphans of a crash): removed.
        var update = await Index.UpdateAsync(force: sweep.ForceIndexes, cancellationToken).ConfigureAwait(false);
        var known = new HashSet<string>(update.Files.Keys, StringComparer.Ordinal);
        foreach (var record in (await ListRenderedAsync(cancellationToken).ConfigureAwait(false)).Keys)
        {
            if (await ReadRenderedAsync(record, cancellationToken).ConfigureAwait(false) is { } r)
            {
                known.UnionWith(r.Files.Keys);
            }
        }

        var orphans = new List<string>();
        await foreach (var item in _store.ListAsync(Containers.Web, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // Only files this pipeline wrote (minutes files carry their id, index files their tag);
            // anything else in $web was put there by a person.
            if (!known.Contains(item.Name) && (ObjectMetadata.Get(item.Metadata, MetadataKeys.MinutesId) is not null || SiteIndex.IsIndexFile(item.Metadata)) && !Young(null, item.LastModified))
            {
                orphans.Add(item.Name);
            }
        }

        foreach (var orphan in orphans)
        {
            await _store.DeleteAsync(Containers.Web, orphan, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        var report = new RerenderReport(now, templateVersion, policy, reredacted, rerendered, withdrawn, held, failed, update.Written, [.. update.Deleted, .. orphans]) { Normalized = normalizedNow, LeftForNextRun = left };
        if (left.Count > 0)
        {
            LogOutOfTime(_logger, sweep.Stage, left.Count);
        }

        if (report.ChangedAnything || failed.Count > 0 || left.Count > 0)
        {
            await PutJsonAsync(Containers.Audit, $"{sweep.ReportPrefix}{now:yyyyMMdd'T'HHmmss'Z'}.json", report, [], cancellationToken).ConfigureAwait(false);
        }

        LogRerender(_logger, sweep.Stage, normalizedNow.Count, reredacted.Count, rerendered.Count, withdrawn.Count, held.Count, failed.Count, update.Written.Count);
        return report;
    }

    private async Task<StageResult?> Guard(string id, List<string> failed, Func<Task<StageResult>> stage)
    {
        try
        {
            return await stage().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One document's trouble must not stop the nightly run for the others.
            LogStageFailed(_logger, id, e);
            failed.Add(id);
            return null;
        }
    }

    // ───────────────────────────── helpers ─────────────────────────────

    /// <summary>
    /// The current version cannot be taken through <paramref name="stage"/>. Whatever was published
    /// from an earlier version no longer matches what staff uploaded (the new version may be the
    /// correction of a leak), so it is taken down, with the intermediate documents made from the
    /// failing stage on, until a version that goes through arrives. The stage's own input is kept
    /// (the nightly run retries it): the normalised document for redact, the redacted one for render.
    /// </summary>
    private async Task<StageResult> QuarantineAndTakeDownAsync(string id, string sourceName, string stage, string code, string reason, StoredObject? upload, bool updateIndexes, CancellationToken cancellationToken, ObjectInfo? listed = null)
    {
        var result = await QuarantineAsync(id, sourceName, stage, code, reason, upload, cancellationToken, listed).ConfigureAwait(false);
        var stale = false;
        if (stage == Stages.Normalize)
        {
            stale |= await _store.DeleteAsync(Containers.Normalized, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        }

        if (stage is Stages.Normalize or Stages.Redact)
        {
            stale |= await _store.DeleteAsync(Containers.Redacted, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        }

        var removed = await UnpublishAsync(id, updateIndexes && (stale || await IsPublishedAsync(id, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        return removed.Count > 0 ? result with { Message = result.Message + $" (removed {removed.Count} published files of the earlier version)" } : result;
    }

    /// <param name="listed">The upload as listed, when it was not read (too large): its ETag and length go on record.</param>
    private async Task<StageResult> QuarantineAsync(string id, string sourceName, string stage, string code, string reason, StoredObject? upload, CancellationToken cancellationToken, ObjectInfo? listed = null)
    {
        var report = new QuarantineReport(
            id,
            sourceName,
            stage,
            code,
            reason,
            (upload?.ETag ?? listed?.ETag)?.Trim('"'),
            upload is null ? null : PipelineNames.Sha256(upload.Content.Span),
            upload?.Content.Length ?? listed?.Length);
        await PutJsonAsync(Containers.Quarantine, PipelineNames.Document(id), report, new() { [MetadataKeys.SourceName] = ObjectMetadata.Encode(sourceName) }, cancellationToken).ConfigureAwait(false);
        LogQuarantined(_logger, id, stage, code, reason);
        return new StageResult(stage, id, StageOutcome.Quarantined, reason, $"{Containers.Quarantine}/{PipelineNames.Document(id)}");
    }

    private string TooLarge(long length) => $"The upload is {length:N0} bytes; at most {_options.MaxUploadBytes:N0} are read.";

    /// <summary>Writes <paramref name="value"/> as private JSON; its ETag (the one stored, when the same report was there already).</summary>
    private async Task<string> PutJsonAsync<T>(string container, string name, T value, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, MinutesJson.Options);
        var sha = PipelineNames.Sha256(json);
        var existing = await _store.GetAsync(container, name, cancellationToken).ConfigureAwait(false);
        if (existing is not null && ObjectMetadata.Get(existing.Properties.Metadata, MetadataKeys.ContentSha256) == sha)
        {
            return existing.ETag; // same report again (a repeated delivery): leave the object and its ETag alone
        }

        return await _store.PutAsync(container, name, json, sha, Private(new(metadata) { [MetadataKeys.ContentSha256] = sha }), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="PutJsonAsync"/> without the JSON in one array: serialised into the store as it is
    /// made, its SHA-256 recorded by the store from the same pass. Only when the object is there
    /// already is the JSON made once more first, into a hash, to leave the same report alone.
    /// </summary>
    private async Task<string> PutStreamedJsonAsync<T>(string container, string name, T value, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        using (var existing = await _store.OpenAsync(container, name, cancellationToken).ConfigureAwait(false))
        {
            if (existing is not null && ObjectMetadata.Get(existing.Properties.Metadata, MetadataKeys.ContentSha256) is { } stored && stored == JsonSha256(value))
            {
                return existing.ETag;
            }
        }

        return await _store.PutAsync(
            container,
            name,
            (stream, ct) => JsonSerializer.SerializeAsync(stream, value, MinutesJson.Options, ct),
            Private(metadata) with { ContentSha256Key = MetadataKeys.ContentSha256 },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string JsonSha256<T>(T value)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = new HashingStream(hash))
        {
            JsonSerializer.Serialize(stream, value, MinutesJson.Options);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A write-only stream that only hashes what is written to it.</summary>
    private sealed class HashingStream(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// Writes a document's JSON into the store as it is made (a 30 MB upload's is ≈ 60 MB, never one
    /// array), its SHA-256 recorded by the store from the same pass; its ETag, and whether the JSON
    /// holds <c>\uFFFD</c> (for the hand-off).
    /// </summary>
    private async Task<(string ETag, bool HasReplacementEscape)> PutDocumentAsync(string container, string name, Minutes minutes, Dictionary<string, string> metadata, CancellationToken cancellationToken, ContentKeyHash? key = null)
    {
        var escaped = false;
        var etag = await _store.PutAsync(
            container,
            name,
            async (stream, ct) => escaped = await StreamedDocument.WriteAsync(minutes, stream, ct, key).ConfigureAwait(false),
            Private(metadata) with { ContentSha256Key = MetadataKeys.ContentSha256 },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return (etag, escaped);
    }

    private static ObjectProperties Private(Dictionary<string, string> metadata) =>
        new() { ContentType = PipelineNames.JsonContentType, CacheControl = "no-store", Metadata = metadata };

    private async Task<RenderedRecord?> ReadRenderedAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(Containers.Audit, PipelineNames.Rendered(id), cancellationToken).ConfigureAwait(false);
        return stored is null ? null : JsonSerializer.Deserialize<RenderedRecord>(stored.Content.Span, MinutesJson.Options);
    }

    private Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken) =>
        _store.ExistsAsync(container, name, cancellationToken);

    private Task<Dictionary<string, ObjectInfo>> ListDocumentsAsync(string container, CancellationToken cancellationToken) =>
        StageListings.DocumentsAsync(_store, container, cancellationToken);

    private Task<Dictionary<string, ObjectInfo>> ListRenderedAsync(CancellationToken cancellationToken) =>
        StageListings.RenderedAsync(_store, cancellationToken);

    /// <summary>A large document's stage starts with the garbage of the stage before it collected (<see cref="StageGarbage"/>); logged with its pause.</summary>
    internal void CollectGarbageBefore(string step, string? id, long documentBytes)
    {
        if (StageGarbage.CollectBefore(documentBytes) is { } pause)
        {
            LogCollected(_logger, step, id ?? "the run", documentBytes, pause.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A full collection before {Step} of {DocumentId} ({Bytes} bytes of JSON, over the whole-read limit): {PauseMs:0} ms")]
    private static partial void LogCollected(ILogger logger, string step, string documentId, long bytes, double pauseMs);

    private StageResult Log(StageResult result)
    {
        LogStage(_logger, result.Stage, result.Id, result.Outcome, result.Message);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Stage} {DocumentId}: {Outcome} — {Detail}")]
    private static partial void LogStage(ILogger logger, string stage, string? documentId, StageOutcome outcome, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{DocumentId} {Stage} warning: {Where}{Code}: {Detail}")]
    private static partial void LogDocumentWarning(ILogger logger, string documentId, string stage, string where, string code, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {DocumentId} at {Stage} ({Code}): {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string documentId, string stage, string code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexes updated: {Written} files written, {Deleted} deleted")]
    private static partial void LogIndexes(ILogger logger, int written, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Run} run stopped at its budget; {Left} uploads/documents are left for the next run (listed in the report)")]
    private static partial void LogOutOfTime(ILogger logger, string run, int left);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-render of {DocumentId} failed")]
    private static partial void LogStageFailed(ILogger logger, string documentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Run}: {Normalized} normalised, {Reredacted} re-redacted, {Rerendered} re-rendered, {Withdrawn} withdrawn, {Held} held, {Failed} failed, {IndexFiles} index files written")]
    private static partial void LogRerender(ILogger logger, string run, int normalized, int reredacted, int rerendered, int withdrawn, int held, int failed, int indexFiles);
}
