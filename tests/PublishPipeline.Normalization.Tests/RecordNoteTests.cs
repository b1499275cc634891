using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// Notes about people between the header and the speeches: <c>◎相良報告</c> (someone reported, not a heading of the
/// business) and <c>記録者　鷲之巣澄江</c> (who kept the record, a name the lexicon does not split). Before, the first was a
/// heading and the surname in no register, the second dropped with its name. Names are invented.
/// </summary>
public sealed class RecordNoteTests
{
    private static readonly string Minutes = string.Join("\n",
        "令和6年度第1回みどり区子ども・子育て会議　会議録",
        "日時　令和6年7月3日(水)午後2時",
        "記録者　鷲之巣澄江",
        "◎相良報告",
        "○会長（真柴委員）　相良から報告がありました。");

    [Fact]
    public void A_marked_report_by_a_surname_is_a_note_naming_the_person()
    {
        var m = Doc.FromText(Minutes);
        Assert.DoesNotContain(m.Sections, s => s.Heading == "◎相良報告");
        var note = Assert.Single(Doc.Turns(m), t => t.Text == "◎相良報告");
        Assert.Equal(TurnKind.Procedure, note.Kind);
        Assert.Equal("相良", Assert.Single(note.Mentions).Name);
    }

    [Fact]
    public void A_marked_report_of_a_kind_stays_a_heading()
    {
        // ◎経過報告, ◎委員長報告: a kind of report or an office, no one named.
        var m = Doc.FromText(Minutes.Replace("◎相良報告", "◎経過報告\n○会長（真柴委員）　以上です。\n◎委員長報告", StringComparison.Ordinal));
        Assert.Contains(m.Sections, s => s.Heading == "◎経過報告");
        Assert.Contains(m.Sections, s => s.Heading == "◎委員長報告");
    }

    [Fact]
    public void The_record_keeper_named_after_the_heading_is_its_rolls_entry()
    {
        var m = Doc.FromText(Minutes);
        Assert.Equal("鷲之巣澄江", Assert.Single(m.Rolls.Single(r => r.Group == "記録者").Entries).Name);
    }
}
