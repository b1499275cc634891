using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// The header of a 町村議会's minutes in the standard form (招集年月日, 開閉会日時及び宣告, the roll call table of
/// 応（不応）招議員及び出席並びに欠席議員 with its count, legend and marks), and an assembly's header numbered
/// <c>１．</c> with no space after the number. Before, the header ended at the first of these lines: the date was
/// missing and the rolls and the agenda were published as the text of the first turn.
/// </summary>
public sealed class TownAssemblyFormTests
{
    private static Minutes StandardForm() => Doc.FromText(string.Join("\n",
        "令和５年第１回若葉町議会定例会会議録（第１号）",
        "",
        "招集年月日　　令和５年３月１日",
        "招集の場所　　若葉町議会議場",
        "開閉会日時及び宣告　　開会　令和５年３月２日　午前１０時００分　議長　森　　　一　成",
        "　　　　　　　　　　　散会　令和５年３月２日　午後　３時１０分　議長　森　　　一　成",
        "応（不応）招議員及び出席並びに欠席議員",
        "　出席５名　欠席１名",
        "　凡例　○出席を示す　△欠席を示す　×不応招を示す",
        "議席番号　氏　　名　　出欠等の別　議席番号　氏　　名　　出欠等の別",
        "　１　　　宇　野　沙　織　　○　　　　４　　　真　壁　　　潤　　○",
        "　２　　　戸　倉　吉　晴　　○　　　　５　　　日　置　美　和　　△",
        "　３　　　粕　谷　　　栞　　○　　　　６　　　森　　　一　成　　○",
        "会議録署名議員　　１番　宇野沙織　　２番　戸倉吉晴",
        "職務のため出席した者の職氏名　　事務局長　丹羽　巧　　書記　蒔田　奈央",
        "議事日程",
        "　日程第１　会議録署名議員の指名",
        "　日程第２　会期の決定",
        "",
        "○議長（森　一成君）　ただいまから本日の会議を開きます。",
        "○議長（森　一成君）　本日はこれで散会します。"));

    [Fact]
    public void The_opening_and_closing_declarations_date_the_minutes_and_the_convocation_does_not()
    {
        var m = StandardForm();
        Assert.Equal(new DateOnly(2023, 3, 2), m.Date);
        Assert.Equal("10:00", m.StartTime);
        Assert.Equal("15:10", m.EndTime);
        Assert.Equal("若葉町議会議場", m.Venue);
        Assert.Equal(["日程第1　会議録署名議員の指名", "日程第2　会期の決定"], m.Agenda);
    }

    [Fact]
    public void The_roll_call_table_is_a_roll_of_every_member_and_the_declarer_is_in_the_register()
    {
        var m = StandardForm();
        var call = Assert.Single(m.Rolls, r => r.Group.Contains("欠席議員", StringComparison.Ordinal));
        Assert.Equal(["宇野沙織", "真壁潤", "戸倉吉晴", "日置美和", "粕谷栞", "森一成"], call.Entries.Select(e => e.Name));
        Assert.Equal(["1", "4", "2", "5", "3", "6"], call.Entries.Select(e => e.Number));
        Assert.Equal("応（不応）招議員及び出席並びに欠席議員", call.Group); // its own name: the redactor reads a group as a heading
        Assert.Contains(m.Rolls, r => r.Group == "開閉会の宣告" && r.Entries.All(e => e is { Name: "森一成", Role: "議長" }));
        Assert.DoesNotContain(m.Warnings, w => w.Code is "roll-count" or "date-missing" || w.Code.Contains("unread", StringComparison.Ordinal));
        // The header is not published as the text of a turn: the first turn is the chair's.
        Assert.Equal(["議長（森　一成君）", "議長（森　一成君）"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void A_table_cell_of_declarations_gives_the_start_and_the_end()
    {
        // | 開閉会日時及び宣告 | 開会 …<br>散会 … | (a Word or HTML table): before, the cell was one date text and the end time was lost.
        var m = new Doc()
            .H(1, "令和５年第１回若葉町議会定例会会議録（第１号）")
            .Row("招集年月日", "令和５年３月１日")
            .Row("開閉会日時及び宣告", "開会　令和５年３月２日　午前１０時００分　議長　森　一成¶散会　令和５年３月２日　午後３時１０分　議長　森　一成")
            .P("○議長（森　一成君）　開きます。")
            .Normalize();
        Assert.Equal(new DateOnly(2023, 3, 2), m.Date);
        Assert.Equal("10:00", m.StartTime);
        Assert.Equal("15:10", m.EndTime);
    }

    [Fact]
    public void A_count_line_states_present_and_absent_members_together()
    {
        var m = Doc.FromText(string.Join("\n",
            "令和５年第１回若葉町議会定例会会議録（第１号）",
            "開閉会日時及び宣告　　開会　令和５年３月２日　午前１０時　議長　森　一成",
            "応（不応）招議員及び出席並びに欠席議員",
            "　出席３名　欠席１名",
            "　１　　　宇　野　沙　織　　○　　　　２　　　戸　倉　吉　晴　　○",
            "",
            "○議長（森　一成君）　開会します。"));
        Assert.Contains(m.Warnings, w => w.Code == "roll-count" && w.Message.Contains("states 4 people but 2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_numbered_assembly_header_without_a_space_after_the_number_is_read_whole()
    {
        var m = Doc.FromText(string.Join("\n",
            "　　　令和６年第２回桜台市議会定例会会議録（第３号）",
            "",
            "１．招集年月日　　令和６年６月１０日（月曜日）",
            "１．招集場所　　　桜台市議会議場",
            "１．開議　　　　　令和６年６月１２日　午前１０時",
            "１．出席議員（２名）",
            "　　　１番　　宇　野　沙　織　　　　　２番　　戸　倉　吉　晴",
            "１．地方自治法第１２１条の規定により説明のため出席した者の職氏名",
            "　　市長　　　　　　真　壁　　　潤　　　副市長　　　　日　置　美　和",
            "１．職務のため議場に出席した事務局職員の職氏名",
            "　　事務局長　　　　丹　羽　　　巧　　　議事係長　　　蒔　田　奈　央",
            "１．議事日程",
            "　　日程第１　会議録署名議員の指名",
            "",
            "○議長（宇野沙織君）　ただいまから本日の会議を開きます。"));
        Assert.Equal(new DateOnly(2024, 6, 12), m.Date);
        Assert.Equal("10:00", m.StartTime);
        Assert.Equal("桜台市議会議場", m.Venue);
        Assert.Equal(["日程第1　会議録署名議員の指名"], m.Agenda);
        Assert.Equal(["出席議員", "地方自治法第121条の規定により説明のため出席した者の職氏名", "職務のため議場に出席した事務局職員の職氏名"], m.Rolls.Select(r => r.Group));
        Assert.Equal(["真壁潤", "日置美和", "丹羽巧", "蒔田奈央"], m.Rolls.Skip(1).SelectMany(r => r.Entries).Select(e => e.Name));
        Assert.Equal(["議長（宇野沙織君）"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Theory]
    [InlineData("開議　午前１０時")] // unnumbered and undated: a stage line in the proceedings, no header label
    [InlineData("開会　午後１時３０分")]
    public void An_unnumbered_undated_opening_line_is_no_header_label(string line)
    {
        Assert.Null(Header.HeaderLabels.ReadParagraph(line));
    }

    [Fact]
    public void An_unnumbered_dated_opening_line_dates_the_minutes()
    {
        var m = Doc.FromText("令和６年第３回桜台市議会定例会会議録（第４号）\n開議　令和６年９月２０日　午前１０時\n\n○議長（宇野沙織君）　開きます。\n");
        Assert.Equal(new DateOnly(2024, 9, 20), m.Date);
        Assert.Equal(["議長（宇野沙織君）"], Doc.Turns(m).Select(t => t.Speaker));
    }
}
