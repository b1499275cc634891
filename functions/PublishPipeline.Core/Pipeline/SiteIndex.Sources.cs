using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// What an index rebuild is made of: each redacted document that has a rendered record (id and
/// the redacted version's ETag, by id), and whether some rendered record is of an earlier
/// template build (whose assets must stay while such pages exist).
/// </summary>
public sealed record IndexSources(IReadOnlyList<(string Id, string ETag)> Documents, bool PagesOfEarlierTemplates);

public sealed partial class SiteIndex
{
    /// <summary>
    /// The sources of a rebuild from listings the caller already holds and knows to be current
    /// (<c>minutes publish</c> lists the same two containers before its stages run and relists
    /// what they changed): the same selection the rebuild's own listings make, without reading
    /// every object's record a second time.
    /// </summary>
    public IndexSources SourcesOf(IReadOnlyDictionary<string, ObjectInfo> redacted, IReadOnlyDictionary<string, ObjectInfo> rendered)
    {
        ArgumentNullException.ThrowIfNull(redacted);
        ArgumentNullException.ThrowIfNull(rendered);
        var templateVersion = _site.TemplateVersion;
        return new(
            [.. redacted.Where(r => rendered.ContainsKey(r.Key)).Select(r => (r.Key, r.Value.ETag)).OrderBy(d => d.Key, StringComparer.Ordinal)],
            rendered.Values.Any(r => ObjectMetadata.Get(r.Metadata, MetadataKeys.TemplateVersion) != templateVersion));
    }

    /// <summary>The sources of a rebuild by listing the rendered records, then the redacted container.</summary>
    private async Task<IndexSources> ListSourcesAsync(CancellationToken cancellationToken)
    {
        var rendered = await StageListings.RenderedAsync(_store, cancellationToken).ConfigureAwait(false);
        var redacted = await StageListings.DocumentsAsync(_store, Containers.Redacted, cancellationToken).ConfigureAwait(false);
        return SourcesOf(redacted, rendered);
    }
}
