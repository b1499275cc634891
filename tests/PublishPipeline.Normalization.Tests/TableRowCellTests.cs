namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A table read out inside a speech (a tab-separated 陳情 list under 次のとおり): its cells and its rows stay apart,
/// so a name in one cell does not run into the next cell's words (大河内　誠一文教委員会) where no reader can tell it.
/// </summary>
public class TableRowCellTests
{
    [Fact]
    public void Cells_of_a_tab_table_inside_a_speech_are_set_apart_and_each_row_is_a_line()
    {
        var m = Doc.FromText(
            "架空市議会会議録\n"
            + "○議長（真鍋勇君）　本日までに受理した陳情は、次のとおり\n"
            + "陳情第３号\t学童保育の拡充について\t架空市北浜町４丁目　小比類巻　誠一\t文教委員会\n"
            + "陳情第４号\t道路の補修について\t架空市南浜町２丁目　宮之森　修一\t建設委員会\n"
            + "　　であります。\n");
        var speech = Assert.Single(Doc.Turns(m));
        Assert.Equal(
            "本日までに受理した陳情は、次のとおり\n"
            + "陳情第3号　学童保育の拡充について　架空市北浜町4丁目　小比類巻　誠一　文教委員会\n"
            + "陳情第4号　道路の補修について　架空市南浜町2丁目　宮之森　修一　建設委員会であります。",
            speech.Text);
    }

    [Fact]
    public void A_row_with_no_first_cell_still_goes_on_with_the_cell_above()
    {
        // A cell cut by a page break ("\tます。"): the words before it are the same sentence.
        var m = new Doc().P("1 開会").Row("会長", "本日はよろしく").Row("", "お願いします。").Normalize();
        Assert.Equal("本日はよろしくお願いします。", Assert.Single(Doc.Turns(m)).Text);
    }
}
