namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A committee's minutes as a 会議録 system publishes them: the year's title over the day (<c>1月24日</c>), each label marked
/// and alone on its line with the value below (<c>〇日時</c>, <c>〇場所</c>), the era year with the Western year in brackets,
/// and the members as surnames (<c>真鍋委員長、東雲、宮之森の各委員</c>).
/// </summary>
public class CommitteeSystemHeaderTests
{
    private const string Committee =
        "令和 7年架空委員会\n"
        + "1月24日\n"
        + "\n"
        + "〇日時\n"
        + "令和7年(2025年)1月24日(金)10時00分開会 10時38分閉会(会議時間0時間38分)\n"
        + "〇場所\n"
        + "議会全員協議会室\n"
        + "〇出席委員\n"
        + "真鍋委員長、東雲、宮之森、五十嵐の各委員(小比類巻副委員長は欠席)\n"
        + "\n"
        + "○真鍋委員長  架空委員会を開会いたします。\n";

    [Fact]
    public void Marked_labels_alone_take_the_value_below()
    {
        var m = Doc.FromText(Committee);
        Assert.Equal(new DateOnly(2025, 1, 24), m.Date);
        Assert.Equal("10:00", m.StartTime);
        Assert.Equal("10:38", m.EndTime);
        Assert.Equal("議会全員協議会室", m.Venue);
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("1月24日", StringComparison.Ordinal));
    }

    [Fact]
    public void Surnames_before_each_member_are_the_rolls_entries()
    {
        var m = Doc.FromText(Committee);
        var roll = Assert.Single(m.Rolls, r => r.Group == "出席委員");
        Assert.Equal(["真鍋", "東雲", "宮之森", "五十嵐", "小比類巻"], roll.Entries.Select(e => e.FamilyName));
        Assert.Equal(["委員長", "委員", "委員", "委員", "副委員長"], roll.Entries.Select(e => e.Role));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("各委員", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sentence_naming_each_member_is_no_roll()
    {
        // 真鍋、東雲の各委員から意見があった。 is the proceedings' text (the list is read only under an open roll's heading).
        Assert.Null(Rolls.EachMemberList.Read("真鍋、東雲の各委員から意見があった。"));
    }
}

/// <summary>The secretariat's roll of a committee's minutes: surnames before their offices, apart by 、.</summary>
public class SurnameOfficeListTests
{
    [Fact]
    public void Surnames_before_their_offices_are_the_rolls_entries()
    {
        var m = Doc.FromText(
            "架空委員会記録\n"
            + "〇議会事務局出席者\n"
            + "茶谷局長、土門議会総務課長、武藤担当書記\n"
            + "\n"
            + "○真鍋委員長  架空委員会を開会いたします。\n");
        var roll = Assert.Single(m.Rolls, r => r.Group == "議会事務局出席者");
        Assert.Equal(["茶谷", "土門", "武藤"], roll.Entries.Select(e => e.FamilyName));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("茶谷", StringComparison.Ordinal));
    }
}
