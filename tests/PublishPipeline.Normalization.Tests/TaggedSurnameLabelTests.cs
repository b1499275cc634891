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
}
