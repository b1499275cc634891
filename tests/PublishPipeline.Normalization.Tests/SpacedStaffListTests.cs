namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A small town's 会議概要 lists its secretariat by surname glued to office, one space apart and no 、
/// (<c>事務局　高杉保育課長　今泉課長補佐　江口副主幹</c>, wrapped onto an indented line), and a ward's page puts the
/// same under a bare 事務局 with a charge in brackets (<c>早瀬(子育て支援担当)副参事　浅沼保育課長</c>). Before, the first
/// was a speech of 事務局 (the surnames published) and the second one entry with no name. Names are invented.
/// </summary>
public sealed class SpacedStaffListTests
{
    private static readonly string Summary = string.Join("\n",
        "令和6年度第2回みどり町子ども・子育て会議概要",
        "日　時　令和6年11月5日(火)13時30分～15時00分",
        "場　所　みどり町役場　2階　大会議室",
        "出席者　真柴委員　徳永委員　岩舘委員",
        "事務局　高杉保育課長　今泉課長補佐　江口副主幹",
        "　　　　菅谷主査",
        "1　開　会",
        "(真柴委員)保育料について伺う。");

    [Fact]
    public void Staff_one_space_apart_are_the_secretariats_roll()
    {
        var m = Doc.FromText(Summary);
        var staff = m.Rolls.Single(r => r.Group == "事務局");
        Assert.Equal([("高杉", "保育課長"), ("今泉", "課長補佐"), ("江口", "副主幹"), ("菅谷", "主査")], staff.Entries.Select(e => (e.Name, e.Role)));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Speaker == "事務局" || t.Speaker == "菅谷主査");
    }

    [Fact]
    public void The_members_read_by_the_roll_and_the_staff_read_by_the_header_are_both_the_attendees()
    {
        // 出席者 without 、 is read as a roll; 事務局 by the header. Before, the attendees were the staff alone.
        var m = Doc.FromText(Summary);
        Assert.Equal(["出席者", "事務局"], m.Attendees.Select(g => g.Group));
        Assert.Equal(["真柴委員", "徳永委員", "岩舘委員"], m.Attendees[0].Members);

        // The header's list first when it is written first (a staff roll below it).
        var committee = Doc.FromText("令和6年度 総務委員会\n出席委員 真柴進委員長,徳永茂副委員長,岩舘要委員\n市執行部 【財務部】\n 財務部長 浅沼一樹,管財課長 江口秀樹\n議会事務局 庶務議事課主任(高杉志保)\n\n真柴委員長)ただ今から,総務委員会を開会いたします。\n");
        Assert.Equal(["委員", "議会事務局"], committee.Attendees.Select(g => g.Group));
    }

    [Fact]
    public void A_title_ending_in_kaigi_gaiyo_heads_the_header()
    {
        // …子ども・子育て会議概要: 概要 names the paper, 会議 is the body's. Before, the whole header was proceedings.
        var m = Doc.FromText(Summary);
        Assert.Equal("令和6年度第2回みどり町子ども・子育て会議", m.Title);
        Assert.Equal(new DateOnly(2024, 11, 5), m.Date);
        Assert.Equal("みどり町役場　2階　大会議室", m.Venue);

        // After a body's name or a number, 会議概要 is the paper.
        Assert.Equal("みどり町子育て審議会", Doc.FromText("みどり町子育て審議会会議概要\n日時　令和6年11月5日\n(真柴委員)伺う。\n").Title);
        Assert.Equal("みどり町子育て審議会（第2回）", Doc.FromText("みどり町子育て審議会（第2回）会議概要\n日時　令和6年11月5日\n(真柴委員)伺う。\n").Title);
    }

    [Fact]
    public void A_surname_that_is_a_noun_too_is_read_before_its_office()
    {
        // 大橋 is a great bridge as well as a surname: the entry starts with no other word (子育て健康課長 is the office).
        var m = Doc.FromText("第1回みどり町子ども・子育て会議会議録\n日時　令和6年11月5日\n事務局　大橋子育て健康課長、今泉課長補佐\n(真柴委員)伺う。\n");
        Assert.Equal([("大橋", "子育て健康課長"), ("今泉", "課長補佐")], m.Rolls.Single(r => r.Group == "事務局").Entries.Select(e => (e.Name, e.Role)));
    }

    [Fact]
    public void Staff_under_a_bare_label_with_a_charge_in_brackets_are_two_entries()
    {
        var m = Doc.FromText(string.Join("\n",
            "令和6年度第1回みどり区子ども・子育て会議　会議録",
            "日時　令和6年7月3日(水)午後2時",
            "事務局",
            "早瀬(子育て支援担当)副参事　浅沼保育課長",
            "○会長（真柴委員）　開会します。"));
        Assert.Equal([("早瀬", "副参事"), ("浅沼", "保育課長")], m.Rolls.Single(r => r.Group == "事務局").Entries.Select(e => (e.Name, e.Role)));
    }

    [Fact]
    public void A_post_and_its_holder_one_space_apart_stay_one_entry()
    {
        // 保育課長　浅沼一樹: an office and a name, not two staff.
        var m = Doc.FromText("第1回みどり区子ども・子育て会議会議録\n日時　令和6年7月3日\n事務局\n保育課長　浅沼一樹\n○会長（真柴委員）　開会します。\n");
        Assert.Equal([("浅沼一樹", "保育課長")], m.Rolls.Single(r => r.Group == "事務局").Entries.Select(e => (e.Name, e.Role)));
    }
}
