using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>
/// The work folder is a cache of the site, not the truth about it: the site folder is compared
/// with what the private state says was published (each document's rendered record, the index
/// rebuild's file list), and whatever is missing or different is written again. A deleted site
/// folder, or a new <c>--site</c> with the same work folder, so gets a whole site.
/// A file counts as different when it is gone, its size changed, or the store's recorded hash of
/// it is not the published one (the file-system store trusts its hash while the size matches).
/// </summary>
internal static class SiteRepair
{
    /// <summary>Re-renders every document with a missing or changed public file; says whether the index files need a full check.</summary>
    public static async Task<(IReadOnlyList<string> Repaired, bool IndexDamaged)> RunAsync(MinutesPipeline pipeline, CancellationToken cancellationToken)
    {
        var store = pipeline.Store;
        var site = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var item in store.ListAsync(Containers.Web, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            site[item.Name] = ObjectMetadata.Get(item.Metadata, MetadataKeys.ContentSha256);
        }

        bool Current(KeyValuePair<string, string> file) => site.TryGetValue(file.Key, out var sha) && sha == file.Value;

        var records = new List<string>();
        await foreach (var item in store.ListAsync(Containers.Audit, PipelineNames.RenderedPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (PipelineNames.IdFromDocument(item.Name[PipelineNames.RenderedPrefix.Length..]) is { } id)
            {
                records.Add(id);
            }
        }

        var damaged = new List<string>();
        foreach (var id in records)
        {
            var stored = await store.GetAsync(Containers.Audit, PipelineNames.Rendered(id), cancellationToken).ConfigureAwait(false);
            RenderedRecord? record;
            try
            {
                record = stored is null ? null : JsonSerializer.Deserialize<RenderedRecord>(stored.Content.Span, MinutesJson.Options);
            }
            catch (JsonException)
            {
                record = null;
            }

            if (stored is not null && (record is null || !record.Files.All(Current)))
            {
                damaged.Add(id);
            }
        }

        foreach (var id in damaged)
        {
            // Without its record the render stage writes every file of the document again.
            await store.DeleteAsync(Containers.Audit, PipelineNames.Rendered(id), cancellationToken).ConfigureAwait(false);
            await pipeline.RenderAsync(PipelineNames.Document(id), updateIndexes: false, cancellationToken).ConfigureAwait(false);
        }

        var indexFiles = await pipeline.Index.RecordedFilesAsync(cancellationToken).ConfigureAwait(false);
        return (damaged, damaged.Count > 0 || !indexFiles.All(Current));
    }
}
