using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// The numbered header of a 審議会's minutes (１　日　時 … ３　出席者 …), with its attendees one group per line under
/// the label (（委員）…、（事務局）…), the disclosure as lines, the agenda items and the result below their labels.
/// Before, （委員） read as a speaker label: the proceedings began there and the first member's full name was published
/// as a speech (山中　健太郎（会長）); everything after it (disclosure, agenda) was speech text and the minutes held.
/// </summary>
public sealed class NumberedHeaderTests
{
    private const string Council = """
        第２回　北浜区都市計画審議会　会議録

        １　日　時　　令和６年１０月８日（火）午前１０時００分～午前１１時３０分
        ２　場　所　　区役所本庁舎３階　第一会議室
        ３　出席者
        　（委員）　宮坂　昭彦（会長）、津田　加奈子（副会長）、長峰　亘、
        　　　　　　戸松　久美
        　（事務局）都市計画課長　芦田　修、都市計画課係長　寺沢　綾乃
        ４　傍聴者　１名
        ５　会議の公開・非公開　公開
        ６　会議録の公開・非公開　公開
        ７　議　題
        　（１）用途地域の見直しについて
        　（２）その他
        ８　議事内容
        会長　　　　ただいまから審議会を開会します。
        事務局（芦田課長）　資料に沿ってご説明いたします。
        長峰委員　　見直しの時期を教えてください。
        ９　会議の結果
        　見直し案について了承された。
        """;

    [Fact]
    public void Attendee_groups_on_their_own_lines_are_the_attendees_and_the_register()
    {
        var m = Doc.FromText(Council);
        Assert.Equal(["委員", "事務局"], m.Attendees.Select(a => a.Group));
        Assert.Equal(4, m.Attendees[0].Members.Count);
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "宮坂昭彦");
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "寺沢綾乃");
        Assert.Equal(["会長", "事務局（芦田課長）", "長峰委員"], Doc.Turns(m).Select(t => t.Speaker));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("宮坂", StringComparison.Ordinal));
    }

    [Fact]
    public void The_numbered_fields_after_the_attendees_are_still_header()
    {
        var m = Doc.FromText(Council);
        Assert.Equal(DisclosureState.Public, m.Disclosure.Meeting);
        Assert.Equal(DisclosureState.Public, m.Disclosure.Minutes);
        Assert.Equal(["（1）用途地域の見直しについて", "（2）その他"], m.Agenda);
        Assert.Equal(["見直し案について了承された。"], m.Results);
        Assert.DoesNotContain(m.Warnings, w => w.Code is "attendees-missing" or "disclosure-missing");
    }

    [Theory]
    [InlineData("【委員】宮坂　昭彦（会長）、津田　加奈子", "【事務局】都市計画課長　芦田　修")]
    [InlineData("委員：宮坂　昭彦（会長）、津田　加奈子", "事務局：都市計画課長　芦田　修")]
    public void Other_ways_of_writing_the_group(string members, string staff)
    {
        var m = Doc.FromText($"審議会　会議録\n日時　令和６年１０月８日（火）午前１０時\n出席者\n{members}\n{staff}\n議事内容\n会長　　開会します。\n");
        Assert.Equal(["委員", "事務局"], m.Attendees.Select(a => a.Group));
        Assert.Equal("都市計画課長　芦田　修", Assert.Single(m.Attendees[1].Members));
        Assert.Equal(["会長"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void A_member_no_reader_can_read_in_a_list_holds_the_document()
    {
        var m = Doc.FromText("審議会　会議録\n日時　令和６年１０月８日（火）午前１０時\n出席者\n（委員）宮坂　昭彦（会長）、Ｊ．ホワイト、津田　加奈子\n議事内容\n会長　　開会します。\n");
        Assert.Contains(m.Warnings, w => w.Code == "name-unread");
        Assert.Equal(3, m.Attendees[0].Members.Count);
        Assert.Equal(["会長"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void A_results_heading_after_the_proceedings_gives_the_results()
    {
        // ## 会議の結果 in a Markdown upload: before, a section with one speech of nobody's.
        var m = new Doc().P("審議経過").P("会長：開会します。").H(2, "会議の結果").P("修正案を次回審議する。").Normalize();
        Assert.Equal(["修正案を次回審議する。"], m.Results);
        Assert.Equal(["会長"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void Attendee_groups_on_lines_of_one_table_cell_are_groups()
    {
        // <td>（委員）…<br>（事務局）人権推進課長 森下 学</td>: before, the cell's lines were joined and the second group
        // was part of the last member (ソン・ミナ （事務局）人権推進課長 森下 学), read as nobody.
        var m = new Doc().Row("出席者", "（委員）宮坂 昭彦（会長）、ソン・ミナ¶（事務局）人権推進課長 芦田 修").P("審議経過").P("会長：開会します。").Normalize();
        Assert.Equal(["委員", "事務局"], m.Attendees.Select(a => a.Group));
        Assert.Equal(["宮坂 昭彦（会長）", "ソン・ミナ"], m.Attendees[0].Members);
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "芦田修");
    }

    [Fact]
    public void A_second_group_in_brackets_on_the_same_line_starts_that_group()
    {
        // 出席者：（委員）a、b、（事務局）課長　c: before, the secretariat's member was one of the 委員, "（事務局）課長　…".
        var m = new Doc().P("出席者：（委員）大江　聡（会長）、北条　麻衣、（事務局）介護保険課長　原口　徹").P("審議経過").P("会長：開会します。").Normalize();
        Assert.Equal(["委員", "事務局"], m.Attendees.Select(a => a.Group));
        Assert.Equal(["介護保険課長　原口　徹"], m.Attendees[1].Members);
    }

    [Fact]
    public void A_roll_under_the_councils_own_attendee_heading_is_its_attendee_list()
    {
        // ３　出席者 over office-and-name lines: read as a roll (the names masked) but the page showed no 出席者.
        var m = Doc.FromText("審議会　会議録\n１　日　時　　令和６年１１月１２日（火）午後２時\n３　出席者\n　　会　長　　宮坂　昭彦　　副会長　津田　加奈子\n　　事務局　　都市計画課長　芦田　修\n４　議事内容\n会長　　開会します。\n");
        var group = Assert.Single(m.Attendees);
        Assert.Equal("出席者", group.Group);
        Assert.Equal(3, group.Members.Count);
        Assert.DoesNotContain(m.Warnings, w => w.Code == "attendees-missing");
    }

    [Fact]
    public void An_absentee_written_name_then_title_on_the_headings_line_is_read()
    {
        // ４　欠席者　野々村　純一委員: before, the roll heading took the line and its one entry was read as nothing.
        var m = Doc.FromText("審議会　会議録\n１　開催日時　令和６年１０月８日（火）午前１０時\n３　出席者　宮坂　昭彦委員、津田　加奈子委員\n４　欠席者　長峰　純一委員\n５　議事内容\n会長　　開会します。\n");
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "長峰純一" && e.Role == "委員");
    }

    [Fact]
    public void A_members_row_names_its_group_by_its_label()
    {
        var m = new Doc().Row("出席委員", "宮坂　昭彦（会長）、津田　加奈子、長峰　悠介").P("審議経過").P("会長：開会します。").Normalize();
        Assert.Equal(["委員"], m.Attendees.Select(a => a.Group));
    }

    [Fact]
    public void A_secretariat_row_listing_people_is_the_secretariats_attendees()
    {
        // | 事務局 | 課長　芦田　修、主査　寺沢　綾乃 |: before, the people were the secretariat's name and entered no roll.
        var m = new Doc().Row("事務局", "課長　芦田　修、主査　寺沢　綾乃").P("審議経過").P("会長：開会します。").Normalize();
        Assert.Null(m.Secretariat);
        var staff = Assert.Single(m.Attendees);
        Assert.Equal("事務局", staff.Group);
        Assert.Equal(["芦田修", "寺沢綾乃"], m.Rolls.SelectMany(r => r.Entries).Select(e => e.Name));
    }

    [Fact]
    public void A_numbered_secretariat_line_listing_people_is_the_secretariats_attendees()
    {
        // ３　事務局　課長　…、主査　…: before, a section heading of the proceedings.
        var m = Doc.FromText("審議会　会議録\n１　開催日時　令和６年１０月８日（火）午前１０時\n２　出席委員　宮坂　昭彦（会長）、津田　加奈子\n３　事務局　課長　芦田　修、主査　寺沢　綾乃\n４　議事内容\n会長：開会します。\n");
        Assert.Equal(["委員", "事務局"], m.Attendees.Select(a => a.Group));
        Assert.All(m.Sections, s => Assert.Null(s.Heading));
    }

    [Theory]
    [InlineData("○説明員（芦田）　ご説明いたします。")]
    [InlineData("○説明員（芦田）\n　ご説明いたします。")]
    public void An_officer_with_a_surname_alone_in_brackets_is_a_speaker(string line)
    {
        var m = Doc.FromText("審議会　会議録\n開催日：令和６年１０月８日\n○会長（宮坂昭彦）　説明を求めます。\n" + line + "\n");
        Assert.Equal(["会長（宮坂昭彦）", "説明員（芦田）"], Doc.Turns(m).Select(t => t.Speaker));
        Assert.Equal("芦田", Doc.Turns(m)[1].Person?.Name);
    }

    [Fact]
    public void A_label_with_a_note_on_how_the_list_is_written_is_still_the_label()
    {
        // 出席者（敬称略）：bare names: before, a speech of 出席者（敬称略） with 宮坂昭彦 in it, published.
        var m = Doc.FromText("審議会　会議録\n開催日時　令和６年１１月１２日（火）午後２時\n出席者（敬称略）：宮坂昭彦、津田加奈子\n審議経過\n会長　　開会します。\n");
        Assert.Equal(["宮坂昭彦", "津田加奈子"], Assert.Single(m.Attendees).Members);
        Assert.Equal(["会長"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void Bare_names_listed_under_a_roll_heading_are_entries()
    {
        // 出席委員（五十音順・敬称略） over 宮坂昭彦、津田加奈子: before, the roll closed and the line was published as text.
        var m = Doc.FromText("審議会　会議録\n開催日時　令和６年１１月１２日（火）午後２時\n出席委員（五十音順・敬称略）\n　宮坂昭彦、津田加奈子\n審議経過\n会長　　開会します。\n");
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.FamilyName == "宮坂" && e.GivenName == "昭彦");
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("宮坂", StringComparison.Ordinal));
    }

    [Fact]
    public void A_group_word_a_space_and_its_list_under_the_heading_is_a_group()
    {
        // 出席者 over 　委員　宮坂昭彦（会長）、…: before, a speech of 委員 with 長峰亘 published (亘 is in no list of given names).
        var m = Doc.FromText("審議会　会議録\n開催日時　令和６年１１月１２日（火）午後２時\n出席者\n　委員　宮坂昭彦（会長）、津田加奈子（副会長）、長峰亘\n審議経過\n会長　　開会します。\n");
        Assert.Equal(3, Assert.Single(m.Attendees).Members.Count);
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.FamilyName == "長峰" && e.GivenName == "亘");
        Assert.Equal(["会長"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void A_bare_name_list_ending_in_a_count_of_others_is_entries()
    {
        // 出席委員　８名 over 宮坂昭彦、…、ほか４名: before, ほか４名 made the list unreadable and it was published.
        var m = Doc.FromText("審議会　会議録\n開催日時　令和６年１１月１２日（火）午後２時\n出席委員　８名\n　宮坂昭彦、津田加奈子、長峰亘、ほか４名\n審議経過\n会長　　開会します。\n");
        Assert.Equal(3, m.Rolls.SelectMany(r => r.Entries).Count());
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("長峰", StringComparison.Ordinal));
    }

    [Fact]
    public void One_bare_name_on_an_absentee_heading_line_is_the_absent_group()
    {
        // 欠席者（敬称略）：野々村純一 (one name, no 、): before, the roll kept no entry and the name was in no register.
        var m = Doc.FromText("審議会　会議録\n開催日時　令和６年１１月１２日（火）午後２時\n出席者（敬称略）：宮坂昭彦、津田加奈子\n欠席者（敬称略）：桐生沙耶香\n審議経過\n会長　　開会します。\n");
        Assert.Equal(["桐生沙耶香"], Assert.Single(m.Attendees, g => g.Group == "欠席者").Members);
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "桐生沙耶香");
    }

    [Fact]
    public void One_bare_name_on_a_roll_heading_line_is_its_entry()
    {
        // 欠席委員（敬称略）　桐生沙耶香 under an assembly's rolls (no header label the header reads): the roll's entry.
        var m = Doc.FromText("令和６年第３回北浜市議会定例会会議録\n出席議員（１名）\n　１番　宮　坂　昭　彦\n欠席議員（敬称略）　桐生沙耶香\n────────\n○議長（宮坂昭彦君）　開会します。\n");
        Assert.Contains(Assert.Single(m.Rolls, r => r.Group == "欠席議員").Entries, e => e.FamilyName == "桐生" && e.GivenName == "沙耶香");
    }

    [Fact]
    public void A_list_under_a_label_the_header_does_not_know_is_an_attendee_group()
    {
        // 委員出席者　a、b: before, the header passed over the line and the names were in no register.
        var m = Doc.FromText("審議会　会議録\n開催日時　令和６年１１月１２日（火）午後２時\n委員出席者　宮坂昭彦、津田加奈子\n審議経過\n会長　　開会します。宮坂委員の意見を伺います。\n");
        Assert.Equal(["宮坂昭彦", "津田加奈子"], Assert.Single(m.Attendees, g => g.Group == "委員").Members);
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.FamilyName == "宮坂" && e.GivenName == "昭彦");
    }

    [Fact]
    public void A_list_under_a_label_the_header_does_not_know_is_held_when_its_items_are_unsure()
    {
        // 委員出席者　Ｊ．ブラウン、Ｋ．スミス: no item reads as a name, but they may be people: held, never passed over.
        var m = Doc.FromText("審議会　会議録\n開催日時　令和６年１１月１２日（火）午後２時\n委員出席者　Ｊ．ブラウン、Ｋ．スミス\n審議経過\n会長　　開会します。\n");
        Assert.Contains(m.Warnings, w => w.Code == "name-unread");
    }

    [Fact]
    public void A_group_word_and_one_bare_name_with_its_office_after_another_group_is_its_own_group()
    {
        // 　事務局　芦田修（都市計画課長） right after the 委員 line: before, an entry of 委員 (office 事務局).
        var m = Doc.FromText("審議会　会議録\n開催日時　令和６年１１月１２日（火）午後２時\n出席者\n　委員　宮坂昭彦（会長）、津田加奈子（副会長）、長峰亘\n　事務局　芦田修（都市計画課長）\n審議経過\n会長　　開会します。\n");
        Assert.Equal(["委員", "事務局"], m.Attendees.Select(a => a.Group));
        Assert.Equal(["芦田修（都市計画課長）"], m.Attendees[1].Members);
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "芦田修" && e.Role == "都市計画課長");
    }
    [Fact]
    public void The_results_own_numbered_list_under_a_numbered_label_is_the_results()
    {
        // ４　会議の結果 over １　承認 and ２　原案可決: the results' own list. Before, each item ended the results and became an
        // empty section heading, and ５　議事内容 became an agenda item. The header's next number still ends the results.
        var m = Doc.FromText(string.Join("\n",
            "令和６年度第２回若葉区環境審議会議事要旨",
            "１　開催日時",
            "令和６年５月９日（金曜日）午前９時３０分から午前１０時まで",
            "４　会議の結果",
            "１　承認",
            "２　原案可決",
            "５　議事内容",
            "事務局から説明を行った。"));
        Assert.Equal(["1　承認", "2　原案可決"], m.Results);
        Assert.Empty(m.Agenda);
        Assert.DoesNotContain(m.Sections, s => s.Heading is not null && s.Heading.Contains("承認", StringComparison.Ordinal));
    }
}
