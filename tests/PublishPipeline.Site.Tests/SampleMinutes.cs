using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;
using PublishPipeline.Tests;

namespace PublishPipeline.Site.Tests;

/// <summary>
/// The repository's real samples as the site receives them: normalised, then redacted. They were
/// taken from the wards' public websites, so they are confirmed public versions (一部非公開 minutes
/// would otherwise be held for review and never reach the site), and their wards publish minutes
/// without a disclosure table as public.
/// </summary>
internal static class SampleMinutes
{
    private static readonly Lazy<IReadOnlyList<Minutes>> Loaded = new(LoadAll);

    public static IReadOnlyList<Minutes> Load() => Loaded.Value;

    private static List<Minutes> LoadAll()
    {
        var redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        var list = new List<Minutes>();
        foreach (var path in RepoPaths.SampleFiles)
        {
            var name = "samples/" + Path.GetFileName(path);
            var minutes = MinutesNormalizer.Normalize(new SourceFile(name, File.ReadAllBytes(path)));
            var outcome = redactor.RedactAsync(minutes, new RedactionRequest(name, ConfirmedPublicVersion: true)).GetAwaiter().GetResult();
            if (!outcome.IsPublishable)
            {
                throw new InvalidOperationException($"{name} was held: {string.Join("; ", outcome.Hold!.Reasons)}");
            }

            list.Add(outcome.Redacted!);
        }

        return list;
    }
}
