using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// Tables whose column head says the cells are people (質問者, 氏名, 紹介議員): the people are read into
/// a roll named by the head, and each row stays a line of its own with its cells apart.
/// </summary>
public class PeopleTableTests
{
    [Fact]
    public void A_question_list_in_the_proceedings_names_its_questioners()
    {
        // Before: the rows ran together into one procedure line (一般質問通告一覧順位質問者質問事項1浜田　光男防災…) and no one was read.
        var m = Doc.FromText(string.Join("\n",
            "令和６年第４回架空町議会定例会会議録",
            "開催日時　令和６年１２月５日（木）午前１０時",
            "一般質問通告一覧",
            "順位\t質問者\t質問事項",
            "１\t浜田　光男\t防災について",
            "２\t三浦智子\t子育て支援について",
            "○議長（大森健二君）　日程第１、一般質問を行います。"));

        var roll = Assert.Single(m.Rolls, r => r.Group == "質問者");
        Assert.Equal(["浜田光男", "三浦智子"], roll.Entries.Select(e => e.Name));
        Assert.Equal("浜田", roll.Entries[0].FamilyName);
        var lines = Doc.Turns(m).Where(t => t.Kind == TurnKind.Procedure).Select(t => t.Text).ToList();
        Assert.Contains("1\u3000浜田\u3000光男\u3000防災について", lines);
        Assert.Contains("順位\u3000質問者\u3000質問事項", lines);
        Assert.Equal("日程第1、一般質問を行います。", Doc.Turns(m).Single(t => t.Kind == TurnKind.Speech).Text);
    }

    [Fact]
    public void Rows_under_a_people_head_before_the_proceedings_are_read_and_not_published()
    {
        var m = new Doc()
            .Row("開催日時", "令和6年6月10日（月）午後2時")
            .Row("氏名", "所属", "備考")
            .Row("長谷川　徹", "架空大学教授", "会長")
            .Row("松田　由美", "市民委員", "")
            .Row("公開の可否", "会議録", "☑ 公開 ☐ 非公開")
            .P("審議経過")
            .P("会長 始めます。")
            .Normalize();

        Assert.Equal(["長谷川徹", "松田由美"], Assert.Single(m.Rolls, r => r.Group == "氏名").Entries.Select(e => e.Name));
        Assert.Equal(DisclosureState.Public, m.Disclosure.Minutes); // the header goes on after the table
    }

    [Fact]
    public void Every_people_column_is_read_under_its_own_head()
    {
        var m = Doc.FromText(string.Join("\n",
            "令和６年第４回架空町議会定例会会議録",
            "○議長（大森健二君）　開会します。",
            "件名\t請願者\t紹介議員",
            "町道改良に関する請願\t小野寺　光代\t浜田　光男"));
        Assert.Equal(["小野寺光代"], Assert.Single(m.Rolls, r => r.Group == "請願者").Entries.Select(e => e.Name));
        Assert.Equal(["浜田光男"], Assert.Single(m.Rolls, r => r.Group == "紹介議員").Entries.Select(e => e.Name));
    }

    [Fact]
    public void A_table_without_a_people_column_names_no_one()
    {
        var m = Doc.FromText(string.Join("\n",
            "令和６年第４回架空町議会定例会会議録",
            "○議長（大森健二君）　開会します。",
            "番号\t議案名\t結果",
            "１\t町道改良に関する請願\t可決"));
        Assert.Empty(m.Rolls);
    }

    [Fact]
    public void Another_table_right_after_ends_it()
    {
        // A blank line is no block: the heads of the next table (番号 | 議案名 | 結果) end the people table.
        var m = Doc.FromText(string.Join("\n",
            "令和６年第４回架空町議会定例会会議録",
            "○議長（大森健二君）　開会します。",
            "順位\t質問者\t質問事項",
            "１\t浜田　光男\t防災について",
            "",
            "番号\t議案名\t結果",
            "１\t町道改良条例\t可決"));
        Assert.Equal(["浜田光男"], Assert.Single(m.Rolls).Entries.Select(e => e.Name));
    }

    [Fact]
    public void A_name_no_reader_reads_holds_the_document()
    {
        var m = Doc.FromText(string.Join("\n",
            "令和６年第４回架空町議会定例会会議録",
            "○議長（大森健二君）　開会します。",
            "順位\t質問者\t質問事項",
            "１\tJohn Smith\t防災について"));
        Assert.Contains(m.Warnings, w => w.Code == "name-unread");
    }
}
