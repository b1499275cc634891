using PublishPipeline.Redaction;
using PublishPipeline.Review;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Files next to an upload that are facts about it rather than minutes: the public-version
/// confirmation (<c>x.docx.public-version</c>) and a reviewer's decision (<c>x.docx.review.json</c>).
/// Their arrival or removal takes x.docx through the stages again; they are never published.
/// </summary>
public static class UploadSidecars
{
    /// <summary>
    /// The upload <paramref name="name"/> is a sidecar of (empty for a bare suffix, which belongs
    /// to nothing), or null when it is an upload of its own.
    /// </summary>
    public static string? MainOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var suffix in (ReadOnlySpan<string>)[RedactionRequest.PublicVersionSidecarSuffix, ReviewRecords.Suffix])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return null;
    }

    public static bool IsSidecar(string name) => MainOf(name) is not null;
}
