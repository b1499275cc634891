using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
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
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static byte[] Serialize(Minutes minutes) => JsonSerializer.SerializeToUtf8Bytes(minutes, Options);

    public static Minutes Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<Minutes>(utf8Json, Options)
        ?? throw new JsonException("The document is JSON null, not minutes.");
}
