namespace PublishPipeline.Normalization.Tests;

/// <summary>Stage directions and procedure lines: kept as procedure, never as speakers, with the people they name.</summary>
public class StageDirectionTests
{
    [Fact]
    public void People_named_in_stage_directions_are_mentions_of_the_procedure_turn()
    {
        var m = Doc.FromText(string.Join("\n",
            "会議録",
            "◯山田一郎議長　自民県政クラブ，飯田次郎議員。",
            "〔20番飯田次郎議員登壇，拍手〕",
            "◯飯田次郎議員　質問いたします。",
            "　　　　　　　　　　　　　（市長　都倉達彦君　登壇）",
            "○市長（都倉達彦君）",
            "　お答えします。",
            "　　　　　　　　　　　　（１８番　鈴木　利男君　登壇）",
            "　　　〔「な　　し」と呼ぶ者あり〕",
            "（拍手）"));
        var procedures = Doc.Turns(m).Where(t => t.Kind == Model.TurnKind.Procedure).ToList();
        Assert.All(procedures, t => Assert.Null(t.Speaker));
        Assert.Equal(5, procedures.Count);

        var first = Assert.Single(procedures[0].Mentions);
        Assert.Equal(("飯田次郎", "20", "議員"), (first.Name, first.Number, first.Role));
        var mayor = Assert.Single(procedures[1].Mentions);
        Assert.Equal(("都倉達彦", "市長"), (mayor.Name, mayor.Role));
        var member = Assert.Single(procedures[2].Mentions);
        Assert.Equal(("鈴木利男", "鈴木", "利男", "18"), (member.Name, member.FamilyName, member.GivenName, member.Number));
        Assert.Empty(procedures[3].Mentions);
        Assert.Empty(procedures[4].Mentions);
        Assert.Equal(3, procedures[0].Line);
    }

    [Theory]
    [InlineData("〔大井田和夫知事登壇〕", "大井田和夫", "知事")]
    [InlineData("（柴崎教育長　退席）", "柴崎", "教育長")]
    [InlineData("〔木場保健福祉部長登壇〕", "木場", "保健福祉部長")]
    [InlineData("〔市長登壇〕", null, null)]
    [InlineData("〔総務課長退席〕", null, null)]
    [InlineData("〔執行部退席〕", null, null)]
    public void A_stage_direction_names_an_officer_written_as_name_and_office_without_an_honorific(string direction, string? name, string? role)
    {
        var person = Normalization.People.StageDirectionPeople.Read(direction).SingleOrDefault();
        Assert.Equal((name, role), (person?.Name, person?.Role));
    }

    [Fact]
    public void A_stage_direction_written_inside_a_speech_names_its_people_too()
    {
        var m = Doc.FromText(string.Join("\n",
            "会議録",
            "◯議長（山田一郎君）　次に，飯田次郎議員の質問を許します。〔20番飯田次郎議員登壇，拍手〕（「そうだ」と呼ぶ者あり）"));
        var turn = Assert.Single(Doc.Turns(m), t => t.Speaker is not null);
        var mention = Assert.Single(turn.Mentions);
        Assert.Equal(("飯田次郎", "20", "議員"), (mention.Name, mention.Number, mention.Role));
    }

    [Fact]
    public void Opening_and_closing_lines_give_the_sitting_times_when_the_header_has_only_the_date()
    {
        var m = Doc.FromText("会議録\n開催日：令和 6年 2月 5日\n　　　　　〔午前１０時　０分　開議〕\n○議長（今田大介君）　開会します。\n　　　　（午後　３時３３分　散会）\n");
        Assert.Equal(("10:00", "15:33"), (m.StartTime, m.EndTime));
    }

    [Fact]
    public void Agenda_rules_and_bracketed_notes_are_not_speakers()
    {
        var m = Doc.FromText("会議録\n○議長（今田大介君）　次に進みます。\n【日程第１ 諸般の報告】\n（「異議なし」の声あり）\n～～～～～～～～～～～～～～～～～～～～\n");
        Assert.Equal(["議長（今田大介君）"], Doc.Turns(m).Where(t => t.Speaker is not null).Select(t => t.Speaker));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains('～', StringComparison.Ordinal));
    }

    [Fact]
    public void A_whole_line_note_naming_who_did_a_job_names_that_person()
    {
        var m = Doc.FromText(string.Join("\n", "会議録", "○議長（山田一郎君）　開会します。", "（手話通訳　中谷　美穂）", "（議事進行　休憩中）", "（異議なし　と呼ぶ者あり）", "○議長（山田一郎君）　再開します。"));
        var notes = Doc.Turns(m).Where(t => t.Kind == Model.TurnKind.Procedure).ToList();
        Assert.Equal(3, notes.Count);
        var interpreter = Assert.Single(notes[0].Mentions);
        Assert.Equal(("中谷美穂", "中谷", "美穂", "手話通訳"), (interpreter.Name, interpreter.FamilyName, interpreter.GivenName, interpreter.Role));
        Assert.Empty(notes[1].Mentions);
        Assert.Empty(notes[2].Mentions);
    }

    [Fact]
    public void A_job_note_with_the_name_written_together_names_that_person()
    {
        // After a job's own word the name may be written without a space; before, such a note named nobody.
        var m = Doc.FromText(string.Join("\n", "会議録", "○議長（栗原悠斗君）　開会します。", "（記録　宮坂千尋）", "（速記者　葛西信吾）", "（記録　省略）", "（記録　事務局）", "○議長（栗原悠斗君）　再開します。"));
        var notes = Doc.Turns(m).Where(t => t.Kind == Model.TurnKind.Procedure).ToList();
        Assert.Equal(4, notes.Count);
        Assert.Equal(("宮坂千尋", "宮坂", "千尋", "記録"), (notes[0].Mentions[0].Name, notes[0].Mentions[0].FamilyName, notes[0].Mentions[0].GivenName, notes[0].Mentions[0].Role));
        Assert.Equal(("葛西信吾", "速記者"), (Assert.Single(notes[1].Mentions).Name, notes[1].Mentions[0].Role));

        // A word after the job's word is no name.
        Assert.Empty(notes[2].Mentions);
        Assert.Empty(notes[3].Mentions);
    }

    [Theory]
    [InlineData("〔市長ハリス・ジョーンズ君登壇〕", "ハリス・ジョーンズ", "市長")]
    [InlineData("〔副市長ジャン＝ピエール・ルロワ君登壇〕", "ジャン＝ピエール・ルロワ", "副市長")]
    [InlineData("〔ソフィア・マルティネス君登壇〕", "ソフィア・マルティネス", null)]
    public void A_stage_direction_names_an_officer_whose_foreign_name_follows_the_office(string direction, string name, string? role)
    {
        // Before, a name of more than eight characters after the office was read by no reader and held the document.
        var unread = false;
        var person = Assert.Single(Normalization.People.StageDirectionPeople.Read(direction, unread: () => unread = true));
        Assert.Equal((name, role), (person.Name, person.Role));
        Assert.False(unread);
    }

    [Theory]
    [InlineData("午前１１時１２分　散会")]
    [InlineData("午前11時12分 散 会")]
    [InlineData("午前１１時１２分　閉　会")]
    public void A_closing_time_without_brackets_is_procedure_and_ends_the_sitting(string closing)
    {
        var m = Doc.FromText(string.Join("\n",
            "令和６年第２回川端町議会定例会会議録（第１号）",
            "議事日程",
            "令和６年６月１０日（月）午前１０時開議",
            "日程第１　会議録署名議員の指名",
            "○議長（今田大介君）　ただいまから本日の会議を開きます。",
            "○議長（今田大介君）　本日はこれで散会します。",
            closing));
        Assert.Equal(("10:00", "11:12"), (m.StartTime, m.EndTime));
        Assert.DoesNotContain(m.Warnings, w => w.Code == "end-time-missing");
        Assert.Equal("本日はこれで散会します。", Doc.Turns(m)[1].Text);
        Assert.Equal(Model.TurnKind.Procedure, Doc.Turns(m)[2].Kind);
    }

    [Fact]
    public void A_caption_below_a_resuming_time_line_is_not_part_of_it()
    {
        // PDF text: 午後２時２６分開議 over the caption of the business resumed, between drawn rules. Before, one
        // procedure turn 午後2時26分開議\n…質疑（続）.
        var m = Doc.FromText(string.Join("\n",
            "川端町議会定例会会議録　　第３号",
            "令和６年３月５日（火曜日）午後１時１分開議",
            "○議長（今田大介君）　暫時休憩をいたします。",
            "午後２時９分休憩",
            "━━━━━━━━━━━━━━━━━━━━",
            "午後２時２６分開議",
            "代表質問並びに上程議案に対する質疑（続）",
            "━━━━━━━━━━━━━━━━━━━━",
            "○議長（今田大介君）　休憩前に引き続き会議を開きます。"));
        var turns = Doc.Turns(m);
        Assert.Contains(turns, t => t.Kind == Model.TurnKind.Procedure && t.Text == "午後2時26分開議");
        Assert.DoesNotContain(turns, t => t.Text.Contains("開議\n", StringComparison.Ordinal));
        Assert.Equal("休憩前に引き続き会議を開きます。", turns[^1].Text);
    }

    [Fact]
    public void A_caption_between_two_rules_after_a_speech_is_not_part_of_it()
    {
        // ──── / 日程第１　一般質問 / ──── after the chair's words: before, the speech's second paragraph, under the chair's name.
        var m = Doc.FromText(string.Join("\n",
            "川端町議会定例会会議録　　第３号",
            "令和６年３月５日（火曜日）午前１０時開議",
            "○議長（今田大介君）　ただいまから本日の会議を開きます。",
            "────────────────────",
            "日程第１　一般質問",
            "────────────────────",
            "○議長（今田大介君）　日程第１、一般質問を行います。"));
        var turns = Doc.Turns(m);
        Assert.Equal("ただいまから本日の会議を開きます。", turns[0].Text);
        Assert.Contains(turns, t => t.Kind == Model.TurnKind.Procedure && t.Speaker is null && t.Text == "日程第1\u3000一般質問");
    }

    [Fact]
    public void An_item_of_the_day_on_its_own_line_before_the_next_speaker_is_not_part_of_the_speech_above()
    {
        // 町村議会 minutes with no rules or marks: 日程第１　会議録署名議員の指名 alone between two speeches. Before, the
        // speech's last paragraph, under the chair's name; a sentence that starts so (日程第２　会期の決定を議題とします。) stays.
        var m = Doc.FromText(string.Join("\n",
            "令和６年第３回浜辺村議会臨時会会議録",
            "令和６年８月２０日（火曜日）午前１０時開議",
            "議長（鳴瀬大吾君）　ただいまから本日の会議を開きます。",
            "日程第１　会議録署名議員の指名",
            "議長（鳴瀬大吾君）　日程第１、会議録署名議員の指名を行います。",
            "日程第２　会期の決定を議題とします。",
            "議長（鳴瀬大吾君）　ご異議ありませんか。"));
        var turns = Doc.Turns(m);
        Assert.Equal("ただいまから本日の会議を開きます。", turns[0].Text);
        Assert.Contains(turns, t => t.Kind == Model.TurnKind.Procedure && t.Speaker is null && t.Text.EndsWith("会議録署名議員の指名", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Kind == Model.TurnKind.Speech && t.Text.EndsWith("会期の決定を議題とします。", StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_after_a_rule_that_the_speech_goes_on_with_stays_in_it()
    {
        // A rule, then the speech's next paragraph and more of it (no second rule): still the speech.
        var m = Doc.FromText(string.Join("\n",
            "川端町議会定例会会議録　　第３号",
            "令和６年３月５日（火曜日）午前１０時開議",
            "○議長（今田大介君）　ただいまから本日の会議を開きます。",
            "────────────────────",
            "本日の議事日程は",
            "お手元に配付のとおりです。"));
        Assert.Contains("本日の議事日程は", Assert.Single(Doc.Turns(m)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_question_and_answer_caption_is_a_line_of_its_own()
    {
        // 質疑応答 alone above the summary: before, glued to the next line (質疑応答委員から…) as a cut sentence.
        var m = Doc.FromText("第２回　北町区図書館協議会　会議録\n開催日時　令和６年１０月２日（水）午後２時\n審議経過\n会長：資料の説明をお願いします。\n質疑応答\n委員から、開館時間の延長について質問があった。\n");
        var turns = Doc.Turns(m);
        Assert.Contains(turns, t => t.Kind == Model.TurnKind.Procedure && t.Text == "質疑応答");
        Assert.DoesNotContain(turns, t => t.Text.Contains("応答委員", StringComparison.Ordinal) || t.Text.Contains("します。\n質疑", StringComparison.Ordinal));
    }
}
