using PublishPipeline.Model;
using PublishPipeline.Review;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// What follows a name label (講師, 担当, 記録 …): a katakana name is masked, a katakana value that may
/// be a name or a loanword holds the document for a reviewer, and a line that opens with a label is
/// read as the label's value even when the normaliser took the label for a speaker.
/// </summary>
public class LabelValueTests
{
    private const string Sha = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    private static readonly RedactionPolicy Policy = new() { UnknownDisclosure = UnknownDisclosureHandling.Publish };

    [Theory]
    [InlineData("講演会　講師　ジャン・ポール・マルタン", "講演会　講師　〇〇")]
    [InlineData("（担当：ペドロ・ルイス・サンチェス）", "（担当：〇〇）")]
    [InlineData("本日の講師　ジョン・スミスから説明がありました。", "本日の講師　〇〇から説明がありました。")]
    [InlineData("講師　アナ・コワルスカ（北浜大学）", "講師　〇〇（北浜大学）")]
    [InlineData("（記録　ジャン＝ピエール・ルロワ）", "（記録　〇〇）")]
    [InlineData("講師　ジョン　スミス", "講師　〇〇")]
    [InlineData("説明者：スミス、担当：ルイス", "説明者：〇〇、担当：〇〇")]
    [InlineData("担当：デジタル推進課", "担当：デジタル推進課")]
    [InlineData("記録　システムの更新を報告した。", "記録　システムの更新を報告した。")]
    [InlineData("司会　スタッフ", "司会　スタッフ")]
    [InlineData("講師　スミス先生", "講師　〇〇先生")]
    [InlineData("司会　フリーアナウンサー　真鍋花子", "司会　フリーアナウンサー　〇〇")]
    [InlineData("（記録　ボランティア　小田切洋子）", "（記録　ボランティア　〇〇）")]
    public async Task A_katakana_name_after_a_label_is_masked(string text, string expected)
    {
        // Before, every katakana value after a label was published unless two dictionary names were joined by ・.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("講師　スミス先生（北浜大学）の紹介", "講師　〇〇先生（北浜大学）の紹介")]
    [InlineData("講師　真鍋先生（北浜大学）、小田切氏（北浜市社会福祉協議会）", "講師　〇〇先生（北浜大学）、〇〇氏（北浜市社会福祉協議会）")]
    [InlineData("真鍋先生（北浜大学教授）に伺います。", "〇〇先生（北浜大学教授）に伺います。")]
    [InlineData("○副議長（大河原）", "○副議長（〇〇）")]
    public async Task An_organisation_in_brackets_after_a_title_is_the_affiliation_and_stays(string text, string expected)
    {
        // Before, the bracket after an honorific was read as the person's name (○副議長（大河原）), so the
        // university was masked; 北浜大学教授 was read as a name (大学 is also a given name) before 教授.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("請願者　架空区本町一丁目　架空の緑を守る会　代表　大西勇", "請願者　架空区本町一丁目　架空の緑を守る会　代表　〇〇")]
    [InlineData("陳情者　架空川を美しくする会　会長　宮之原　修一", "陳情者　架空川を美しくする会　会長　〇〇")]
    [InlineData("（請願者　架空市南町２－３　小野寺　光代）", "（請願者　架空市南町２－３　〇〇）")]
    public async Task A_group_petitioning_through_its_representative_masks_the_representative(string text, string expected)
    {
        // Before, the group's place name (架空) was taken for the petitioner and the representative published.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("陳情者　架空市本町一丁目２番３号　宮之原修一陳情第４号　通学路について", "陳情者　架空市本町一丁目２番３号　〇〇陳情第４号　通学路について")]
    public async Task A_name_glued_to_the_next_lines_words_after_a_label_is_masked(string text, string expected)
    {
        // A table's rows read as wrapped lines join a name to the next row (宮之原修一⏎陳情第４号); before, the
        // value ran on past the name, read as no name, and was published.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("教育委員会委員の任命について（真鍋勇）", "教育委員会委員の任命について（〇〇）")]
    [InlineData("固定資産評価審査委員会委員の選任について（宮之原　修一）", "固定資産評価審査委員会委員の選任について（〇〇）")]
    [InlineData("人権擁護委員の推薦について　架空区本町　大西勇　昭和４５年生", "人権擁護委員の推薦について　架空区本町　〇〇　昭和４５年生")]
    [InlineData("人権擁護委員の推薦について　架空市南町２丁目　小田切　洋子", "人権擁護委員の推薦について　架空市南町２丁目　〇〇")]
    [InlineData("公共交通の充実について　市内全域　説明資料", "公共交通の充実について　市内全域　説明資料")]
    [InlineData("公共交通の充実について（報告）", "公共交通の充実について（報告）")]
    [InlineData("条例の改正について（総務部）", "条例の改正について（総務部）")]
    public async Task A_person_named_after_an_appointment_is_masked(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("講師　コワルスカ", "コワルスカ")]
    [InlineData("（担当：システム）", "システム")]
    [InlineData("講師　アナ　コワルスカ", "アナ　コワルスカ")]
    [InlineData("講師　コワルスカ先生", "コワルスカ")]
    public async Task A_katakana_value_that_may_be_a_name_or_a_word_is_held_masked(string text, string value)
    {
        var doc = new Minutes
        {
            Id = "unsure",
            Disclosure = new Model.Disclosure { Minutes = DisclosureState.Public },
            Sections = [new Section("議事", [new SpeakerTurn { Text = "開会します。", Kind = TurnKind.Procedure }, new SpeakerTurn { Text = text, Kind = TurnKind.Procedure }])],
            Source = new SourceInfo("unsure.txt", "text", "utf-8", Sha, 100),
        };
        var outcome = await new Redactor(Policy).RedactAsync(doc, new RedactionRequest("unsure"));
        Assert.False(outcome.IsPublishable);
        var check = Assert.Single(outcome.Hold!.Checks);
        Assert.Equal(HoldCodes.NameUnsure, check.Code);
        Assert.Equal("sections[0].turns[1].text", check.Location);
        Assert.True(check.Approvable);
        Assert.DoesNotContain(value, outcome.ReviewCopy!.Sections[0].Turns[1].Text, StringComparison.Ordinal);

        // An approval publishes it as the review copy shows it: masked.
        var approved = await new Redactor(Policy).RedactAsync(doc, new RedactionRequest("unsure")
        {
            Review = new ReviewDecision
            {
                SourceName = "unsure.txt",
                Verdict = ReviewVerdict.Approved,
                SourceSha256 = Sha,
                Reviewer = "審査担当",
                At = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero),
            },
        });
        Assert.True(approved.IsPublishable);
        Assert.DoesNotContain(value, approved.Redacted!.Sections[0].Turns[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_that_opens_with_a_label_masks_its_value_and_a_labelled_speech_stays()
    {
        const string upload = """
            第３回　架空区生涯学習推進会議　会議録
            開催日時　令和６年１０月２日（水）午後２時
            会場　架空区役所　第一会議室
            審議経過
            議長（宮之原）：開会します。
            講師　真鍋健太郎
            担当：ジャン・ポール・マルタン
            講師：それでは始めます。温暖化の話です。
            議長（宮之原）：ありがとうございました。
            """;
        var json = await RedactedUploads.PublishedJsonAsync(upload, "kouza.txt", Policy);
        RedactedUploads.AssertNoneAppear(json, "真鍋", "健太郎", "ジャン", "マルタン");

        Assert.Contains("それでは始めます。温暖化の話です。", json, StringComparison.Ordinal);
    }
}
