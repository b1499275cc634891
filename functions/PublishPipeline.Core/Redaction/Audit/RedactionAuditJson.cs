using System.Text.Json;
using PublishPipeline.Model;

namespace PublishPipeline.Redaction.Audit;

/// <summary>
/// The private audit record and the hold report as JSON (same conventions as <see cref="MinutesJson"/>).
/// These go to the private container for staff, never to the public site.
/// </summary>
public static class RedactionAuditJson
{
    public static byte[] Serialize(RedactionAudit audit) => JsonSerializer.SerializeToUtf8Bytes(audit, MinutesJson.Options);

    public static RedactionAudit DeserializeAudit(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<RedactionAudit>(utf8Json, MinutesJson.Options)
        ?? throw new JsonException("The audit record is JSON null.");

    public static byte[] Serialize(HoldReport hold) => JsonSerializer.SerializeToUtf8Bytes(hold, MinutesJson.Options);

    public static HoldReport DeserializeHold(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<HoldReport>(utf8Json, MinutesJson.Options)
        ?? throw new JsonException("The hold report is JSON null.");
}
