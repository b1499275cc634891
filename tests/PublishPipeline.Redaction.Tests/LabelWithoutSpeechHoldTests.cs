using PublishPipeline.Review;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A line that reads as a speaker label with no speech after it (<c>姫川努次長補佐</c> over <c>荒木知子庶務係長</c>, a staff list
/// under 出席者 read as labels) is kept in no turn. Before, the document was published with the lines gone and a warning
/// only; now it is held, approvable, so a reviewer sees what was lost. Names are invented.
/// </summary>
public class LabelWithoutSpeechHoldTests
{
    [Fact]
    public async Task A_label_with_no_speech_holds_the_document_for_review()
    {
        const string upload = "議会運営委員会記録\n日時　令和6年12月13日(月) 午前10時8分\n出席者\n姫川努次長補佐\n荒木知子庶務係長\n◎山根委員長 開会します。\n";
        var outcome = await RedactedUploads.RedactAsync(upload, "labels.txt", new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        Assert.False(outcome.IsPublishable);
        var checks = outcome.Hold!.Checks.Where(c => c.Code == HoldCodes.LabelWithoutSpeech).ToList();
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.True(HoldCodes.IsApprovable(c.Code)));
    }

    [Fact]
    public async Task A_label_over_its_speech_holds_nothing()
    {
        const string upload = "議会運営委員会記録\n日時　令和6年12月13日(月) 午前10時8分\n会議録の公開　公開\n姫川次長補佐\n説明します。\n◎山根委員長 開会します。\n";
        var outcome = await RedactedUploads.RedactAsync(upload, "labels.txt", new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        Assert.DoesNotContain(outcome.Hold?.Checks ?? [], c => c.Code == HoldCodes.LabelWithoutSpeech);
    }
}
