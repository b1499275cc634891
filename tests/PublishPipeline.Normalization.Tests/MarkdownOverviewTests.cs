using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// Markdown minutes that put the header under a caption heading, one field per list item
/// (## 開催概要 over - **日時**：…), and the agenda under ## 議題. Before, the caption heading ended the header:
/// every field after it was a speech (出席委員 saying the attendee list, a Latin name published), the
/// disclosure unknown and the minutes held; the agenda's items became section headings.
/// </summary>
public sealed class MarkdownOverviewTests
{
    private const string Overview = """
        # 令和７年度 第２回 北浜区景観審議会 議事録

        ## 開催概要

        - **日時**：令和７年１２月１日（月）午前１０時〜午前１１時４５分
        - **場所**：北浜区役所 本庁舎 ７階 第１委員会室
        - **出席委員**：大西 勇（会長）、小田切 洋子、辺見 太郎
        - **欠席委員**：久留島 誠
        - **事務局**：都市デザイン課長 寺沢 綾乃、同課主査 沖野 健
        - **公開・非公開**：公開
        - **会議録の公開**：公開

        ## 議題

        1. 景観計画の見直しについて
        2. その他

        ## 議事の経過

        **会長**：開会します。

        **小田切委員**：質問します。
        """;

    [Fact]
    public void The_fields_under_the_caption_are_the_header()
    {
        var m = Doc.FromText(Overview, "minutes.md");
        Assert.Equal(new DateOnly(2025, 12, 1), m.Date);
        Assert.Equal(("10:00", "11:45"), (m.StartTime, m.EndTime));
        Assert.Equal((DisclosureState.Public, DisclosureState.Public), (m.Disclosure.Meeting, m.Disclosure.Minutes));
        Assert.Equal(["1. 景観計画の見直しについて", "2. その他"], m.Agenda);
        Assert.Equal(["会長", "小田切委員"], Doc.Turns(m).Select(t => t.Speaker));
        var names = m.Rolls.SelectMany(r => r.Entries).Select(e => e.Name).ToList();
        Assert.Contains("小田切洋子", names);
        Assert.Contains("久留島誠", names);
        Assert.Contains("寺沢綾乃", names);
    }

    [Fact]
    public void The_staff_after_an_absentee_list_are_not_absent()
    {
        var m = Doc.FromText(Overview, "minutes.md");
        Assert.Equal(["都市デザイン課長 寺沢 綾乃", "同課主査 沖野 健"], m.Rolls.Single(r => r.Group == "事務局").Entries.Select(e => e.Written));
        Assert.DoesNotContain(m.Rolls, r => r.Group.Contains("欠席", StringComparison.Ordinal) && r.Group.Contains("事務局", StringComparison.Ordinal));
    }
}
