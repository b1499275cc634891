using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublishPipeline.Storage;

/// <summary>
/// An object's record (its name, hash, length and properties) as JSON, read and written for every
/// object the file-system store touches: generated metadata, so no process builds its accessors by
/// reflection. The web defaults, unindented: the bytes reflection wrote with the same options.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(FileSystemObjectStore.Sidecar))]
internal sealed partial class SidecarJson : JsonSerializerContext;
