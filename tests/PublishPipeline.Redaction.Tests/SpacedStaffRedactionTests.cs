using PublishPipeline.Model;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A town's 会議概要 whose secretariat is written surname+office, one space apart (<c>事務局　大橋子育て健康課長　今泉課長補佐</c>),
/// and a ward's note that someone reported (<c>◎相良報告</c>). Before, 大橋 (a surname that is a noun too), 今泉, 江口 and 相良
/// were published: the staff line was 事務局's speech, the note a heading. Names are invented.
/// </summary>
public sealed class SpacedStaffRedactionTests
{
    private static readonly RedactionPolicy Policy = new() { UnknownDisclosure = UnknownDisclosureHandling.Publish };

    private static readonly string Upload = string.Join("\n",
        "令和6年度第2回みどり町子ども・子育て会議概要",
        "日　時　令和6年11月5日(火)13時30分～15時00分",
        "場　所　みどり町役場　2階　大会議室",
        "出席者　真柴委員　徳永委員",
        "事務局　大橋子育て健康課長　今泉課長補佐　江口副主幹",
        "◎相良報告",
        "(真柴委員)相良さんの報告と江口副主幹の説明を了承する。",
        "(事務局)今泉から補足する。");

    [Fact]
    public async Task The_staff_and_the_reporter_are_masked()
    {
        var json = await RedactedUploads.PublishedJsonAsync(Upload, "gaiyo.txt", Policy);
        RedactedUploads.AssertNoneAppear(json, "大橋", "今泉", "江口", "相良", "真柴", "徳永");
        Assert.Contains("子育て健康課長", json, StringComparison.Ordinal);
    }
}
