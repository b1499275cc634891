using PublishPipeline.Review;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// Katakana and mixed-script names (加藤ソフィー, ジョン・スミス, 佐藤マリア, リー　ミンホ) through the real
/// normaliser and the redactor: registered from the rolls and labels, masked wherever they stand
/// (roll, label, prose with a title, alone), katakana words left alone, and a name no reader can
/// read held for review instead of published.
/// </summary>
public class ForeignNameRedactionTests
{
    private const string Upload = """
        令和６年第１回架空町議会定例会会議録
        開催日時　令和６年３月１日（金）午前１０時
        〇出席議員（４名）
        　　　１番　　加　藤　ソ　フ　ィ　ー
        　　　２番　　山　田　太　郎
        　　　３番　　マ　イ　ケ　ル　ジ　ョ　ン
        　　　４番　　黒　川　サキ子
        〇説明のため出席した者
        　　町長　　　ジョン・スミス
        　　課長　　　佐藤マリア
        　　係長　　　リー　ミンホ
        ○議長（山田太郎君）　開会します。
        ○１番（加藤ソフィー君）　質問します。ジョン・スミス町長に伺います。佐藤マリア課長、リー係長にも。
        ソフィーとしては、サービスとプロジェクトのカテゴリーとマリアージュを問います。
        ○町長（ジョン・スミス君）　お答えします。スミスとしては、マリアさんと相談します。
        〔４番　黒川サキ子君登壇〕
        """;

    private static readonly RedactionPolicy Policy = new() { UnknownDisclosure = UnknownDisclosureHandling.Publish };

    private static Task<RedactionOutcome> RedactUploadAsync(string upload) => RedactedUploads.RedactAsync(upload, "katakana.txt", Policy);

    [Fact]
    public async Task No_part_of_a_registered_katakana_or_mixed_script_name_survives_and_katakana_words_stay()
    {
        var outcome = await RedactUploadAsync(Upload);
        var json = RedactedUploads.Json(RedactedUploads.Published(outcome));
        foreach (var word in (string[])["サービス", "プロジェクト", "カテゴリー", "マリアージュ"])
        {
            Assert.Contains(word, json, StringComparison.Ordinal);
            json = json.Replace(word, "", StringComparison.Ordinal); // カテゴリー holds リー, マリアージュ holds マリア
        }

        RedactedUploads.AssertNoneAppear(json, "加藤", "ソフィー", "山田", "太郎", "マイケル", "ジョン", "スミス", "佐藤", "マリア", "リー", "ミンホ", "黒川", "サキ子");

        // The roll is a roll (not speeches by 町長, 課長, 係長), and every entry's name was registered.
        var officials = outcome.Redacted!.Rolls.Single(r => r.Group.StartsWith("説明", StringComparison.Ordinal)).Entries;
        Assert.Equal(["町長", "課長", "係長"], officials.Select(e => e.Role));
        var registered = outcome.Audit.People.Select(p => p.Name).ToList();
        foreach (var name in (string[])["加藤ソフィー", "ジョン・スミス", "佐藤マリア", "リーミンホ", "マイケルジョン", "黒川サキ子"])
        {
            Assert.Contains(name, registered);
        }
    }

    [Theory]
    [InlineData("第4番山田太郎議員、第5番加藤ソフィー議員を指名します。", "第4番〇〇議員、第5番〇〇議員を指名します。")]
    [InlineData("加藤ソフィーさんから意見がありました。", "〇〇さんから意見がありました。")]
    [InlineData("区民ボランティアさんと子育てサポーター委員に伺います。", "区民ボランティアさんと子育てサポーター委員に伺います。")]
    [InlineData("市民サービス課長が説明した。", "市民サービス課長が説明した。")]
    public async Task In_prose_a_surname_and_a_katakana_given_name_before_a_persons_title_is_masked(string text, string expected)
    {
        // No roll or label names anyone here: only the prose rule can find the name.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("John Smith議員の質問に答えます。", "〇〇議員の質問に答えます。")]
    [InlineData("Ｊｏｈｎ　Ｓｍｉｔｈさんから要望がありました。", "〇〇さんから要望がありました。")]
    [InlineData("J. SMITH氏から伺った。", "〇〇氏から伺った。")]
    [InlineData("Mary-Jane O'Brien様より寄附。", "〇〇様より寄附。")]
    [InlineData("ALT先生の授業とPTA会長の挨拶。", "ALT先生の授業とPTA会長の挨拶。")]
    public async Task In_prose_a_name_in_Latin_letters_before_a_title_or_an_honorific_is_masked(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Fact]
    public async Task A_name_no_reader_can_read_holds_the_document_at_its_line_and_no_approval_publishes_it()
    {
        var upload = Upload.Replace("○町長（ジョン・スミス君）", "○町長（John Smith君）", StringComparison.Ordinal);
        var outcome = await RedactUploadAsync(upload);
        Assert.False(outcome.IsPublishable);
        Assert.Null(outcome.Redacted);
        var check = Assert.Single(outcome.Hold!.Checks, c => c.Code == HoldCodes.NameUnread);
        Assert.Equal(15, check.Line);
        Assert.False(check.Approvable);
    }

    private const string Heading = "審議会　会議録\n開催日時　令和６年５月８日（水）午後２時\n";

    [Theory]
    [InlineData("出席者　里中晴彦委員、クロウリッジ会長\n審議経過\n会長　開会します。\n", 3)]
    [InlineData("出席委員\n　里中晴彦委員\n　クロウリッジ委員\n\n審議経過\n会長　開会します。\n", 5)]
    [InlineData("出席者　里中晴彦委員\n審議経過\n会長　開会します。\n○クロウリッジ委員　質問します。\n", 6)]
    public async Task One_katakana_word_no_lexicon_knows_against_a_persons_title_holds_the_document(string rest, int line)
    {
        // Before: クロウリッジ会長 was an office with no name (a roll's line: a bare name 委員 and all, never masked), and the
        // document was published with the name in it.
        var outcome = await RedactUploadAsync(Heading + rest);
        Assert.False(outcome.IsPublishable);
        Assert.Equal(line, Assert.Single(outcome.Hold!.Checks, c => c.Code == HoldCodes.NameUnread).Line);
    }

    [Theory]
    [InlineData("出席者　里中晴彦委員、アドバイザー委員\n審議経過\n会長　開会します。\n")]
    [InlineData("出席者　里中晴彦委員\n審議経過\n会長　開会します。\nコーディネーター委員　説明します。\n")]
    public async Task A_katakana_role_word_against_a_persons_title_holds_nothing(string rest)
    {
        var outcome = await RedactUploadAsync(Heading + rest);
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
    }

    [Theory]
    [InlineData("出席者　里中晴彦委員、ジョンソン委員\n審議経過\n会長　開会します。\nジョンソン委員　質問します。\n")]
    [InlineData("出席委員\n　里中晴彦委員\n　ジョンソン委員\n\n審議経過\n会長　開会します。\n○ジョンソン委員　質問します。\n")]
    public async Task One_katakana_word_the_lexicon_knows_as_a_surname_against_a_persons_title_is_the_entrys_name(string rest)
    {
        var outcome = await RedactUploadAsync(Heading + rest);
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        Assert.Equal(("委員", "〇〇"), (outcome.Redacted!.Rolls[0].Entries[1].Role, outcome.Redacted.Rolls[0].Entries[1].Name));
        Assert.DoesNotContain("ジョンソン", RedactedUploads.Json(outcome.Redacted), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ジョン・スミス委員　質問します。")]
    [InlineData("○ジョン・スミス委員　質問します。")]
    public async Task A_joined_katakana_name_in_a_speech_label_is_masked_and_no_speaker_publishes_it(string label)
    {
        var outcome = await RedactUploadAsync(Heading + "出席者　里中晴彦委員\n審議経過\n会長　開会します。\n" + label + "\n");
        var json = RedactedUploads.Json(RedactedUploads.Published(outcome));
        RedactedUploads.AssertNoneAppear(json, "ジョン", "スミス");
        Assert.All(outcome.Redacted!.Sections.SelectMany(s => s.Turns), t => Assert.DoesNotContain("スミス", t.Speaker ?? "", StringComparison.Ordinal));
    }
}
