using System.Text.Json.Serialization;
using PublishPipeline.Model;

namespace PublishPipeline.Review;

/// <summary>What a reviewer decided about a held upload.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewVerdict>))]
public enum ReviewVerdict
{
    /// <summary>Publish this content despite the hold's reasons (names are still redacted; 非公開 minutes never).</summary>
    [JsonStringEnumMemberName("approved")] Approved,
    /// <summary>Keep this content off the site.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,
}

/// <summary>
/// A reviewer's decision on one upload: who, when, why, and exactly which content it covers (the
/// SHA-256 of the uploaded bytes). A changed upload is not covered, so it is held again.
/// Kept privately next to the upload as <c>&lt;upload&gt;.review.json</c> (see <see cref="ReviewRecords"/>).
/// </summary>
public sealed record ReviewDecision
{
    /// <summary>The upload's name (its path in the uploads container).</summary>
    public required string SourceName { get; init; }

    public required ReviewVerdict Verdict { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the uploaded bytes the reviewer looked at.</summary>
    public required string SourceSha256 { get; init; }

    /// <summary>Who decided (the reviewer's name or account).</summary>
    public required string Reviewer { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The approval's note, or the reason for a rejection.</summary>
    public string? Note { get; init; }

    /// <summary>The hold checks the reviewer saw when deciding (codes), for the audit.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>True when the decision was made about exactly these bytes.</summary>
    public bool Covers(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        return minutes.Source?.Sha256 is { } sha && string.Equals(sha, SourceSha256, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The same decision (by content, not by reference: records read back are new objects).</summary>
    public bool SameAs(ReviewDecision? other) =>
        other is not null && Verdict == other.Verdict && SourceSha256 == other.SourceSha256 && Reviewer == other.Reviewer && At == other.At && Note == other.Note;

    /// <summary>One line for reports: "approved by 山田 at 2025-01-02 03:04 UTC: note".</summary>
    public string Describe() =>
        $"{(Verdict == ReviewVerdict.Approved ? "approved" : "rejected")} by {Reviewer} at {At.UtcDateTime:yyyy-MM-dd HH:mm} UTC"
        + (string.IsNullOrWhiteSpace(Note) ? string.Empty : $": {Note}");
}
