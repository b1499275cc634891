using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublishPipeline.Redaction.Audit;

/// <summary>
/// An audit entry as JSON, the same bytes the serializer wrote for the record (camelCase names in
/// declaration order, nulls written), with the location written from the entry's field path on the
/// stack: a masked name's entry holds no location string (<see cref="RedactionEntry"/>).
/// </summary>
internal sealed class RedactionEntryJsonConverter : JsonConverter<RedactionEntry>
{
    private static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText Original = JsonEncodedText.Encode("original");
    private static readonly JsonEncodedText Replacement = JsonEncodedText.Encode("replacement");
    private static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");

    public override void Write(Utf8JsonWriter writer, RedactionEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        var location = new DefaultInterpolatedStringHandler(1, 1, CultureInfo.InvariantCulture, stackalloc char[64]);
        value.WriteLocation(ref location);
        writer.WriteString(Location, location.Text);
        location.Clear();
        writer.WriteString(Original, value.Original);
        writer.WriteString(Replacement, value.Replacement);
        writer.WriteString(Rule, value.Rule);
        writer.WriteNumber(Confidence, value.Confidence);
        writer.WriteEndObject();
    }

    public override RedactionEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An audit entry is not a JSON object.");
        }

        string? location = null, original = null, replacement = null, rule = null;
        var confidence = 0.0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            // Names as the serializer matched them (web defaults: any case); anything else is skipped.
            switch (name?.ToLowerInvariant())
            {
                case "location": location = reader.GetString(); break;
                case "original": original = reader.GetString(); break;
                case "replacement": replacement = reader.GetString(); break;
                case "rule": rule = reader.GetString(); break;
                case "confidence":
                    confidence = reader.TokenType == JsonTokenType.String
                        ? double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                        : reader.GetDouble();
                    break;
                default: reader.Skip(); break;
            }
        }

        return new RedactionEntry(location!, original!, replacement!, rule!, confidence);
    }
}
