using System.Security.Cryptography;
using PublishPipeline.Model;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Where each stage writes. Every derived name is built from the minutes id (ASCII hex), never
/// from the untrusted upload name, so no upload name can reach another document's objects.
/// </summary>
public static class PipelineNames
{
    /// <summary>Private bookkeeping of the pipeline, kept in the audit container (never triggers a stage).</summary>
    public const string StatePrefix = "_pipeline/";

    public const string RenderedPrefix = StatePrefix + "rendered/";

    public const string SiteIndexState = StatePrefix + "site-index.json";

    public const string RerenderReportPrefix = StatePrefix + "rerender/";

    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>
    /// The objects a crash must not lose: audit records and the pipeline's state (the audit
    /// container) and review decisions. Everything else (the work copies of uploads, normalised,
    /// redacted, held and failure reports, the whole site) is made again from the uploads and
    /// these, so a store need not force it to disk (<see cref="Storage.FileSystemObjectStore.Durable"/>).
    /// </summary>
    public static bool IsDurable(string container, string name) =>
        (container == Containers.Audit && !name.StartsWith(IndexEntries.Prefix, StringComparison.Ordinal) && name != IndexSummary.Name) || // caches, made again from the documents
        (container == Containers.Uploads && Review.ReviewRecords.UploadOf(name) is not null);

    /// <summary>normalized/, redacted/, audit/, held/ and quarantine/ all use "&lt;id&gt;.json".</summary>
    public static string Document(string id) => id + ".json";

    /// <summary>The audit record of a withdrawal (the upload was deleted).</summary>
    public static string Withdrawal(string id) => id + ".withdrawal.json";

    /// <summary>What the render stage wrote to $web for one id (paths and hashes), so it can be withdrawn.</summary>
    public static string Rendered(string id) => RenderedPrefix + id + ".json";

    /// <summary>The id of a "&lt;id&gt;.json" name, or null for any other name.</summary>
    public static string? IdFromDocument(string? name)
    {
        if (name is null || !name.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var id = name[..^".json".Length];
        return MinutesId.IsValid(id) ? id : null;
    }

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The SHA-256 of a stored object's content: the one the store computed while reading it, else computed now.</summary>
    public static string Sha256(StoredObject stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.ContentSha256 ?? Sha256(stored.Content.Span);
    }
}

/// <summary>Metadata keys the stages record, so a later run can tell what is current without reading content.</summary>
public static class MetadataKeys
{
    /// <summary>The upload's name, percent-encoded.</summary>
    public const string SourceName = "sourcename";

    public const string SourceETag = "sourceetag";

    public const string SourceSha256 = "sourcesha256";

    /// <summary>Hash of the normalised JSON a redacted document or hold report came from.</summary>
    public const string NormalizedSha256 = "normalizedsha256";

    /// <summary>Hash of the object's own content.</summary>
    public const string ContentSha256 = "contentsha256";

    public const string PolicyVersion = "policyversion";

    public const string TemplateVersion = "templateversion";

    /// <summary>Hash of the redacted JSON a page was rendered from.</summary>
    public const string RedactedSha256 = "redactedsha256";

    public const string MinutesId = "minutesid";

    /// <summary>"index" on the index files (catalogue, feed, sitemap, search shards, body/year pages), so they can be found without the state.</summary>
    public const string Pipeline = "pipeline";

    public const string PipelineIndex = "index";

    /// <summary>"true" when staff confirmed the upload as the public version of 一部非公開 minutes.</summary>
    public const string PublicVersion = "publicversion";

    /// <summary>The version (ETag) of the upload's review record a stage saw; absent when there was none.</summary>
    public const string Review = "review";
}
