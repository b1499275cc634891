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

    [Theory]
    [InlineData("議事要旨")]
    [InlineData("議事要録")]
    [InlineData("会議要旨")]
    [InlineData("議事概要")]
    public void A_points_summary_is_minutes_whose_title_names_the_meeting(string paper)
    {
        // Before, a title ending in 議事要旨 was no title line: the header was never read and the upload was refused.
        var m = MinutesNormalizer.Normalize(new SourceFile("summary.txt", Encoding.UTF8.GetBytes(
            $"第２回架空市子ども・子育て会議　{paper}\n１　日時　令和６年８月５日（月）午前１０時～正午\n２　場所　架空市役所　大会議室\n３　議事要旨\n・待機児童の状況について質問があった。\n")));
        Assert.Equal("第2回架空市子ども・子育て会議", m.Title);
        Assert.Equal(new DateOnly(2024, 8, 5), m.Date);
        Assert.Equal("架空市役所　大会議室", m.Venue);
    }
}
