namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A 速記録's roll with the office against the surname (<c>委員長野口 有信君</c>) through the real normaliser and redactor: before,
/// the register held 委員長野口, and 野口, 有信, 新井, 相田 and 川村 were published where they stood alone. Names are invented.
/// </summary>
public class OfficeAgainstSurnameRedactionTests
{
    private const string Upload = """
        議会運営委員会速記録第六号

        令和六年二月十五日(木曜日)
         出席委員 三名
        委員長野口 有信君
        副委員長新井 義彦君
        理事相田  博君

         欠席委員 一名

        議長川村 忠一君

        本日の会議に付した事件
        議員の辞職について

        ○野口委員長 ただいまから開会いたします。新井、相田両名から届出がありました。
        ○相田理事 有信さん、川村さんにも伝えます。
        """;

    [Fact]
    public async Task No_part_of_a_listed_name_is_published()
    {
        var json = await RedactedUploads.PublishedJsonAsync(Upload, "sokkiroku.txt", new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        RedactedUploads.AssertNoneAppear(json, "野口", "有信", "新井", "義彦", "相田", "川村", "忠一");

        Assert.Contains("議員の辞職について", json, StringComparison.Ordinal);
    }
}
