namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A board's header that lists its staff on one unnumbered line, each a full name glued to the office
/// (<c>事務局　柿本輝信教育次長、栗田郁雄総務課長</c>). Before, the line was 事務局 speaking, and a name glued to an
/// office no one else in the minutes named was published. Names are invented.
/// </summary>
public sealed class StaffListTests
{
    private static readonly string Minutes = string.Join("\n",
        "令和５年度第２３回教育委員会会議録",
        "",
        "開催日時　令和６年３月１９日（火曜日）",
        "開催場所　県庁２４階　教育委員会会議室",
        "出席者　平井郁代教育長、沼尻翔太教育長職務代理者、川添和美委員",
        "事務局　柿本輝信教育次長、栗田郁雄総務課長、下村裕子福利課長",
        "",
        "午後１時００分、平井教育長、教育委員会会議の開会を宣す。",
        "（平井教育長）",
        "初めに私から一言申し上げる。");

    [Fact]
    public void An_unnumbered_staff_line_is_the_secretariats_roll()
    {
        var m = Doc.FromText(Minutes);
        var staff = m.Rolls.Single(r => r.Group == "事務局");
        Assert.Equal([("柿本輝信", "教育次長"), ("栗田郁雄", "総務課長"), ("下村裕子", "福利課長")], staff.Entries.Select(e => (e.Name, e.Role)));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Speaker == "事務局");
        Assert.Equal(("沼尻翔太", "教育長職務代理者"), (m.Rolls.Single(r => r.Group == "出席者").Entries[1].Name, m.Rolls.Single(r => r.Group == "出席者").Entries[1].Role));
    }

    [Fact]
    public void The_secretariat_speaking_is_still_a_speech()
    {
        // 事務局　資料に基づき説明します。 is someone speaking, not a list of staff.
        var turns = Doc.Turns(Doc.FromText(Minutes + "\n事務局　資料に基づき説明します。\n"));
        Assert.Equal(("事務局", "資料に基づき説明します。"), (turns[^1].Speaker, turns[^1].Text));
    }

    [Fact]
    public void An_office_with_a_place_before_it_is_no_name_in_a_list_of_posts()
    {
        // 池袋保健所長: 保 could be a given name, but one character is too often the start of an office.
        var m = Doc.FromText("会議録\n開催日時　令和６年３月１９日\n出席者　区長、副区長、池袋保健所長\n");
        Assert.All(m.Rolls.SelectMany(r => r.Entries), e => Assert.Null(e.Name));
    }
}
