using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace PublishPipeline.Model;

/// <summary>The one JSON shape of <see cref="Minutes"/>: camelCase, UTF-8, Japanese kept readable.</summary>
public static class MinutesJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions(indented: true);

    public static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            // Keep 日本語 as characters rather than \uXXXX; the encoder still escapes <, >, & and quotes.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NewLine = "\n",
            // The pipeline's own types from generated metadata; any other type by reflection, as before.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(MinutesJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The document as <see cref="Options"/> write it (by <see cref="MinutesJsonWriter"/>, the same bytes as the serializer's).</summary>
    public static byte[] Serialize(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        return MinutesJsonWriter.Serialize(minutes, Options);
    }

    /// <summary>The bytes <see cref="Serialize"/> makes, into <paramref name="output"/> as they are made.</summary>
    public static void SerializeInto(Minutes minutes, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        MinutesJsonWriter.Serialize(minutes, Options, output);
    }

    /// <summary>
    /// The JSON of the document with its warnings emptied and its source dropped, made from its
    /// JSON as <see cref="Serialize"/> wrote it (<paramref name="serialized"/>): those are the last
    /// two properties, so every byte before them is the same and the document is not written again.
    /// Null when <paramref name="serialized"/> does not end in that form.
    /// </summary>
    public static byte[]? WithoutWarningsAndSource(ReadOnlySpan<byte> serialized)
    {
        // A raw newline is never inside a JSON string, so this is the top-level property.
        var at = serialized.LastIndexOf("\n  \"warnings\": "u8);
        if (at < 0 || serialized[at..].IndexOf("\n  \"source\": "u8) < 0 || !serialized.EndsWith("\n}"u8))
        {
            return null;
        }

        ReadOnlySpan<byte> tail = "\n  \"warnings\": [],\n  \"source\": null\n}"u8;
        var json = new byte[at + tail.Length];
        serialized[..at].CopyTo(json);
        tail.CopyTo(json.AsSpan(at));
        return json;
    }

    public static Minutes Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<Minutes>(utf8Json, Options)
        ?? throw new JsonException("The document is JSON null, not minutes.");

    /// <summary>The document read from <paramref name="utf8Json"/> as it comes, never held whole.</summary>
    public static Minutes Deserialize(Stream utf8Json) =>
        JsonSerializer.Deserialize<Minutes>(utf8Json, Options)
        ?? throw new JsonException("The document is JSON null, not minutes.");
}
