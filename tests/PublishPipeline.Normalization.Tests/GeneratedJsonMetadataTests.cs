using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Storage;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// The pipeline's documents and records are read and written from source-generated metadata
/// (<see cref="MinutesJsonContext"/>, <see cref="SidecarJson"/>), so no process builds their
/// accessors by reflection; the bytes must stay those the reflection serializer wrote with the same
/// options, for every property set and every named value, read and written.
/// </summary>
public class GeneratedJsonMetadataTests
{
    private static readonly Type[] PipelineTypes =
        [.. typeof(MinutesJsonContext).GetCustomAttributesData().Where(a => a.AttributeType == typeof(JsonSerializableAttribute)).Select(a => (Type)a.ConstructorArguments[0].Value!)];

    // The web defaults the store's records and the settings were written with, by reflection.
    private static readonly JsonSerializerOptions WebByReflection = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Fact]
    public void The_pipeline_types_are_resolved_from_generated_metadata()
    {
        Assert.Contains(typeof(Minutes), PipelineTypes);
        foreach (var type in PipelineTypes)
        {
            Assert.IsType<MinutesJsonContext>(MinutesJson.Options.GetTypeInfo(type).OriginatingResolver);
            Assert.IsType<MinutesJsonContext>(MinutesJson.Compact.GetTypeInfo(type).OriginatingResolver);
        }

        // Any other type is still serialised, by reflection as before.
        Assert.Equal("[1,2]", JsonSerializer.Serialize(new[] { 1, 2 }, MinutesJson.Compact));
    }

    [Fact]
    public void Every_pipeline_type_reads_and_writes_the_bytes_reflection_wrote()
    {
        foreach (var options in new[] { MinutesJson.Options, MinutesJson.Compact })
        {
            var reflection = new JsonSerializerOptions(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
            foreach (var type in PipelineTypes)
            {
                foreach (var variant in Enumerable.Range(0, 3))
                {
                    var json = Populated(type, variant, depth: 0)!.ToJsonString();
                    var byReflection = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, type, reflection), type, reflection);
                    var generated = JsonSerializer.Deserialize(json, type, options);
                    Assert.Equal(byReflection, JsonSerializer.Serialize(generated, type, options));
                    Assert.Equal(byReflection, Encoding(JsonSerializer.SerializeToUtf8Bytes(generated, type, options)));
                }
            }
        }
    }

    [Fact]
    public void An_object_record_is_written_and_read_as_reflection_did()
    {
        var reflection = WebByReflection;
        Assert.IsType<SidecarJson>(SidecarJson.Default.Sidecar.OriginatingResolver);
        foreach (var variant in Enumerable.Range(0, 3))
        {
            var json = Populated(typeof(FileSystemObjectStore.Sidecar), variant, depth: 0)!.ToJsonString();
            var record = JsonSerializer.Deserialize(json, SidecarJson.Default.Sidecar)!;
            Assert.Equal(
                JsonSerializer.Serialize(JsonSerializer.Deserialize<FileSystemObjectStore.Sidecar>(json, reflection), reflection),
                JsonSerializer.Serialize(record, SidecarJson.Default.Sidecar));
        }

        // Names as the web defaults read them: any case.
        var upper = JsonSerializer.Deserialize("""{"NAME":"a/b.json","SHA256":"ab","LENGTH":"3","metadata":{"x":"y"}}""", SidecarJson.Default.Sidecar)!;
        Assert.Equal(("a/b.json", "ab", 3L, "y"), (upper.Name, upper.Sha256, upper.Length, upper.Metadata["x"]));
    }

    [Fact]
    public void Site_settings_are_read_from_generated_metadata_and_keep_their_policy_version()
    {
        const string json = """
            // 架空町の設定
            { "siteTitle": "架空町議会 会議録", "baseUrl": "https://example.org/",
              "redaction": { "mask": "●●", "replacement": "pseudonym", "allowList": ["架空一郎"], "unknownDisclosure": "publish", } }
            """;
        var settings = SiteSettings.Parse(json, "settings.json");
        Assert.Equal(("架空町議会 会議録", "●●"), (settings.SiteTitle, settings.Redaction!.Mask));

        // The version hashes the redaction part as the reflection serializer wrote it with the settings' options.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(settings.Redaction, WebByReflection);
        var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes).AsSpan(0, 6));
        Assert.Equal(new RedactionPolicy().Version + "+" + fingerprint, settings.ToPolicy().Version);
        var options = (JsonSerializerOptions)typeof(SiteSettings).GetField("JsonOptions", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        Assert.IsType<SiteSettingsJson>(options.GetTypeInfo(typeof(SiteSettings)).OriginatingResolver);

        // An unknown field is still refused, with where it is.
        Assert.Throws<FormatException>(() => SiteSettings.Parse("{ \"redaction\": { \"masc\": \"x\" } }", "settings.json"));
    }

    private static string Encoding(byte[] utf8) => System.Text.Encoding.UTF8.GetString(utf8);

    /// <summary>JSON for <paramref name="type"/> with every property given a value (variant picks which enum name).</summary>
    private static JsonNode? Populated(Type type, int variant, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return JsonValue.Create($"文字\"<&{variant}");
        }

        if (underlying == typeof(int) || underlying == typeof(long))
        {
            return JsonValue.Create(variant + 1);
        }

        if (underlying == typeof(double))
        {
            return JsonValue.Create(variant + 0.25);
        }

        if (underlying == typeof(bool))
        {
            return JsonValue.Create(variant % 2 == 0);
        }

        if (underlying == typeof(DateOnly))
        {
            return JsonValue.Create($"20{10 + variant}-0{1 + variant}-1{variant}");
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return JsonValue.Create($"20{10 + variant}-0{1 + variant}-1{variant}T09:3{variant}:00+09:00");
        }

        if (underlying.IsEnum)
        {
            var values = Enum.GetValues(underlying);
            return JsonNode.Parse(JsonSerializer.Serialize(values.GetValue(variant % values.Length), underlying, MinutesJson.Options));
        }

        if (underlying == typeof(RedactionEntry))
        {
            // Its own converter writes it; the entry's fields are its constructor's.
            return JsonNode.Parse(JsonSerializer.Serialize(new RedactionEntry($"sections[{variant}].turns[0].text@3", "架空太郎", "〇〇", "person", 0.5 + variant), MinutesJson.Options));
        }

        var info = MinutesJson.Options.GetTypeInfo(underlying);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                return new JsonArray(Populated(info.ElementType!, variant, depth + 1), Populated(info.ElementType!, variant + 1, depth + 1));
            case JsonTypeInfoKind.Dictionary:
                return new JsonObject { [$"鍵{variant}"] = Populated(info.ElementType!, variant, depth + 1), ["b"] = Populated(info.ElementType!, variant + 1, depth + 1) };
            default:
                Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
                Assert.True(depth < 10, $"{underlying} nests too deep");
                var o = new JsonObject();
                foreach (var property in info.Properties)
                {
                    o[property.Name] = depth > 6 && property.PropertyType.IsClass && property.PropertyType != typeof(string) ? null : Populated(property.PropertyType, variant, depth + 1);
                }

                return o;
        }
    }
}
