using PublishPipeline.Normalization.People;

namespace PublishPipeline.Normalization.Tests;

/// <summary>Speaker labels into role, name, surname, given name and seat, in the forms real minutes write them (names replaced).</summary>
public class SpeakerLabelParserTests
{
    [Theory]
    // label, name, family, given, role, seat
    [InlineData("議長（鈴木一郎君）", "鈴木一郎", null, null, "議長", null)]
    [InlineData("市長（迫　俊哉）", "迫俊哉", "迫", "俊哉", "市長", null)]
    [InlineData("８番（石原和子君）", "石原和子", null, null, "議員", "8")]
    [InlineData("第10番（小林英雄）", "小林英雄", null, null, "議員", "10")]
    [InlineData("（野々上　愛議員）", "野々上愛", "野々上", "愛", "議員", null)]
    [InlineData("議員（小貫　元）", "小貫元", "小貫", "元", "議員", null)]
    [InlineData("総務課長（横川宗幸）", "横川宗幸", null, null, "総務課長", null)]
    [InlineData("大西由紀さん", "大西由紀", null, null, null, null)]
    [InlineData("市長山田太郎君", "山田太郎", null, null, "市長", null)]
    [InlineData("総務部長佐藤一郎君", "佐藤一郎", null, null, "総務部長", null)]
    [InlineData("長谷川一郎君", "長谷川一郎", null, null, null, null)]
    [InlineData("佐藤参考人", "佐藤", "佐藤", null, "参考人", null)]
    [InlineData("24番鈴木次郎議員", "鈴木次郎", null, null, "議員", "24")]
    [InlineData("川口委員長", "川口", "川口", null, "委員長", null)]
    [InlineData("森委員", "森", "森", null, "委員", null)]
    [InlineData("柴田教育長", "柴田", "柴田", null, "教育長", null)]
    [InlineData("谷口生活環境部長", "谷口", "谷口", null, "生活環境部長", null)]
    [InlineData("伊藤土木部長", "伊藤", "伊藤", null, "土木部長", null)]
    [InlineData("河合警察本部長", "河合", "河合", null, "警察本部長", null)]
    [InlineData("服部防災・危機管理部長", "服部", "服部", null, "防災・危機管理部長", null)]
    [InlineData("福永教育委員会教育部学校教育室学校教育課長", "福永", "福永", null, "教育委員会教育部学校教育室学校教育課長", null)]
    [InlineData("齊藤副区長", "齊藤", "齊藤", null, "副区長", null)]
    [InlineData("柴崎委員(会長)", "柴崎", "柴崎", null, "委員", null)]
    [InlineData("かとうぎ委員", "かとうぎ", null, null, "委員", null)]
    [InlineData("今泉　淳一議員", "今泉淳一", "今泉", "淳一", "議員", null)] // a spaced name, not 今泉 the 淳一議員
    [InlineData("高野　分科会委員長", "高野", "高野", null, "分科会委員長", null)]
    [InlineData("真壁由香里庶務係長", "真壁由香里", null, null, "庶務係長", null)] // the section word is the office's (before, 真壁由香里庶務 | 係長)
    [InlineData("長谷部千代子議事課長", "長谷部千代子", null, null, "議事課長", null)]
    public void Labels_with_a_name(string label, string name, string? family, string? given, string? role, string? seat)
    {
        var p = SpeakerLabelParser.Parse(label)!;
        Assert.Equal(label, p.Written);
        Assert.Equal(name, p.Name);
        if (family is not null)
        {
            Assert.Equal(family, p.FamilyName);
        }

        if (given is not null)
        {
            Assert.Equal(given, p.GivenName);
        }

        Assert.Equal(role, p.Role);
        Assert.Equal(seat, p.Number);
    }

    [Theory]
    [InlineData("議長")]
    [InlineData("副委員長")]
    [InlineData("理事")]
    [InlineData("部員")]
    [InlineData("本部長")]
    [InlineData("区側")]
    [InlineData("事務局")]
    [InlineData("各委員")]
    [InlineData("政策経営部長")]
    [InlineData("情報公開課長")]
    [InlineData("区教育委員会委員長")] // the 区's own board: 区教育 was read as a name and masked wherever the words stood
    [InlineData("市選挙管理委員会委員")]
    [InlineData("茨城県議会議長")]
    [InlineData("市議会議長")]
    [InlineData("議会運営委員長")]
    [InlineData("白馬村長")]
    [InlineData("副区長(本部長)")]
    [InlineData("行政経営課長(欠席)")]
    [InlineData("(情報公開課長)")]
    public void Offices_without_a_name(string label)
    {
        var p = SpeakerLabelParser.Parse(label)!;
        Assert.Null(p.Name);
        Assert.NotNull(p.Role);
    }

    [Theory]
    [InlineData("議事日程")]
    [InlineData("開会の宣告")]
    [InlineData("日程第１")]
    [InlineData("本日の会議に付した事件")]
    public void Headings_are_no_person(string label) => Assert.Null(SpeakerLabelParser.Parse(label));

    [Fact]
    public void The_documents_own_roll_splits_a_packed_label_where_the_lexicon_cannot()
    {
        var known = new KnownPeople();
        known.Add(new Model.PersonMention { Written = "財務部長　月　嶹　　真", Name = "月嶹真", FamilyName = "月嶹", GivenName = "真", Role = "財務部長" });
        var p = SpeakerLabelParser.Parse("月嶹財務部長", known)!;
        Assert.Equal(("月嶹", "財務部長"), (p.Name, p.Role));
        var full = SpeakerLabelParser.Parse("議長（月嶹真君）", known)!;
        Assert.Equal(("月嶹", "真"), (full.FamilyName, full.GivenName));
    }

    [Theory]
    [InlineData("山田市長", "山田", "市長")]
    [InlineData("大槻町長", "大槻", "町長")]
    [InlineData("白馬村長", null, "白馬村長")]
    [InlineData("横浜市長", null, "横浜市長")]
    public void In_a_document_with_its_own_place_a_surname_before_a_municipal_head_is_the_heads_name(string label, string? name, string role)
    {
        // 【山田市長】 in 白馬村's minutes: 山田 is a place too, but the document's own municipality is 白馬, so 山田 is the mayor.
        var known = new KnownPeople();
        known.AddPlace("白馬村");
        known.AddPlace("白馬");
        var p = SpeakerLabelParser.Parse(label, known)!;
        Assert.Equal((name, role), (p.Name, p.Role));
    }

    [Fact]
    public void A_word_before_a_known_office_is_no_name()
    {
        var known = new KnownPeople();
        known.Add(new Model.PersonMention { Written = "１番　山田太郎", Name = "山田太郎", Role = "議員" });
        Assert.Null(SpeakerLabelParser.Parse("署名議員", known)!.Name);
        Assert.Equal("鈴木", SpeakerLabelParser.Parse("鈴木議員", known)!.Name);
    }

    [Fact]
    public void A_place_the_document_is_about_is_no_name_before_an_office()
    {
        var known = new KnownPeople();
        known.AddPlace("練馬");
        Assert.Null(SpeakerLabelParser.Parse("練馬子ども家庭支援センター所長", known)!.Name);
    }

    [Theory]
    // written name, family, given: fixed-width rolls put the surname in the first half of the field
    [InlineData("入　　江　　啓　　太", "入江", "啓太")]
    [InlineData("石　　﨑　　　　　徹", "石﨑", "徹")]
    [InlineData("森　　　　　秀　　樹", "森", "秀樹")]
    [InlineData("北　　野　　誠 一 郎", "北野", "誠一郎")]
    [InlineData("野 々 村　　正　　信", "野々村", "正信")]
    [InlineData("田　村　規　子", "田村", "規子")]
    [InlineData("岡　井　寿美代", "岡井", "寿美代")]
    [InlineData("野々上　　　愛", "野々上", "愛")]
    [InlineData("岡　　　糸　恵", "岡", "糸恵")]
    [InlineData("迫川　高行", "迫川", "高行")]
    [InlineData("藤森　　誠", "藤森", "誠")]
    public void Spaced_names_split_where_the_layout_separates_them(string written, string family, string given)
    {
        var parts = WrittenName.Read(written);
        Assert.Equal(family + given, parts.Name);
        Assert.Equal((family, given), (parts.FamilyName, parts.GivenName));
    }

    [Fact]
    public void Evenly_spaced_odd_names_are_not_guessed()
    {
        var parts = WrittenName.Read("山　田　太");
        Assert.Equal("山田太", parts.Name);
        Assert.Null(parts.GivenName);
    }
}
