namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A header's attendee list as the rolls the register reads (names invented): the group word written before the list on the
/// 出席者 line, a further group on an indented line below it, and names written bare with their role in brackets.
/// </summary>
public sealed class HeaderAttendeeRollTests
{
    private const string Numbered = """
        令和６年度第２回架空市景観審議会　会議録

        １　日　時　令和６年８月２０日（火）午後２時から午後３時まで
        ２　場　所　架空市役所　第一会議室
        ３　出席者　委員　里中晴彦（会長）、高砂由紀子（副会長）、長峰亘、大川原俊介
        　　　　　　事務局　芦原道夫（都市計画課長）
        ４　議　題　（１）景観計画の変更について
        ５　議事内容
        会長　ただいまから審議会を開会します。
        委員　質問します。
        """;

    [Fact]
    public void The_group_word_before_the_list_and_the_group_on_the_line_below_are_groups()
    {
        // Before: one group 出席者 whose first member was 委員　里中晴彦（会長）, and the 事務局 line was passed over.
        var m = Doc.FromText(Numbered);
        Assert.Equal(["委員", "事務局"], m.Attendees.Select(a => a.Group));
        Assert.Equal(["里中晴彦（会長）", "高砂由紀子（副会長）", "長峰亘", "大川原俊介"], m.Attendees[0].Members);
        Assert.Equal(["芦原道夫（都市計画課長）"], m.Attendees[1].Members);
        Assert.Equal(["会長", "委員"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void A_bare_name_with_its_role_in_brackets_is_a_named_entry()
    {
        // Before: 高砂由紀子（副会長） was an entry without a name (held), and the secretary was in no register.
        var m = Doc.FromText(Numbered);
        Assert.Equal(
            [("会長", "里中晴彦"), ("副会長", "高砂由紀子"), (null, "長峰亘"), (null, "大川原俊介"), ("都市計画課長", "芦原道夫")],
            m.Rolls.SelectMany(r => r.Entries).Select(e => (e.Role, e.Name)));
        Assert.DoesNotContain(m.Warnings, w => w.Code == "name-unread");
    }

    [Fact]
    public void A_post_before_the_list_stays_its_entrys_office()
    {
        // 委員長　… 、副委員長　…: a post one person holds, not a group word.
        var m = Doc.FromText(Numbered.Replace("委員　里中晴彦（会長）、高砂由紀子（副会長）", "委員長　里中晴彦、副委員長　高砂由紀子", StringComparison.Ordinal));
        Assert.Equal(("委員長", "里中晴彦"), (m.Rolls[0].Entries[0].Role, m.Rolls[0].Entries[0].Name));
        Assert.Equal(("副委員長", "高砂由紀子"), (m.Rolls[0].Entries[1].Role, m.Rolls[0].Entries[1].Name));
    }

    [Fact]
    public void A_katakana_name_right_against_its_title_in_a_header_list_is_the_entrys_name()
    {
        // Before: ジョン・スミス委員 was an entry whose role was the whole text and which had no name (the register never learnt it),
        // and アンナ・Ｋ・リー委員 was cut at its dots into three members.
        var m = Doc.FromText("審議会　会議録\n出席者　里中晴彦委員、ジョン・スミス委員、アンナ・Ｋ・リー委員、ジャン＝ポール・ルグラン会長\n審議経過\n会長　開会します。\n");
        Assert.Equal(
            [("委員", "里中晴彦"), ("委員", "ジョン・スミス"), ("委員", "アンナ・K・リー"), ("会長", "ジャン＝ポール・ルグラン")],
            m.Rolls.SelectMany(r => r.Entries).Select(e => (e.Role, e.Name)));
    }

    [Theory]
    [InlineData("マネジメント室長")]
    [InlineData("国際アート・カルチャー都市推進室長")]
    [InlineData("デジタル・トランスフォーメーション推進課長")]
    public void A_katakana_office_in_a_header_list_stays_an_office(string office)
    {
        var m = Doc.FromText("審議会　会議録\n出席者　里中晴彦委員、" + office + "\n審議経過\n会長　開会します。\n");
        Assert.Equal((office, null), (m.Rolls[0].Entries[1].Role, m.Rolls[0].Entries[1].Name));
    }
}
