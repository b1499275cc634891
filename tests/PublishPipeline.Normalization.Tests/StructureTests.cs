using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>Header variants, disclosure, sections, markers and page clean-up on hand-built documents.</summary>
public class StructureTests
{
    [Fact]
    public void Header_as_labelled_paragraphs_with_variant_labels()
    {
        var m = new Doc()
            .P("会 議 録")
            .P("会議名：令和６年度第３回世田谷区子ども・子育て会議")
            .P("日 時：令和６年７月１日（月）午後２時～４時")
            .P("会場：区役所第１会議室")
            .P("出席委員：山田委員、佐藤委員、鈴木委員（欠席）")
            .P("議題：(1) 計画について (2) その他")
            .P("審議経過")
            .P("会長：開会します。")
            .Normalize();
        Assert.Equal("令和6年度第3回世田谷区子ども・子育て会議", m.Title);
        Assert.Equal("世田谷区子ども・子育て会議", m.Body);
        Assert.Equal("世田谷区", m.Municipality);
        Assert.Equal("第3回", m.Session);
        Assert.Equal(2024, m.FiscalYear);
        Assert.Equal(new DateOnly(2024, 7, 1), m.Date);
        Assert.Equal(("14:00", "16:00"), (m.StartTime, m.EndTime));
        Assert.Equal("区役所第1会議室", m.Venue);
        Assert.Equal("委員", Assert.Single(m.Attendees).Group);
        Assert.Equal(["山田委員", "佐藤委員", "鈴木委員（欠席）"], m.Attendees[0].Members);
        Assert.Equal(["(1) 計画について", "(2) その他"], m.Agenda);
        Assert.Equal("開会します。", Assert.Single(Doc.Turns(m)).Text);
    }

    [Fact]
    public void Header_table_in_another_order_with_extra_columns()
    {
        var m = new Doc()
            .Row("開催日", "", "令和2年1月10日（金）10:00～11:30", "")
            .Row("場所", "港区役所 会議室A", "事務局", "総務課")
            .Row("会議体の名称", "令和元年度 港区テスト協議会（第２回）", "備考")
            .Row("出席者", "委員", "甲委員・乙委員")
            .Row("", "事務局", "総務課長、総務係長")
            .Row("公開の可否", "会議", "☑ 公開 ☐ 非公開 ☐ 一部非公開")
            .Row("", "会議録", "☐ 公開 ☐ 非公開 ☑ 一部非公開")
            .Row("", "", "非公開・一部非公開の場合は、その理由：個人情報を含むため")
            .P("審議経過")
            .P("会長 始めます。")
            .Normalize();
        Assert.Equal(new DateOnly(2020, 1, 10), m.Date);
        Assert.Equal(("10:00", "11:30"), (m.StartTime, m.EndTime));
        Assert.Equal(2019, m.FiscalYear);
        Assert.Equal("第2回", m.Session);
        Assert.Equal("港区テスト協議会", m.Body);
        Assert.Equal("港区", m.Municipality);
        Assert.Equal("港区役所 会議室A", m.Venue);
        Assert.Equal("総務課", m.Secretariat);
        Assert.Equal(["委員", "事務局"], m.Attendees.Select(a => a.Group));
        Assert.Equal(DisclosureState.Public, m.Disclosure.Meeting);
        Assert.Equal(DisclosureState.Partial, m.Disclosure.Minutes);
        Assert.Equal("個人情報を含むため", m.Disclosure.Reason);
    }

    [Theory]
    [InlineData("☐ 公開 ☐ 非公開 ☐ 一部非公開", DisclosureState.Unknown, true)]
    [InlineData("☑ 公開 ☑ 非公開 ☐ 一部非公開", DisclosureState.Unknown, true)]
    [InlineData("☐ 公開 ☐ 非公開 ☑ 一部非公開", DisclosureState.Partial, false)]
    [InlineData("■公開 □非公開", DisclosureState.Public, false)]
    [InlineData("<input type=\"checkbox\"/> 公開 <input checked=\"\" type=\"checkbox\"/> 非公開", DisclosureState.Closed, false)]
    [InlineData("非公開", DisclosureState.Closed, false)]
    [InlineData("未定", DisclosureState.Unknown, true)]
    public void Minutes_disclosure_is_the_one_checked_box(string boxes, DisclosureState expected, bool warns)
    {
        var m = new Doc().Row("公開の可否", "会議", "☑ 公開 ☐ 非公開").Row("", "会議録", boxes).P("審議経過").P("会長 始めます。").Normalize();
        Assert.Equal(expected, m.Disclosure.Minutes);
        Assert.Equal(warns, m.Warnings.Any(w => w.Code == "disclosure-unclear" && w.Line == 2));
    }

    [Fact]
    public void Two_column_disclosure_rows_named_by_their_label()
    {
        var m = new Doc().Row("会議の公開", "☑公開 ☐非公開").Row("会議録の公開", "☐公開 ☑非公開").Normalize();
        Assert.Equal(DisclosureState.Public, m.Disclosure.Meeting);
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Minutes);
        Assert.DoesNotContain(m.Warnings, w => w.Code.StartsWith("disclosure", StringComparison.Ordinal));

        var meetingOnly = new Doc().Row("公開の可否", "☑公開 ☐非公開").Normalize();
        Assert.Equal(DisclosureState.Public, meetingOnly.Disclosure.Meeting);
        Assert.Equal(DisclosureState.Unknown, meetingOnly.Disclosure.Minutes);
        Assert.Contains(meetingOnly.Warnings, w => w.Code == "disclosure-minutes-missing");
    }

    [Fact]
    public void Disclosure_written_as_paragraphs_names_its_target_by_label()
    {
        // 会議の公開 / 会議録の公開 as text lines (the 審議会 forms of many councils), not table rows.
        var m = new Doc().P("会議の公開　公開").P("会議録の公開　非公開（個人情報を含むため）").P("審議経過").P("会長 始めます。").Normalize();
        Assert.Equal(DisclosureState.Public, m.Disclosure.Meeting);
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Minutes);
        Assert.Equal("個人情報を含むため", m.Disclosure.Reason);

        var both = new Doc().P("公開・非公開の別　非公開").P("非公開の理由　審議中の個人の処分を扱うため").P("審議経過").P("会長 始めます。").Normalize();
        Assert.Equal(DisclosureState.Closed, both.Disclosure.Meeting);
        Assert.Equal("審議中の個人の処分を扱うため", both.Disclosure.MeetingReason);
    }

    [Fact]
    public void A_disclosure_label_alone_gives_the_paragraph_below_its_target()
    {
        // <dt>会議録の公開</dt><dd>非公開</dd>: the label has no state of its own to read (before: unclear, then 会議's).
        var m = new Doc().P("会議の公開").P("公開").P("会議録の公開").P("非公開").P("審議経過").P("会長 始めます。").Normalize();
        Assert.Equal(DisclosureState.Public, m.Disclosure.Meeting);
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Minutes);
        Assert.DoesNotContain(m.Warnings, w => w.Code.StartsWith("disclosure", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reason_row_never_overwrites_the_checked_state()
    {
        // Before, 非公開の理由 (a label with 公開 in it) was read as a second state: no box → unknown, over 非公開.
        var m = new Doc().Row("会議の公開", "□公開　■非公開").Row("非公開の理由", "個人情報を含むため").Row("会議録の公開", "□公開　■非公開").Normalize();
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Meeting);
        Assert.Equal("個人情報を含むため", m.Disclosure.MeetingReason);
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Minutes);
        Assert.DoesNotContain(m.Warnings, w => w.Code == "disclosure-unclear");
    }

    [Theory]
    [InlineData("公開（傍聴者なし）", DisclosureState.Public, null, false)]
    [InlineData("公開　傍聴者２名", DisclosureState.Public, null, false)]
    [InlineData("非公開（理由：個人情報を含むため）", DisclosureState.Closed, "個人情報を含むため", false)]
    [InlineData("一部非公開(条例第7条第2号による)", DisclosureState.Partial, "条例第7条第2号による", false)]
    [InlineData("公開（議題２は非公開）", DisclosureState.Unknown, null, true)]
    [InlineData("一部非公開（議題（２）は個人情報を含むため）", DisclosureState.Partial, "議題（2）は個人情報を含むため", false)]
    [InlineData("公開（議題（２）は非公開）", DisclosureState.Unknown, null, true)]
    [InlineData("公開　ただし一部非公開", DisclosureState.Unknown, null, true)]
    [InlineData("公開・非公開", DisclosureState.Unknown, null, true)]
    public void A_state_with_a_remark_is_read_unless_the_remark_closes_part(string value, DisclosureState expected, string? reason, bool warns)
    {
        var m = new Doc().Row("公開の可否", "会議録", value).P("審議経過").P("会長 始めます。").Normalize();
        Assert.Equal(expected, m.Disclosure.Minutes);
        Assert.Equal(reason, m.Disclosure.Reason);
        Assert.Equal(warns, m.Warnings.Any(w => w.Code == "disclosure-unclear"));
    }

    [Fact]
    public void Speech_right_after_the_header_is_not_read_as_header()
    {
        var m = new Doc().P("日時：令和3年4月5日(月) 9:30～10:00").P("出席者：委員：甲委員、乙委員").P("委員：質問します。").P("事務局：お答えします。").Normalize();
        Assert.Null(m.Secretariat);
        Assert.Equal(["委員"], m.Attendees.Select(a => a.Group));
        Assert.Equal(["委員", "事務局"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void Date_and_time_in_separate_rows()
    {
        var m = new Doc().Row("開催日", "令和7年1月20日（月）").Row("時間", "午後6時30分～8時").Normalize();
        Assert.Equal(new DateOnly(2025, 1, 20), m.Date);
        Assert.Equal(("18:30", "20:00"), (m.StartTime, m.EndTime));
        Assert.Equal(2024, m.FiscalYear);
    }

    [Fact]
    public void Agenda_groups_carry_over_to_their_items()
    {
        var m = new Doc().Row("議題", "1. 議題 (1) 甲について (2) 乙について 2. 報告 (1) 丙について").Normalize();
        Assert.Equal(["1. 議題 (1) 甲について", "1. 議題 (2) 乙について", "2. 報告 (1) 丙について"], m.Agenda);
    }

    [Fact]
    public void Two_fields_in_one_word_table_row()
    {
        var m = new Doc().Row("開催日時", "令和3年4月5日(月) 9:30～10:00", "開催場所", "中野区役所 7階").Normalize();
        Assert.Equal(new DateOnly(2021, 4, 5), m.Date);
        Assert.Equal(("09:30", "10:00"), (m.StartTime, m.EndTime));
        Assert.Equal("中野区役所 7階", m.Venue);
        Assert.Equal("中野区", m.Municipality);
    }

    [Fact]
    public void Reasons_are_kept_only_for_closed_or_partial()
    {
        var m = new Doc()
            .Row("公開の可否", "会議", "☑ 公開 ☐ 非公開")
            .Row("", "", "非公開・一部非公開の場合は、その理由 ")
            .Row("", "会議録", "☐ 公開 ☑ 非公開")
            .Row("", "", "非公開・一部非公開の場合は、その理由 条例第7条第2号による")
            .Normalize();
        Assert.Null(m.Disclosure.MeetingReason);
        Assert.Equal("条例第7条第2号による", m.Disclosure.Reason);
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Minutes);
    }

    [Fact]
    public void A_file_that_is_only_a_header_has_no_sections_and_a_warning()
    {
        var m = new Doc().Row("会議体の名称", "令和5年度 第1回豊島区テスト会議").Row("開催日時", "令和5年6月1日(木) 10時～11時").Normalize();
        Assert.Empty(m.Sections);
        Assert.Contains(m.Warnings, w => w.Code == "no-proceedings" && w.Line == 1);
        Assert.Equal("豊島区テスト会議", m.Body);
        Assert.Equal(new DateOnly(2023, 6, 1), m.Date);
    }

    [Fact]
    public void An_empty_document_is_all_nulls_with_warnings()
    {
        var m = new Doc().Normalize();
        Assert.Null(m.Title);
        Assert.Null(m.Date);
        Assert.Null(m.Municipality);
        Assert.Empty(m.Sections);
        Assert.Equal(DisclosureState.Unknown, m.Disclosure.Minutes);
        foreach (var code in new[] { "title-missing", "date-missing", "municipality-missing", "disclosure-missing", "no-proceedings", "fiscal-year-missing", "session-missing" })
        {
            Assert.Contains(m.Warnings, w => w.Code == code);
        }
    }

    [Fact]
    public void An_impossible_date_is_null_with_a_warning_on_its_line()
    {
        var m = new Doc().P("会議録").Row("開催日時", "令和5年2月30日(木) 10時～11時").Normalize();
        Assert.Null(m.Date);
        Assert.Equal("10:00", m.StartTime);
        Assert.Contains(m.Warnings, w => w.Code == "date-invalid" && w.Line == 2);
    }

    [Fact]
    public void Non_disclosure_markers_split_a_turn_and_the_speaker_resumes()
    {
        var m = new Doc().P("審議経過").P("(2) 人事案件について（非公開）").P("委員 前半です。").Open().P("非公開の内容です。").Close().P("後半です。").Normalize();
        var section = Assert.Single(m.Sections);
        Assert.Equal("(2) 人事案件について（非公開）", section.Heading);
        Assert.Equal(
            [TurnKind.Speech, TurnKind.NonDisclosureStart, TurnKind.Speech, TurnKind.NonDisclosureEnd, TurnKind.Speech],
            section.Turns.Select(t => t.Kind));
        Assert.Equal(["委員", null, "委員", null, "委員"], section.Turns.Select(t => t.Speaker));
        Assert.Equal("【非公開】", section.Turns[1].Text);
    }

    [Fact]
    public void Marker_lines_left_as_text_by_a_reader_are_still_markers()
    {
        var m = new Doc().P("審議経過").P("会長 はい。").P("【非公開】").P("会長 秘密。").P("<!-- /非公開 -->").Normalize();
        Assert.Equal([TurnKind.Speech, TurnKind.NonDisclosureStart, TurnKind.Speech, TurnKind.NonDisclosureEnd], Doc.Turns(m).Select(t => t.Kind));
    }

    [Fact]
    public void Page_breaks_and_repeated_page_headers_rejoin_sentences()
    {
        var m = new Doc().P("会 議 録").P("審 議 経 過").P("会長 誠にありがとうござ").Break().P("います。").P("委員 次の頁に").P("審 議 経 過").P("続きます。").P("- 3 -").P("委員 以上です。").Normalize();
        var t = Doc.Turns(m);
        Assert.Equal(["誠にありがとうございます。", "次の頁に続きます。", "以上です。"], t.Select(x => x.Text));
    }

    [Fact]
    public void Headings_in_each_written_style_start_sections()
    {
        var m = new Doc().P("審議経過")
            .P("(1) 諮問第6号について").P("会長 一つ目。")
            .P("議案（１）計画の策定について").P("会長 二つ目。")
            .P("報告事項（２）実施状況について").P("会長 三つ目。")
            .P("2. 報告").P("1 区からの委嘱").P("会長 四つ目。")
            .H(4, "(3) 諮問第7号").P("会長 五つ目。")
            .Normalize();
        Assert.Equal(["(1) 諮問第6号について", "議案（1）計画の策定について", "報告事項（2）実施状況について", "2. 報告", "1 区からの委嘱", "(3) 諮問第7号"], m.Sections.Select(s => s.Heading));
        Assert.Empty(m.Sections[3].Turns);
    }

    [Fact]
    public void Closing_rows_are_results_and_materials_even_after_a_page_break()
    {
        var m = new Doc().P("審議経過").P("会長 閉会します。")
            .Row("会 議 の 結 果", "(1) 承認")
            .Row("配付資料", "資料１ 計画 資料２ 名簿")
            .Break()
            .P("資料３ 日程表")
            .Normalize();
        Assert.Equal(["(1) 承認"], m.Results);
        Assert.Equal(["資料1 計画", "資料2 名簿", "資料3 日程表"], m.Materials);
        Assert.Single(Doc.Turns(m));
    }

    [Fact]
    public void Without_a_header_the_text_still_says_what_it_can()
    {
        var m = new Doc().P("<令和5年度第1回審議会発言記録>").P("1 開会").Row("会長", "ただいまより、令和5年度第1回目黒区情報公開・個人情報保護審議会を開催いたします。").Normalize();
        Assert.Equal(2023, m.FiscalYear);
        Assert.Equal("第1回", m.Session);
        Assert.Equal("目黒区情報公開・個人情報保護審議会", m.Body);
        Assert.Equal("目黒区", m.Municipality);
        Assert.Contains(m.Warnings, w => w.Code == "body-inferred");
        Assert.Null(m.Title);
    }

    [Fact]
    public void Municipality_from_prefecture_and_city()
    {
        var m = new Doc().Row("会議体の名称", "第2回横浜市テスト会議").Row("開催場所", "神奈川県横浜市中区 市庁舎").Normalize();
        Assert.Equal("横浜市", m.Municipality);
        var unsure = new Doc().Row("会議体の名称", "第2回テスト会議").Normalize();
        Assert.Null(unsure.Municipality);
        Assert.Contains(unsure.Warnings, w => w.Code == "municipality-missing");
    }

    [Fact]
    public void Markdown_upload_through_the_real_reader()
    {
        var m = Doc.FromText("## 令和6年度第1回杉並区テスト審議会 会議録\n\n- 1 日時 令和6年5月1日(水)10時～11時\n- 2 場所 杉並区役所 第1会議室\n- 3 出席者 甲委員(会長)、乙委員\n区側：総務課長\n\n### 4 発言内容\n\n(会長) 開会します。\n\n- (乙委員) 質問です。\n- (総務課長) 回答です。\n", "t.md");
        Assert.Equal("令和6年度第1回杉並区テスト審議会", m.Title);
        Assert.Equal("杉並区テスト審議会", m.Body);
        Assert.Equal(new DateOnly(2024, 5, 1), m.Date);
        Assert.Equal(("10:00", "11:00"), (m.StartTime, m.EndTime));
        Assert.Equal("杉並区役所 第1会議室", m.Venue);
        Assert.Equal(["委員", "区側"], m.Attendees.Select(a => a.Group));
        Assert.Equal(["会長", "乙委員", "総務課長"], Doc.Turns(m).Select(t => t.Speaker));
    }

    [Fact]
    public void Text_upload_with_html_fragments_through_the_real_reader()
    {
        var text = "会 議 録\n\n附属機関又は 会議体の名称\t\t令和7年度 第1回豊島区テスト会議\n開催日時\t\t令和7年4月10日(木) 14:00 ~15:00\n議 題\t\t<p>議案</p> <p>(1) 甲について</p> <p>報告事項</p> <p>(1) 乙について</p>\n"
            + "公開の 可否\t会議\t<input checked=\"\" type=\"checkbox\"/> 公開 <input type=\"checkbox\"/> 非公開\n\t会議録\t<input type=\"checkbox\"/> 公開 <input checked=\"\" type=\"checkbox\"/> 非公開\n\n審 議 経 過\n\n議案（１）甲について\n\n本部長：始めます。\n";
        var m = Doc.FromText(text);
        Assert.Equal(2025, m.FiscalYear);
        Assert.Equal(["議案 (1) 甲について", "報告事項 (1) 乙について"], m.Agenda);
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Minutes);
        Assert.Equal("議案（1）甲について", Assert.Single(m.Sections).Heading);
        Assert.Equal("本部長", Assert.Single(Doc.Turns(m)).Speaker);
    }
}
