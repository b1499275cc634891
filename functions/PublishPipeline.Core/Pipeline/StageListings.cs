using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// A stage container listed by minutes id: the documents of the normalised or redacted container,
/// and the rendered records in the audit container. The pipeline's currency checks and the index
/// rebuild read the same listings.
/// </summary>
internal static class StageListings
{
    public static async Task<Dictionary<string, ObjectInfo>> DocumentsAsync(IObjectStore store, string container, CancellationToken cancellationToken)
    {
        var documents = new Dictionary<string, ObjectInfo>(StringComparer.Ordinal);
        await foreach (var item in store.ListAsync(container, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (PipelineNames.IdFromDocument(item.Name) is { } id)
            {
                documents[id] = item;
            }
        }

        return documents;
    }

    public static async Task<Dictionary<string, ObjectInfo>> RenderedAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, ObjectInfo>(StringComparer.Ordinal);
        await foreach (var item in store.ListAsync(Containers.Audit, PipelineNames.RenderedPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (PipelineNames.IdFromDocument(item.Name[PipelineNames.RenderedPrefix.Length..]) is { } id)
            {
                records[id] = item;
            }
        }

        return records;
    }
}
