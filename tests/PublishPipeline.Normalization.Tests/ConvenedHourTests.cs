namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A committee's minutes date the sitting by 〇招集日時 (the day and hour it was called to), with no 日時 of their own.
/// Before, 招集日時 was read as a session's calling and the minutes had no date. Names are invented.
/// </summary>
public class ConvenedHourTests
{
    private const string Text = """
        架空市議会建設委員会会議録
        〇招集日時 令和6年11月20日 午後1時30分
        〇招集場所 架空市議会第2委員会室
        〇出席委員(2人)
        浜 岡 翔 西 畑 潤
        午後1時30分 開 議
        〇浜岡翔委員長 これより本日の会議を開きます。
        """;

    [Fact]
    public void The_hour_called_to_dates_the_sitting()
    {
        var m = Doc.FromText(Text);
        Assert.Equal(new DateOnly(2024, 11, 20), m.Date);
        Assert.Equal("13:30", m.StartTime);
        Assert.Equal("架空市議会第2委員会室", m.Venue);
    }

    [Fact]
    public void A_date_of_the_sitting_wins_over_the_call()
    {
        var m = Doc.FromText(Text.Replace("〇招集場所", "〇開催日時 令和6年11月21日 午前10時\n〇招集場所", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2024, 11, 21), m.Date);
    }

    [Fact]
    public void A_session_s_calling_date_alone_dates_nothing()
    {
        // 招集年月日 is the session's first day, not this sitting's.
        var m = Doc.FromText(Text.Replace("〇招集日時 令和6年11月20日 午後1時30分", "〇招集年月日 令和6年11月20日", StringComparison.Ordinal));
        Assert.Null(m.Date);
    }
}
