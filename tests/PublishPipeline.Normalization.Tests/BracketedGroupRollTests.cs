namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A city 協議会's minutes list 出席者 in groups, each a word in 【】 over ・office　name lines (the office any words: an
/// organisation, 公募による市民). Before, each group was read as a speaker's label and its people published as its speech.
/// Names are invented.
/// </summary>
public class BracketedGroupRollTests
{
    private const string Text = """
        令和２年度第２回青少年健全育成協議会議事録
        開催日時
        令和2年8月4日(火曜日)午後2時～午後3時
        出席者
        【会長】
        　南部学院大学教授　　　小野寺　聡子
        【委員】
        ・架空町内会連合会長　相沢　隆文
        ・公募による市民　杉浦　千晴
        【事務局】
        ・こども未来部子育て支援課　課長補佐　鴇田　紘一
        ・こども未来部　部長　市　　和樹　ほか
        議題
        1.　計画について
        会議の内容
        (会長)
        　開会します。
        """;

    [Fact]
    public void Each_bracketed_group_is_a_roll_of_its_people()
    {
        var m = Doc.FromText(Text);
        Assert.Equal(["小野寺聡子"], m.Rolls.Single(r => r.Group == "会長").Entries.Select(e => e.Name));
        Assert.Equal("南部学院大学教授", m.Rolls.Single(r => r.Group == "会長").Entries[0].Role);
        Assert.Equal(["相沢隆文", "杉浦千晴"], m.Rolls.Single(r => r.Group == "委員").Entries.Select(e => e.Name));
        Assert.Equal("鴇田紘一", m.Rolls.Single(r => r.Group == "事務局").Entries[0].Name);
        Assert.DoesNotContain(m.Sections.SelectMany(s => s.Turns), t => t.Text.Contains("杉浦", StringComparison.Ordinal));
        Assert.Equal("開会します。", m.Sections.SelectMany(s => s.Turns).Single(t => t.Kind == Model.TurnKind.Speech).Text);
    }

    [Fact]
    public void A_bulleted_line_whose_name_cannot_be_told_is_held_not_published()
    {
        var m = Doc.FromText(Text);
        Assert.Contains(m.Rolls.Single(r => r.Group == "事務局").Entries, e => e.Name is null && e.Written.Contains("和樹", StringComparison.Ordinal));
        Assert.DoesNotContain(m.Sections.SelectMany(s => s.Turns), t => t.Text.Contains("和樹", StringComparison.Ordinal));
    }
}
