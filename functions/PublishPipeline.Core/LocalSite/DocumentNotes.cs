using System.Globalization;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Redaction.Audit;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>What the private documents say about one upload, for the person who published it.</summary>
public static class DocumentNotes
{
    /// <summary>
    /// The reader's warnings ("line 12: code: message") and redaction's, from the normalised
    /// document and the audit record; only the warnings are read, not the whole document.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WarningsAsync(IObjectStore store, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var warnings = new List<string>();
        if (await ArrayAsync(store, Containers.Normalized, id, cancellationToken).ConfigureAwait(false) is { } read)
        {
            foreach (var w in read)
            {
                if (w.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var line = w.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? $"line {l.GetInt32().ToString(CultureInfo.InvariantCulture)}: " : string.Empty;
                var code = w.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = w.TryGetProperty("message", out var m) ? m.GetString() : null;
                warnings.Add($"{line}{code}: {message}");
            }
        }

        if (await ArrayAsync(store, Containers.Audit, id, cancellationToken).ConfigureAwait(false) is { } redaction)
        {
            warnings.AddRange(redaction.Where(w => w.ValueKind == JsonValueKind.String).Select(w => "redaction: " + w.GetString()));
        }

        return warnings;
    }

    /// <summary>The hold report of <paramref name="id"/>, or null when it is not held (or the report is unreadable).</summary>
    public static async Task<HoldReport?> HoldAsync(IObjectStore store, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.GetAsync(Containers.Held, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        try
        {
            return RedactionAuditJson.DeserializeHold(stored.Content.Span);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<List<JsonElement>?> ArrayAsync(IObjectStore store, string container, string id, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(container, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(stored.Content);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array
                ? [.. warnings.EnumerateArray().Select(w => w.Clone())]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
