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

    /// <summary>The sources of a rebuild by listing the rendered records and the redacted container.</summary>
    private async Task<IndexSources> ListSourcesAsync(CancellationToken cancellationToken)
    {
        var rendered = new HashSet<string>(StringComparer.Ordinal);
        var templateVersion = _site.TemplateVersion;
        var pagesOfEarlierTemplates = false;
        await foreach (var item in _store.ListAsync(Containers.Audit, PipelineNames.RenderedPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (PipelineNames.IdFromDocument(item.Name[PipelineNames.RenderedPrefix.Length..]) is { } id)
            {
                rendered.Add(id);
                pagesOfEarlierTemplates |= ObjectMetadata.Get(item.Metadata, MetadataKeys.TemplateVersion) != templateVersion;
            }
        }

        var current = new List<(string Id, string ETag)>();
        await foreach (var item in _store.ListAsync(Containers.Redacted, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (PipelineNames.IdFromDocument(item.Name) is { } id && rendered.Contains(id))
            {
                current.Add((id, item.ETag));
            }
        }

        current.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new(current, pagesOfEarlierTemplates);
    }
}
