namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A prefecture's text edition of its board minutes writes each header label in angle brackets alone on its line and the
/// value on the lines below (<c>&lt;開会&gt;</c> / date / time), with a roll call of bare names each marked （出席） or （欠席）.
/// </summary>
public class BracketedLabelTests
{
    private const string Board =
        "令和６年度第１５回（定例）教育委員会議事録\n"
        + "\n"
        + "概要\n"
        + "\n"
        + "<開会>\n"
        + " 令和７年３月７日\n"
        + " １０時３０分\n"
        + "\n"
        + "<閉会>\n"
        + " 令和７年３月７日\n"
        + " １１時４５分\n"
        + "\n"
        + "<会議場所>\n"
        + " 教育委員室\n"
        + "\n"
        + "<委員出欠>\n"
        + " 宮之森正道（出席）\n"
        + " 小比類巻郁代（出席）\n"
        + " 真鍋奈美子（欠席）\n"
        + " 東雲忍（出席）\n"
        + "\n"
        + "議案及び議事内容\n"
        + "\n"
        + "<議案>\n"
        + "\n"
        + "議決事項１  架空町立図書館規則の一部改正について（可決）\n"
        + "\n"
        + "<議事内容>\n"
        + "\n"
        + "○五十嵐教育長 「定例教育委員会を開催いたします。」\n";

    [Fact]
    public void Bracketed_labels_give_the_date_the_times_and_the_venue()
    {
        var m = Doc.FromText(Board);
        Assert.Equal(new DateOnly(2025, 3, 7), m.Date);
        Assert.Equal("10:30", m.StartTime);
        Assert.Equal("11:45", m.EndTime);
        Assert.Equal("教育委員室", m.Venue);
    }

    [Fact]
    public void The_roll_call_is_one_roll_of_every_name_and_none_is_text()
    {
        var m = Doc.FromText(Board);
        var roll = Assert.Single(m.Rolls);
        Assert.Equal("委員出欠", roll.Group);
        Assert.Equal(["宮之森正道", "小比類巻郁代", "真鍋奈美子", "東雲忍"], roll.Entries.Select(e => e.Name));
        Assert.Empty(m.Attendees);
        var turns = Doc.Turns(m);
        Assert.DoesNotContain(turns, t => t.Text.Contains("出席", StringComparison.Ordinal) || t.Text.Contains("開会>", StringComparison.Ordinal));
        Assert.Equal("五十嵐教育長", Assert.Single(turns, t => t.Speaker is not null).Speaker);
    }

    [Fact]
    public void The_caption_over_the_agenda_and_the_proceedings_leaves_the_items_in_the_agenda()
    {
        // 議案及び議事内容 captions <議案> and <議事内容>: before, it ended the header and the items were procedure.
        var m = Doc.FromText(Board);
        Assert.Equal("議決事項1 架空町立図書館規則の一部改正について（可決）", Assert.Single(m.Agenda).Replace("  ", " ", StringComparison.Ordinal));
        var turns = Doc.Turns(m);
        Assert.DoesNotContain(turns, t => t.Text.Contains("議案", StringComparison.Ordinal) || t.Text.Contains("議事内容", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bracketed_kind_of_sitting_is_no_part_of_the_body()
    {
        var m = Doc.FromText(Board);
        Assert.Equal("教育委員会", m.Body);
        Assert.Equal("第15回", m.Session);
    }

    [Fact]
    public void A_stage_direction_in_angle_brackets_is_no_label()
    {
        Assert.Null(Header.BracketedLabel.Read("＜全員賛成です＞。"));
        Assert.Equal("会議場所", Header.BracketedLabel.Read("<会議場所>"));
    }
}
