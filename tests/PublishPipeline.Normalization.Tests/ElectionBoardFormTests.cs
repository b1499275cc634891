using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A ward 選挙管理委員会's minutes, in the two forms boards publish. One writes each header label on a line over its
/// value (<c>会議の庶務を行う課名</c> over <c>選挙管理委員会事務局</c>) under a session line (<c>第１回臨時委員会</c>) and gives
/// its bills and votes under <c>議案の概要と審議結果</c>; the other numbers its labels (<c>３　出席者</c>) over bulleted
/// lists that count the people (<c>委員　委員長始め３名</c>) and the agenda. Before, the session line began the
/// proceedings (no date, the secretariat a speaker whose speech held the header), and the bullets were speeches.
/// Names are invented.
/// </summary>
public sealed class ElectionBoardFormTests
{
    private static Minutes LabelsOverValues() => Doc.FromText(string.Join("\n",
        "架空区選挙管理委員会会議録",
        "第１回臨時委員会",
        "会議の庶務を行う課名",
        "選挙管理委員会事務局",
        "開催日時",
        "令和６年１月５日（金）午後２時３５分から午後３時３０分まで",
        "議案の概要と審議結果（賛成…○、反対…×）",
        "第１号　選挙管理委員会委員長の選挙について　規程により委員長に決定した。　可決",
        "３　協議・報告等",
        "（１）収支報告書について、事務局から説明を行った。",
        "公職選挙法の規定により定められた額となっている。"));

    [Fact]
    public void A_label_over_its_value_gives_the_date_and_the_secretariat()
    {
        var m = LabelsOverValues();
        Assert.Equal(new DateOnly(2024, 1, 5), m.Date);
        Assert.Equal("14:35", m.StartTime);
        Assert.Equal("15:30", m.EndTime);
        Assert.Equal("選挙管理委員会事務局", m.Secretariat);
        Assert.Equal("第1回", m.Session);
        Assert.DoesNotContain(Doc.Turns(m), t => t.Speaker == "選挙管理委員会事務局" || t.Text.Contains("開催日時", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bills_and_their_votes_are_the_results_and_the_next_item_the_proceedings()
    {
        var m = LabelsOverValues();
        var bill = Assert.Single(m.Results);
        Assert.StartsWith("第1号", bill, StringComparison.Ordinal);
        Assert.Contains(Doc.Turns(m), t => t.Text.Contains("収支報告書について", StringComparison.Ordinal));
    }

    [Fact]
    public void Column_heads_under_the_results_label_are_no_agenda()
    {
        // 議案 heads the bills' column of the results table: its row is no agenda item.
        var m = new Doc().P("架空区選挙管理委員会会議録").P("開催日時").P("令和６年１月５日（金）午後２時").P("審議結果")
            .P("議案　件名　概要　結果").P("第１号　委員長の選挙について　可決").P("３　協議・報告等").P("事務局から説明を行った。").Normalize();
        Assert.DoesNotContain(m.Agenda, a => a.Contains("件名", StringComparison.Ordinal));
        Assert.Equal(2, m.Results.Count);
        Assert.StartsWith("議案", m.Results[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("会議の庶務を行う課名")]
    [InlineData("庶務担当課")]
    public void The_office_that_keeps_the_minutes_is_the_secretariat(string label)
    {
        var m = new Doc().P("架空区選挙管理委員会会議録").P(label).P("選挙管理委員会事務局").P("開催日時").P("令和６年１月５日（金）午後２時")
            .P("事務局から説明を行った。").Normalize();
        Assert.Equal("選挙管理委員会事務局", m.Secretariat);
        Assert.Equal(new DateOnly(2024, 1, 5), m.Date);
    }

    private static Minutes NumberedOverBullets() => Doc.FromText(string.Join("\n",
        "令和７年度第２回選挙管理委員会議事要旨",
        "1 開催日時",
        "令和７年５月９日（金曜日）午前９時３０分から午前９時５３分まで",
        "2 開催場所",
        "架空区役所10階 行政委員会室",
        "3 出席者",
        "- 委員 委員長始め3名",
        "- 事務局 書記長ほか5名",
        "- 傍聴者 なし",
        "4 議題",
        "- 選挙人名簿に関することについて",
        "- その他",
        "5 議事内容",
        "- 選挙人名簿に関することについて",
        "選挙人名簿の抹消者について事務局から説明を行った。",
        "全会一致で決定した。"), "upload.md");

    [Fact]
    public void Counted_groups_are_attendees_not_speeches()
    {
        var m = NumberedOverBullets();
        Assert.Contains(m.Attendees, g => g.Group == "委員" && g.Members.SequenceEqual(["委員長始め3名"]));
        Assert.Contains(m.Attendees, g => g.Group == "事務局" && g.Members.SequenceEqual(["書記長ほか5名"]));
        Assert.Contains(m.Attendees, g => g.Group == "傍聴者" && g.Members.Count == 0);
        Assert.DoesNotContain(Doc.Turns(m), t => t.Kind == TurnKind.Speech);
    }

    [Fact]
    public void Bullets_under_the_agenda_label_are_its_items()
    {
        var m = NumberedOverBullets();
        Assert.Equal(["選挙人名簿に関することについて", "その他"], m.Agenda);
        var turns = Doc.Turns(m);
        Assert.Contains(turns, t => t.Text.Contains("抹消者について", StringComparison.Ordinal));
        Assert.DoesNotContain(turns, t => t.Text.Contains("議事内容", StringComparison.Ordinal));
    }
    [Theory]
    [InlineData("議案\t件名\t概要\t宇佐木\t網代\t鶴巻\t結果\n第5号\t選挙人名簿の登録について\t登録するもの。\t○\t○\t×\t可決")]
    [InlineData("議案　件名　概要　宇佐木　網代　鶴巻　結果\n第5号　選挙人名簿の登録について　登録するもの。　○　○　×　可決")]
    public void A_vote_table_under_the_results_label_is_the_results_and_its_members_are_people(string table)
    {
        // Before, a tab table's head row was read as an agenda and lost, the members heading its columns with it; and a
        // table read into the results was out of the reach of the vote tally's reader, so the members were published.
        var m = Doc.FromText("架空区選挙管理委員会会議録\n第３回定例委員会\n議案の概要と審議結果（賛成…○、反対…×）\n" + table + "\n");
        Assert.Equal(2, m.Results.Count);
        Assert.Contains("宇佐木", m.Results[0], StringComparison.Ordinal);
        Assert.Equal(["宇佐木", "網代", "鶴巻"], m.Rolls.Single(r => r.Group == "賛否").Entries.Select(e => e.FamilyName));
    }
}
