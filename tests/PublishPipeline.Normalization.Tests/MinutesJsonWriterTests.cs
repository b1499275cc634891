using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// <see cref="MinutesJson.Serialize"/> walks the model by hand (<see cref="MinutesJsonWriter"/>); the
/// published JSON is the serializer's, so the two must agree byte for byte, on real minutes and on
/// a document with every property of the model set, made from the serializer's own metadata (a
/// property added to the model and not to the writer makes the two differ here).
/// </summary>
public class MinutesJsonWriterTests(SampleFixture samples) : IClassFixture<SampleFixture>
{
    private static string BySerializer(Minutes m, JsonSerializerOptions options) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(m, options));

    private static string ByWriter(Minutes m, JsonSerializerOptions options) =>
        Encoding.UTF8.GetString(MinutesJsonWriter.Serialize(m, options));

    [Fact]
    public void The_samples_are_written_as_the_serializer_writes_them()
    {
        foreach (var m in samples.All)
        {
            Assert.Equal(BySerializer(m, MinutesJson.Options), Encoding.UTF8.GetString(MinutesJson.Serialize(m)));
            Assert.Equal(BySerializer(m, MinutesJson.Compact), ByWriter(m, MinutesJson.Compact));
            var bare = m with { Source = null, Warnings = [], Disclosure = null!, Sections = [new Section(null, [])] };
            Assert.Equal(BySerializer(bare, MinutesJson.Options), ByWriter(bare, MinutesJson.Options));
        }
    }

    [Fact]
    public void Every_property_and_every_named_value_is_written_as_the_serializer_writes_it()
    {
        foreach (var variant in Enumerable.Range(0, 5))
        {
            var json = Populated(typeof(Minutes), variant, depth: 0)!;
            var m = JsonSerializer.Deserialize<Minutes>(json.ToJsonString(), MinutesJson.Options)!;
            Assert.Equal(BySerializer(m, MinutesJson.Options), ByWriter(m, MinutesJson.Options));
            Assert.Equal(BySerializer(m, MinutesJson.Compact), ByWriter(m, MinutesJson.Compact));
        }

        // Nulls where the model allows them, escaping, and text the encoder must leave readable.
        var odd = new Minutes
        {
            Id = "a\"b<c>&\u3000会議\n\t\u0001",
            Title = "\ud83c\udf38 桜 \\ /",
            Sections = [new Section("見出し", [new SpeakerTurn { Text = "発言\n二段落目", Person = new PersonMention { Written = "山田議員" } }])],
            Source = new SourceInfo("x", "text", "utf-8", "ab", long.MaxValue),
        };
        Assert.Equal(BySerializer(odd, MinutesJson.Options), ByWriter(odd, MinutesJson.Options));
        Assert.Equal(BySerializer(odd, MinutesJson.Compact), ByWriter(odd, MinutesJson.Compact));
    }

    /// <summary>JSON for <paramref name="type"/> with every property given a value (variant picks which enum name).</summary>
    private static JsonNode? Populated(Type type, int variant, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return JsonValue.Create($"文字{variant}");
        }

        if (underlying == typeof(int) || underlying == typeof(long))
        {
            return JsonValue.Create(variant + 1);
        }

        if (underlying == typeof(DateOnly))
        {
            return JsonValue.Create($"20{10 + variant}-0{1 + variant}-1{variant}");
        }

        if (underlying.IsEnum)
        {
            var values = Enum.GetValues(underlying);
            var value = values.GetValue(variant % values.Length)!;
            return JsonNode.Parse(JsonSerializer.Serialize(value, underlying, MinutesJson.Options));
        }

        var info = MinutesJson.Options.GetTypeInfo(underlying);
        if (info.Kind == JsonTypeInfoKind.Enumerable)
        {
            return new JsonArray(Populated(info.ElementType!, variant, depth + 1), Populated(info.ElementType!, variant + 1, depth + 1));
        }

        Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
        Assert.True(depth < 10, $"{underlying} nests too deep");
        var o = new JsonObject();
        foreach (var property in info.Properties)
        {
            o[property.Name] = Populated(property.PropertyType, variant, depth + 1);
        }

        return o;
    }
}
