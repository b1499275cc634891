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
            return WarningsOf(stored.Content.Span);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The top-level <c>warnings</c> array of <paramref name="json"/>; every other value is skipped
    /// by the reader, not parsed into a document (a 30 MB upload's normalised JSON is 60 MB, and a
    /// whole <see cref="JsonDocument"/> of it held as much again to read a few warnings).
    /// </summary>
    private static List<JsonElement>? WarningsOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        List<JsonElement>? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isWarnings = reader.ValueTextEquals("warnings"u8);
            reader.Read();
            if (isWarnings)
            {
                // The last one wins, as a document's property lookup would take it.
                var value = JsonElement.ParseValue(ref reader);
                found = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : null;
            }
            else
            {
                reader.Skip();
            }
        }

        // Past the object's end: text after it makes the JSON invalid (throws), as a whole parse finds.
        _ = reader.Read();

        return found;
    }
}
