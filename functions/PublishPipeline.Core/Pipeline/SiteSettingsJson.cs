using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Generated metadata of <see cref="SiteSettings"/>, read by every run and hashed for the policy
/// version: no accessors built by reflection at start. The settings' own options (comments,
/// trailing commas, unknown fields refused, the default encoder) still decide how it is read and written.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SiteSettings))]
internal sealed partial class SiteSettingsJson : JsonSerializerContext;
