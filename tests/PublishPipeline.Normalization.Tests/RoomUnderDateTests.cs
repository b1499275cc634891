namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A metropolitan assembly's 速記録 prints the room alone under the date (<c>議会運営委員会室</c>, <c>第十委員会室</c>) and lists
/// 本日の会議に付した事件 without numbers. Before, the room ended the header: the opening time, the rolls and the agenda became
/// the proceedings; with the room read, the unnumbered items were still one procedure turn. Names are invented.
/// </summary>
public class RoomUnderDateTests
{
    private const string Text = """
        環境・建設委員会速記録第四号

        令和六年三月七日(木曜日)
        第八委員会室
           午後一時開議
         出席委員 二名
        委員長森下 敬三君
        理事堀内 早苗君

        本日の会議に付した事件
        環境局関係
        契約議案の調査について
        ・第十号議案 清掃工場の工事請負契約

        ○森下委員長 ただいまから環境・建設委員会を開会いたします。
        ○堀内理事 質問いたします。
        """;

    [Fact]
    public void The_room_under_the_date_is_the_venue_and_the_time_below_it_is_read()
    {
        var m = Doc.FromText(Text);
        Assert.Equal("第八委員会室", m.Venue);
        Assert.Equal(new DateOnly(2024, 3, 7), m.Date);
        Assert.Equal("13:00", m.StartTime);
        Assert.Equal(["委員長", "理事"], m.Rolls.Single(r => r.Group == "出席委員").Entries.Select(e => e.Role));
    }

    [Fact]
    public void Unnumbered_items_of_the_matters_taken_up_are_the_agenda()
    {
        var m = Doc.FromText(Text);
        Assert.Equal(["環境局関係", "契約議案の調査について", "・第十号議案 清掃工場の工事請負契約"], m.Agenda);
        Assert.Equal("森下委員長", m.Sections.SelectMany(s => s.Turns).First().Speaker);
    }

    [Fact]
    public void A_sentence_under_the_heading_is_not_an_item()
    {
        var m = Doc.FromText(Text.Replace("環境局関係\n", "これより本日の会議を開きます。\n", StringComparison.Ordinal));
        Assert.DoesNotContain(m.Agenda, a => a.Contains("開きます", StringComparison.Ordinal));
    }
}
