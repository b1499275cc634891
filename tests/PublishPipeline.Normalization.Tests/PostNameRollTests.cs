namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A committee's summary record (常任委員会記録) lists its members as post：name pairs apart by 、 under a numbered 出席委員,
/// and its sitting as １０時開始　１５時４６分終了.
/// </summary>
public class PostNameRollTests
{
    private const string Record =
        "架空委員会（教育関係）　令和６年３月４日（月曜日）\n"
        + "\n"
        + "１．開催日時\n"
        + "令和６年３月４日（月曜日）１０時開始　１５時４６分終了\n"
        + "\n"
        + "２．出席委員\n"
        + "委員長：宮之森健太、副委員長：小比類巻哲也\n"
        + "委員：真鍋紀夫、委員：五十嵐均\n"
        + "\n"
        + "３．主な質疑\n"
        + "真鍋委員\n"
        + "　委員はどういう人を選任することとなるのか。\n"
        + "\n"
        + "東雲総務課長\n"
        + "　委員は教育委員会が委嘱することとなる。\n";

    [Fact]
    public void Post_and_name_pairs_are_the_rolls_entries_not_a_speech()
    {
        var m = Doc.FromText(Record);
        var roll = Assert.Single(m.Rolls, r => r.Group == "出席委員");
        Assert.Equal(["委員長", "副委員長", "委員", "委員"], roll.Entries.Select(e => e.Role));
        Assert.Equal(["宮之森健太", "小比類巻哲也", "真鍋紀夫", "五十嵐均"], roll.Entries.Select(e => e.Name));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("健太", StringComparison.Ordinal) || t.Text.Contains("主な質疑", StringComparison.Ordinal));
        Assert.Equal(["真鍋委員", "東雲総務課長"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void The_sitting_ends_at_the_time_said_to_end_it()
    {
        var m = Doc.FromText(Record);
        Assert.Equal("10:00", m.StartTime);
        Assert.Equal("15:46", m.EndTime);
    }

    [Fact]
    public void A_colon_label_whose_text_is_a_sentence_is_still_a_speech()
    {
        // 委員長：休憩します。 is the chair speaking, not a post and its holder.
        Assert.Null(Rolls.PostNameList.AsEntries("委員長：休憩します。"));
        Assert.Null(Rolls.PostNameList.AsEntries("委員長：それでは、始めます"));
    }
}
