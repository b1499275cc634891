using PublishPipeline.Model;
using PublishPipeline.Normalization.Rolls;

namespace PublishPipeline.Normalization.Tests;

/// <summary>Rolls as assemblies print them, from real lines (shortened; names replaced), read into the document's people.</summary>
public class RollTests
{
    private static Minutes Read(params string[] lines) => Doc.FromText(string.Join("\n", lines) + "\n○議長（今田大介君）　開会します。\n");

    [Fact]
    public void Numbered_members_with_a_space_between_every_character()
    {
        var m = Read(
            "会議録",
            "〇出席議員（３名）",
            "　　　　　　　　　　　　１番　　　入　　江　　啓　　太",
            "　　　　　　　　　　　　５番　　　石　　﨑　　　　　徹",
            "　　　　　　　　　　　１９番　　　北　　野　　誠 一 郎",
            "　　　　…………………………………………………………………………………",
            "〇欠席議員（０名）",
            "　　　　　　　　　　　な　　　　　し");
        Assert.Equal(["出席議員", "欠席議員"], m.Rolls.Select(r => r.Group));
        var members = m.Rolls[0].Entries;
        Assert.Equal(["1", "5", "19"], members.Select(e => e.Number));
        Assert.Equal(["入江啓太", "石﨑徹", "北野誠一郎"], members.Select(e => e.Name));
        Assert.Equal(["入江", "石﨑", "北野"], members.Select(e => e.FamilyName));
        Assert.Equal(["啓太", "徹", "誠一郎"], members.Select(e => e.GivenName));
        Assert.All(members, e => Assert.Equal("議員", e.Role));
        Assert.Equal("1番　　　入　　江　　啓　　太", members[0].Written);
        Assert.Empty(m.Rolls[1].Entries);
        Assert.DoesNotContain(m.Warnings, w => w.Code == "roll-count");
    }

    [Fact]
    public void A_committees_explainers_under_説明者_are_a_roll_not_speeches()
    {
        // Committee minutes head the officials who answer with 説明者; each line is an office and a name.
        var m = Read(
            "会議録",
            "説明者",
            "　　総務部長　　真鍋　隆之",
            "　　総務課長　　柏木　由香");
        var roll = Assert.Single(m.Rolls);
        Assert.Equal("説明者", roll.Group);
        Assert.Equal([("総務部長", "真鍋隆之"), ("総務課長", "柏木由香")], roll.Entries.Select(e => (e.Role, e.Name)));
    }

    [Fact]
    public void Two_office_less_names_in_columns_after_one_spaced_office_are_two_entries()
    {
        // ３　出席者 over 委　員　　大西　勇　　　　小田切　洋子: a wide gap between the columns, each a full name.
        // Before, one entry named 大西勇小田切洋子. The gap inside a spaced name (山　田　　　太　郎) does not split it.
        var m = Read(
            "会議録",
            "３　出席者",
            "　　委　員　　沖野　勇　　　　久留島　洋子",
            "　　委　員　　山　田　　　　太　郎");
        var roll = Assert.Single(m.Rolls);
        Assert.Equal([("委員", "沖野勇"), ("委員", "久留島洋子"), ("委員", "山田太郎")], roll.Entries.Select(e => (e.Role, e.Name)));
    }

    [Fact]
    public void Three_names_in_columns_apart_by_two_full_width_spaces_are_three_entries()
    {
        // Columns padded to the longest name: the gap after a four-character name is two spaces, after a
        // three-character one three. Before, the last two were one entry (久留島洋子辺見太郎) and the minutes held.
        var m = Read(
            "会議録",
            "３　出席委員（４名）",
            "　委員　　沖野　誠　　　久留島　洋子　　辺見　太郎",
            "　委員　　山　田　　太　郎");
        var roll = Assert.Single(m.Rolls);
        Assert.Equal([("委員", "沖野誠"), ("委員", "久留島洋子"), ("委員", "辺見太郎"), ("委員", "山田太郎")], roll.Entries.Select(e => (e.Role, e.Name)));
        Assert.DoesNotContain(m.Warnings, w => w.Code is "name-unread" or "roll-count");
    }

    [Fact]
    public void A_roll_heading_numbered_as_a_header_item_opens_the_roll()
    {
        // Committee minutes number their header items: ３　出席者, ４　説明者.
        var m = Read(
            "会議録",
            "４　説明者",
            "　　総務部長　　真鍋　隆之",
            "　　総務課長　　柏木　由香");
        var roll = Assert.Single(m.Rolls);
        Assert.Equal("説明者", roll.Group);
        Assert.Equal(["真鍋隆之", "柏木由香"], roll.Entries.Select(e => e.Name));
    }

    [Fact]
    public void A_repeat_mark_at_the_start_of_a_line_takes_the_role_of_the_entry_above_it()
    {
        // 〃 ("ditto") under an office means the same office; rolls print one entry per line or in
        // columns, so "above" is the entry above in the same column, on an earlier line.
        var m = Read(
            "会議録",
            "〇説明のため出席した者",
            "　　課長　　　浅　野　正　人　　　　　　主査　　　森　川　由　紀",
            "　　〃　　　　木　下　一　也　　　　　　〃　　　　平　田　恵　子",
            "　　〃　　　　宮　本　雄　二");
        var officials = m.Rolls[0].Entries;
        Assert.Equal(
            [("課長", "浅野正人"), ("主査", "森川由紀"), ("課長", "木下一也"), ("主査", "平田恵子"), ("課長", "宮本雄二")],
            officials.Select(e => (e.Role, e.Name)));
    }

    [Fact]
    public void A_repeat_mark_in_a_later_column_takes_the_role_above_it_not_the_one_beside_it()
    {
        // 係長 beside 〃 is another column's office: the mark stands for 主査 above it. Without a
        // column above, a mark in running text stands for the entry before it (委員 … 〃).
        var m = Read(
            "会議録",
            "〇説明のため出席した者",
            "　　課長　　　浅　野　正　人　　　　　　主査　　　森　川　由　紀",
            "　　係長　　　木　下　一　也　　　　　　〃　　　　平　田　恵　子",
            "〇出席委員",
            "　　委員　山田太郎　〃　佐藤花子");
        Assert.Equal(
            [("課長", "浅野正人"), ("主査", "森川由紀"), ("係長", "木下一也"), ("主査", "平田恵子")],
            m.Rolls[0].Entries.Select(e => (e.Role, e.Name)));
        Assert.Equal([("委員", "山田太郎"), ("委員", "佐藤花子")], m.Rolls[1].Entries.Select(e => (e.Role, e.Name)));
    }

    [Theory]
    [InlineData(' ')]
    [InlineData('\u3000')]
    public void Spaced_headings_and_two_columns_of_members_with_kun_after_the_name(char space)
    {
        // The layout many assemblies' published text uses: a heading typed with a space between its
        // characters and the count in parentheses, offices spaced out, names padded to width, 君.
        string L(string line) => line.Replace(' ', space);
        var m = Read(
            L("        令和６年第２回架空市議会臨時会会議録"),
            L("出 席 議 員(6人)"),
            L("  議 長  西 條   廣 君          副議長  伊 藤 明 彦 君"),
            L("  1 番  菅 原   悟 君          2 番  松 田 信 之 君"),
            L("  16番  菅 野 日出男 君          17番  小 松   眞 君"),
            L("欠 席 議 員(0人)"),
            L("説明のため出席した者"),
            L("  市     長  中 里 長 門 君      副  市  長  戸 羽   太 君"),
            L("  会 計 管 理 者  境 田 ケイ子 君      企 画 部 長  藤 井 けい子 君"));
        Assert.Equal(["出席議員", "欠席議員", "説明のため出席した者"], m.Rolls.Select(r => r.Group));
        Assert.Equal(
            [("議長", "西條廣"), ("副議長", "伊藤明彦"), ("議員", "菅原悟"), ("議員", "松田信之"), ("議員", "菅野日出男"), ("議員", "小松眞")],
            m.Rolls[0].Entries.Select(e => (e.Role, e.Name)));
        Assert.Equal(["1", "2", "16", "17"], m.Rolls[0].Entries.Skip(2).Select(e => e.Number));
        Assert.Empty(m.Rolls[1].Entries);
        Assert.Equal(
            [("市長", "中里長門"), ("副市長", "戸羽太"), ("会計管理者", "境田ケイ子"), ("企画部長", "藤井けい子")],
            m.Rolls[2].Entries.Select(e => (e.Role, e.Name)));
        Assert.DoesNotContain(m.Warnings, w => w.Code == "roll-count");
    }

    [Fact]
    public void A_table_under_a_roll_heading_is_the_roll_not_the_proceedings()
    {
        // A saved page or a tab table: 出席議員（４名） in a paragraph, its members in the rows below.
        // Before, the first row (１番 …) looked like a speaker and the rows became published speeches.
        var m = new Doc().P("令和６年第１回架空町議会定例会会議録").P("出席議員（４名）")
            .Row("１番", "川端　宏明", "２番", "迫川　高行").Row("３番", "野々上　愛", "４番", "角　芳春")
            .P("説明のため出席した者").Row("町長", "濱田　剛史").Row("総務課長", "乾　博")
            .P("○議長（川端宏明君）　開会します。").Normalize();
        Assert.Equal(["出席議員", "説明のため出席した者"], m.Rolls.Select(r => r.Group));
        Assert.Equal(
            [("議員", "川端宏明"), ("議員", "迫川高行"), ("議員", "野々上愛"), ("議員", "角芳春")],
            m.Rolls[0].Entries.Select(e => (e.Role, e.Name)));
        Assert.Equal(["1", "2", "3", "4"], m.Rolls[0].Entries.Select(e => e.Number));
        Assert.Equal([("町長", "濱田剛史"), ("総務課長", "乾博")], m.Rolls[1].Entries.Select(e => (e.Role, e.Name)));
        Assert.Equal(["議長（川端宏明君）"], Doc.Turns(m).Select(t => t.Speaker));
        Assert.DoesNotContain(m.Warnings, w => w.Code == "roll-count");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_roll_under_a_markdown_heading_with_a_table_or_a_list(bool proceedingsStartedEarly)
    {
        // ## 出席議員（２名） over | 番号 | 氏名 | and ## 説明のため出席した者 over a list: before, the
        // heading started a section, and its rows and items were published as text and speeches.
        var doc = new Doc().H(1, "令和６年第１回架空町議会定例会会議録").P("開催日時　令和６年３月１日（金）午前１０時");
        if (proceedingsStartedEarly)
        {
            doc.P("本日の会議に先立ち、報告します。");
        }

        var m = doc.H(2, "出席議員（２名）").Row("番号", "氏名").Row("１番", "川端　宏明").Row("２番", "迫川　高行")
            .H(2, "説明のため出席した者").Li("町長　濱田　剛史").Li("総務課長　乾　博")
            .H(2, "審議経過").P("○議長（川端宏明君）　開会します。").Normalize();
        Assert.Equal(["出席議員", "説明のため出席した者"], m.Rolls.Select(r => r.Group));
        Assert.Equal([("議員", "川端宏明"), ("議員", "迫川高行")], m.Rolls[0].Entries.Select(e => (e.Role, e.Name)));
        Assert.Equal([("町長", "濱田剛史"), ("総務課長", "乾博")], m.Rolls[1].Entries.Select(e => (e.Role, e.Name)));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("迫川", StringComparison.Ordinal) || t.Text.Contains("濱田", StringComparison.Ordinal));
    }

    [Fact]
    public void A_roll_line_whose_spacing_was_lost_is_held_not_guessed()
    {
        // Text copied from a page that collapsed its spaces: office and name evenly apart. Read when
        // only one split makes sense; else the line stays in the roll without a name and the document is held.
        var m = Read(
            "架空市議会総務文教委員会会議録",
            "〇説明のため出席した者",
            "副 市 長 清 水 幸 雄",
            "企 画 調 整 課 長 金 井 薫 平",
            "〇事務局職員出席者",
            "事 務 局 長 田 伏 智");
        Assert.Equal(["説明のため出席した者", "事務局職員出席者"], m.Rolls.Select(r => r.Group));

        // Only one split of 副市長清水幸雄 is an office and a name; 企画調整課 or 企画調整課長, 事務局 or 事務局長 are two.
        Assert.Equal([("副市長", "清水幸雄"), (null, null), (null, null)], m.Rolls.SelectMany(r => r.Entries).Select(e => (e.Role, e.Name)));
        Assert.Equal([4, 6], m.Warnings.Where(w => w.Code == UnreadEntry.WarningCode).Select(w => w.Line));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("清水", StringComparison.Ordinal) || t.Text.Contains("金井", StringComparison.Ordinal));
    }

    [Fact]
    public void A_roll_whose_lines_ran_together_is_held_not_published()
    {
        // The roll's lines were joined into one paragraph and part of their spacing lost: where one entry ends and
        // the next begins cannot be told. Before, the line closed the roll and its names were published as text.
        var m = Read(
            "架空町議会会議録",
            "説明のため出席した者",
            "　町      長  栗 原   悠斗宮坂千尋葛西信吾総 務 課 長  水野玲奈教 育 長  堀　 信吾");
        var warning = Assert.Single(m.Warnings, w => w.Code == UnreadEntry.WarningCode);
        Assert.Equal(3, warning.Line);
        Assert.DoesNotContain("宮坂", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("宮坂", StringComparison.Ordinal) || t.Text.Contains("水野", StringComparison.Ordinal));

        // An office and one name is an entry as before; a heading with no space after a roll closes it.
        var read = Read("架空町議会会議録", "説明のため出席した者", "　町      長  栗 原   悠斗", "町長提案理由説明");
        Assert.Equal([("町長", "栗原悠斗")], read.Rolls[0].Entries.Select(e => (e.Role, e.Name)));
        Assert.DoesNotContain(read.Warnings, w => w.Code == UnreadEntry.WarningCode);
    }

    [Theory]
    [InlineData("町長水野玲奈副町長小田切誠総務課長戸川美帆")]
    [InlineData("　町長　水野玲奈副町長　小田切誠総務課長　戸川美帆")]
    [InlineData("　戸 川 美帆水野玲奈小田切 誠")]
    public void A_roll_whose_lines_ran_together_without_their_spacing_is_held(string joined)
    {
        // All spacing lost, only the space after each office left, or names alone unevenly spaced: before, the first
        // and third were published as text, the second read as one entry whose office (町長水野玲奈副町長小田切誠総務課長) held two names.
        var m = Read("架空町議会会議録", "説明のため出席した者", joined);
        Assert.Contains(m.Warnings, w => w.Code == UnreadEntry.WarningCode);
        Assert.DoesNotContain(m.Rolls.SelectMany(r => r.Entries), e => e.Role?.Contains("水野", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("水野", StringComparison.Ordinal));

        // Two entries in two columns, and an office with a unit inside it, are read as before.
        var read = Read("架空町議会会議録", "説明のため出席した者", "　町長　　　水野　玲奈　　　副町長　　小田切　誠", "　教育委員会教育部長　　戸川　美帆", "　総務部長兼財政課長　　堀　信吾", "　監査委員事務局長兼公平委員会事務局長　　水野　玲奈");
        Assert.Equal(["町長", "副町長", "教育委員会教育部長", "総務部長兼財政課長", "監査委員事務局長兼公平委員会事務局長"], read.Rolls[0].Entries.Select(e => e.Role));
        Assert.DoesNotContain(read.Warnings, w => w.Code == UnreadEntry.WarningCode);
    }

    [Fact]
    public void A_note_after_a_spaced_name_ends_the_entry_and_keeps_the_roll_open()
    {
        // （午後欠席）, （遅刻） after a fixed-width name: before, the line was refused, the roll closed
        // and the members after it fell into the proceedings.
        var m = Read(
            "会議録",
            "〇出席議員（４名）",
            "　　　１番　　森　本　　　健",
            "　　　２番　　山　田　太　郎（午後欠席）",
            "　　　３番　　野　口　和　恵　（遅刻）",
            "　　　４番　　奥　村　隆　之　介");
        Assert.Equal(["森本健", "山田太郎", "野口和恵", "奥村隆之介"], m.Rolls[0].Entries.Select(e => e.Name));
        Assert.DoesNotContain(m.Warnings, w => w.Code == "roll-count");
    }

    [Fact]
    public void A_roll_ended_short_of_its_stated_count_by_a_line_no_reader_takes_is_held()
    {
        // The roll states three; a line nothing reads (※途中退席) ends it after one, so the lines after
        // it may be members published as text: held (name-unread), not guessed.
        var m = Read(
            "会議録",
            "〇出席議員（３名）",
            "　　　１番　　森　本　　　健",
            "　　　２番　　山　田　太　郎　※途中退席",
            "　　　３番　　野　口　和　恵");
        var warning = Assert.Single(m.Warnings, w => w.Code == UnreadEntry.WarningCode);
        Assert.Equal(4, warning.Line);
        Assert.DoesNotContain("山田", warning.Message, StringComparison.Ordinal);

        // A roll that reads its stated count, or states none, is not held.
        var whole = Read("会議録", "〇出席議員（１名）", "　　　１番　　森　本　　　健", "　　　以上のとおりです");
        Assert.DoesNotContain(whole.Warnings, w => w.Code == UnreadEntry.WarningCode);
    }

    [Fact]
    public void A_numbered_staff_item_is_a_roll_but_an_unnumbered_secretariat_is_not()
    {
        // Committee minutes number their header items: ５　事務局　議事課主査　堀口　雅人 lists staff. Before,
        // the line became a section heading and the name was published, and the items after it too.
        var m = Read(
            "第３回架空市総務委員会会議録",
            "１　日時　令和６年５月１０日（金）午前１０時",
            "４　説明者　総務課長　柏木　由香",
            "５　事務局　議事課主査　堀口　雅人",
            "６　議題　(1) 条例の改正について");
        Assert.Equal(["説明者", "事務局"], m.Rolls.Select(r => r.Group));
        Assert.Equal([("議事課主査", "堀口雅人")], m.Rolls[1].Entries.Select(e => (e.Role, e.Name)));
        Assert.DoesNotContain(m.Sections, s => (s.Heading ?? "").Contains("堀口", StringComparison.Ordinal));

        Assert.Null(Rolls.RollHeading.Read("事務局　議事課"));
        Assert.Null(Rolls.RollHeading.Read("○事務局　お答えします。"));
    }

    [Fact]
    public void Two_columns_of_fixed_width_members_and_officials()
    {
        var m = Read(
            "　　　　平成２７年第１回架空市議会定例会会議録",
            "〇出席議員（４人）",
            "　　　　　１番　　田　村　規　子　議　員　　　　　　　　　２番　　平　井　和　樹　議　員",
            "　　　　２８番　　野々上　　　愛　議　員　　　　　　　　３１番　　角　　　芳　春　議　員",
            "―――――――――――――――――――――――――――――――――――――――――――",
            "〇説明のため出席した者の職氏名",
            "　市長　　　　　　　　　　濱　田　剛　史　　　　　　　副市長　　　　　　　　　山　本　政　行",
            "　政策財政部長　　　　　　乾　　　　　博");
        var members = m.Rolls[0].Entries;
        Assert.Equal(["田村規子", "平井和樹", "野々上愛", "角芳春"], members.Select(e => e.Name));
        Assert.Equal(["田村", "平井", "野々上", "角"], members.Select(e => e.FamilyName));
        Assert.Equal(["1", "2", "28", "31"], members.Select(e => e.Number));
        var officials = m.Rolls[1].Entries;
        Assert.Equal("説明のため出席した者の職氏名", m.Rolls[1].Group);
        Assert.Equal([("市長", "濱田剛史"), ("副市長", "山本政行"), ("政策財政部長", "乾博")], officials.Select(e => (e.Role!, e.Name!)));
        Assert.Equal(("乾", "博"), (officials[2].FamilyName, officials[2].GivenName));
    }

    [Fact]
    public void Committee_header_rolls_with_offices_spaced_wrapped_and_in_two_columns()
    {
        var m = Read(
            "会議名：令和 7年行政課題等調査検討特別委員会（ 1月 9日）",
            "　出席委員　　　委員長　　　北野誠一郎　　　委　　員　　石﨑　　徹",
            "　　　　　　　　副委員長　　藤森　　誠　　　委　　員　　今竹　大祐",
            "",
            "　　　　　　　　議　　長　　迫川　高行",
            "　欠席委員　　　委　　員　　松野　優也",
            "　委員外議員　　な　　し",
            "　理事者側出席者",
            "　　　　市長　　　　　　　　　都倉　達殊　　　　市民病院事務局長　　　高橋　文彦",
            "　　　　政策部経営企画室　　　西山　和仁　　　　市民病院事務局　　　　大西　和昭",
            "　　　　参事　　　　　　　　　　　　　　　　　　主幹",
            "　協議事項",
            "　　１．　市民病院からの報告について");
        Assert.Equal(["出席委員", "欠席委員", "委員外議員", "理事者側出席者"], m.Rolls.Select(r => r.Group));
        Assert.Equal([("委員長", "北野誠一郎"), ("委員", "石﨑徹"), ("副委員長", "藤森誠"), ("委員", "今竹大祐"), ("議長", "迫川高行")], m.Rolls[0].Entries.Select(e => (e.Role!, e.Name!)));
        Assert.Equal(("藤森", "誠"), (m.Rolls[0].Entries[2].FamilyName, m.Rolls[0].Entries[2].GivenName));
        Assert.Equal("松野優也", Assert.Single(m.Rolls[1].Entries).Name);
        Assert.Empty(m.Rolls[2].Entries);
        Assert.Equal(["市長", "市民病院事務局長", "政策部経営企画室参事", "市民病院事務局主幹"], m.Rolls[3].Entries.Select(e => e.Role));
        Assert.Equal(["1．\u3000市民病院からの報告について"], m.Agenda);
    }

    [Fact]
    public void Signatures_after_the_proceedings()
    {
        var m = Doc.FromText(string.Join("\n",
            "会議録", "○議長（今田大介君）　散会します。",
            "　地方自治法第１２３条第２項の規定により次に署名する。",
            "　　令和５年９月１２日",
            "　　　　　　　　　　　　　　市議会議長　　　今　　竹　　大　　祐",
            "　　　　　　　　　　　　　　署名議員　　　　大　　西　　由　　紀"));
        var roll = Assert.Single(m.Rolls);
        Assert.Equal("署名", roll.Group);
        Assert.Equal([("市議会議長", "今竹大祐"), ("署名議員", "大西由紀")], roll.Entries.Select(e => (e.Role!, e.Name!)));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("署名議員", StringComparison.Ordinal));
    }

    [Fact]
    public void A_count_the_entries_do_not_match_is_a_warning_without_names()
    {
        var m = Read("会議録", "〇出席議員（３名）", "　　１番　　　入　　江　　啓　　太");
        var warning = Assert.Single(m.Warnings, w => w.Code == "roll-count");
        Assert.Equal(2, warning.Line);
        Assert.DoesNotContain("入", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_written_as_surname_and_title_separated_by_spaces()
    {
        var m = Read("会議録", "出席委員　山田委員　　佐藤委員　　鈴木委員長");
        Assert.Equal([("山田", "委員"), ("佐藤", "委員"), ("鈴木", "委員長")], Assert.Single(m.Rolls).Entries.Select(e => (e.Name!, e.Role!)));
    }

    [Fact]
    public void Header_attendee_lists_become_rolls_of_offices_and_members()
    {
        var m = new Doc().Row("出席者", "委員", "区長・副区長(2)・池袋保健所長").Row("", "幹事", "企画課長").P("3 出席者 柴崎委員(会長)、かとうぎ委員").P("審議経過").P("会長：開会します。").Normalize();
        Assert.Equal([("区長", null), ("副区長", null), ("池袋保健所長", null)], m.Rolls[0].Entries.Select(e => (e.Role, e.Name)));
        Assert.Contains(m.Rolls, r => r.Entries.Any(e => e.Name == "柴崎" && e.Role == "委員"));
        Assert.Contains(m.Rolls, r => r.Entries.Any(e => e.Name == "かとうぎ"));
    }

    [Fact]
    public void Header_attendees_with_a_role_before_the_name_a_repeat_mark_an_honorific_or_two_names_in_one_cell()
    {
        var m = new Doc().P("会議名：第3回まちづくり審議会")
            .P("出席者：委員 山田太郎、委員長佐藤花子、〃　鈴木一郎、委員　高橋次郎さん、説明員 田中三郎様，伊藤四郎氏・議員 阿子島陽子 襲田遼")
            .P("審議経過").P("会長：開会します。").Normalize();
        Assert.Equal(
            [("委員", "山田太郎"), ("委員長", "佐藤花子"), ("委員長", "鈴木一郎"), ("委員", "高橋次郎"), ("説明員", "田中三郎"), (null, "伊藤四郎"), ("議員", "阿子島陽子"), ("議員", "襲田遼")],
            m.Rolls.SelectMany(r => r.Entries).Select(e => (e.Role, e.Name)));
        Assert.Equal(("山田", "太郎"), (m.Rolls[0].Entries[0].FamilyName, m.Rolls[0].Entries[0].GivenName));

        var noted = new Doc().P("会議名：第3回まちづくり審議会").P("出席者：会長　石川五郎（欠席）、説明員 藤田七郎（企画課長）").P("審議経過").P("会長：開会します。").Normalize();
        Assert.Equal([("会長", "石川五郎"), ("説明員", "藤田七郎")], noted.Rolls.SelectMany(r => r.Entries).Select(e => (e.Role, e.Name)));

        var table = new Doc().Row("出席者", "委員", "井上八郎 木村九郎").Row("", "説明員", "長谷川 一郎").P("審議経過").P("会長：開会します。").Normalize();
        Assert.Equal(["委員", "説明員"], table.Rolls.Select(r => r.Group));
        Assert.Equal(["井上八郎", "木村九郎", "長谷川一郎"], table.Rolls.SelectMany(r => r.Entries).Select(e => e.Name));
        Assert.Equal(("長谷川", "一郎"), (table.Rolls[1].Entries[0].FamilyName, table.Rolls[1].Entries[0].GivenName));
    }

    [Fact]
    public void A_second_group_after_a_wide_gap_in_one_attendee_line_is_its_own_entries()
    {
        var m = new Doc().P("会議名：教育委員会").P("出席者：委員 森本圭介、原田俊　　事務局 教育長 安田康之、総務課長　　小池　栞").P("審議経過").P("会長：開会します。").Normalize();
        Assert.Equal(
            [("委員", "森本圭介"), (null, "原田俊"), ("事務局教育長", "安田康之"), ("総務課長", "小池栞")],
            m.Rolls.SelectMany(r => r.Entries).Select(e => (e.Role, e.Name)));
    }

    [Fact]
    public void Two_groups_two_spaces_apart_on_the_attendee_line_without_a_list_mark_are_two_groups()
    {
        // Names one space apart, groups two: before, one group 出席者 whose first member was 委員　森下一樹.
        var line = Doc.FromText("第１回　架空市文化審議会　会議録\n開催日時　令和６年５月１０日（金）午後２時\n"
            + "出席者：委員　森下一樹　川端奈々　　事務局　教育長　水島陽平\n審議経過\n会長　始めます。\n");
        var row = new Doc().P("会議名：文化審議会").Row("出席者", "委員　森下一樹　川端奈々　　事務局　教育長　水島陽平").P("審議経過").P("会長：開会します。").Normalize();
        foreach (var m in (Minutes[])[line, row])
        {
            Assert.Equal(["委員", "事務局"], m.Attendees.Select(a => a.Group));
            Assert.Equal(
                [("委員", "森下一樹", (string?)null), ("委員", "川端奈々", null), ("事務局", "水島陽平", "教育長")],
                m.Rolls.SelectMany(r => r.Entries.Select(e => (r.Group, e.Name, e.Role))));
        }
    }

    [Fact]
    public void Labels_and_values_in_paragraphs_of_their_own_as_a_definition_list_gives_them()
    {
        // <dt>出席委員</dt><dd>横山智子会長、佐野亮介委員</dd><dt>事務局</dt><dd>環境課長　平野健太、…</dd>
        var m = new Doc().H(1, "第1回環境審議会").P("開催日時").P("令和6年6月1日（土）午後2時～4時").P("出席委員").P("横山智子会長、佐野亮介委員")
            .P("事務局").P("環境課長　平野健太、環境係長　菅原理沙").P("会議の公開").P("公開").P("審議経過").P("会長：開会します。").Normalize();
        Assert.Equal(new DateOnly(2024, 6, 1), m.Date);
        Assert.Equal(DisclosureState.Public, m.Disclosure.Meeting);
        Assert.Equal(
            [("会長", "横山智子"), ("委員", "佐野亮介"), ("環境課長", "平野健太"), ("環境係長", "菅原理沙")],
            m.Rolls.SelectMany(r => r.Entries).Select(e => (e.Role, e.Name)));
        var turn = Assert.Single(Doc.Turns(m));
        Assert.Equal("会長", turn.Speaker);
    }

    [Theory]
    [InlineData("委員会事務局長")]
    [InlineData("議員報酬審議会")]
    [InlineData("有限会社たけのこ　竹内翔太")]
    public void An_office_or_an_organisation_is_no_role_and_name_pair(string member)
    {
        var m = new Doc().P("会議名：第3回まちづくり審議会").P("出席者：" + member).P("審議経過").P("会長：開会します。").Normalize();
        Assert.DoesNotContain(m.Rolls.SelectMany(r => r.Entries), e => e.Role is "委員" or "議員" || e.Name is "会事務局長" or "報酬審議会" or "有限会社たけのこ");
    }

    [Theory]
    [InlineData("会議録調製者　議会事務局長　西川　直人", "議会事務局長", "西川直人")]
    [InlineData("記録者　議事課主査　山田　花子", "議事課主査", "山田花子")]
    public void Who_made_the_record_is_a_roll_after_the_proceedings(string line, string role, string name)
    {
        // Before: the line ran on into the last speech and the name was published.
        var m = Doc.FromText(string.Join("\n", "令和６年第４回架空町議会定例会会議録", "○議長（大森健二君）　以上で閉会します。", line));
        var entry = Assert.Single(m.Rolls.SelectMany(r => r.Entries));
        Assert.Equal((role, name), (entry.Role, entry.Name));
        Assert.Equal("以上で閉会します。", Doc.Turns(m).Single().Text);
    }

    [Theory]
    [InlineData("会長及副会長選出")]
    [InlineData("委員長副委員長互選")]
    [InlineData("議事録署名委員　指名")]
    public void An_agenda_heading_after_roll_entries_is_no_entry(string heading)
    {
        // Before, 会長 + 及副会長選出, 委員長 + 副委員長互選 and 議事録署名委員 + 指名 were entries: heading words masked as names.
        var m = Doc.FromText("審議会　会議録\n出席委員\n　委員長　宮坂　昭彦\n　委員　　津田　加奈子\n" + heading + "\n会長　　開会します。\n");
        Assert.Equal(["宮坂昭彦", "津田加奈子"], m.Rolls.SelectMany(r => r.Entries).Select(e => e.Name));
    }
}
