namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A committee's staff roll typed spaced out, one character apart (<c>議 事 係 長 長谷川 朋 美</c>): 議 事 at its start is the
/// office's first word, not the agenda's label 議事. Before, the line closed the roll and the name was an agenda item,
/// published. Names are invented.
/// </summary>
public class SpacedOfficeAfterRollTests
{
    [Fact]
    public void A_spaced_office_starting_with_a_label_s_word_is_an_entry_not_the_agenda()
    {
        var m = Doc.FromText("""
            架空市議会建設委員会会議録
            〇招集日時 令和6年11月20日 午後1時30分
            〇事務局職員出席者
            事 務 局 長 森 下 敬
            議 事 係 長 長谷川 朋 美
            議 事 主 査 早 瀬 亮 介
            午後1時30分 開 議
            〇浜岡翔委員長 これより本日の会議を開きます。
            """);
        Assert.DoesNotContain(m.Agenda, a => a.Contains("長谷川", StringComparison.Ordinal) || a.Contains("早 瀬", StringComparison.Ordinal));
        var staff = m.Rolls.Single(r => r.Group == "事務局職員出席者").Entries;
        // Each is the roll's, read (議事主査　　早瀬亮介) or, where the split cannot be told, kept unread and held; none is published.
        Assert.Contains(staff, e => e.Written.Replace(" ", "", StringComparison.Ordinal).Contains("長谷川朋美", StringComparison.Ordinal));
        Assert.Contains(staff, e => e.Name == "早瀬亮介" || e.Written == "議 事 主 査 早 瀬 亮 介");
        Assert.DoesNotContain(m.Sections.SelectMany(s => s.Turns), t => t.Text.Contains("長谷川", StringComparison.Ordinal) || t.Text.Contains("早 瀬", StringComparison.Ordinal));
    }
}
