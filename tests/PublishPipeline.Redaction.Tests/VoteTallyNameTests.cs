using PublishPipeline.Model;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A vote tally that gives each member a column (選挙管理委員会 minutes' 議案の概要と審議結果, a council's
/// 賛否一覧): the head cells between the item's columns and 結果 are members, read into the register and
/// masked in the head row, whatever splits the cells. Names invented.
/// </summary>
public class VoteTallyNameTests
{
    private static readonly RedactionPolicy Policy = new() { UnknownDisclosure = UnknownDisclosureHandling.Publish };

    private const string Heading = "架空区選挙管理委員会会議録\n第３回定例委員会\n議案の概要と審議結果（賛成…○、反対…×）\n";

    [Theory]
    [InlineData("議案 件名 概要 宇佐木 網代 鶴巻 結果\n第5号 選挙人名簿の登録について 登録するもの。 ○ ○ × 可決\n")]
    [InlineData("議案 | 件 名 | 概 要 | 宇佐木 | 網代 | 鶴巻 | 結果 |\n第5号 | 選挙人名簿の登録について | 登録するもの。 | ○ | ○ | × | 可決 |\n")]
    [InlineData("議案\t件名\t概要\t宇佐木\t網代\t鶴巻\t結果\n第5号\t選挙人名簿の登録について\t登録するもの。\t○\t○\t×\t可決\n")]
    public async Task The_members_heading_a_tallys_columns_are_masked(string table)
    {
        // Before, 宇佐木 and 鶴巻 were read by nobody and published; 網代 (a word too) was published in the head row.
        var text = await RedactedText(Heading + table + "事務局から説明があり、網代委員から質問があった。\n", "tally.txt");
        RedactedUploads.AssertNoneAppear(text, "宇佐木", "網代", "鶴巻");
        Assert.Contains("結果", text, StringComparison.Ordinal);
        Assert.Contains("可決", text, StringComparison.Ordinal);
        Assert.Contains("選挙人名簿の登録について", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_members_heading_an_html_tallys_columns_are_masked()
    {
        const string page = "<html><body><h1>架空区選挙管理委員会会議録</h1><p>議案の概要と審議結果</p><table>"
            + "<tr><th>議案</th><th>件名</th><th>概要</th><th>宇佐木</th><th>鶴巻</th><th>結果</th></tr>"
            + "<tr><td>第5号</td><td>選挙人名簿の登録について</td><td>登録するもの。</td><td>○</td><td>○</td><td>可決</td></tr>"
            + "</table></body></html>";
        var text = await RedactedText(page, "tally.html");
        RedactedUploads.AssertNoneAppear(text, "宇佐木", "鶴巻");
        Assert.Contains("可決", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_character_member_heading_a_column_is_masked_and_not_inside_a_word()
    {
        // 東 heads a column between two members; the same character starting a word (東部地区, 東京都) stays.
        var text = await RedactedText(Heading + "議案 件名 宇佐木 東 鶴巻 結果\n第5号 選挙人名簿の登録について ○ ○ × 可決\n東部地区の投票所は東京都の通知による。\n", "tally.txt");
        Assert.DoesNotContain(" 東 ", text, StringComparison.Ordinal);
        Assert.Contains("件名 〇〇", text, StringComparison.Ordinal);
        Assert.Contains("東部地区の投票所は東京都の通知", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_member_heading_a_column_is_a_mask_of_its_own()
    {
        // 東 is a given name too: before, 宇佐木 東 was one mask (the surname and a given name after the gap), and three
        // members read as two.
        var text = await RedactedText(Heading + "議案 件名 宇佐木 東 鶴巻 結果\n第5号 選挙人名簿の登録について ○ ○ × 可決\n", "tally.txt");
        Assert.Contains("件名 〇〇 〇〇 〇〇 結果", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_members_heading_the_rows_of_a_councils_vote_list_are_masked()
    {
        // A 議員別賛否一覧: a seat, a name, a mark under each item. Before, names no roll gave were published.
        var text = await RedactedText("架空市議会会議録\n議案に対する議員別賛否一覧\n番号 氏名 議案第1号 議案第2号\n1 宇佐木健 ○ ×\n2 鶴巻 ○ ○\n", "votes.txt");
        RedactedUploads.AssertNoneAppear(text, "宇佐木", "鶴巻");
        Assert.Contains("議案第1号", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tally_by_caucus_names_nobody()
    {
        // Caucuses head the columns of some councils' tallies: groups, not people.
        var text = await RedactedText(Heading + "議案 件名 市民クラブ 新風会 公明党 結果\n第5号 選挙人名簿の登録について ○ ○ × 可決\n", "tally.txt");
        Assert.Contains("市民クラブ 新風会 公明党 結果", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_surname_that_is_also_a_word_is_masked_as_a_token_of_its_own_and_not_inside_a_word()
    {
        // 網代 is a word too, so the register masks it only before a title or alone; spaces between cells were
        // compacted away, so a cell between two cells (宇佐木 網代 鶴巻) did not look alone and was published.
        var m = await RedactedTurns.RedactAsync(new RedactionPolicy(),
            new SpeakerTurn { Speaker = "網代委員", Text = "賛成します。" },
            new SpeakerTurn { Text = "賛成 宇佐木 網代 鶴巻", Kind = TurnKind.Procedure },
            new SpeakerTurn { Text = "網代笠の展示 網代垣", Kind = TurnKind.Procedure });
        Assert.Equal("賛成 宇佐木 〇〇 鶴巻", m.Sections[0].Turns[1].Text);
        Assert.Equal("網代笠の展示 網代垣", m.Sections[0].Turns[2].Text);
    }

    [Fact]
    public async Task A_registered_surname_that_is_also_a_word_spaced_before_a_word_that_runs_on_into_prose_stays()
    {
        // 網代 漁港の整備: one word spaced apart (網代漁港), no cell of a row; before, the token rule masked 網代.
        var m = await RedactedTurns.RedactAsync(new RedactionPolicy(),
            new SpeakerTurn { Speaker = "網代委員", Text = "賛成します。" },
            new SpeakerTurn { Text = "網代 漁港の整備について報告を願います。", Kind = TurnKind.Procedure },
            new SpeakerTurn { Text = "賛成 宇佐木 網代 鶴巻", Kind = TurnKind.Procedure });
        Assert.Equal("網代 漁港の整備について報告を願います。", m.Sections[0].Turns[1].Text);
        Assert.Equal("賛成 宇佐木 〇〇 鶴巻", m.Sections[0].Turns[2].Text);
    }

    [Fact]
    public async Task A_one_character_member_is_not_titled_by_an_office_across_a_gap()
    {
        // 【東区協議会 相良会長】: 会長 is 相良's; the compacted 区協議会相良会長 read as 東's office masked 東 of 東区.
        var m = await RedactedTurns.RedactAsync(new RedactionPolicy(),
            new SpeakerTurn { Speaker = "東委員", Text = "賛成します。" },
            new SpeakerTurn { Text = "【東区協議会 相良会長】", Kind = TurnKind.Procedure },
            new SpeakerTurn { Text = "東福祉部長が説明した。", Kind = TurnKind.Procedure });
        Assert.Equal("【東区協議会 〇〇会長】", m.Sections[0].Turns[1].Text);
        Assert.Equal("〇〇福祉部長が説明した。", m.Sections[0].Turns[2].Text);
    }

    private static Task<string> RedactedText(string upload, string name) => RedactedUploads.PublishedJsonAsync(upload, name, Policy);
}
