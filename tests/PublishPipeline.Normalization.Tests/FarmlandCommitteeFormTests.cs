using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A town 農業委員会's 総会議事録: a roll whose first entries give the office, the seat and a spaced name
/// (<c>会　長　　３番　宇佐見　房　雄　君</c>), the body's own staff under <c>農業委員会事務局職員</c>, and speakers
/// written as a spaced-out office with the surname in brackets (<c>議　長（宇佐見房）</c>) or a seat with the surname
/// (<c>６番（上山）</c>). Before, the roll was read as no one (the upload was held: 8 stated, 0 read), the staff
/// roll was an agenda item, and these speeches ran on as the text of the speech above. Names are invented.
/// </summary>
public sealed class FarmlandCommitteeFormTests
{
    private static Minutes Form() => Doc.FromText(string.Join("\n",
        "令和５年第６回若葉町農業委員会総会議事録",
        "",
        "１．開催日時　令和５年５月２０日（土）午前９時３０分から１０時３５分",
        "２．開催場所　若葉町役場　３階　第１委員会室",
        "３．出席委員　（４人）",
        "　会　長　　３番　宇佐見　房　雄　君",
        "　会長職務代理者　５番　川　嶋　良　巳　君",
        "　　１番　中河原　隆　雄　君　　２番　佐々良　克　文　君",
        "４．欠席委員　（１人）",
        "　　９番　沢　渡　良　一　君",
        "５．議事日程",
        "　第１　議事録署名委員の指名",
        "６．農業委員会事務局職員",
        "　事務局長　　齊　木　武　彦　君",
        "　主　　幹　　赤　坂　真　弓　君",
        "７．会議の概要",
        "事務局（齊木）　ただ今から総会を開会いたします。",
        "会　長（宇佐見房）　本日はお集まりいただきありがとうございます。",
        "議　長（宇佐見房）　日程第１、議事録署名委員の指名を行います。",
        "６番（上山）　現地を確認しましたが、問題ありません。",
        "議　長（宇佐見房）　異議なしと認めます。"));

    [Fact]
    public void An_office_before_the_seat_is_the_same_members_entry()
    {
        var roll = Form().Rolls.Single(r => r.Group == "出席委員");
        Assert.Equal([("宇佐見房雄", "会長", "3"), ("川嶋良巳", "会長職務代理者", "5"), ("中河原隆雄", "議員", "1"), ("佐々良克文", "議員", "2")],
            roll.Entries.Select(e => (e.Name, e.Role, e.Number)));
    }

    [Fact]
    public void The_bodys_own_staff_heading_opens_a_roll()
    {
        var m = Form();
        var staff = m.Rolls.Single(r => r.Group == "農業委員会事務局職員");
        Assert.Equal([("齊木武彦", "事務局長"), ("赤坂真弓", "主幹")], staff.Entries.Select(e => (e.Name, e.Role)));
        Assert.DoesNotContain(m.Agenda, a => a.Contains("事務局職員", StringComparison.Ordinal));
    }

    [Fact]
    public void A_spaced_out_office_and_a_seat_with_the_surname_are_speakers()
    {
        var turns = Doc.Turns(Form()).Where(t => t.Kind == TurnKind.Speech).ToList();
        Assert.Equal(["事務局（齊木）", "会長（宇佐見房）", "議長（宇佐見房）", "6番（上山）", "議長（宇佐見房）"], turns.Select(t => t.Speaker));
        Assert.Equal("現地を確認しましたが、問題ありません。", turns[3].Text);
    }

    [Fact]
    public void A_spaced_out_word_in_prose_is_no_speaker()
    {
        // The pieces must be one character each and make an office: a heading such as そ　の　他 is no label.
        var turns = Doc.Turns(Doc.FromText("若葉町農業委員会総会議事録\n開催日時　令和５年５月２０日\n事務局（齊木）　説明します。\n議　長（宇佐見房）　進めます。\nそ　の　他　特にありません。\n"));
        Assert.Equal("議長（宇佐見房）", turns.Last(t => t.Kind == TurnKind.Speech).Speaker);
        Assert.EndsWith("そ　の　他　特にありません。", turns[^1].Text, StringComparison.Ordinal);
    }
    [Fact]
    public void An_office_with_another_in_brackets_before_the_seat_is_one_entry()
    {
        // 会長職務代理者（副会長）　９番　…: read as a name with a note, the office refused the line and ended the roll.
        var m = Doc.FromText(string.Join("\n",
            "第３回総会議事録",
            "１　開催日時　令和６年５月１７日（金）午後２時３０分から午後４時４０分",
            "３　出席委員（３人）",
            "　会長　１４番　西ヶ原量太郎",
            "　会長職務代理者（副会長）　９番　鈴　木　茂　樹",
            "　委員　１番　池田　省一",
            "５　議事日程",
            "　第１　議事録署名委員の指名",
            "７　議事の経過",
            "議長（西ヶ原会長）　ただいまから総会を開会します。",
            "１番（池田委員）　質問があります。"));
        Assert.Equal([("鈴木茂樹", "会長職務代理者（副会長）", "9"), ("池田省一", "委員", "1")],
            m.Rolls.Single(r => r.Group == "出席委員").Entries.Skip(1).Select(e => (e.Name, e.Role, e.Number)));
        Assert.Equal(("1番（池田委員）", "質問があります。"), (Doc.Turns(m)[^1].Speaker, Doc.Turns(m)[^1].Text));
    }
    [Fact]
    public void A_seat_with_a_vote_in_brackets_is_no_speaker()
    {
        // １番（賛成）　…: a vote tally's line, not the member speaking.
        var turns = Doc.Turns(Doc.FromText("若葉町農業委員会総会議事録\n開催日時　令和５年５月２０日\n議　長（宇佐見房）　採決します。\n１番（賛成）　２番（反対）\n"));
        Assert.DoesNotContain(turns, t => t.Speaker is { } s && s.StartsWith("1番", StringComparison.Ordinal));
    }
}
