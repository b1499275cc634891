using PublishPipeline.Model;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>What every stage's output is, from one listing per container (metadata only, no content).</summary>
public sealed record StageListing(
    IReadOnlyDictionary<string, ObjectInfo> Normalized,
    IReadOnlyDictionary<string, ObjectInfo> Redacted,
    IReadOnlyDictionary<string, ObjectInfo> Rendered);

public sealed partial class MinutesPipeline
{
    /// <summary>Lists the normalised and redacted documents and the rendered records once, for <see cref="PublishedVersion"/>.</summary>
    public async Task<StageListing> ListStagesAsync(CancellationToken cancellationToken = default) =>
        new(
            await ListDocumentsAsync(Containers.Normalized, cancellationToken).ConfigureAwait(false),
            await ListDocumentsAsync(Containers.Redacted, cancellationToken).ConfigureAwait(false),
            await ListRenderedAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// <paramref name="listing"/> with the documents of <paramref name="ids"/> listed again (after
    /// their stages ran): a few among many (at most <see cref="RelistByNameLimit"/>, and at most
    /// one in that many of the listed) by their own names — a listing that reads no other
    /// object's metadata — else by listing the containers again.
    /// </summary>
    public async Task<StageListing> RelistStagesAsync(StageListing listing, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > RelistByNameLimit || ids.Count * RelistByNameLimit > listing.Normalized.Count)
        {
            return await ListStagesAsync(cancellationToken).ConfigureAwait(false);
        }

        async Task<Dictionary<string, ObjectInfo>> RelistAsync(IReadOnlyDictionary<string, ObjectInfo> before, string container, Func<string, string> name)
        {
            var after = new Dictionary<string, ObjectInfo>(before, StringComparer.Ordinal);
            foreach (var id in ids)
            {
                after.Remove(id);
                await foreach (var item in _store.ListAsync(container, name(id), cancellationToken).ConfigureAwait(false))
                {
                    if (item.Name == name(id))
                    {
                        after[id] = item;
                    }
                }
            }

            return after;
        }

        return new(
            await RelistAsync(listing.Normalized, Containers.Normalized, PipelineNames.Document).ConfigureAwait(false),
            await RelistAsync(listing.Redacted, Containers.Redacted, PipelineNames.Document).ConfigureAwait(false),
            await RelistAsync(listing.Rendered, Containers.Audit, PipelineNames.Rendered).ConfigureAwait(false));
    }

    /// <summary>Documents relisted by name rather than by listing whole containers (<see cref="RelistStagesAsync"/>).</summary>
    internal const int RelistByNameLimit = 8;

    /// <summary>
    /// When every stage of <paramref name="uploadName"/> is current — normalised from these bytes
    /// with this confirmation state, redacted from that under this policy, rendered from that with
    /// these templates — a token naming that published version (it changes when any of them is
    /// made again); else null, and the stages must run. The same comparisons the stages and the
    /// sweep make, on listed metadata, so a batch skips an unchanged document without reading it.
    /// Uploads with a review decision always go through the stages (the decision is read there).
    /// </summary>
    public string? PublishedVersion(StageListing listing, string uploadName, string uploadSha256, bool confirmedPublicVersion)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var id = MinutesId.FromSourceName(uploadName);
        if (!listing.Normalized.TryGetValue(id, out var normalized) ||
            !listing.Redacted.TryGetValue(id, out var redacted) ||
            !listing.Rendered.TryGetValue(id, out var rendered))
        {
            return null;
        }

        string? N(string key) => ObjectMetadata.Get(normalized.Metadata, key);
        string? D(string key) => ObjectMetadata.Get(redacted.Metadata, key);
        var normalizedSha = N(MetadataKeys.ContentSha256);
        var redactedSha = D(MetadataKeys.ContentSha256);
        var current =
            normalizedSha is not null && redactedSha is not null &&
            N(MetadataKeys.SourceSha256) == uploadSha256 &&
            N(MetadataKeys.SourceName) == ObjectMetadata.Encode(uploadName) &&
            N(MetadataKeys.PublicVersion) == (confirmedPublicVersion ? "true" : null) &&
            N(MetadataKeys.Review) is null &&
            D(MetadataKeys.NormalizedSha256) == normalizedSha &&
            D(MetadataKeys.PolicyVersion) == _redactor.Policy.Version &&
            D(MetadataKeys.PublicVersion) == N(MetadataKeys.PublicVersion) &&
            D(MetadataKeys.Review) is null &&
            ObjectMetadata.Get(rendered.Metadata, MetadataKeys.TemplateVersion) == _site.TemplateVersion &&
            ObjectMetadata.Get(rendered.Metadata, MetadataKeys.RedactedSha256) == redactedSha;
        return current ? $"{normalizedSha} {redacted.ETag.Trim('"')}" : null;
    }
}
