using PublishPipeline.Normalization.Cleanup;
using PublishPipeline.Normalization.Dates;

namespace PublishPipeline.Normalization.Tests;

public class DateAndTimeTests
{
    private static DateOnly? Date(string text) => JapaneseDates.FindDate(TextCleanup.FoldWidth(text))?.Date;

    [Theory]
    [InlineData("平成30年5月8日(火) 14時00分～15時00分", 2018, 5, 8)]
    [InlineData("令和元年5月1日", 2019, 5, 1)]
    [InlineData("令和元年9月2日(月)14時～15時30分", 2019, 9, 2)]
    [InlineData("平成31年4月30日", 2019, 4, 30)]
    [InlineData("平成元年1月8日", 1989, 1, 8)]
    [InlineData("昭和64年1月7日", 1989, 1, 7)]
    [InlineData("令和５年１０月１６日（月）", 2023, 10, 16)]
    [InlineData("令和 4 年 5 月 23 日", 2022, 5, 23)]
    [InlineData("開催日：2023年4月1日（土）", 2023, 4, 1)]
    [InlineData("2024/3/31 10:00", 2024, 3, 31)]
    [InlineData("2024-04-01", 2024, 4, 1)]
    [InlineData("R7.4.1　午前10時", 2025, 4, 1)]
    [InlineData("Ｈ３１．４．３０", 2019, 4, 30)]
    [InlineData("令和7.4.1", 2025, 4, 1)]
    [InlineData("R元/5/1", 2019, 5, 1)]
    public void Dates_are_read_as_iso(string text, int y, int m, int d) => Assert.Equal(new DateOnly(y, m, d), Date(text));

    [Theory]
    [InlineData("令和5年2月30日")]
    [InlineData("令和5年13月1日")]
    public void Impossible_dates_are_null_with_a_problem(string text)
    {
        var found = JapaneseDates.FindDate(text);
        Assert.NotNull(found);
        Assert.Null(found.Value.Date);
        Assert.Contains("not a calendar date", found.Value.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_date_with_an_abbreviated_era_is_read_with_its_time()
    {
        // Before, R7.4.1 was no date: date-unread, and no fiscal year.
        var m = Doc.FromText("架空市議会総務委員会会議録\n開催日時　R7.4.1　午前10時\n○委員長　開会します。\n");
        Assert.Equal((new DateOnly(2025, 4, 1), "10:00", 2025), (m.Date, m.StartTime, m.FiscalYear));
    }

    [Fact]
    public void Text_without_a_date_has_none() => Assert.Null(JapaneseDates.FindDate("庁議室(本庁舎5階)"));

    [Theory]
    [InlineData("令和5年度第1回審議会発言記録", 2023)]
    [InlineData("平成30年度 第1回豊島区行政情報化推進本部", 2018)]
    [InlineData("令和元年度", 2019)]
    [InlineData("平成元年度", 1989)]
    [InlineData("令和６年度", 2024)]
    [InlineData("2024年度 第3回", 2024)]
    public void Fiscal_years_are_western_years(string text, int year) => Assert.Equal(year, JapaneseDates.FindFiscalYear(TextCleanup.FoldWidth(text)));

    [Theory]
    [InlineData("14時00分～15時00分", "14:00", "15:00")]
    [InlineData("午前10時8分～午前10時36分", "10:08", "10:36")]
    [InlineData("14:00 ~14:40", "14:00", "14:40")]
    [InlineData("14時～15時30分", "14:00", "15:30")]
    [InlineData("午後2時～4時", "14:00", "16:00")]
    [InlineData("午後1時30分から午後3時", "13:30", "15:00")]
    [InlineData("午前11時～午後1時", "11:00", "13:00")]
    [InlineData("14時半～16時", "14:30", "16:00")]
    [InlineData("正午～午後1時", "12:00", "13:00")]
    [InlineData("１４：００～１５：３０", "14:00", "15:30")]
    [InlineData("午前 10 時 8 分 ～ 午前 10 時 36 分", "10:08", "10:36")]
    [InlineData("18:30－20:00", "18:30", "20:00")]
    public void Time_ranges_are_hh_mm(string text, string start, string end)
    {
        var (s, e) = JapaneseDates.FindTimeRange(TextCleanup.FoldWidth(text));
        Assert.Equal(start, s);
        Assert.Equal(end, e);
    }

    [Fact]
    public void Times_are_read_after_the_date_not_from_it()
    {
        var text = "平成30年5月8日(火) 14時00分～15時00分";
        var date = JapaneseDates.FindDate(text)!.Value;
        Assert.Equal(("14:00", "15:00"), JapaneseDates.FindTimeRange(text, date.End));
    }

    [Theory]
    [InlineData("１０時開始　１５時４６分終了", "10:00", "15:46")]
    [InlineData("午後１時３０分開会、午後３時閉会", "13:30", "15:00")]
    public void A_start_and_an_end_each_named_by_its_word_are_a_range(string text, string start, string end)
    {
        // A committee's summary record writes its sitting so: before, the end time was lost (end-time-missing).
        var (s, e) = JapaneseDates.FindTimeRange(TextCleanup.FoldWidth(text));
        Assert.Equal(start, s);
        Assert.Equal(end, e);
    }

    [Fact]
    public void A_time_after_a_start_word_with_no_end_word_is_no_end()
    {
        // 午後２時開会　３時から説明会: the second time is not said to end the sitting.
        Assert.Equal(("14:00", (string?)null), JapaneseDates.FindTimeRange("午後2時開会　3時から説明会"));
    }

    [Fact]
    public void A_single_time_gives_only_the_start()
    {
        Assert.Equal(("14:00", (string?)null), JapaneseDates.FindTimeRange("午後2時開会"));
        Assert.Equal(((string?)null, (string?)null), JapaneseDates.FindTimeRange("時間未定"));
    }

    [Fact]
    public void Impossible_times_are_not_read() => Assert.Equal(((string?)null, (string?)null), JapaneseDates.FindTimeRange("25時70分～26時"));

    [Theory]
    [InlineData("令和6年第3回市会定例会 本会議 第12号 令和6年9月20日", "2024-09-20", "令和6年第3回市会定例会 本会議 第12号")]
    [InlineData("平成30年第1回定例会（第2号） 本文 2018-03-05", "2018-03-05", "平成30年第1回定例会（第2号） 本文")]
    public void A_title_line_ending_in_a_date_dates_the_minutes(string title, string expected, string named)
    {
        // The heading of a 会議録検索 system's page, with no 開催日時 field: before, date-missing and no 年度.
        var m = Doc.FromText(title + "\n◯議長(瀬尾達彦君) ただいまから本日の会議を開きます。\n");
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), m.Date);
        Assert.Equal(named, m.Title);
        Assert.DoesNotContain("月", m.Body ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(m.Warnings, w => w.Code == "date-missing");
    }

    [Fact]
    public void A_date_after_the_title_in_an_html_heading_dates_the_minutes_and_is_not_part_of_the_title()
    {
        // <h2>…会議録（第２号）　令和６年６月１１日</h2>: before, the title kept the date.
        var m = Doc.FromText(
            "<html><body><h2>令和６年第２回南沢市議会定例会会議録（第２号）　令和６年６月１１日</h2>"
            + "<p>○議長（瀬尾達彦君）　ただいまから本日の会議を開きます。</p></body></html>",
            "upload.html");
        Assert.Equal("令和6年第2回南沢市議会定例会会議録（第2号）", m.Title);
        Assert.Equal(new DateOnly(2024, 6, 11), m.Date);
        Assert.Equal("第2回定例会", m.Session);
    }

    [Theory]
    [InlineData("開会日時")]
    [InlineData("開会年月日")]
    [InlineData("会議日時")]
    [InlineData("開議日時")]
    public void A_committee_records_opening_date_label_is_the_date_and_the_header_goes_on(string label)
    {
        // 委員会記録 date the sitting by when it opened. Before, the line was no label: the header ended there, and the
        // disclosure below it was a procedure line (held as unknown).
        var m = Doc.FromText(string.Join("\n",
            "令和７年北浜区議会　総務委員会記録",
            label + "　令和７年６月１０日（火）午前１０時",
            "会議の公開・非公開　公開",
            "",
            "【大西委員長】　ただいまから委員会を開会します。"));
        Assert.Equal(new DateOnly(2025, 6, 10), m.Date);
        Assert.Equal("10:00", m.StartTime);
        Assert.Equal(Model.DisclosureState.Public, m.Disclosure.Meeting);
        Assert.Equal(["大西委員長"], Doc.Turns(m).Select(t => t.Speaker));
    }
}
