using System.Text.Json.Serialization;

namespace PublishPipeline.Pipeline;

/// <summary>The stages, by the names used in logs and reports.</summary>
public static class Stages
{
    public const string Normalize = "normalize";
    public const string Redact = "redact";
    public const string Render = "render";
    public const string Rerender = "rerender";
    public const string Recover = "recover";
    public const string Withdraw = "withdraw";
    public const string Index = "index";
}

[JsonConverter(typeof(JsonStringEnumConverter<StageOutcome>))]
public enum StageOutcome
{
    /// <summary>The stage wrote its output.</summary>
    [JsonStringEnumMemberName("done")] Done,
    /// <summary>The output already matched the input (a repeated delivery): nothing written.</summary>
    [JsonStringEnumMemberName("unchanged")] Unchanged,
    /// <summary>Redaction held the document for review; a report is in the held container.</summary>
    [JsonStringEnumMemberName("held")] Held,
    /// <summary>The input could not be processed; a report is in the quarantine container.</summary>
    [JsonStringEnumMemberName("quarantined")] Quarantined,
    /// <summary>The document's public files were removed.</summary>
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
    /// <summary>The input is gone (deleted or superseded since the event): nothing to do.</summary>
    [JsonStringEnumMemberName("missing")] Missing,
    /// <summary>The name is not one this stage handles.</summary>
    [JsonStringEnumMemberName("ignored")] Ignored,
}

/// <summary>What one stage did with one document. Permanent failures are results, not exceptions.</summary>
public sealed record StageResult(string Stage, string? Id, StageOutcome Outcome, string Message, string? Report = null)
{
    public override string ToString() => $"{Stage} {Id}: {Outcome} — {Message}" + (Report is null ? string.Empty : $" (report: {Report})");
}

/// <summary>Why an upload could not be processed. Deterministic content: a repeated failure writes the same bytes.</summary>
public sealed record QuarantineReport(
    string Id,
    string SourceName,
    string Stage,
    string Code,
    string Reason,
    string? SourceETag,
    string? SourceSha256,
    long? Length);

/// <summary>Everything the render stage wrote to $web for one document, so it can be withdrawn or re-rendered.</summary>
public sealed record RenderedRecord(
    string Id,
    string SourceName,
    string RedactedSha256,
    string TemplateVersion,
    string? PolicyVersion,
    IReadOnlyDictionary<string, string> Files);

/// <summary>Private audit record of a withdrawal: the upload was deleted, these public files were removed.</summary>
public sealed record WithdrawalRecord(
    string Id,
    string SourceName,
    string Reason,
    string? EventId,
    DateTimeOffset? EventTime,
    IReadOnlyList<string> RemovedFiles,
    IReadOnlyList<string> RemovedObjects);

/// <summary>What a re-render run changed.</summary>
public sealed record RerenderReport(
    DateTimeOffset At,
    string TemplateVersion,
    string PolicyVersion,
    IReadOnlyList<string> Reredacted,
    IReadOnlyList<string> Rerendered,
    IReadOnlyList<string> Withdrawn,
    IReadOnlyList<string> Held,
    IReadOnlyList<string> Failed,
    IReadOnlyList<string> IndexFilesWritten,
    IReadOnlyList<string> IndexFilesDeleted)
{
    /// <summary>Uploads normalised by the run: never processed (an event lost or poisoned) or their confirmation changed.</summary>
    public IReadOnlyList<string> Normalized { get; init; } = [];

    /// <summary>Uploads or documents not looked at because the run's time budget ran out; the next run takes them.</summary>
    public IReadOnlyList<string> LeftForNextRun { get; init; } = [];

    public bool ChangedAnything =>
        Normalized.Count + Reredacted.Count + Rerendered.Count + Withdrawn.Count + Held.Count + IndexFilesWritten.Count + IndexFilesDeleted.Count > 0;
}

/// <summary>The Event Grid facts of a deletion, recorded in the withdrawal audit.</summary>
public sealed record WithdrawalEvent(string? Id, DateTimeOffset? Time);
