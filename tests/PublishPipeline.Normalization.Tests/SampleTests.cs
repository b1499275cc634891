using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// The five real samples through the real reader and the normaliser. Counts were made by hand from
/// the files (labelled lines, label-alone lines, narrative lines) and are asserted exactly.
/// </summary>
public class SampleTests(SampleFixture samples) : IClassFixture<SampleFixture>
{
    private static IEnumerable<SpeakerTurn> Turns(Minutes m) => m.Sections.SelectMany(s => s.Turns);

    [Theory]
    [InlineData("000", "2018-05-08", 2018, "14:00", "15:00")]
    [InlineData("001", "2018-05-29", 2018, "10:08", "10:36")]
    [InlineData("002", null, 2023, null, null)]
    [InlineData("003", "2022-05-23", 2022, "14:00", "14:40")]
    [InlineData("004", "2019-09-02", 2019, "14:00", "15:30")]
    public void Dates_fiscal_years_and_times(string sample, string? date, int fiscalYear, string? start, string? end)
    {
        var m = samples[sample];
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), m.Date);
        Assert.Equal(fiscalYear, m.FiscalYear);
        Assert.Equal(start, m.StartTime);
        Assert.Equal(end, m.EndTime);
    }

    [Theory]
    [InlineData("000", "平成30年度 未来戦略創出会議(第2回)", "未来戦略創出会議", "第2回", "豊島区")]
    [InlineData("001", "平成30年度 第1回豊島区行政情報化推進本部", "豊島区行政情報化推進本部", "第1回", "豊島区")]
    [InlineData("002", null, "目黒区情報公開・個人情報保護審議会", "第1回", "目黒区")]
    [InlineData("003", "令和4年度 第1回豊島区行政情報化推進本部", "豊島区行政情報化推進本部", "第1回", "豊島区")]
    [InlineData("004", "第10期第5回練馬区情報公開および個人情報保護運営審議会", "練馬区情報公開および個人情報保護運営審議会", "第10期第5回", "練馬区")]
    public void Titles_bodies_sessions_and_municipalities(string sample, string? title, string body, string session, string municipality)
    {
        var m = samples[sample];
        Assert.Equal(title, m.Title);
        Assert.Equal(body, m.Body);
        Assert.Equal(session, m.Session);
        Assert.Equal(municipality, m.Municipality);
    }

    [Theory]
    [InlineData("000", "庁議室(本庁舎5階)", "政策経営部企画課")]
    [InlineData("001", "庁議室(本庁舎5階)", "政策経営部情報管理課")]
    [InlineData("002", null, null)]
    [InlineData("003", "庁議室(本庁舎5階)", "政策経営部情報管理課")]
    [InlineData("004", "練馬区役所本庁舎5階 庁議室", null)]
    public void Venues_and_secretariats(string sample, string? venue, string? secretariat)
    {
        Assert.Equal(venue, samples[sample].Venue);
        Assert.Equal(secretariat, samples[sample].Secretariat);
    }

    [Fact]
    public void Agenda_items_are_split()
    {
        Assert.Equal(
            ["(1) 個人情報の取り扱いに関する全庁緊急点検の実施について", "(2) 平成30年度4月当初時点における「主要課題」の報告について", "(3) 平成30年5月～7月イベント・事業等開催予定(情報共有)"],
            samples["000"].Agenda);
        Assert.Equal(["1. 議題 (1) 平成30年度豊島区情報セキュリティ内部監査実施計画(案)について", "2. 報告 (1) 豊島区総合保健福祉システムの更新について"], samples["001"].Agenda);
        Assert.Equal(8, samples["002"].Agenda.Count);
        Assert.Equal("4 報告 (2) 令和4年度に実施した主な情報セキュリティ施策について（報告）", samples["002"].Agenda[4]);
        Assert.Equal(7, samples["003"].Agenda.Count);
        Assert.Equal("議案 (1) 豊島区DX推進計画(案)の策定について", samples["003"].Agenda[0]);
        Assert.Equal("報告事項 (4) 令和3年度の公文書PT活動報告と令和4年度の予定について", samples["003"].Agenda[6]);
        Assert.Equal(["(1) 諮問第6号 子育て支援に関する業務に係る電子計算組織の結合について", "(2) 報告事項 目的外利用に関する審議会事前一括承認基準の適用について"], samples["004"].Agenda);
    }

    [Fact]
    public void Attendee_groups_keep_annotated_members()
    {
        var groups = samples["000"].Attendees;
        Assert.Equal(["委員", "幹事", "説明者", "事務局"], groups.Select(g => g.Group));
        Assert.Equal(23, groups[0].Members.Count);
        Assert.Equal("副区長(2)", groups[0].Members[1]);
        Assert.Contains("行政経営課長(欠席)", groups[1].Members);
        Assert.Contains("「わたしらしく、暮らせるまち。」推進室長(欠席)", groups[1].Members);
        Assert.Contains("国際アート・カルチャー都市推進室長", groups[1].Members);
        Assert.Equal(9, groups[1].Members.Count);
        Assert.Empty(groups[2].Members);
        Assert.Equal(["企画課企画調整グループ係長", "主査"], groups[3].Members);

        Assert.Equal(["部員", "事務局"], samples["001"].Attendees.Select(g => g.Group));
        Assert.Equal("副区長(本部長)", samples["001"].Attendees[0].Members[0]);
        Assert.Equal(12, samples["001"].Attendees[0].Members.Count);
        Assert.Equal(["部員", "事務局"], samples["003"].Attendees.Select(g => g.Group));
        Assert.Contains("子ども家庭部長(代理)", samples["003"].Attendees[0].Members);
        Assert.Empty(samples["002"].Attendees);
        Assert.Equal(["委員", "区側"], samples["004"].Attendees.Select(g => g.Group));
        Assert.Equal("柴崎委員(会長)", samples["004"].Attendees[0].Members[0]);
        Assert.Equal(22, samples["004"].Attendees[0].Members.Count);
        Assert.Equal(["総務部長", "情報公開課長", "情報政策課長", "事務局職員"], samples["004"].Attendees[1].Members);
    }

    [Fact]
    public void Disclosure_is_read_from_the_checked_box()
    {
        var d0 = samples["000"].Disclosure;
        Assert.Equal(DisclosureState.Closed, d0.Meeting);
        Assert.Equal("豊島区行政情報公開条例第7条第1項第5号による", d0.MeetingReason);
        Assert.Equal(DisclosureState.Public, d0.Minutes);
        Assert.Null(d0.Reason);

        foreach (var s in new[] { "001", "003" })
        {
            var d = samples[s].Disclosure;
            Assert.Equal(DisclosureState.Closed, d.Meeting);
            Assert.Equal("行政機関における政策意思決定過程途上に位置付けられる会議であるため", d.MeetingReason);
            Assert.Equal(DisclosureState.Partial, d.Minutes);
            Assert.Equal("行政機関における政策意思決定過程途上に位置づけられる内容を含むため", d.Reason);
        }

        Assert.Equal(Disclosure.Unknown, samples["002"].Disclosure);
        Assert.Equal(Disclosure.Unknown, samples["004"].Disclosure);
        Assert.Contains(samples["002"].Warnings, w => w.Code == "disclosure-missing");
        Assert.Contains(samples["004"].Warnings, w => w.Code == "disclosure-missing");
    }

    [Theory]
    [InlineData("000", 10, 7, 3)]
    [InlineData("001", 26, 20, 6)]
    [InlineData("002", 135, 128, 7)]
    [InlineData("003", 30, 5, 25)]
    [InlineData("004", 147, 139, 8)]
    public void Turn_counts_are_exact(string sample, int turns, int speech, int procedure)
    {
        var all = Turns(samples[sample]).ToList();
        Assert.Equal(turns, all.Count);
        Assert.Equal(speech, all.Count(t => t.Kind == TurnKind.Speech));
        Assert.Equal(procedure, all.Count(t => t.Kind == TurnKind.Procedure));
        Assert.All(all.Where(t => t.Kind == TurnKind.Speech), t => Assert.False(string.IsNullOrEmpty(t.Speaker)));
    }

    [Theory]
    [InlineData("000", new[] { "副区長", "委員", "幹事" })]
    [InlineData("001", new[] { "事務局", "本部長", "部員" })]
    [InlineData("002", new[] { "会長", "区側", "委員" })]
    [InlineData("003", new[] { "本部長", "部員", "齊藤副区長" })]
    [InlineData("004", new[] { "会長", "副会長", "各委員", "商品券事業担当課長", "委員", "情報公開課長", "情報政策課長", "総務部長", "練馬子ども家庭支援センター所長", "練馬子ども家庭支援センター職員" })]
    public void Speakers_are_the_labels_as_written(string sample, string[] speakers) =>
        Assert.Equal(speakers.Order(StringComparer.Ordinal), Turns(samples[sample]).Select(t => t.Speaker).OfType<string>().Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Section_headings_are_the_agenda_headings_as_written()
    {
        Assert.Equal(
            ["(1) 個人情報の取り扱いに関する全庁緊急点検の実施について", "(2) 平成30年度4月当初時点における「主要課題」の報告について", "(3) 平成30年5月～7月イベント・事業等開催予定について"],
            samples["000"].Sections.Select(s => s.Heading));
        Assert.Equal(
            [null, "1. 議題 (1) 平成30年度豊島区情報セキュリティ内部監査実施計画(案)について", "2. 報告", "(1) 豊島区総合保健福祉システムの更新について"],
            samples["001"].Sections.Select(s => s.Heading));
        Assert.Equal(
            ["1 区からの委嘱及び事務局職員等の紹介", "2 会長あいさつ", "3 情報公開・個人情報保護審議会の所掌事項", "4 報告",
             "(1) 令和4年度情報公開・個人情報保護制度の実施状況について(報告)", "(2) 令和4年度に実施した主な情報セキュリティ施策について（報告）",
             "(3) 個人情報保護委員会による個人情報法実地調査及び番号法立入検査の実施について（報告）", "5 意見聴取",
             "(1) 職員の個人情報保護・情報セキュリティの意識等の向上について（意見聴取）", "6 その他"],
            samples["002"].Sections.Select(s => s.Heading));
        Assert.Equal(
            [null, "議案（1）豊島区DX推進計画(案)の策定について", "議案（2）豊島区セキュリティポリシーの改定について", "議案（3）豊島区セキュリティ内部監査計画について",
             "報告事項（1）システム標準化への対応について", "報告事項（2）今後のシステムのあり方について",
             "報告事項（3）令和3年度のデジタルガバメントPT活動報告と令和4年度の予定について", "報告事項（4）令和3年度の公文書PT活動報告と令和4年度の予定について"],
            samples["003"].Sections.Select(s => s.Heading));
        Assert.Equal(["6 会議の概要", "(1) 諮問第6号", "(2) 報告事項", "7 発言内容"], samples["004"].Sections.Select(s => s.Heading));
        Assert.Equal([3, 3, 3], samples["002"].Sections.Take(3).Select(s => s.Turns.Count));
        Assert.Equal([0, 18, 47, 14, 0, 43, 4], samples["002"].Sections.Skip(3).Select(s => s.Turns.Count));
    }

    [Fact]
    public void No_turn_carries_page_debris_markup_or_spaced_labels()
    {
        foreach (var m in samples.All)
        {
            foreach (var t in Turns(m))
            {
                Assert.DoesNotContain("----", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("\t", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("<p>", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("</p>", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("☑", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("☐", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("審 議 経 過", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("審議経過", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("了 承", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("\u00A0", t.Text, StringComparison.Ordinal);
                Assert.Equal(t.Text.Trim(), t.Text);
                Assert.DoesNotMatch(@"[０-９Ａ-Ｚａ-ｚ]", t.Text);
            }

            foreach (var s in m.Sections)
            {
                Assert.DoesNotMatch(@"^\S( \S)+$", s.Heading ?? "");
            }

            Assert.DoesNotMatch(@"\S \S \S", string.Join("|", m.Attendees.Select(g => g.Group)));
            Assert.All(m.Warnings, w => Assert.NotNull(w.Line));
        }
    }

    [Fact]
    public void A_sentence_cut_by_a_page_header_is_joined()
    {
        var chair = Turns(samples["001"]).Single(t => t.Text.StartsWith("わかりました。この他", StringComparison.Ordinal));
        Assert.Equal("本部長", chair.Speaker);
        Assert.EndsWith("7月にもう一度、情報化推進本部を開催し、課題について皆さんから意見をもらうような場にしたいと思っていますが、いかがでしょうか。", chair.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", chair.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cells_continued_after_a_page_break_are_joined_as_written()
    {
        var turns = Turns(samples["002"]).ToList();
        // "…対応してまいりたいと思" / "\tます。ありがとうございます。" — joined, not corrected.
        Assert.Contains(turns, t => t.Speaker == "区側" && t.Text.EndsWith("いただいたご意見を踏まえて対応してまいりたいと思ます。ありがとうございます。", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Speaker == "区側" && t.Text.EndsWith("その改善を図っていく作業というのは必然かと思っておりますので、対応を図ってまいります。", StringComparison.Ordinal));
        // The greeting goes on after the page break, in the chair's turn.
        var greeting = turns.Single(t => t.Text.StartsWith("議会選出の委員の方々の改選も", StringComparison.Ordinal));
        Assert.Equal("会長", greeting.Speaker);
        Assert.Contains("誠にありがとうございます。\nいます。\n本日の審議会は令和5年度の第1回目ということになります。", greeting.Text, StringComparison.Ordinal);
        // Cell paragraphs are one turn, joined by "\n".
        Assert.Contains(turns, t => t.Speaker == "会長" && t.Text == "ありがとうございます。ただいまのご説明につきまして、ご質問等ございましたらお願いいたします。よろしいでしょうか。\n(「なし」という声あり)");
        // A sentence cut by a blank line (PDF) is joined: "…おのをおのを捉" + "えて、…".
        Assert.Contains(turns, t => t.Text.Contains("おのをおのを捉えて、目の前の業務", StringComparison.Ordinal));
    }

    [Fact]
    public void Label_alone_on_a_line_takes_the_following_paragraphs()
    {
        var turns = Turns(samples["002"]).ToList();
        var answer = turns.Single(t => t.Text.StartsWith("まず1点目、資料3-1ページの、eラーニング", StringComparison.Ordinal));
        Assert.Equal("区側", answer.Speaker);
        // Unlabelled paragraphs after a turn continue it, as the file has them.
        Assert.EndsWith("\nすみません、税務署というのは都税事務所のことですか。", answer.Text, StringComparison.Ordinal);
        Assert.Contains(turns, t => t.Speaker == "会長" && t.Text == "委員どうぞ。");

        var t4 = Turns(samples["004"]).ToList();
        Assert.Contains(t4, t => t.Speaker == "委員" && t.Text == "パスワードは、区民の方が利用登録した際に付与されるのですか。");
        Assert.Contains(t4, t => t.Speaker == "各委員" && t.Text == "(異議なし)" && t.Kind == TurnKind.Procedure);
    }

    [Fact]
    public void The_label_split_by_a_two_column_pdf_is_rejoined()
    {
        var turn = Turns(samples["004"]).Single(t => t.Text.StartsWith("そのとおりです。今までは利用したい施設ごとに", StringComparison.Ordinal));
        Assert.Equal("練馬子ども家庭支援センター所長", turn.Speaker);
        Assert.StartsWith("そのとおりです。今までは利用したい施設ごとに登録が必要でしたが、今後はどこかの施設で1回登録すれば済みます。", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Speech_is_faithful()
    {
        Assert.Contains(Turns(samples["000"]), t => t.Speaker == "副区長" && t.Text ==
            "新たな様式の追加により、全庁の主要課題をより分かりやすく把握することができる。各部局においては、ポイントを絞った報告をお願いしたい。");
        var first = Turns(samples["000"]).First();
        Assert.Equal("委員", first.Speaker);
        Assert.Equal(3, first.Text.Split('\n').Length);
        Assert.StartsWith("資料に基づき、個人情報の取り扱いに関する全庁緊急点検の実施について説明。\n個人情報の取り扱いについては、", first.Text, StringComparison.Ordinal);

        Assert.Contains(Turns(samples["001"]), t => t.Speaker == "事務局" && t.Text == "システムの入替に関しては、きちんとしたルールは定めておりません。");
        // Spacing inside a sentence is what was written; only labels are collapsed.
        Assert.Contains(Turns(samples["001"]), t => t.Speaker == "本部長" && t.Text.Contains("平成 30 年度第 1 回情報化推進本部を閉会します。", StringComparison.Ordinal));
        Assert.Contains(Turns(samples["003"]), t => t.Speaker == "齊藤副区長" && t.Text == "ただいまより第1回行政情報化推進本部を開催します。");
        Assert.Contains(Turns(samples["003"]), t => t.Speaker == "本部長" && t.Text.StartsWith("ペーパーレス・ハンコレスの推進の下に、「紙文書の電子化（スキャニング）の推進」という文言を", StringComparison.Ordinal));
        Assert.Contains(Turns(samples["003"]), t => t.Kind == TurnKind.Procedure && t.Text.Contains("あらためて所管部局と連携して検討を進める。", StringComparison.Ordinal));
        Assert.Contains(Turns(samples["004"]), t => t.Speaker == "練馬子ども家庭支援センター所長" && t.Text == "料金は、1単位は3時間として、0歳までは2,000円、1歳以上は1,500円となっています。");
        Assert.Contains(Turns(samples["004"]), t => t.Speaker == "情報公開課長" && t.Text.StartsWith("ただ今ご意見をいただいたので、", StringComparison.Ordinal));
        Assert.Contains(Turns(samples["004"]), t => t.Text.Contains("㈱内田洋行", StringComparison.Ordinal));
    }

    [Fact]
    public void Narrative_lines_are_procedure()
    {
        var t1 = Turns(samples["001"]).ToList();
        Assert.Equal("[午前10時08分 開会]", t1[0].Text);
        Assert.Equal(TurnKind.Procedure, t1[0].Kind);
        Assert.Null(t1[0].Speaker);
        Assert.Equal(2, t1.Count(t => t.Text == "—了承—" && t.Kind == TurnKind.Procedure));
        Assert.Equal(TurnKind.Procedure, t1[^1].Kind);

        var t3 = Turns(samples["003"]).ToList();
        Assert.Equal(7, t3.Count(t => t.Text.StartsWith("要旨：", StringComparison.Ordinal) && t.Kind == TurnKind.Procedure));
        Assert.Equal(3, t3.Count(t => t.Text == "—議題について案のとおり承認—"));
        Assert.Equal(6, t3.Count(t => t.Text == "(質疑なし)"));

        var stage = Turns(samples["004"]).Single(t => t.Speaker == "情報公開課長" && t.Kind == TurnKind.Procedure);
        Assert.Equal("——— 新任委員の紹介および事務局の人事異動の報告 ———", stage.Text);
        Assert.Contains(Turns(samples["004"]), t => t.Text == "(以下敬称略)" && t.Kind == TurnKind.Procedure);
        Assert.Equal(5, Turns(samples["002"]).Count(t => t.Speaker == "区側" && t.Kind == TurnKind.Procedure && t.Text.Contains("資料により説明", StringComparison.Ordinal)));
    }

    [Fact]
    public void Results_and_materials_are_read()
    {
        Assert.Single(samples["000"].Results);
        Assert.EndsWith("→(1)・(2)について決定、(3)について了承", samples["000"].Results[0], StringComparison.Ordinal);
        Assert.Equal(["個人情報の取り扱いに関する全庁緊急点検の実施について", "平成30年度4月当初時点における「主要課題」の報告について", "平成30年5月～平成30年7月分イベント・事業等開催予定一覧"], samples["000"].Materials);
        Assert.Equal(["資料 1：平成 30 年度豊島区情報セキュリティ内部監査実施計画（案）", "資料 2：豊島区総合保健福祉システムの更新について", "資料 2-2：総合保健福祉システムに関するアンケート調査票"], samples["001"].Materials);
        Assert.Equal(["1. 議題 (1) 平成 30 年度豊島区情報セキュリティ内部監査実施計画（案）について 以上、了承"], samples["001"].Results);
        Assert.Equal(7, samples["003"].Materials.Count);
        Assert.Equal("資料4 システム標準化への対応について(5/17 全体会報告)", samples["003"].Materials[3]);
        Assert.Equal("資料7 公文書管理の適正化検討PTの活動報告と今後の予定について", samples["003"].Materials[6]);
        Assert.Equal(["資料1 子育て支援に関する業務に係る電子計算組織の結合について(練馬子ども家庭支援センター)", "資料2 目的外利用に関する審議会事前一括承認基準の適用について(商品券事業担当課)"], samples["004"].Materials);
    }

    [Fact]
    public void Missing_header_fields_are_null_with_warnings()
    {
        var m = samples["002"];
        Assert.Null(m.Title);
        Assert.Null(m.Date);
        Assert.Null(m.Venue);
        foreach (var code in new[] { "title-missing", "date-missing", "venue-missing", "attendees-missing", "body-inferred", "agenda-inferred" })
        {
            Assert.Contains(m.Warnings, w => w.Code == code && w.Line is > 0);
        }

        Assert.Empty(samples["000"].Warnings);
        Assert.Empty(samples["001"].Warnings);
        Assert.Empty(samples["003"].Warnings);
    }

    [Fact]
    public void Source_and_id_are_filled_and_json_round_trips()
    {
        foreach (var m in samples.All)
        {
            Assert.True(MinutesId.IsValid(m.Id));
            Assert.NotNull(m.Source);
            Assert.Equal("utf-8", m.Source.Encoding, ignoreCase: true);
            Assert.Equal(64, m.Source.Sha256.Length);
            var back = MinutesJson.Deserialize(MinutesJson.Serialize(m));
            Assert.Equal(m.Title, back.Title);
            Assert.Equal(m.Sections.Sum(s => s.Turns.Count), back.Sections.Sum(s => s.Turns.Count));
        }

        Assert.Equal(MinutesId.FromSourceName("samples/000_b8461398634957b8.txt"), samples["000"].Id);
        Assert.Equal("markdown", samples["004"].Source!.Format);
    }
}
