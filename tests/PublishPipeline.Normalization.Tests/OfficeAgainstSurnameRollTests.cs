using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A metropolitan assembly's 速記録 lists its members and officials with the office written against the surname and a space
/// before the given name (<c>委員長野口 有信君</c>, <c>交通局長山手  斉君</c>). Before, the office was read as part of the surname
/// (<c>委員長野口</c>), so the register held no 野口, and the surnames and given names were published where they stood alone.
/// Names are invented.
/// </summary>
public class OfficeAgainstSurnameRollTests
{
    internal const string Text = """
        議会運営委員会速記録第六号

        令和六年二月十五日(木曜日)
           午前十一時三分開議
         出席委員 五名
        委員長野口 有信君
        副委員長新井 義彦君
        理事相田  博君
        秋山 一郎君
        委員長　山田　太郎君

         欠席委員 一名

        議長川村 忠一君

        本日の会議に付した事件
        議員の辞職について

        ○野口委員長 ただいまから議会運営委員会を開会いたします。
        ○相田理事 新井副委員長に伺います。有信さんも了解しています。
        """;

    [Fact]
    public void The_office_against_the_surname_is_the_entry_s_role()
    {
        var m = Doc.FromText(Text);
        var members = m.Rolls.Single(r => r.Group == "出席委員").Entries;
        Assert.Equal(["委員長", "副委員長", "理事", null, "委員長"], members.Select(e => e.Role));
        Assert.Equal(["野口", "新井", "相田", "秋山", "山田"], members.Select(e => e.FamilyName));
        Assert.Equal(["有信", "義彦", "博", "一郎", "太郎"], members.Select(e => e.GivenName));
        var absent = Assert.Single(m.Rolls.Single(r => r.Group == "欠席委員").Entries);
        Assert.Equal(("議長", "川村忠一"), (absent.Role, absent.Name));
    }

    [Fact]
    public void The_agenda_s_heading_under_the_last_entry_closes_the_roll()
    {
        // Before, 本日の会議に付した事件 and the items below it ran on into 議長川村's office.
        var m = Doc.FromText(Text);
        Assert.Equal("議長川村 忠一君", m.Rolls.Single(r => r.Group == "欠席委員").Entries[0].Written);
    }
    [Fact]
    public void An_official_s_long_office_with_a_second_post_is_the_role()
    {
        var m = Doc.FromText("""
            公営企業委員会速記録第五号
            令和六年五月二十九日(水曜日)
            出席説明員
            交通局局長山内  斉君
            企画担当部長オリンピック・パラリンピック調整担当部長兼務牧田 和宏君
            技監田沼 聡志君
            調整部長金田 弘文君

            ○山内交通局長 御報告申し上げます。
            """);
        var officials = m.Rolls.Single(r => r.Group == "出席説明員").Entries;
        Assert.Equal(["山内", "牧田", "田沼", "金田"], officials.Select(e => e.FamilyName));
        Assert.Equal(["交通局局長", "企画担当部長オリンピック・パラリンピック調整担当部長兼務", "技監", "調整部長"], officials.Select(e => e.Role));
    }

    [Fact]
    public void A_vice_chair_s_office_is_not_cut_before_its_title_ends()
    {
        // 副委員 ends in the title 委員 but is no office: before, 副委員長谷川 was read 副委員 + 長谷川, so the register held
        // 長谷川 and the member's surname 谷川 was published where it stood alone (谷川副委員長).
        var m = Doc.FromText("""
            厚生委員会速記録第三号
            令和六年三月五日(火曜日)
             出席委員 三名
            委員長野口 有信君
            副委員長谷川 貞夫君
            理事長田 久君

            ○野口委員長 ただいまから厚生委員会を開会いたします。
            """);
        var members = m.Rolls.Single(r => r.Group == "出席委員").Entries;
        Assert.Equal(["委員長", "副委員長", "理事"], members.Select(e => e.Role));
        Assert.Equal(["野口", "谷川", "長田"], members.Select(e => e.FamilyName));
    }
}
