using PublishPipeline.Model;

namespace PublishPipeline.Site.Tests;

/// <summary>The repository's real samples, normalised and redacted, once those stages exist on this branch.</summary>
internal static class SampleMinutes
{
    public static IReadOnlyList<Minutes> Load() => [];
}
