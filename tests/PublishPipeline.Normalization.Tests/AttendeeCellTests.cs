namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A saved page's header table whose 出席者 cell lists its groups on lines of their own (【委員】&lt;br&gt;…&lt;br&gt;【事務局】…).
/// Before, the cell's lines were joined with a space, the last member and the next group ran together
/// (田村　まさ子 【事務局】 課長　堀切　雄大), no reader took that member, and it was published as written with both names.
/// </summary>
public sealed class AttendeeCellTests
{
    private const string Page = """
        <html lang="ja"><head><meta charset="utf-8"><title>第１回 北浜区子ども・子育て会議 会議録</title></head><body>
        <h1>令和７年度第１回 北浜区子ども・子育て会議 会議録</h1>
        <table>
        <tr><th>開催日時</th><td>令和７年７月２２日（火曜日）午後２時から午後３時３０分まで</td></tr>
        <tr><th>出席者</th><td>【委員】<br>大槻　真由美（会長）、三ツ木　典子、<br>田村　まさ子<br>【事務局】<br>子育て支援課長　堀切　雄大、同課係長　岸本　郁恵</td></tr>
        <tr><th>欠席者</th><td>【委員】小此木　徹</td></tr>
        <tr><th>公開・非公開</th><td>公開</td></tr>
        </table>
        <h2>会議の経過</h2>
        <p>会長：開催いたします。</p>
        <p>三ツ木委員：質問します。</p>
        </body></html>
        """;

    [Fact]
    public void A_group_on_its_own_line_in_the_cell_opens_the_next_group()
    {
        var m = Doc.FromText(Page, "minutes.html");
        Assert.Equal(["委員", "事務局", "欠席者（委員）"], m.Attendees.Select(a => a.Group));
        Assert.Equal(["大槻　真由美（会長）", "三ツ木　典子", "田村　まさ子"], m.Attendees[0].Members);
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "田村まさ子");
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "堀切雄大");
        Assert.DoesNotContain(m.Warnings, w => w.Code == "name-unread");
    }

    [Fact]
    public void An_attendee_no_reader_takes_holds_the_minutes()
    {
        // 田村　まさ子（以上委員）子育て支援課長　堀切　雄大: neither an office, a name nor a count; it would be published as written.
        var m = Doc.FromText(Page.Replace("<br>【事務局】<br>", "（以上委員）", StringComparison.Ordinal), "minutes.html");
        Assert.Contains(m.Warnings, w => w.Code == "name-unread" && w.Line == 5);
    }
}
