namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// Names outside the speeches, written bare as 会議の結果, 提出された資料, 議題 and headings write them: a surname and a
/// one-kanji given name (真壁潤), a post and a colon before its holder (副会長：小田切), the author before 作成資料 or 提出資料.
/// </summary>
public class ClosingFieldNameTests
{
    private static readonly RedactionPolicy Policy = new() { UnknownDisclosure = UnknownDisclosureHandling.Publish };

    [Theory]
    [InlineData("会長に真鍋潤を選出し、副会長に大森一を選出した。", "会長に〇〇を選出し、副会長に〇〇を選出した。")]
    [InlineData("会長：真鍋潤、副会長：小田切", "会長：〇〇、副会長：〇〇")]
    [InlineData("資料２　真鍋潤提出資料、資料３　小田切次郎作成資料、資料４　真鍋潤作成資料", "資料２　〇〇提出資料、資料３　〇〇作成資料、資料４　〇〇作成資料")]
    [InlineData("松本城の修理、川口港の整備、市長提出資料、事務局作成資料", "松本城の修理、川口港の整備、市長提出資料、事務局作成資料")]
    [InlineData("委員長：未定、会長：了承", "委員長：未定、会長：了承")]
    [InlineData("議題　(1) 真鍋潤の表彰について　(2) 山中健太郎の任命について", "議題　(1) 〇〇の表彰について　(2) 〇〇の任命について")]
    [InlineData("(3) 監査委員の選任について　(4) 優良工事の表彰について", "(3) 監査委員の選任について　(4) 優良工事の表彰について")]
    [InlineData("河津桜は見ごろで、越水等による被害、高品質で、水戸学の成立", "河津桜は見ごろで、越水等による被害、高品質で、水戸学の成立")]
    public async Task A_bare_name_in_a_result_or_a_material_is_masked(string text, string expected)
    {
        // Before, each of these names was published when no roll named the person.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("先ほど真鍋潤から報告があり、大森一より説明がありました。", "先ほど〇〇から報告があり、〇〇より説明がありました。")]
    [InlineData("真鍋潤から意見が出され、大森一より質問があった。", "〇〇から意見が出され、〇〇より質問があった。")]
    [InlineData("河津桜は見ごろで、越水等から被害が出て、水戸学より学ぶ", "河津桜は見ごろで、越水等から被害が出て、水戸学より学ぶ")]
    public async Task A_surname_and_a_one_kanji_given_name_before_kara_or_yori_is_masked(string text, string expected)
    {
        // Before, 真鍋潤から was published: the one-kanji given name was read only after a post or a colon.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("資料は鶴巻健が説明し、詳細は梶原誠に聞いてください。", "資料は〇〇が説明し、詳細は〇〇に聞いてください。")]
    [InlineData("梶原誠が答弁した。鶴巻健に尋ねる。", "〇〇が答弁した。〇〇に尋ねる。")]
    [InlineData("越水等が報告され、河津桜が説明の中心となり、松本城に聞く", "越水等が報告され、河津桜が説明の中心となり、松本城に聞く")]
    public async Task A_surname_and_a_one_kanji_given_name_who_explains_or_is_asked_is_masked(string text, string expected)
    {
        // Before, 鶴巻健が説明し and 梶原誠に聞く were published: only から and より led to the name.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("委員長：おのさちこ、副委員長：いとうかずや、委員：小田切", "委員長：〇〇、副委員長：〇〇、委員：〇〇")]
    [InlineData("委員長：なし、会長：おります、委員：あいさつ", "委員長：なし、会長：おります、委員：あいさつ")]
    public async Task A_name_written_in_hiragana_after_a_post_and_a_colon_is_masked(string text, string expected)
    {
        // Before, 委員：おのさちこ was published: a member who campaigns under a kana name is listed so.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Fact]
    public async Task A_roll_groups_name_is_a_heading_and_its_bracketed_word_stays()
    {
        const string upload = """
            令和５年第１回若葉町議会定例会会議録
            応（不応）招議員及び出席並びに欠席議員
            　１　　　宇　野　沙　織　　○
            　２　　　戸　倉　吉　晴　　○
            ○議長（宇野沙織君）　ただいまから本日の会議を開きます。
            """;
        var outcome = await RedactedUploads.RedactAsync(upload, "town.txt", Policy);
        var text = RedactedUploads.Json(outcome.Redacted ?? outcome.ReviewCopy!);

        // Before, the group was read as a speaker label whose brackets hold a name: 応（〇〇）招議員….
        Assert.Contains("応（不応）招議員及び出席並びに欠席議員", text, StringComparison.Ordinal);
        Assert.DoesNotContain("宇野", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_boards_roll_under_the_wards_name_leaves_the_boards_name_unmasked()
    {
        const string upload = """
            架空区教育委員会会議録
            ○場　所　区教育委員会室
            ○出席委員
            　区教育委員会委員長 真 鍋 さやか
            　区教育委員会委員 小 田 切 仁
            真鍋委員長　ただいまから区教育委員会を開会いたします。
            """;
        var outcome = await RedactedUploads.RedactAsync(upload, "kyoiku.txt", Policy);
        var text = RedactedUploads.Json(outcome.Redacted ?? outcome.ReviewCopy!);

        // Before, 区教育 was read as the name before 委員会委員長 and masked everywhere: 架空〇〇委員会, 〇〇委員会室.
        Assert.DoesNotContain("〇〇委員会", text, StringComparison.Ordinal);
        Assert.Contains("ただいまから区教育委員会を開会", text, StringComparison.Ordinal);
        RedactedUploads.AssertNoneAppear(text, "真鍋", "小田切");
    }

    [Fact]
    public async Task A_name_in_the_agenda_the_results_the_materials_and_a_heading_is_masked()
    {
        const string upload = """
            # 第３回架空市表彰審査会 会議録

            - 開催日時：令和５年６月１日（木）午後２時から午後３時
            - 開催場所：架空市役所　第１会議室
            - 出席者：委員　５名
            - 議題：(1) 真鍋潤の表彰について　(2) 会長の選出について
            - 公開の可否：公開
            - 会議の結果：会長に真鍋潤を選出した。会長：真鍋潤、副会長：小田切
            - 提出された資料：資料１　真鍋潤提出資料

            ## 審議経過

            ### 1 真鍋潤の表彰について

            会長：ただいまから始めます。
            """;
        var text = await RedactedUploads.PublishedJsonAsync(upload, "hyosho.md", Policy);
        RedactedUploads.AssertNoneAppear(text, "真鍋", "小田切");
        Assert.Contains("会長の選出について", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spaced_surname_and_a_hiragana_given_name_opening_with_no_in_a_roll_is_masked()
    {
        const string upload = """
            架空区企画総務委員会
            １　日　　時　令和元年６月２１日（金）
            ２　場　　所　第一委員会室
            ３　出席者　　委員長　真　鍋　次　郎　　副委員長　宇　野　のぶゆき
            　　　　　　　委　員　小田切　のりこ　　委　員　佐　野　ゆたか
            ○真鍋委員長　ただいまから企画総務委員会を開会いたします。
            """;
        var outcome = await RedactedUploads.RedactAsync(upload, "kikaku.txt", Policy);
        var text = RedactedUploads.Json(outcome.Redacted ?? outcome.ReviewCopy!);

        // Before, 宇野のぶゆき was vetoed as a phrase (の after a kanji) and published in the roll.
        RedactedUploads.AssertNoneAppear(text, "のぶゆき", "のりこ", "宇");
    }
}
