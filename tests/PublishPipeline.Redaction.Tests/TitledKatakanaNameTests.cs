using PublishPipeline.Review;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A katakana surname with a title that no roll names (ブラウン委員 as a label and in prose, グエン君,
/// ソン委員), and a roll entry written name-then-title with the name spaced (村上　康介会長, 野口　純一委員):
/// through the real normaliser and redactor, no part of either name is published, and katakana role
/// words (オブザーバー委員, アドバイザー, コーディネーター, センター長) stay.
/// </summary>
public class TitledKatakanaNameTests
{
    private const string Upload = """
        第３回　架空市国際交流審議会　会議録

        開催日時　令和６年５月１０日（金）午後２時～午後４時
        開催場所　市役所第２会議室
        出席者　村井　康介会長、野口　純一委員、オブザーバー委員、センター長

        議事

        村井会長　それでは開会します。
        ブラウン委員　英語での回答も用意してほしいと思います。
        村井会長　ブラウン委員からは以前にも同じ意見がありました。グエン君も来ています。ソン委員にも伺います。
        野口委員　アドバイザーとコーディネーターの配置をお願いします。オブザーバー委員とセンター長からも説明があります。
        村井会長　以上で閉会します。
        """;

    private static readonly RedactionPolicy Policy = new() { UnknownDisclosure = UnknownDisclosureHandling.Publish };

    [Fact]
    public async Task Katakana_surnames_with_a_title_and_given_names_before_a_title_are_masked_and_katakana_roles_stay()
    {
        var minutes = RedactedUploads.Normalize(Upload, "kokusai.txt");
        var outcome = await new Redactor(Policy).RedactAsync(minutes, new RedactionRequest("kokusai.txt"));
        var json = RedactedUploads.Json(RedactedUploads.Published(outcome));
        RedactedUploads.AssertNoneAppear(json, "村井", "康介", "野口", "純一", "ブラウン", "グエン", "ソン");

        foreach (var word in (string[])["オブザーバー委員", "アドバイザー", "コーディネーター", "センター長"])
        {
            Assert.Contains(word, json, StringComparison.Ordinal);
        }

        // The roll reads the spaced given name as the name's, not the title's.
        var entries = minutes.Rolls.Single(r => r.Group == "出席者").Entries;
        Assert.Equal(["会長", "委員"], entries.Take(2).Select(e => e.Role));
        Assert.Equal("純一", entries[1].GivenName);
    }

    /// <summary>
    /// サポーター委員, パートナー委員: a katakana agent noun before a title is a seat, not a name; before, a header list
    /// or a label so written held the document (name-unread). A katakana word no list knows still holds.
    /// </summary>
    [Fact]
    public async Task Katakana_role_words_before_a_title_are_roles_and_an_unknown_word_still_holds()
    {
        const string upload = """
            第２回　架空市子ども子育て会議　会議録

            開催日時　令和６年５月８日（水）午後２時
            開催場所　市役所第２会議室
            出席者　村井　康介会長、サポーター委員、パートナー委員、野口　純一委員

            議事

            村井会長　開会します。
            サポーター委員　賛成です。
            パートナー委員　意見はありません。
            """;
        var outcome = await RedactUploadAsync(upload);
        var json = RedactedUploads.Json(RedactedUploads.Published(outcome));
        Assert.Contains("サポーター委員", json, StringComparison.Ordinal);
        Assert.Contains("パートナー委員", json, StringComparison.Ordinal);
        Assert.DoesNotContain("村井", json, StringComparison.Ordinal);

        var unknown = await RedactUploadAsync(upload.Replace("パートナー委員", "コワルスカ委員", StringComparison.Ordinal));
        Assert.False(unknown.IsPublishable);
        Assert.Contains(unknown.Hold!.Checks, c => c.Code == HoldCodes.NameUnread);
    }

    private static Task<RedactionOutcome> RedactUploadAsync(string upload) => RedactedUploads.RedactAsync(upload, "kosodate.txt", Policy);

    /// <summary>
    /// 野々宮　健一郎委員 in a roll (seven characters with the space: once read as names run together and
    /// held), and spaced names with a title in prose that no roll has: 欠席者　長谷部　公一郎委員 (the given
    /// name was masked, the surname published), 山中　健太郎（会長）、川辺　みどり（副会長） (a surname that is
    /// also a word, a given name in hiragana: both published).
    /// </summary>
    [Fact]
    public async Task Spaced_names_before_a_title_are_read_whole_in_rolls_and_masked_whole_in_prose()
    {
        const string upload = """
            第１回　架空市環境審議会　会議録

            開催日時　令和６年５月１０日（金）午後２時
            開催場所　市役所第２会議室
            出席者　村井　康介会長、野々宮　健一郎委員、高岡　一郎委員

            議事

            村井会長　開会します。野々宮委員から一言。欠席者　長谷部　公一郎委員
            高岡委員　前回の出席者は、山中　健太郎（会長）、川辺　みどり（副会長）でした。
            """;
        var json = await RedactedUploads.PublishedJsonAsync(upload, "kankyo.txt", Policy);
        RedactedUploads.AssertNoneAppear(json, "村井", "康介", "野々宮", "健一郎", "高岡", "長谷部", "公一郎", "山中", "健太郎", "川辺", "みどり");

        Assert.Contains("（会長）", json, StringComparison.Ordinal);
        Assert.Contains("欠席者", json, StringComparison.Ordinal);
    }

    /// <summary>
    /// Full names in kana with no title: two katakana names joined by ・ (ジョン・スミスから, once published)
    /// and a hiragana surname before a kanji given name (やまだ花子から); katakana phrases joined by ・ that are
    /// no names (パブリック・コメント, ジョンソン・エンド・ジョンソン) stay.
    /// </summary>
    [Fact]
    public async Task Kana_full_names_without_a_title_are_masked_and_katakana_phrases_stay()
    {
        const string upload = """
            第２回　架空市国際交流審議会　会議録

            開催日時　令和６年６月１０日（月）午後２時
            開催場所　市役所第２会議室

            議事

            会長　ジョン・スミスから資料が届いています。やまだ花子から意見書が出ています。
            事務局　パブリック・コメントの結果と、ジョンソン・エンド・ジョンソンの事例を報告します。
            """;
        var json = await RedactedUploads.PublishedJsonAsync(upload, "kokusai2.txt", Policy);
        Assert.Contains("パブリック・コメント", json, StringComparison.Ordinal);
        Assert.Contains("ジョンソン・エンド・ジョンソン", json, StringComparison.Ordinal);
        RedactedUploads.AssertNoneAppear(json, "ジョン・", "スミス", "やまだ", "花子");
    }
}
