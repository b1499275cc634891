using System.Text.Json;
using System.Text.Json.Serialization;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Review;

namespace PublishPipeline.Model;

/// <summary>
/// Source-generated metadata of the documents and records the pipeline writes and reads with
/// <see cref="MinutesJson.Options"/>: without it the serializer builds each type's accessors at run
/// time by reflection and emitted code, which the JIT compiles in every process (ReadyToRun cannot).
/// Only the metadata is taken (the options still decide names, encoder, indentation), so the bytes
/// are the reflection serializer's.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Minutes))]
[JsonSerializable(typeof(RenderedRecord))]
[JsonSerializable(typeof(SiteIndex.IndexState))]
[JsonSerializable(typeof(RedactionAudit))]
[JsonSerializable(typeof(HoldReport))]
[JsonSerializable(typeof(QuarantineReport))]
[JsonSerializable(typeof(WithdrawalRecord))]
[JsonSerializable(typeof(RerenderReport))]
[JsonSerializable(typeof(ReviewDecision))]
internal sealed partial class MinutesJsonContext : JsonSerializerContext;
