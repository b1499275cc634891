using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>Header facts of assembly minutes, from their first lines (real shapes, shortened).</summary>
public class AssemblyHeaderTests
{
    [Fact]
    public void Session_heading_and_dated_heading_with_the_opening_time()
    {
        var m = Doc.FromText("茨城県議会定例会会議録　　第３号\n━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n平成31年３月５日（火曜日）午後１時１分開議\n━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n◯山田一郎議長　これより本日の会議を開きます。\n");
        Assert.Equal("茨城県議会定例会会議録　　第3号", m.Title);
        Assert.Equal("茨城県議会", m.Body);
        Assert.Equal("茨城県", m.Municipality);
        Assert.Equal("定例会", m.Session);
        Assert.Equal(new DateOnly(2019, 3, 5), m.Date);
        Assert.Equal("13:01", m.StartTime);
        Assert.Contains(m.Warnings, w => w.Code == "title-from-heading" && w.Line == 1);
    }

    [Theory]
    [InlineData("平成２７年第１回高槻市議会定例会会議録", "高槻市議会", "第1回定例会", "高槻市")]
    [InlineData("白馬村議会　平成22年第1回定例会（定例会）　第1日", "白馬村議会", "第1回定例会", "白馬村")]
    [InlineData("令和元年第３回架空町議会定例会会議録", "架空町議会", "第3回定例会", "架空町")]
    [InlineData("平成３１年第１回定例会 本会議録", "本会議", "第1回定例会", null)]
    [InlineData("第２００回国会　衆議院　本会議　第１号", "国会　衆議院　本会議", "第200回", null)]
    public void Body_session_and_municipality_only_as_the_heading_states_them(string heading, string body, string session, string? municipality)
    {
        var m = Doc.FromText(heading + "\n令和元年９月２日（月曜日）\n○議長（山田一郎君）　開会します。\n　市民は架空区や南区からも来ています。\n");
        Assert.Equal(body, m.Body);
        Assert.Equal(session, m.Session);
        Assert.Equal(municipality, m.Municipality);
        Assert.Equal(new DateOnly(2019, 9, 2), m.Date);
    }

    [Fact]
    public void Agenda_lists_under_the_date_with_wrapped_items_and_no_second_copy()
    {
        var m = Doc.FromText(string.Join("\n",
            "開催日：令和 5年 9月12日",
            "会議名：令和 5年 9月定例会（第 1日 9月12日）",
            "○議事日程",
            "　　令和５年９月１２日（火）午前１０時開会",
            "　　第　１　会議録署名議員の決定",
            "　　第　２　高議第３４号　架空市印鑑条例の一部を改正する条例を定めるこ",
            "　　　　　　　　　　　　　とについて",
            "　　　　…………………………………………………………………………………",
            "〇本日の会議に付した事件",
            "　　日程第　１　会議録署名議員の決定",
            "（午前１０時００分　開会）",
            "○議長（今田大介君）",
            "　ただいまから、９月定例市議会を開会いたします。",
            "（午前１０時２４分　散会）"));
        Assert.Equal(["第　1　会議録署名議員の決定", "第　2　高議第34号　架空市印鑑条例の一部を改正する条例を定めることについて"], m.Agenda);
        Assert.Equal("9月定例会", m.Session);
        Assert.Equal(("10:00", "10:24"), (m.StartTime, m.EndTime));
    }

    [Fact]
    public void Committee_header_with_spaced_labels_and_the_closing_time_on_the_next_line()
    {
        var m = Doc.FromText(string.Join("\n",
            "開催日：令和 5年 8月18日",
            "会議名：令和 5年議会運営委員会（ 8月18日）",
            "○議事日程　",
            "　　　　　　　　　　　　　　　　議会運営委員会記録",
            "　日　　時　　　令和５年８月１８日　　　　　　　　　　　　　午前１０時００分開会",
            "　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　午前１１時２６分閉会",
            "　場　　所　　　第１委員会室",
            "（午前１０時００分　開会）",
            "○川村委員長　",
            "　それでは、ただいまより議会運営委員会を開会いたします。"));
        Assert.Equal("議会運営委員会", m.Body);
        Assert.Equal(new DateOnly(2023, 8, 18), m.Date);
        Assert.Equal(("10:00", "11:26"), (m.StartTime, m.EndTime));
        Assert.Equal("第1委員会室", m.Venue);
    }

    [Fact]
    public void Diet_minutes_with_kanji_numerals_and_a_roll_of_ministers()
    {
        var m = Doc.FromText(string.Join("\n",
            "第２０１回国会　衆議院　本会議　第１号",
            "令和二年一月二十日（月曜日）",
            "    ―――――――――――――",
            "  議事日程　第一号",
            "    令和二年一月二十日",
            "    午後一時開議",
            " 第一　会期の件",
            "    ―――――――――――――",
            "○議長（大山理人君）　これより会議を開きます。",
            "    ―――――――――――――",
            "出席国務大臣",
            "       内閣総理大臣  安田 晋一君",
            "       総務大臣  高山 早苗君"));
        Assert.Equal(new DateOnly(2020, 1, 20), m.Date);
        Assert.Equal("13:00", m.StartTime);
        Assert.Equal("第201回", m.Session);
        Assert.Null(m.Municipality);
        Assert.Equal(["第一\u3000会期の件"], m.Agenda);
        Assert.Equal([("内閣総理大臣", "安田晋一", "安田"), ("総務大臣", "高山早苗", "高山")], Assert.Single(m.Rolls).Entries.Select(e => (e.Role!, e.Name!, e.FamilyName!)));
    }

    [Theory]
    [InlineData("令和二年一月二十日", "令和2年1月20日")]
    [InlineData("平成三十一年三月五日（火曜日）午後一時開議", "平成31年3月5日（火曜日）午後1時開議")]
    [InlineData("二〇一九年十二月三十一日", "2019年12月31日")]
    [InlineData("山田一郎議員と三木委員、第一", "山田一郎議員と三木委員、第一")]
    public void Kanji_numerals_before_year_month_day_and_time_become_digits(string text, string expected) =>
        Assert.Equal(expected, Dates.KanjiNumerals.ToDigits(text));

    [Fact]
    public void A_markdown_heading_that_only_says_会議録_is_not_the_title()
    {
        var m = Doc.FromText("# 会議録\n\n| 会議体の名称 | 第1回架空区テスト審議会 |\n|---|---|\n| 開催日時 | 令和6年5月1日(水)10時～11時 |\n\n## 発言内容\n\n(会長) 開会します。\n", "t.md");
        Assert.Equal("第1回架空区テスト審議会", m.Title);
        Assert.Equal("架空区テスト審議会", m.Body);
        Assert.Equal("(会長)", "(" + Doc.Turns(m).Single(t => t.Speaker is not null).Speaker + ")");
    }

    [Fact]
    public void A_body_named_in_a_question_is_not_the_documents_municipality()
    {
        var m = Doc.FromText("平成３１年第１回定例会 本会議録\n開催日：2019-02-26\n○議員（川口花子）　東京都目黒区や神奈川県横浜市の例を伺います。\n");
        Assert.Null(m.Municipality);
        Assert.Contains(m.Warnings, w => w.Code == "municipality-missing");
    }

    [Theory]
    [InlineData("議事日程のとおり")]
    [InlineData("議事日程（第１号）に同じ")]
    [InlineData("日程のとおり")]
    public void The_business_of_the_day_written_as_the_agenda_is_no_speech(string reference)
    {
        // 本日の会議に付した事件 / 議事日程のとおり: before, a speech of nobody's at the start of the proceedings.
        var m = Doc.FromText(string.Join("\n",
            "令和６年第２回川端町議会定例会会議録（第１号）",
            "議事日程",
            "令和６年６月１０日（月）午前１０時開議",
            "日程第１　会議録署名議員の指名",
            "本日の会議に付した事件",
            reference,
            "○議長（今田大介君）　ただいまから本日の会議を開きます。"));
        Assert.Equal(["議長（今田大介君）"], Doc.Turns(m).Select(t => t.Speaker));
        Assert.Equal(["日程第1　会議録署名議員の指名"], m.Agenda);
    }
}
