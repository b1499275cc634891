namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A ward council committee's 会議録 (…会議録第二十号, its number in kanji) sets its rolls in an office column and a name
/// column: the members after 副委員長 are names alone in the name column (often partly in hiragana), and the staff are
/// grouped under their department alone in the office column. Before, the first bare name closed the roll and the names
/// were published as text, the department did the same to the staff below it, and the date under the title was not read.
/// Names are invented.
/// </summary>
public class NameColumnRollTests
{
    private const string Text = """
        令和4年12月　文教常任委員会
        あおば区議会文教常任委員会会議録第十八号
        令和四年十一月二十九日(火曜日)
         場　所　第二会議室
         出席委員(四名)
           委員長　　　　　　水嶋透
           副委員長　　　　　沢口まさき
        　　　　　　　　　　 柏原ゆうじ
        　　　　　　　　　　 みなせ陽菜
         出席説明員
           副区長　　　　　　堀之内誠
          教育総務部
           部長　　　　　　　宇田川 悟
           学務課長　　　　　新居浜広志
            午前十時開議
        ◎水嶋透 委員長　ただいまから文教常任委員会を開会いたします。
        ◆柏原ゆうじ 委員　伺います。
        """;

    [Fact]
    public void Names_alone_in_the_name_column_are_the_rolls_members()
    {
        var m = Doc.FromText(Text);
        Assert.Equal(["水嶋透", "沢口まさき", "柏原ゆうじ", "みなせ陽菜"], m.Rolls.Single(r => r.Group == "出席委員").Entries.Select(e => e.Name));
        Assert.DoesNotContain(m.Sections.SelectMany(s => s.Turns), t => t.Text.Contains("みなせ陽菜", StringComparison.Ordinal));
    }

    [Fact]
    public void A_department_over_its_offices_leaves_the_roll_open()
    {
        var m = Doc.FromText(Text);
        Assert.Equal(["堀之内誠", "宇田川悟", "新居浜広志"], m.Rolls.Single(r => r.Group == "出席説明員").Entries.Select(e => e.Name));
        Assert.DoesNotContain(m.Sections.SelectMany(s => s.Turns), t => t.Text.Contains("教育総務部", StringComparison.Ordinal));
    }

    [Fact]
    public void The_date_under_a_title_numbered_in_kanji_is_read()
    {
        var m = Doc.FromText(Text);
        Assert.Equal(new DateOnly(2022, 11, 29), m.Date);
        Assert.Equal("第二会議室", m.Venue);
    }

    [Fact]
    public void An_office_alone_under_the_names_is_no_member()
    {
        var m = Doc.FromText(Text.Replace("　　　　　　　　　　 みなせ陽菜", "　　　　　　　　　　 教育推進室長", StringComparison.Ordinal));
        Assert.DoesNotContain(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "教育推進室長");
    }
}
