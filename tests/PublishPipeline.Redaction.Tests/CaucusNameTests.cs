using PublishPipeline.Review;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A 会派 named after its member (真鍋クラブ, ネット未来・小田切, 無所属の会　小田切): the 会派 word is public and
/// stays, the member's name is masked, or masked and held where the word may be a name or a word.
/// </summary>
public class CaucusNameTests
{
    private static readonly RedactionPolicy Policy = new() { UnknownDisclosure = UnknownDisclosureHandling.Publish };

    [Theory]
    [InlineData("会派を代表して、真鍋クラブの質問を許します。", "会派を代表して、〇〇クラブの質問を許します。")]
    [InlineData("ネット未来・小田切の代表質問は午後とします。", "ネット未来・〇〇の代表質問は午後とします。")]
    [InlineData("無所属の会　小田切から通告がありました。", "無所属の会　〇〇から通告がありました。")]
    [InlineData("市民クラブ、自民県政クラブ、ネット未来・子育ての会", "市民クラブ、自民県政クラブ、ネット未来・子育ての会")]
    [InlineData("児童・生徒の安全、スポーツ・健康の推進", "児童・生徒の安全、スポーツ・健康の推進")]
    [InlineData("ハード・ソフトの防災・減災を進める", "ハード・ソフトの防災・減災を進める")]
    [InlineData("マリンワールド・大河内への来館者", "マリンワールド・大河内への来館者")]
    [InlineData("次に、自民・小田切の質問を許します。", "次に、自民・〇〇の質問を許します。")]
    [InlineData("公明・真鍋、れいわ・小田切、無所属・真鍋の順です。", "公明・〇〇、れいわ・〇〇、無所属・〇〇の順です。")]
    [InlineData("国民・市民の安全、自民・公明の推薦、共産・社民の共同提案", "国民・市民の安全、自民・公明の推薦、共産・社民の共同提案")]
    [InlineData("市政会・小田切、清流会・森、市民の会・真鍋、みらい会・大森の順です。", "市政会・〇〇、清流会・〇〇、市民の会・〇〇、みらい会・〇〇の順です。")]
    [InlineData("前回は新風会・小田切から通告がありました。", "前回は新風会・〇〇から通告がありました。")]
    [InlineData("議会・行政の連携、委員会・学校の協力、社会・経済の情勢、協議会・部会の設置", "議会・行政の連携、委員会・学校の協力、社会・経済の情勢、協議会・部会の設置")]
    [InlineData("次に、新政・小田切から質疑の申出があります。", "次に、新政・〇〇から質疑の申出があります。")]
    [InlineData("続いて翔風・小田切より報告を願います。", "続いて翔風・〇〇より報告を願います。")]
    [InlineData("海・森から学ぶ、東京・大阪から来た方", "海・森から学ぶ、東京・大阪から来た方")]
    [InlineData("児童・生徒から意見を聞き、東京・大阪から来た方、韓国・中国からの観光客", "児童・生徒から意見を聞き、東京・大阪から来た方、韓国・中国からの観光客")]
    [InlineData("次に、翔風・小田切の一般質問を許します。", "次に、翔風・〇〇の一般質問を許します。")]
    [InlineData("新政・小田切の代表質疑に入ります。", "新政・〇〇の代表質疑に入ります。")]
    [InlineData("児童・生徒の質問、東京・大阪の質問、市民・議員の質疑、児童・生徒の安全", "児童・生徒の質問、東京・大阪の質問、市民・議員の質疑、児童・生徒の安全")]
    public async Task A_members_name_in_a_caucus_is_masked_and_the_caucus_word_stays(string text, string expected)
    {
        // Before, a 会派 named after a member was published with the name.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Fact]
    public async Task A_caucus_word_that_may_be_a_surname_or_a_word_is_held_masked_unless_the_roll_names_the_member()
    {
        // 山田 is a surname and an ordinary word alike: alone it cannot be told, so it is masked and held.
        const string alone = """
            架空市議会会議録
            ○議長（真鍋勇君）　会派を代表して、山田クラブの質問を許します。
            """;
        var held = await RedactUploadAsync(alone);
        Assert.False(held.IsPublishable);
        var check = Assert.Single(held.Hold!.Checks);
        Assert.Equal(HoldCodes.NameUnsure, check.Code);
        Assert.True(check.Approvable);
        Assert.DoesNotContain("山田", RedactedUploads.Json(held.ReviewCopy!), StringComparison.Ordinal);

        // The roll names a member 山田: the 会派 is his, masked without a hold.
        const string rolled = """
            架空市議会会議録
            出席議員
            　１番　真鍋　勇　議員
            　２番　山田　次郎　議員
            ○議長（真鍋勇君）　会派を代表して、山田クラブの質問を許します。
            """;
        var published = await RedactUploadAsync(rolled);
        Assert.True(published.IsPublishable, string.Join("; ", published.Hold?.Reasons ?? []));
        Assert.Contains("〇〇クラブ", RedactedUploads.Json(published.Redacted!), StringComparison.Ordinal);
        Assert.DoesNotContain("山田", RedactedUploads.Json(published.Redacted!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_no_dictionary_has_before_club_in_surname_characters_is_held_masked()
    {
        // 阿子島クラブ: an unknown word in surname characters may be the member's surname (it was published).
        const string upload = """
            架空市議会会議録
            ○議長（真鍋勇君）　会派を代表して、阿久比島クラブの質問を許します。老人クラブ、福岡市民クラブ、民主クラブも同様です。
            """;
        var held = await RedactUploadAsync(upload);
        Assert.False(held.IsPublishable);
        Assert.Equal(HoldCodes.NameUnsure, Assert.Single(held.Hold!.Checks).Code);
        var text = RedactedUploads.Json(held.ReviewCopy!);
        Assert.DoesNotContain("阿久比島", text, StringComparison.Ordinal);
        Assert.Contains("老人クラブ、福岡市民クラブ、民主クラブ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_no_dictionary_has_after_a_kanji_caucus_as_the_chair_calls_a_member_is_held_masked()
    {
        // 新政・阿久比島から: a 会派 of kanji alone and a word in surname characters no dictionary has (it was published).
        const string upload = """
            架空市議会会議録
            ○委員長（真鍋勇君）　次に、新政・阿久比島から質疑の申出がありますので、これを許します。
            """;
        var held = await RedactUploadAsync(upload);
        Assert.False(held.IsPublishable);
        Assert.Equal(HoldCodes.NameUnsure, Assert.Single(held.Hold!.Checks).Code);
        Assert.Contains("新政・〇〇から質疑", RedactedUploads.Json(held.ReviewCopy!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_surname_that_is_also_a_place_after_a_kanji_caucus_as_the_chair_calls_a_member_is_held_masked()
    {
        // 新政・鳴海から: 鳴海 is a surname and a place, so a 会派 of kanji alone before it may be a member's or two places
        // (it was published); as the chair calls a member it is masked and held. 東京・大阪から (no surname) stays.
        const string upload = """
            架空市議会会議録
            ○委員長（真鍋勇君）　次に、新政・鳴海から質疑の申出がありますので、これを許します。東京・大阪から来た方もいます。
            """;
        var held = await RedactUploadAsync(upload);
        Assert.False(held.IsPublishable);
        Assert.Equal(HoldCodes.NameUnsure, Assert.Single(held.Hold!.Checks).Code);
        var text = RedactedUploads.Json(held.ReviewCopy!);
        Assert.Contains("新政・〇〇から質疑", text, StringComparison.Ordinal);
        Assert.Contains("東京・大阪から来た方", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_surname_that_is_also_a_place_after_a_kanji_caucus_before_its_question_is_held_masked()
    {
        // 新政・宇津木の質問を許します: a chair gives a member of a 会派 of kanji alone the floor with の and a question;
        // 宇津木 is a surname and a place, and it was published (only から/より was read). 東京・大阪の質問 stays.
        const string upload = """
            架空市議会会議録
            ○議長（真鍋勇君）　次に、新政・宇津木の質問を許します。東京・大阪の質問もあります。
            """;
        var held = await RedactUploadAsync(upload);
        Assert.False(held.IsPublishable);
        Assert.Equal(HoldCodes.NameUnsure, Assert.Single(held.Hold!.Checks).Code);
        var text = RedactedUploads.Json(held.ReviewCopy!);
        Assert.Contains("新政・〇〇の質問", text, StringComparison.Ordinal);
        Assert.Contains("東京・大阪の質問", text, StringComparison.Ordinal);
    }

    private static Task<RedactionOutcome> RedactUploadAsync(string upload) => RedactedUploads.RedactAsync(upload, "kaiha.txt", Policy);
}
