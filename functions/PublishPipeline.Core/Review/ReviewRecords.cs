using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Storage;

namespace PublishPipeline.Review;

/// <summary>
/// Where a reviewer's decision lives: <c>&lt;upload&gt;.review.json</c> next to the upload in the private
/// uploads container, like the <c>.public-version</c> confirmation. Writing it is an upload event,
/// so in Azure the Functions take the upload through the stages again with their own settings,
/// and deleting it revokes the decision the same way; locally the next <c>minutes publish</c> does.
/// </summary>
public static class ReviewRecords
{
    public const string Suffix = ".review.json";

    /// <summary>The record of <paramref name="uploadName"/>'s decision.</summary>
    public static string NameFor(string uploadName) => uploadName + Suffix;

    /// <summary>The upload a record belongs to, or null when <paramref name="name"/> is no review record.</summary>
    public static string? UploadOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length > Suffix.Length && name.EndsWith(Suffix, StringComparison.Ordinal) ? name[..^Suffix.Length] : null;
    }

    public static byte[] Serialize(ReviewDecision decision) => JsonSerializer.SerializeToUtf8Bytes(decision, MinutesJson.Options);

    public static ReviewDecision Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ReviewDecision>(json, MinutesJson.Options) ?? throw new JsonException("The review record is JSON null.");

    /// <summary>
    /// The upload's decision and the record's version tag (its ETag), or (null, null) when there is
    /// none. A record that cannot be read counts as a rejection of the current content
    /// (<paramref name="sourceSha256"/>): fail-safe, since it may have been one.
    /// </summary>
    public static async Task<(ReviewDecision? Decision, string? Tag)> ReadAsync(IObjectStore store, string uploadName, string? sourceSha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var name = NameFor(uploadName);
        if (ObjectName.Problem(name) is not null)
        {
            return (null, null);
        }

        var stored = await store.GetAsync(Containers.Uploads, name, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return (null, null);
        }

        var tag = stored.ETag.Trim('"');
        try
        {
            var decision = Deserialize(stored.Content.Span);
            return (decision with { SourceName = uploadName }, tag);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return (new ReviewDecision
            {
                SourceName = uploadName,
                Verdict = ReviewVerdict.Rejected,
                SourceSha256 = sourceSha256 ?? string.Empty,
                Reviewer = "(unreadable review record)",
                At = DateTimeOffset.UnixEpoch,
                Note = $"{name} cannot be read ({e.Message}); record the decision again with minutes approve or minutes reject",
            }, tag);
        }
    }

    /// <summary>Writes the decision next to its upload; returns the record's name.</summary>
    public static async Task<string> WriteAsync(IObjectStore store, ReviewDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(decision);
        var name = NameFor(decision.SourceName);
        ObjectName.Validate(name);
        await store.PutAsync(
            Containers.Uploads,
            name,
            Serialize(decision),
            new ObjectProperties { ContentType = "application/json; charset=utf-8", CacheControl = "no-store" },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return name;
    }
}
