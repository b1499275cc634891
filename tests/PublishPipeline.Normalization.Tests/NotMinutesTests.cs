using System.Text;
using PublishPipeline.Ingest;

namespace PublishPipeline.Normalization.Tests;

/// <summary>An upload that has none of the marks of minutes is refused with what is missing, not published.</summary>
public class NotMinutesTests
{
    private static MinutesFormatException Refused(string name, string text) =>
        Assert.Throws<MinutesFormatException>(() => MinutesNormalizer.Normalize(new SourceFile(name, Encoding.UTF8.GetBytes(text))));

    [Fact]
    public void A_desktop_ini_is_not_minutes()
    {
        var e = Refused("desktop.ini", "[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\SHELL32.dll,4\r\n[ViewState]\r\nMode=\r\n");
        Assert.Equal("no-minutes", e.Code);
        Assert.Contains("no title", e.Message, StringComparison.Ordinal);
        Assert.Contains("no turn with a speaker", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_staff_memo_is_not_minutes()
    {
        var e = Refused("memo.txt", "資料の差し替えについて、明日までにお送りします。\n担当に確認済みです。\n");
        Assert.Equal("no-minutes", e.Code);
    }

    [Theory]
    [InlineData("第1回架空区テスト審議会 会議録\n本日は以上です。\n")]
    [InlineData("開催日：令和 6年 2月 5日\n本日は以上です。\n")]
    [InlineData("○議長（今田大介君）　開会します。\n")]
    [InlineData("出席者：山田委員、佐藤委員\n本日は以上です。\n")]
    public void Any_one_mark_of_minutes_is_enough(string text)
    {
        var m = MinutesNormalizer.Normalize(new SourceFile("m.txt", Encoding.UTF8.GetBytes(text)));
        Assert.True(m.Title is not null || m.Date is not null || m.Rolls.Count > 0 || Doc.Turns(m).Any(t => t.Speaker is not null));
    }
}
