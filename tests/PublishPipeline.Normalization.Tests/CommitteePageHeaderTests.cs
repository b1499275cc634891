using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A city council's 委員会 page: the year's title over <c>第6回委員会 (8月18日)</c>, the members with half-width commas, the
/// officials under <c>市執行部 【財務部】</c>, and speakers written with the closing bracket only (<c>浜岡委員長)ただ今から…</c>).
/// Before, the sitting's line ended the header (no date, the rolls were speeches) and every speech ran into one turn.
/// Names are invented.
/// </summary>
public class CommitteePageHeaderTests
{
    internal const string Text = """
        令和6年度 建設委員会
         第3回委員会 (2月9日)
        出席委員 浜岡翔委員長,西畑潤副委員長,小倉敦委員
        市執行部 【建設部】
         建設部長 戸倉勇作,道路課長 早瀬 亮

        浜岡委員長)ただ今から,建設委員会を開会いたします。
         本日の議題は,お手元の資料のとおりであります。

        建設部長)それでは,道路整備の状況についてご説明いたします。

        小倉委員)予定どおり進んでいるのか。

        道路課長)計画どおりです。
        """;

    [Fact]
    public void The_sitting_s_day_under_the_year_s_title_dates_the_minutes()
    {
        // 2月 of 令和6年度 is in 2025.
        var m = Doc.FromText(Text);
        Assert.Equal(new DateOnly(2025, 2, 9), m.Date);
        Assert.Equal("第3回", m.Session);
    }

    [Fact]
    public void Without_a_year_in_the_title_the_day_dates_nothing()
    {
        var m = Doc.FromText(Text.Replace("令和6年度 建設委員会", "建設委員会", StringComparison.Ordinal));
        Assert.Null(m.Date);
        Assert.Equal("第3回", m.Session);
        Assert.Contains(m.Rolls, r => r.Group == "市執行部");
    }

    [Fact]
    public void The_officials_under_the_executive_s_heading_are_a_roll()
    {
        var m = Doc.FromText(Text);
        var officials = m.Rolls.Single(r => r.Group == "市執行部").Entries;
        Assert.Equal(["建設部長", "道路課長"], officials.Select(e => e.Role));
        Assert.Equal(["戸倉勇作", "早瀬亮"], officials.Select(e => e.Name));
    }

    [Fact]
    public void The_secretariat_s_office_and_its_holder_in_brackets_are_a_roll_not_a_speech()
    {
        // 議会事務局 庶務議事課主任(…) under the officials: before, a speech of 議会事務局 (the name masked in it).
        var m = Doc.FromText(Text.Replace(" 建設部長 戸倉勇作,道路課長 早瀬 亮\n", " 建設部長 戸倉勇作,道路課長 早瀬 亮\n議会事務局 庶務議事課主任(宮脇礼子)\n", StringComparison.Ordinal));
        var staff = Assert.Single(m.Rolls.Single(r => r.Group == "議会事務局").Entries);
        Assert.Equal(("宮脇礼子", "庶務議事課主任"), (staff.Name, staff.Role));
        Assert.DoesNotContain(m.Sections.SelectMany(s => s.Turns), t => t.Text.Contains("宮脇礼子", StringComparison.Ordinal));
    }

    [Fact]
    public void A_label_closed_by_its_bracket_alone_starts_a_turn()
    {
        var m = Doc.FromText(Text);
        var turns = m.Sections.SelectMany(s => s.Turns).Where(t => t.Kind == TurnKind.Speech).ToList();
        Assert.Equal(["浜岡委員長", "建設部長", "小倉委員", "道路課長"], turns.Select(t => t.Speaker));
        Assert.StartsWith("ただ今から", turns[0].Text, StringComparison.Ordinal);
        Assert.Equal("計画どおりです。", turns[3].Text);
    }

    [Fact]
    public void A_bracket_closed_at_the_start_of_a_cut_sentence_is_no_label()
    {
        // The bracket the line above opened, closed on the next: text of the speech.
        var m = Doc.FromText("""
            令和6年度 建設委員会
             第3回委員会 (5月9日)

            浜岡委員長)説明は担当の（建設
            部長)からお願いします。
            """);
        var turn = Assert.Single(m.Sections.SelectMany(s => s.Turns), t => t.Kind == TurnKind.Speech);
        Assert.Equal("浜岡委員長", turn.Speaker);
        Assert.Contains("部長)から", turn.Text, StringComparison.Ordinal);
    }
}
