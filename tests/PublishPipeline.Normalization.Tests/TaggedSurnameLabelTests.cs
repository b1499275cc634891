namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A ward 会議 with two members of one surname writes a given name's initial in brackets between the surname and the office
/// (○森岡(晴)会長, ○森岡(修)委員). Before, the brackets ended the label: the speaker was 森岡(晴) (its name 晴) and 会長 began
/// the speech. Names are invented.
/// </summary>
public class TaggedSurnameLabelTests
{
    [Fact]
    public void The_office_after_the_bracketed_initial_is_the_labels()
    {
        var m = Doc.FromText("""
            ○森岡(晴)会長　開会します。
            ○森岡(修)委員　質問します。
            """);
        var turns = m.Sections.SelectMany(s => s.Turns).ToList();
        Assert.Equal(["開会します。", "質問します。"], turns.Select(t => t.Text));
        Assert.Equal(("森岡", "会長"), (turns[0].Person!.Name, turns[0].Person!.Role));
        Assert.Equal("森岡(修)委員", turns[1].Speaker);
        Assert.Equal("委員", turns[1].Person!.Role);
    }

    [Fact]
    public void A_charge_in_brackets_between_surname_and_office_keeps_the_surname_as_the_name()
    {
        // 小森副参事 alone reads 小森副参 + 事; with the charge in brackets between them the surname is still the name.
        var m = Doc.FromText("○小森(保育の質向上担当)副参事　資料2のとおりです。\n");
        var turn = Assert.Single(m.Sections.SelectMany(s => s.Turns));
        Assert.Equal(("小森", "副参事"), (turn.Person!.Name, turn.Person!.Role));
        Assert.Equal("資料2のとおりです。", turn.Text);
    }
}
