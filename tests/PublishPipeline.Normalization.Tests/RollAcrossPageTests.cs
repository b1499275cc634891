namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A PDF's text whose roll a page break cuts: the page number (－３－) and the running title stand between the two halves
/// of 出席議員 (names invented).
/// </summary>
public sealed class RollAcrossPageTests
{
    private const string Text = """
        令和６年第３回架空町議会定例会会議録（第２号）

        令和６年９月１０日（火）午前１０時開議

        〇出席議員（８名）
        　　１番　里　中　晴　彦　君　　　　２番　高　砂　由紀子　君
        　　３番　長　峰　　　亘　君　　　　４番　大川原　俊　介　君

        －３－

        令和６年第３回架空町議会定例会会議録（第２号）

        　　５番　芦　原　道　夫　君　　　　６番　森　下　加　代　君
        　　７番　水　野　玲　奈　君　　　　８番　戸　川　美　帆　君

        〇欠席議員（なし）

        〇議長（里中晴彦君）　ただいまから本日の会議を開きます。
        """;

    [Fact]
    public void The_roll_goes_on_below_the_page_number_and_the_running_title()
    {
        // Before: the roll closed at －３－ with four entries, and 芦原道夫 … 戸川美帆 were published as a paragraph of text.
        var m = Doc.FromText(Text);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], m.Rolls[0].Entries.Select(e => e.Number));
        Assert.Contains("戸川美帆", m.Rolls[0].Entries.Select(e => e.Name));
        Assert.DoesNotContain(m.Warnings, w => w.Code == "roll-count");
        Assert.Equal(["議長（里中晴彦君）"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void A_drawn_rule_still_ends_the_roll()
    {
        var m = Doc.FromText(Text.Replace("－３－", "━━━━━━━━", StringComparison.Ordinal));
        Assert.Equal(4, m.Rolls[0].Entries.Count);
    }
}
