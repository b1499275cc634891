using System.Text;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// An upload as a council writes it, through the real normaliser and redactor under a test's policy: the steps
/// every end-to-end redaction test takes before it looks for names in what would be published.
/// </summary>
internal static class RedactedUploads
{
    /// <summary>The upload's text (UTF-8) under its file name, normalised: the name also picks the reader (.txt, .md, .html).</summary>
    public static Minutes Normalize(string upload, string name) =>
        MinutesNormalizer.Normalize(new SourceFile(name, Encoding.UTF8.GetBytes(upload)));

    /// <summary>The upload normalised and redacted, requested under its file name.</summary>
    public static async Task<RedactionOutcome> RedactAsync(string upload, string name, RedactionPolicy policy) =>
        await new Redactor(policy).RedactAsync(Normalize(upload, name), new RedactionRequest(name));

    /// <summary>The upload redacted, asserted publishable (the hold's reasons are the failure's message): its published JSON.</summary>
    public static async Task<string> PublishedJsonAsync(string upload, string name, RedactionPolicy policy) =>
        Json(Published(await RedactAsync(upload, name, policy)));

    /// <summary>The redacted document of an outcome asserted publishable; the hold's reasons are the failure's message.</summary>
    public static Minutes Published(RedactionOutcome outcome)
    {
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        return outcome.Redacted!;
    }

    /// <summary>A document as it is written out (the published JSON, or a review copy's).</summary>
    public static string Json(Minutes minutes) => Encoding.UTF8.GetString(MinutesJson.Serialize(minutes));

    /// <summary>No part of a name stands anywhere in the text.</summary>
    public static void AssertNoneAppear(string text, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.DoesNotContain(part, text, StringComparison.Ordinal);
        }
    }
}
