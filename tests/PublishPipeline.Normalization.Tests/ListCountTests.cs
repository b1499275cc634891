namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A 審議会's 出席者 list ends with its count (<c>委員：…、石倉琢磨(7名)</c>): the count is the list's, no part of the last name.
/// Before, (7名) stayed on the last member and the roll read 7名 as that member's role. Names are invented.
/// </summary>
public class ListCountTests
{
    [Fact]
    public void The_count_after_the_last_member_is_not_part_of_the_name()
    {
        var m = Doc.FromText("""
            令和6年度第1回架空市景観審議会 会議録
            1 日時
            令和6年5月14日(火曜日) 午後7時~8時
            2 場所
            架空市役所会議室
            3 出席者
            委員:森下敬三、堀内早苗、戸倉勇作(3名)
            事務局:都市計画課長 早瀬亮
            4 議題
            (1)景観計画について
            (森下委員)始めます。
            """);
        Assert.Equal(["森下敬三", "堀内早苗", "戸倉勇作"], m.Attendees.Single(a => a.Group == "委員").Members);
        var last = m.Rolls.SelectMany(r => r.Entries).Single(e => e.Written.StartsWith("戸倉", StringComparison.Ordinal));
        Assert.Equal(("戸倉勇作", null), (last.Name, last.Role));
    }
}
