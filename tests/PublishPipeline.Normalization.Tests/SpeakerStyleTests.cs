using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>Every speaker style and narrative form the wards use, one at a time, plus the traps around them.</summary>
public class SpeakerStyleTests
{
    private static List<SpeakerTurn> Proceedings(params string[] lines)
    {
        var doc = new Doc().P("審議経過");
        foreach (var l in lines)
        {
            doc.P(l);
        }

        return Doc.Turns(doc.Normalize());
    }

    private static void AssertSpeech(SpeakerTurn turn, string speaker, string text)
    {
        Assert.Equal(TurnKind.Speech, turn.Kind);
        Assert.Equal(speaker, turn.Speaker);
        Assert.Equal(text, turn.Text);
    }

    [Fact]
    public void A_member_called_by_surname_and_honorific_before_a_colon_is_a_speaker()
    {
        // 真壁君：… under the chair's 委員長（浜辺君）：…, as a city committee's minutes write its members: before, it ran on
        // into the chair's speech. Without the colon, or with more than a name before 君, it is text.
        var t = Proceedings("委員長（浜辺君）：討論ありませんか。", "真壁君：反対の立場で討論いたします。", "続いて述べます。", "諸事情により君：", "理由は君：述べた通り。", "宮之森委員：賛成です。");
        Assert.Equal(["委員長（浜辺君）", "真壁君", "宮之森委員"], t.Where(x => x.Speaker is not null).Select(x => x.Speaker));
        AssertSpeech(t[1], "真壁君", "反対の立場で討論いたします。\n続いて述べます。\n諸事情により君：\n理由は君：述べた通り。");
        Assert.Equal("真壁", t[1].Person?.Name);
    }

    [Fact]
    public void Role_word_then_a_space()
    {
        var t = Proceedings("委員 資料に基づき説明。", "副区長 了解した。", "会長 委員、お願いします。");
        AssertSpeech(t[0], "委員", "資料に基づき説明。");
        AssertSpeech(t[1], "副区長", "了解した。");
        AssertSpeech(t[2], "会長", "委員、お願いします。");
    }

    [Fact]
    public void Spaced_label_with_full_width_colon()
    {
        var t = Proceedings("本 部 長： 昨年度の結果はいかがでしょうか。", "事 務 局： 対応済みです。", "部 員：結構です。");
        AssertSpeech(t[0], "本部長", "昨年度の結果はいかがでしょうか。");
        AssertSpeech(t[1], "事務局", "対応済みです。");
        AssertSpeech(t[2], "部員", "結構です。");
    }

    [Fact]
    public void Unspaced_colon_labels_half_and_full_width()
    {
        var t = Proceedings("本部長：紙文書の電子化を入れてください。", "部員:承知しました。", "委員長（代理）：では始めます。");
        AssertSpeech(t[0], "本部長", "紙文書の電子化を入れてください。");
        AssertSpeech(t[1], "部員", "承知しました。");
        AssertSpeech(t[2], "委員長（代理）", "では始めます。");
    }

    [Fact]
    public void Parenthesised_labels_with_and_without_list_dash()
    {
        var t = Proceedings("(会長) 定刻になりました。", "- (委員) 分かりました。", "（練馬子ども家庭支援センター所長）　そのとおりです。");
        AssertSpeech(t[0], "会長", "定刻になりました。");
        AssertSpeech(t[1], "委員", "分かりました。");
        AssertSpeech(t[2], "練馬子ども家庭支援センター所長", "そのとおりです。");
    }

    [Fact]
    public void Council_bullets_and_lenticular_brackets()
    {
        var t = Proceedings("○委員長 ただいまから開会します。", "◯山田委員：質問します。", "【会長】 お諮りします。", "[14:40 終了]", "○議長（山田太郎君）　ただいまから会議を開きます。");
        AssertSpeech(t[4], "議長（山田太郎君）", "ただいまから会議を開きます。");
        AssertSpeech(t[0], "委員長", "ただいまから開会します。");
        AssertSpeech(t[1], "山田委員", "質問します。");
        AssertSpeech(t[2], "会長", "お諮りします。");
        Assert.Equal(TurnKind.Procedure, t[3].Kind);
    }

    [Fact]
    public void Labels_in_double_angle_and_angle_brackets_as_lenticular_ones()
    {
        var t = Proceedings("≪議長≫　ただいまから会議を開きます。", "《委員》　質問します。", "＜会長＞", "お諮りします。", "＜審議経過の概要＞");
        AssertSpeech(t[0], "議長", "ただいまから会議を開きます。");
        AssertSpeech(t[1], "委員", "質問します。");
        AssertSpeech(t[2], "会長", "お諮りします。");
        Assert.DoesNotContain(t, turn => turn.Speaker is { } speaker && speaker.Contains("審議経過", StringComparison.Ordinal)); // no role, no label
    }

    [Fact]
    public void Label_alone_then_speech_on_the_next_lines()
    {
        var t = Proceedings("(委員)", "パスワードは付与されるのですか。", "区側", "はい。", "続けて説明します。");
        Assert.Equal(2, t.Count);
        AssertSpeech(t[0], "委員", "パスワードは付与されるのですか。");
        AssertSpeech(t[1], "区側", "はい。\n続けて説明します。");
    }

    [Fact]
    public void Name_and_role_without_colon()
    {
        var t = Proceedings("齊藤副区長 ただいまより開催します。", "山田委員長 よろしくお願いします。");
        AssertSpeech(t[0], "齊藤副区長", "ただいまより開催します。");
        AssertSpeech(t[1], "山田委員長", "よろしくお願いします。");
    }

    [Fact]
    public void Tab_table_rows_give_one_turn_per_row_with_paragraphs()
    {
        var m = new Doc().P("1 開会").Row("会長", "それでは開会します。¶本日はよろしく").Row("", "お願いします。").Row("区側", "(資料により説明) (約1分)").Normalize();
        var t = Doc.Turns(m);
        Assert.Equal(2, t.Count);
        AssertSpeech(t[0], "会長", "それでは開会します。\n本日はよろしくお願いします。");
        Assert.Equal(TurnKind.Procedure, t[1].Kind);
        Assert.Equal("区側", t[1].Speaker);
        Assert.Equal("(資料により説明) (約1分)", t[1].Text);
    }

    [Fact]
    public void A_speaker_cell_drops_its_bullet()
    {
        // | ○議長（栗原悠斗君） | 開会します。 |: the mark says a new speaker starts, as at the start of a line.
        var m = new Doc().P("1 開会").Row("○議長（栗原悠斗君）", "開会します。").Row("◯町長（宮坂千尋君）", "お答えします。").Normalize();
        var t = Doc.Turns(m);
        AssertSpeech(t[0], "議長（栗原悠斗君）", "開会します。");
        AssertSpeech(t[1], "町長（宮坂千尋君）", "お答えします。");
        Assert.Equal(("栗原悠斗", "議長"), (t[0].Person!.Name, t[0].Person!.Role));

        // A speaker table's role and name cells too.
        var table = Doc.FromText("架空町議会定例会会議録\n開催日\t2024-06-10\n\n発言順\t役職\t発言者\t発言\n1\t○議長\t栗原悠斗\t開会します。\n");
        Assert.Equal("議長（栗原悠斗）", Doc.Turns(table)[0].Speaker);
    }

    [Fact]
    public void A_seat_and_a_member_in_brackets_is_a_speaker_without_a_bullet()
    {
        // A Word file that sets its labels in bold instead of marking them: ２番（宮坂千尋君） was glued to the speech above.
        var m = Doc.FromText(string.Join('\n',
            "令和６年第２回架空町議会定例会会議録",
            "議長（栗原悠斗君）　開会します。",
            "２番（宮坂千尋君）　質問します。",
            "２番（宮坂千尋君）",
            "続けて質問します。",
            "議長（栗原悠斗君）　採決します。",
            "賛成　２番　宮坂　千尋君"));
        var t = Doc.Turns(m);
        Assert.Equal(["議長（栗原悠斗君）", "2番（宮坂千尋君）", "2番（宮坂千尋君）", "議長（栗原悠斗君）"], t.Select(x => x.Speaker));
        Assert.Equal(("宮坂千尋", "2"), (t[1].Person!.Name, t[1].Person!.Number));
        Assert.Equal("採決します。\n賛成　2番　宮坂　千尋君", t[3].Text);
    }

    [Fact]
    public void Unlabelled_paragraphs_continue_the_turn_and_cut_sentences_join()
    {
        var t = Proceedings("委員 一つ目です。", "二つ目の段落です。", "三つ目は途中で切れて", "続きます。");
        Assert.Single(t);
        AssertSpeech(t[0], "委員", "一つ目です。\n二つ目の段落です。\n三つ目は途中で切れて続きます。");
    }

    [Fact]
    public void Words_that_merely_start_with_a_role_are_not_labels()
    {
        var t = Proceedings("会長 はい。", "委員どうぞ。", "委員会の日程は未定です。", "資料 1：別紙のとおり。");
        Assert.Single(t);
        AssertSpeech(t[0], "会長", "はい。\n委員どうぞ。\n委員会の日程は未定です。\n資料 1：別紙のとおり。");
    }

    [Theory]
    [InlineData("〔事務局：資料1を説明〕")]
    [InlineData("[事務局： 資料1「計画(案)」を説明]")]
    [InlineData("— 了 承 —")]
    [InlineData("—議題について案のとおり承認—")]
    [InlineData("⇒提案のとおり決定する。")]
    [InlineData("(質疑なし)")]
    [InlineData("（異議なし）")]
    [InlineData("[午前10時08分 開会]")]
    [InlineData("[14:40 終了]")]
    [InlineData("(以下敬称略)")]
    [InlineData("(「はい」という声あり)")]
    [InlineData("要旨：昨年度の取組を報告した。")]
    public void Narrative_lines_are_procedure_without_speaker(string line)
    {
        var t = Proceedings("委員 質問です。", line);
        Assert.Equal(2, t.Count);
        Assert.Equal(TurnKind.Procedure, t[1].Kind);
        Assert.Null(t[1].Speaker);
        Assert.DoesNotContain(" 了 ", t[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Labelled_stage_directions_are_procedure_with_their_speaker()
    {
        var t = Proceedings("(情報公開課長) ——— 新任委員の紹介 ———", "(各委員)　　(異議なし)", "(各委員)", "(異議なし)");
        Assert.All(t, x => Assert.Equal(TurnKind.Procedure, x.Kind));
        Assert.Equal(["情報公開課長", "各委員", "各委員"], t.Select(x => x.Speaker));
        Assert.Equal("——— 新任委員の紹介 ———", t[0].Text);
    }

    [Fact]
    public void A_summary_cut_by_a_page_break_stays_one_procedure()
    {
        var m = new Doc().P("審議経過").P("要旨：検討を進める。あらためて所").Break().P("管部局と連携する。").P("(質疑なし)").Normalize();
        var t = Doc.Turns(m);
        Assert.Equal(["要旨：検討を進める。あらためて所管部局と連携する。", "(質疑なし)"], t.Select(x => x.Text));
    }

    [Fact]
    public void A_label_split_around_a_line_of_speech_is_rejoined()
    {
        var t = Proceedings("(委員) 改善点ですよ。", "(練馬子ども家庭支", "そのとおりです。今までは登録が必要でし", "援センター所長) たが、今後は1回で済みます。", "(委員) 分かりました。");
        Assert.Equal(3, t.Count);
        AssertSpeech(t[1], "練馬子ども家庭支援センター所長", "そのとおりです。今までは登録が必要でしたが、今後は1回で済みます。");
    }

    [Fact]
    public void An_unfinished_split_label_keeps_the_text_and_warns()
    {
        var m = new Doc().P("審議経過").P("(委員) 質問です。").P("(練馬子ども家庭支").P("何かの文です。").P("(会長) 次へ。").P("はい。").Normalize();
        Assert.Contains(m.Warnings, w => w.Code == "split-label-unfinished" && w.Line == 3);
        var t = Doc.Turns(m);
        Assert.Equal(["委員", "会長"], t.Select(x => x.Speaker));
        Assert.Equal("質問です。\n(練馬子ども家庭支何かの文です。", t[0].Text);
        Assert.Equal("次へ。\nはい。", t[1].Text);
    }

    [Fact]
    public void Several_turns_in_one_line_are_split()
    {
        var t = Proceedings("[午前10時08分 開会] 本部長： 開会します。 1. 議題 (1) 計画(案)について 本部長： 説明をお願いします。 [事務局： 資料1を説明] 本部長： ご質問はありますか。");
        Assert.Equal(["[午前10時08分 開会]", "開会します。", "説明をお願いします。", "[事務局： 資料1を説明]", "ご質問はありますか。"], t.Select(x => x.Text));
        Assert.Equal([null, "本部長", "本部長", null, "本部長"], t.Select(x => x.Speaker));
    }

    [Fact]
    public void Text_before_any_speaker_is_narrative()
    {
        var t = Proceedings("本日の会議は書面で行った。");
        Assert.Equal(TurnKind.Procedure, Assert.Single(t).Kind);
    }

    [Fact]
    public void A_label_with_no_speech_warns_with_its_line()
    {
        var m = new Doc().P("審議経過").P("委員 質問。").P("(会長)").Normalize();
        Assert.Contains(m.Warnings, w => w.Code == "label-without-speech" && w.Line == 3);
    }

    [Fact]
    public void Speech_in_kagi_brackets_right_after_the_label_is_the_labels_turn()
    {
        var t = Proceedings("議長（村井）「ただいまから会議を開きます。」", "大槻市長「お答えします。」", "岡本議員「質問します。", "続けます。」", "委員長「休憩します」と述べた。");
        AssertSpeech(t[0], "議長（村井）", "「ただいまから会議を開きます。」");
        Assert.Equal("村井", t[0].Person?.Name);
        AssertSpeech(t[1], "大槻市長", "「お答えします。」");
        Assert.Equal(("大槻", "市長"), (t[1].Person?.Name, t[1].Person?.Role));
        // The speech goes on below; a quotation closed before more text is a sentence that cites someone, not a label.
        AssertSpeech(t[2], "岡本議員", "「質問します。\n続けます。」\n委員長「休憩します」と述べた。");
        Assert.Equal(3, t.Count);
    }

    [Fact]
    public void Lines_before_anyone_speaks_stay_lines_unless_a_bracket_is_left_open()
    {
        var t = Proceedings("請願第３号　公園の整備を求める請願", "請願者　架空市南町２－３　　小野寺　光代", "陳情第１号　道路の補修について（資料", "あり）", "委員長 開会します。");
        Assert.Equal("請願第3号　公園の整備を求める請願\n請願者　架空市南町2－3　　小野寺　光代\n陳情第1号　道路の補修について（資料あり）", t[0].Text);
        Assert.Equal(TurnKind.Procedure, t[0].Kind);
        AssertSpeech(t[1], "委員長", "開会します。");
    }

    [Fact]
    public void Question_and_answer_marks_before_a_parenthesised_label()
    {
        var t = Proceedings("問（吉岡委員）　補助金の対象は。", "答（小西福祉課長）　町内の事業者です。", "Ｑ（中島委員）　期間は。", "Ａ（福祉課長）", "３年です。", "問　対象外の場合は。");
        AssertSpeech(t[0], "吉岡委員", "補助金の対象は。");
        AssertSpeech(t[1], "小西福祉課長", "町内の事業者です。");
        Assert.Equal("小西", t[1].Person?.Name);
        AssertSpeech(t[2], "中島委員", "期間は。");
        // A mark with no label is a question of its own (問 as its label), not more of the answer above.
        AssertSpeech(t[3], "福祉課長", "3年です。");
        AssertSpeech(t[4], "問", "対象外の場合は。");
    }

    [Fact]
    public void Question_and_answer_marks_with_a_colon_before_a_parenthesised_label()
    {
        // 質疑応答 of 委員会 minutes: Ｑ：（真鍋委員）　…, Ａ：（総務課長）　…. Before, the lines were glued into the speech above.
        var t = Proceedings("委員長 開会します。", "Ｑ：（溝端委員）　改修はいつ終わりますか。", "Ａ：（総務課長）　来年３月の予定です。", "問:（浜中委員）　費用は。");
        AssertSpeech(t[0], "委員長", "開会します。");
        AssertSpeech(t[1], "溝端委員", "改修はいつ終わりますか。");
        AssertSpeech(t[2], "総務課長", "来年3月の予定です。");
        AssertSpeech(t[3], "浜中委員", "費用は。");
    }

    [Fact]
    public void An_office_and_a_name_in_brackets_and_a_surname_before_its_role_are_people()
    {
        // 事務局（図書館長　大河原）: before, the name was read as part of no one and published;
        // 橘（委員）：… was no label at all, the line glued to the speech above with 橘 in it.
        var m = Doc.FromText("審議経過\n会長：開会します。\n事務局（図書館長　大河原）：ご説明します。\n橘（委員）：反対です。\n説明（事務局）：資料のとおり。\n");
        var turns = Doc.Turns(m);
        Assert.Equal(["会長", "事務局（図書館長大河原）", "橘（委員）"], turns.Take(3).Select(t => t.Speaker));
        Assert.Equal("大河原", turns[1].Person?.Name);
        Assert.Equal("図書館長", turns[1].Person?.Role);
        Assert.Equal("橘", turns[2].Person?.Name);
        Assert.Equal("委員", turns[2].Person?.Role);
        // A word the dictionary has as no surname before a role in brackets is no label.
        Assert.DoesNotContain(turns, t => t.Speaker == "説明（事務局）");
    }
}
