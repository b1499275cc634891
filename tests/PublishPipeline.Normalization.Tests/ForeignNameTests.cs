using PublishPipeline.Model;
using PublishPipeline.Normalization.People;
using PublishPipeline.Normalization.Rolls;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// Names of foreign residents, naturalised citizens and married names as minutes print them: a kanji
/// surname and a katakana given name (加藤ソフィー), katakana parts joined by ・ or ＝ (ジョン・スミス,
/// ジャン＝ピエール・ルロワ), a Latin initial (ジョン・Ｆ・スミス), katakana given names of Japanese women
/// (黒川サキ子), and what the readers cannot read (Latin script), which is flagged, never published as text.
/// </summary>
public class ForeignNameTests
{
    private static Minutes Read(params string[] lines) => Doc.FromText(string.Join("\n", lines) + "\n○議長（今田大介君）　開会します。\n");

    [Fact]
    public void An_evenly_spaced_roll_name_that_changes_script_splits_where_the_script_changes()
    {
        // The middle of 加　藤　ソ　フ　ィ　ー's field is after ソ; the script says 加藤 | ソフィー. 黒川サキ子
        // changes script twice (a Japanese given name) and keeps the fixed-width split.
        var m = Read(
            "会議録",
            "〇出席議員（３名）",
            "　　　１番　　加　藤　ソ　フ　ィ　ー",
            "　　　２番　　黒　川　サキ子",
            "　　　３番　　マ　イ　ケ　ル　ジ　ョ　ン");
        var members = m.Rolls[0].Entries;
        Assert.Equal(["加藤ソフィー", "黒川サキ子", "マイケルジョン"], members.Select(e => e.Name));
        Assert.Equal(["加藤", "黒川", null], members.Select(e => e.FamilyName));
        Assert.Equal(["ソフィー", "サキ子", null], members.Select(e => e.GivenName));
    }

    [Fact]
    public void Katakana_names_with_marks_spaces_or_mixed_scripts_are_roll_entries_not_speeches()
    {
        var m = Read(
            "会議録",
            "〇説明のため出席した者",
            "　　町長　　　ジョン・スミス",
            "　　課長　　　佐藤マリア",
            "　　係長　　　リー　ミンホ",
            "　　主査　　　ジャン＝ピエール・ルロワ",
            "　　主事　　　ジョン・Ｆ・ケネディ");
        var officials = m.Rolls.Single().Entries;
        Assert.Equal(
            [("町長", "ジョン・スミス"), ("課長", "佐藤マリア"), ("係長", "リーミンホ"), ("主査", "ジャン＝ピエール・ルロワ"), ("主事", "ジョン・F・ケネディ")],
            officials.Select(e => (e.Role, e.Name)));
        Assert.Equal([null, "佐藤", "リー", null, null], officials.Select(e => e.FamilyName));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Speaker is "町長" or "課長" or "係長" or "主査" or "主事");
        Assert.DoesNotContain(m.Warnings, w => w.Code == UnreadEntry.WarningCode);
    }

    [Theory]
    [InlineData("○１番（加藤ソフィー君）", "加藤ソフィー", "加藤", "ソフィー", "議員")]
    [InlineData("○町長（ジョン・スミス君）", "ジョン・スミス", null, null, "町長")]
    [InlineData("○３番（ソフィー・加藤議員）", "ソフィー・加藤", null, null, "議員")]
    [InlineData("○係長（リー　ミンホ君）", "リーミンホ", "リー", "ミンホ", "係長")]
    public void Speaker_labels_read_foreign_and_mixed_names(string label, string name, string? family, string? given, string role)
    {
        var person = SpeakerLabelParser.Parse(label);
        Assert.NotNull(person);
        Assert.Equal((name, family, given, role), (person.Name, person.FamilyName, person.GivenName, person.Role));
    }

    [Fact]
    public void A_stage_direction_names_a_foreign_name()
    {
        var people = StageDirectionPeople.Read("〔町長　ジョン・スミス君登壇〕");
        Assert.Equal(["ジョン・スミス"], people.Select(p => p.Name));
    }

    [Theory]
    [InlineData("ジョン・スミス", true)]
    [InlineData("ジョン・F・スミス", true)]
    [InlineData("ジャン＝ピエール", true)]
    [InlineData("ソフィー・加藤", true)]
    [InlineData("区長・副区長", false)] // a list of offices
    [InlineData("・スミス", false)]
    [InlineData("スミス・", false)]
    [InlineData("John", false)]
    [InlineData("ABC・スミス", false)] // a Latin run is an initial, at most two letters
    public void A_mark_or_Latin_initial_is_a_name_character_only_between_a_foreign_names_parts(string text, bool nameChars)
    {
        Assert.Equal(nameChars, SpeakerLabelParser.AllNameChars(text));
    }

    [Fact]
    public void A_roll_line_whose_name_cannot_be_read_stays_in_the_roll_and_is_flagged()
    {
        // Closing the roll there would publish this line, and the entries after it, as speeches.
        var m = Read(
            "会議録",
            "〇出席議員（３名）",
            "　　　１番　　山　田　太　郎",
            "　　　２番　　John Smith",
            "　　　３番　　佐　藤　花　子");
        var members = m.Rolls.Single().Entries;
        Assert.Equal(["1", "2", "3"], members.Select(e => e.Number));
        Assert.Equal(["山田太郎", null, "佐藤花子"], members.Select(e => e.Name));
        var warning = Assert.Single(m.Warnings, w => w.Code == UnreadEntry.WarningCode);
        Assert.Equal(4, warning.Line);
        Assert.DoesNotContain("Smith", warning.Message, StringComparison.Ordinal); // warnings are published: no name in them
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("Smith", StringComparison.Ordinal));
    }

    [Fact]
    public void Speech_after_a_roll_is_not_taken_for_an_unread_entry()
    {
        var m = Read(
            "会議録",
            "〇出席議員（１名）",
            "　　　１番　　山　田　太　郎",
            "議長　ＩＣＴの活用について開会します。");
        Assert.Single(m.Rolls.Single().Entries);
        Assert.DoesNotContain(m.Warnings, w => w.Code == UnreadEntry.WarningCode);
    }

    [Fact]
    public void An_attendee_list_entry_whose_name_cannot_be_read_is_flagged()
    {
        var m = new Doc().P("会議名：第3回まちづくり審議会").P("出席者：会長　石川五郎、委員　John Smith").P("審議経過").P("会長：開会します。").Normalize();
        Assert.Contains(m.Warnings, w => w.Code == UnreadEntry.WarningCode);
    }

    [Theory]
    [InlineData("○町長（John Smith君）　お答えします。", 4)]
    [InlineData("○３番（J.SMITH議員）　質問します。", 4)]
    [InlineData("〔John Smith君登壇〕", 4)]
    public void A_label_or_stage_direction_naming_someone_unreadable_is_flagged_with_its_line(string line, int at)
    {
        var m = Read("会議録", "〇出席議員（１名）", "　　　１番　　山　田　太　郎", line);
        var warning = Assert.Single(m.Warnings, w => w.Code == UnreadEntry.WarningCode);
        Assert.Equal(at, warning.Line);
    }
}
