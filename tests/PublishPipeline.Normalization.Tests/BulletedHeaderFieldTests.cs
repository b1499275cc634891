using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// Ward committees mark each header field with a bullet that is never a speaker's (▽日　時, ■出席委員), wrap a long
/// attendee list onto an indented line, and list the secretariat by surname and office (松浦子ども・若者部長). Before, the
/// first bulleted line began the proceedings: the date, venue, rolls and disclosure were lost and the names left to the
/// dictionary. Names are invented.
/// </summary>
public class BulletedHeaderFieldTests
{
    private const string Triangles =
        "第2回みどり区子ども・子育て会議議事録\n"
        + "▽日　時　令和5年6月23日(金)午前9:30～\n"
        + "▽場　所　みどり区役所第1庁舎5階　庁議室\n"
        + "▽出席委員　川端(悦)会長、久住副会長、真柴委員、小沼委員、\n"
        + "　　　　　　岩舘委員、徳永委員\n"
        + "▽欠席委員　なし\n"
        + "▽事務局　松浦子ども・若者部長、嶋田子ども・若者支援課長、榊原保育課長\n"
        + "▽資　料　・資料1　子ども計画の策定に向けた検討スケジュールについて\n"
        + "午前9時30分開会\n"
        + "○嶋田子ども・若者支援課長　定刻になりましたので開会いたします。\n"
        + "○真柴委員　保育待機児童の状況について伺います。\n";

    private const string Squares =
        "第2回みどり区子ども・青少年協議会　会議録\n"
        + "■開催日時　令和5年12月26日(火)9時30分～11時36分\n"
        + "■開催場所　みどり区役所　区議会大会議室\n"
        + "■出席委員　榊原明美、林田大介、佐久間正幸、\n"
        + "　石黒基子、開田一博\n"
        + "■事務局　子ども・若者部長　松浦幸夫、児童相談所長　河端貴子\n"
        + "　子ども・若者支援課長　嶋田武則、児童課長　寺岡直樹\n"
        + "■会議公開の可否　公開\n"
        + "■傍聴人　1人\n"
        + "午前9時30分開会\n"
        + "○嶋田子ども・若者支援課長　それでは開会いたします。\n";

    [Fact]
    public void Bulleted_fields_give_the_date_venue_and_materials()
    {
        var m = Doc.FromText(Triangles);
        Assert.Equal(new DateOnly(2023, 6, 23), m.Date);
        Assert.Equal("みどり区役所第1庁舎5階　庁議室", m.Venue);
        Assert.Contains(m.Materials, x => x.Contains("検討スケジュール", StringComparison.Ordinal));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("事務局", StringComparison.Ordinal) || t.Speaker is "▽出席委員" or "▽事務局");
    }

    [Fact]
    public void An_attendee_list_wrapped_after_its_comma_goes_on_in_the_same_group()
    {
        var m = Doc.FromText(Triangles);
        var members = Assert.Single(m.Attendees, g => g.Group == "委員").Members;
        Assert.Contains("岩舘委員", members);
        Assert.Contains("徳永委員", members);
    }

    [Theory]
    [InlineData("午前10時開会")]
    [InlineData("【議事】")]
    [InlineData("1　開会")]
    [InlineData("○山路会長　ただいまから会議を開きます。")]
    public void A_stray_comma_after_the_list_does_not_take_the_proceedings_first_line(string first)
    {
        var m = Doc.FromText(
            "みどり区都市計画審議会会議録\n日時　令和5年5月10日(水)午前10時\n場所　みどり区役所　大会議室\n"
            + "出席委員　山路会長、日下部委員、\n" + first + "\n○山路会長　ただいまから会議を開きます。\n○日下部委員　質問します。\n");
        var members = Assert.Single(m.Attendees).Members;
        Assert.Equal(["山路会長", "日下部委員"], members);
    }

    [Fact]
    public void A_secretariat_of_surnames_before_offices_is_a_roll_with_each_surname_read()
    {
        var m = Doc.FromText(Triangles);
        var staff = Assert.Single(m.Rolls, r => r.Group == "事務局").Entries;
        Assert.Equal(["松浦", "嶋田", "榊原"], staff.Select(e => e.FamilyName));
        Assert.Equal("子ども・若者部長", staff[0].Role);
    }

    [Fact]
    public void An_indented_line_carries_on_the_secretariat_and_the_fields_below_are_read()
    {
        var m = Doc.FromText(Squares);
        Assert.Equal(new DateOnly(2023, 12, 26), m.Date);
        Assert.Equal("11:36", m.EndTime);
        Assert.Contains("開田一博", Assert.Single(m.Attendees, g => g.Group == "委員").Members);
        Assert.Equal(4, Assert.Single(m.Rolls, r => r.Group == "事務局").Entries.Count);
        Assert.Equal(DisclosureState.Public, m.Disclosure.Meeting);
    }

    [Theory]
    [InlineData("　開会　午後２時", "開会")]
    [InlineData("　委員長　ただいまから会議を開きます", "会議を開きます")]
    public void An_indented_first_line_of_the_proceedings_is_no_attendee(string first, string read)
    {
        // Before, any indented line of two words under an attendee list was read as more of it: a stage line or the
        // chair's first words became an attendee (and a roll entry), and left the proceedings.
        var m = Doc.FromText("第3回つばき区緑化審議会議事録\n日時　令和6年5月10日(金)午後2時～\n出席者　委員　杉森会長、葛城委員\n"
            + "　事務局　緑化推進課長　蓬田亮介\n" + first + "\n○杉森会長　議題に入ります。\n");
        var staff = Assert.Single(m.Attendees, g => g.Group == "事務局").Members;
        Assert.Equal(["緑化推進課長　蓬田亮介"], staff);
        Assert.Contains(Doc.Turns(m), t => t.Text.Contains(read, StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_in_kana_before_a_members_dot_stays_its_own_member()
    {
        // A list may put ・ between its members, and a given name in kana before an office: before, the ・ was taken for
        // 子ども・若者's, the members were joined into one entry and the names it alone held were left unread.
        var m = Doc.FromText("第3回つばき区緑化審議会議事録\n日時　令和6年5月10日(金)午後2時～\n"
            + "出席委員　会長　杉森みどり・副会長　葛城ひろと\n欠席委員　蓬田かおり・真柴委員\n○杉森会長　開会します。\n");
        Assert.Equal(["会長　杉森みどり", "副会長　葛城ひろと"], Assert.Single(m.Attendees, g => g.Group == "委員").Members);
        Assert.Equal(["蓬田かおり", "真柴委員"], m.Attendees[^1].Members);
    }

    [Fact]
    public void A_secretariat_naming_some_posts_alone_is_still_a_roll()
    {
        // 北部地区担当課長 and 中央図書館長 name posts whose holders are not named: before, one such post made the whole list
        // 事務局's speech, and the surname before 保育課長 was published.
        var m = Doc.FromText("第3回つばき区緑化審議会議事録\n日時　令和6年5月10日(金)午後2時～\n出席委員　杉森会長、葛城委員\n"
            + "事務局　北部地区担当課長、中央図書館長、蓬田保育課長\n○杉森会長　開会します。\n");
        var staff = Assert.Single(m.Rolls, r => r.Group == "事務局").Entries;
        Assert.Equal([null, null, "蓬田"], staff.Select(e => e.FamilyName));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("保育課長", StringComparison.Ordinal));
    }

    [Fact]
    public void A_post_in_a_members_list_is_no_surname()
    {
        // 池袋保健所長 among the members' posts names a place; only a secretariat's list is read as surnames before offices.
        var m = Doc.FromText("第1回架空区協議会\n日時　令和5年6月1日\n出席者　委員　区長、池袋保健所長、総務部長\n○区長　開会します。\n");
        Assert.DoesNotContain(m.Rolls.SelectMany(r => r.Entries), e => e.FamilyName == "池袋");
    }
}
