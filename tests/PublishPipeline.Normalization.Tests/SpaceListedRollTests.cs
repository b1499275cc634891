namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A city's 委員会記録 lists its members one space apart after the numbered heading, the chair and vice-chair marked ◎ and ○
/// (<c>1.出席委員 ◎山根昌子 ○肥田茂男 佐久間真和</c>, wrapped, the last line ending <c>…各委員</c>), and its staff as a name before the
/// office (<c>1.事務局員 榎田雅朝局長心得 南田和彦次長</c>). Before, the heading's line was dropped with its names (held for the
/// wrapped line only) and the staff's line was not a roll. Names are invented.
/// </summary>
public class SpaceListedRollTests
{
    private const string Text = """
        建設委員会記録(第3回)
        1.日 時 令和6年11月20日(水) 午前10時~午前11時
        1.出席委員 ◎森下敬三 ○堀内早苗 戸倉勇作
        早瀬亮介 長谷川朋美各委員
        1.事務局員 浜岡翔議事係長 西畑潤調査係長 小倉敦庶務係長
        午前10時開会
        ◎森下委員長 ただいまより開会いたします。
        """;

    [Fact]
    public void Marked_names_one_space_apart_are_the_members()
    {
        var m = Doc.FromText(Text);
        var members = m.Rolls.Single(r => r.Group == "出席委員").Entries;
        Assert.Equal(["森下敬三", "堀内早苗", "戸倉勇作", "早瀬亮介", "長谷川朋美"], members.Select(e => e.Name));
    }

    [Fact]
    public void Names_before_their_offices_are_the_staff()
    {
        var m = Doc.FromText(Text);
        var staff = m.Rolls.Single(r => r.Group == "事務局員").Entries;
        Assert.Equal(["浜岡翔議事係長", "西畑潤調査係長", "小倉敦庶務係長"], staff.Select(e => e.Written));
        Assert.Equal(["浜岡翔", "西畑潤", "小倉敦"], staff.Select(e => e.Name));
        Assert.Equal(["議事係長", "調査係長", "庶務係長"], staff.Select(e => e.Role));
    }

    [Fact]
    public void A_staff_line_wrapped_under_the_list_is_its_last_entry()
    {
        var m = Doc.FromText("""
            建設委員会記録(第3回)
            1.日 時 令和6年11月20日(水) 午前10時~午前11時
            1.事務局員 浜岡翔議事係長 西畑潤調査係長 小倉敦主査
            宮脇礼子庶務係長
            1.議 題 1.所管事務調査事項
            午前10時開会
            ◎森下委員長 ただいまより開会いたします。
            """);
        var staff = m.Rolls.Single(r => r.Group == "事務局員").Entries;
        Assert.Equal(["浜岡翔", "西畑潤", "小倉敦", "宮脇礼子"], staff.Select(e => e.Name));
        Assert.DoesNotContain(m.Sections.SelectMany(s => s.Turns), t => t.Speaker == "宮脇礼子庶務係長");
        Assert.DoesNotContain(m.Warnings, w => w.Code == "label-without-speech");
    }

    [Fact]
    public void An_acting_office_keeps_its_note()
    {
        var m = Doc.FromText("""
            建設委員会記録(第3回)
            1.日 時 令和6年11月20日(水) 午前10時~午前11時
            1.事務局員 浜岡翔局長心得 西畑潤調査係長 小倉敦庶務係長
            午前10時開会
            ◎森下委員長 ただいまより開会いたします。
            """);
        var acting = m.Rolls.Single(r => r.Group == "事務局員").Entries[0];
        Assert.Equal(("浜岡翔", "局長心得"), (acting.Name, acting.Role));
    }

    [Fact]
    public void A_surname_that_is_a_common_word_still_stands_before_its_office()
    {
        // 南田 is a word of the lexicon: the parser started an office there and the entry was held unread.
        var m = Doc.FromText("""
            建設委員会記録(第3回)
            1.日 時 令和6年11月20日(水) 午前10時~午前11時
            1.事務局員 浜岡翔局長 南田昌平次長 小倉敦庶務係長
            午前10時開会
            ◎森下委員長 ただいまより開会いたします。
            """);
        var deputy = m.Rolls.Single(r => r.Group == "事務局員").Entries[1];
        Assert.Equal(("南田昌平", "次長"), (deputy.Name, deputy.Role));
    }

    [Fact]
    public void A_five_character_name_before_a_section_office_leaves_the_section_in_the_office()
    {
        // Before, 真壁由香里庶務 was the name and 係長 the office.
        var m = Doc.FromText("""
            建設委員会記録(第3回)
            1.日 時 令和6年11月20日(水) 午前10時~午前11時
            1.事務局員 浜岡翔議事係長 西畑潤調査係長 小倉敦主査
            真壁由香里庶務係長
            午前10時開会
            ◎森下委員長 ただいまより開会いたします。
            """);
        var last = m.Rolls.Single(r => r.Group == "事務局員").Entries[^1];
        Assert.Equal(("真壁由香里", "庶務係長"), (last.Name, last.Role));
    }

    [Fact]
    public void A_name_typed_apart_is_not_two_entries()
    {
        var m = Doc.FromText("""
            建設委員会記録(第3回)
            1.日 時 令和6年11月20日(水) 午前10時
            1.出席委員 森下 敬三
            ◎森下委員長 ただいまより開会いたします。
            """);
        Assert.DoesNotContain(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "敬三");
    }
}
