using System.Text;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A roll entry whose office is glued to the surname with one character that may belong to either
/// (委員長谷川 律斗君: 委員 長谷川, or 委員長 谷川): both readings' surnames are masked, whichever the roll meant.
/// </summary>
public class OfficeSurnameSplitTests
{
    private static readonly RedactionPolicy Policy = new() { UnknownDisclosure = UnknownDisclosureHandling.Publish };

    [Theory]
    [InlineData("委員長谷川 律斗君")] // read 委員 長谷川: before, 谷川 (委員長 谷川) was published
    [InlineData("副委員長谷川 律斗君")] // read 副委員長 谷川: 長谷川 (副委員 長谷川) is masked whole, not 長〇〇
    public async Task Both_readings_of_an_office_glued_to_a_surname_are_masked(string entry)
    {
        var upload = $"""
            総務委員会速記録第三号

            令和七年三月十日（月曜日）
               午後一時開議
             出席委員 三名
            {entry}
            理事松永 史穂君
            大西由紀乃君

            ○委員長 ただいまから総務委員会を開会いたします。
             谷川から報告します。長谷川からも報告があります。
            ○松永委員 質問します。
            """;
        var minutes = MinutesNormalizer.Normalize(new SourceFile("split.txt", Encoding.UTF8.GetBytes(upload)));
        var outcome = await new Redactor(Policy).RedactAsync(minutes, new RedactionRequest("split.txt"));

        var text = Encoding.UTF8.GetString(MinutesJson.Serialize(outcome.Redacted ?? outcome.ReviewCopy!));
        Assert.DoesNotContain("谷川", text, StringComparison.Ordinal);
        Assert.Contains("〇〇から報告します。〇〇からも報告があります。", text, StringComparison.Ordinal); // not 長〇〇 either
    }
}
