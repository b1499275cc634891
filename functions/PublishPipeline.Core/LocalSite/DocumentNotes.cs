using System.Buffers;
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
        if (await StreamedWarningsAsync(store, id, cancellationToken).ConfigureAwait(false) is { } read)
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

    // The normalised document's warnings, read from the store as a stream: the document is not
    // held whole to read a few warnings near its end.
    private static async Task<List<JsonElement>?> StreamedWarningsAsync(IObjectStore store, string id, CancellationToken cancellationToken)
    {
        var stream = await store.OpenReadAsync(Containers.Normalized, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await WarningsOfAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// <see cref="WarningsOf"/> read from <paramref name="json"/> 64 KB at a time: every other value
    /// is passed over token by token, and only the warnings array is held whole to parse it.
    /// </summary>
    internal static async Task<List<JsonElement>?> WarningsOfAsync(Stream json, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            var final = false;
            var state = default(JsonReaderState);
            var started = false;
            List<JsonElement>? found = null;
            while (true)
            {
                if (length == buffer.Length)
                {
                    // A token or the warnings array longer than the buffer: a larger one.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await json.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                length += read;
                final = read == 0;
                var consumed = Read(buffer.AsSpan(0, length), final, ref state, ref started, ref found, out var notAnObject);
                if (notAnObject)
                {
                    return null;
                }

                if (final)
                {
                    return found;
                }

                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Reads what tokens the block holds whole; the bytes consumed. The warnings array is parsed only
    // once it is in the block whole (until then nothing of it is consumed and the block grows).
    private static int Read(ReadOnlySpan<byte> block, bool final, ref JsonReaderState state, ref bool started, ref List<JsonElement>? found, out bool notAnObject)
    {
        notAnObject = false;
        var reader = new Utf8JsonReader(block, final, state);
        while (true)
        {
            var before = reader;
            if (!reader.Read())
            {
                break;
            }

            if (!started)
            {
                started = true;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    notAnObject = true;
                    return 0;
                }

                continue;
            }

            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("warnings"u8))
            {
                if (!reader.Read() || !JsonDocument.TryParseValue(ref reader, out var value))
                {
                    reader = before; // the value is not in the block whole yet
                    break;
                }

                using (value)
                {
                    // The last one wins, as a document's property lookup would take it.
                    found = value.RootElement.ValueKind == JsonValueKind.Array ? [.. value.RootElement.EnumerateArray().Select(e => e.Clone())] : null;
                }
            }
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
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
