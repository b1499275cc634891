using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>Reading a document's rendered record for the site checks, where an unreadable record is damage to repair, not an error.</summary>
internal static class RenderedRecords
{
    /// <summary>The stored record (null: withdrawn) and its content (null: unreadable).</summary>
    public static async Task<(StoredObject? Stored, RenderedRecord? Record)> ReadAsync(IObjectStore store, string id, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(Containers.Audit, PipelineNames.Rendered(id), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return (null, null);
        }

        try
        {
            return (stored, JsonSerializer.Deserialize<RenderedRecord>(stored.Content.Span, MinutesJson.Options));
        }
        catch (JsonException)
        {
            return (stored, null);
        }
    }
}
