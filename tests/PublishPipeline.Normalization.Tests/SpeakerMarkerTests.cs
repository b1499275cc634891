namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// Speaker markers of assembly minutes, each from real lines (shortened; names replaced): the marker
/// starts a turn on its own line, with the speech after it or on the lines below, and a marker after
/// a sentence starts another turn on the same line.
/// </summary>
public class SpeakerMarkerTests
{
    private static List<Model.SpeakerTurn> Speeches(string text) =>
        [.. Doc.Turns(Doc.FromText(text)).Where(t => t.Speaker is not null)];

    [Fact]
    public void Office_with_the_name_in_parentheses_and_the_speech_on_the_same_line()
    {
        var turns = Speeches("平成３１年第１回定例会 本会議録\n開催日：2019-02-26\n\n○議長（山田一郎）　これより、本日の会議を開きます。\n\n○議員（川口花子）　平成 31年第１回定例会に当たり、質問いたします。\n");
        Assert.Equal(["議長（山田一郎）", "議員（川口花子）"], turns.Select(t => t.Speaker));
        Assert.Equal([4, 6], turns.Select(t => t.Line));
        Assert.Equal("これより、本日の会議を開きます。", turns[0].Text);
    }

    [Fact]
    public void Name_before_the_office_title_and_no_parentheses()
    {
        var turns = Speeches("茨城県議会定例会会議録　　第３号\n平成31年３月５日（火曜日）午後１時１分開議\n◯山田一郎議長　これより本日の会議を開き，直ちに議事日程に入ります。\n◯大川原和彦知事　お答えいたします。\n◯関保健福祉部福祉担当部長　お答えいたします。\n");
        Assert.Equal(["山田一郎議長", "大川原和彦知事", "関保健福祉部福祉担当部長"], turns.Select(t => t.Speaker));
        Assert.Equal(("山田一郎", "議長"), (turns[0].Person!.Name, turns[0].Person!.Role));
        Assert.Equal(("大川原和彦", "知事"), (turns[1].Person!.Name, turns[1].Person!.Role));
        Assert.Equal(("関", "保健福祉部福祉担当部長"), (turns[2].Person!.Name, turns[2].Person!.Role));
    }

    [Fact]
    public void Label_alone_on_its_line_and_the_speech_below()
    {
        var turns = Speeches("開催日：令和 5年 9月12日\n会議名：令和 5年 9月定例会（第 1日 9月12日）\n\n○議長（今田大介君）\n　ただいまから、９月定例市議会を開会いたします。\n　直ちに日程に従い議事を進めます。\n\n○１８番（鈴木利男君）\n　皆さん、おはようございます。\n");
        Assert.Equal(["議長（今田大介君）", "18番（鈴木利男君）"], turns.Select(t => t.Speaker));
        Assert.Equal([4, 8], turns.Select(t => t.Line));
        Assert.Equal("ただいまから、９月定例市議会を開会いたします。\n直ちに日程に従い議事を進めます。".Replace("９", "9", StringComparison.Ordinal), turns[0].Text);
        Assert.Equal(("18", "議員"), (turns[1].Person!.Number, turns[1].Person!.Role));
    }

    [Fact]
    public void Committee_surname_and_title_with_a_trailing_space()
    {
        var turns = Speeches("議会運営委員会記録\n○川村委員長　\n　それでは、ただいまより議会運営委員会を開会いたします。\n○今田議長　\n　今、委員長が言われたように、一つの例として報告会を続けたい。\n");
        Assert.Equal(["川村委員長", "今田議長"], turns.Select(t => t.Speaker));
        Assert.Equal(("川村", "川村", "委員長"), (turns[0].Person!.Name, turns[0].Person!.FamilyName, turns[0].Person!.Role));
    }

    [Fact]
    public void A_marker_after_the_previous_speech_on_the_same_line_starts_a_new_turn()
    {
        var turns = Speeches("会議録\n○議長（角田芳夫）　質疑はないようです。○議長（角田芳夫）　次に、議案第１３号について。○（川口花子議員）　質問します。\n");
        Assert.Equal(3, turns.Count);
        Assert.All(turns, t => Assert.Equal(2, t.Line));
        Assert.Equal("（川口花子議員）", turns[2].Speaker);
        Assert.Equal(("川口花子", "議員"), (turns[2].Person!.Name, turns[2].Person!.Role));
        Assert.Equal("質問します。", turns[2].Text);
    }

    [Fact]
    public void Speech_right_after_the_closing_parenthesis()
    {
        var turns = Speeches("会議録\n◯議長（渡部順也君）ただいまから、令和八年二月臨時会を開会いたします。\n");
        Assert.Equal("議長（渡部順也君）", Assert.Single(turns).Speaker);
        Assert.Equal("ただいまから、令和八年二月臨時会を開会いたします。", turns[0].Text);
    }

    [Fact]
    public void Committee_name_space_office_and_spaced_name_with_honorific()
    {
        var turns = Speeches("会議録\n○高木　分科会委員長　　本日は委員会を招集しました。\n◆川村青空　分科会委員　　質問があります。\n◯飯島　修君　再質問いたします。\n");
        Assert.Equal(["高木　分科会委員長", "川村青空　分科会委員", "飯島　修君"], turns.Select(t => t.Speaker));
        Assert.Equal(("高木", "分科会委員長"), (turns[0].Person!.Name, turns[0].Person!.Role));
        Assert.Equal(("飯島修", "飯島", "修"), (turns[2].Person!.Name, turns[2].Person!.FamilyName, turns[2].Person!.GivenName));
        Assert.Equal("質問があります。", turns[1].Text);
    }

    [Fact]
    public void Roll_and_agenda_headings_with_marker_characters_are_not_speakers()
    {
        var m = Doc.FromText("会議録\n○議事日程\n　　第　１　会議録署名議員の決定\n〇出席議員（２名）\n　　１番　　　入　　江　　啓　　太\n　　２番　　　坂　　本　　ま　　り\n△日程第１　会議録署名議員の指名\n◎開会の宣告\n○議長（今田大介君）　開会します。\n");
        Assert.Equal(["議長（今田大介君）"], Doc.Turns(m).Where(t => t.Speaker is not null).Select(t => t.Speaker));
        Assert.Equal(2, Assert.Single(m.Rolls).Entries.Count);
    }

    [Fact]
    public void A_marked_agenda_item_under_a_speech_is_a_heading_of_its_own()
    {
        // △日程第1 議案第1号 under the chair's speech (half-width digits, one space): before, it ran into that speech.
        var m = Doc.FromText("会議録\n○議長（今田大介君）　ただいまから本日の会議を開きます。\n△日程第1 議案第1号\n○議長（今田大介君）　議案第1号を議題といたします。\n△散会の宣告\n○議長（今田大介君）　散会します。\n");
        Assert.Equal(["△日程第1 議案第1号", "△散会の宣告"], m.Sections.Select(s => s.Heading).OfType<string>());
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains('△', StringComparison.Ordinal));
    }

    [Fact]
    public void A_procedure_heading_marked_with_a_double_circle_is_a_heading_of_its_own()
    {
        // ◎散会の宣告 under the chair's speech: before, it ran into that speech.
        var m = Doc.FromText("会議録\n◎開会の宣告\n○議長（今田大介君）　ただいまから本日の会議を開きます。\n◎会議録署名議員の指名\n○議長（今田大介君）　２番を指名します。\n◎日程第２　議案第１号について\n○２番（浜辺律子君）　質問します。\n◎散会の宣告\n○議長（今田大介君）　散会します。\n");
        Assert.Equal(["◎開会の宣告", "◎会議録署名議員の指名", "◎日程第2　議案第1号について", "◎散会の宣告"], m.Sections.Select(s => s.Heading).OfType<string>());
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains('◎', StringComparison.Ordinal));
    }

    [Fact]
    public void The_chairs_double_circle_before_a_label_is_still_a_speaker()
    {
        // Committee minutes mark the chair with ◎: a label with a name or an office is a speaker, a name alone no heading.
        var m = Doc.FromText("委員会記録\n◎委員長（山根昌子君）　開会します。\n◎山根委員長\n　答弁を求めます。\n◎委員長（山根昌子君）\n　散会します。\n◎山根昌子\n");
        Assert.Equal(["委員長（山根昌子君）", "山根委員長", "委員長（山根昌子君）"], Doc.Turns(m).Where(t => t.Speaker is not null).Select(t => t.Speaker));
        Assert.DoesNotContain(m.Sections, s => s.Heading is not null);
    }

    [Fact]
    public void A_minus_figure_with_the_marker_is_no_heading()
    {
        var m = Doc.FromText("会議録\n○議長（今田大介君）　差引額は次のとおりです。\n△１２０千円\n");
        Assert.DoesNotContain(m.Sections, s => s.Heading is not null);
    }

    [Fact]
    public void In_minutes_that_mark_their_speakers_an_unmarked_office_and_a_space_is_text()
    {
        var turns = Doc.Turns(Doc.FromText("会議録\n◯山田一郎議長　諸般の報告をいたします。\n〔議事課長報告〕\n茨城県議会議長　山　田　一　郎　殿\n茨城県知事　　　大川原　和　彦\n議　案　の　送　付　に　つ　い　て\n"));
        Assert.Equal(["山田一郎議長"], turns.Where(t => t.Speaker is not null).Select(t => t.Speaker));
    }

    [Fact]
    public void Speaker_table_with_role_and_speaker_columns_and_continuation_rows()
    {
        var m = Doc.FromText("会議名\t架空市議会平成31年第１回定例会（第３日）　  本文\n開催日\t2019-02-20\n\n発言順\t役職\t発言者\t発言\n1\t議長\t川口一郎\tこれより本日の会議を開きます。\n\t\t\t日程に入るに先立ち、報告いたします。\n2\t市長\t高田宗介\t本日、ここに予算案を御説明いたします。\n3\tその他\t楠田正一\t休憩前に引き続き会議を開きます。\n");
        var turns = Doc.Turns(m).Where(t => t.Speaker is not null).ToList();
        Assert.Equal(["議長（川口一郎）", "市長（高田宗介）", "その他（楠田正一）"], turns.Select(t => t.Speaker));
        Assert.Equal([5, 7, 8], turns.Select(t => t.Line));
        Assert.Equal("これより本日の会議を開きます。\n日程に入るに先立ち、報告いたします。", turns[0].Text);
        Assert.Equal(("川口一郎", "議長"), (turns[0].Person!.Name, turns[0].Person!.Role));
        Assert.Null(turns[2].Person!.Role);
        Assert.Equal("架空市議会平成31年第1回定例会（第3日）", m.Title);
        Assert.Equal("架空市議会", m.Body);
    }

    [Fact]
    public void A_speaker_column_without_a_role_column_reads_the_office_out_of_the_name()
    {
        // | 発言者 | 発言 | with 大槻市長 in the speaker cell: 大槻 is the name, 市長 the office (the whole cell was the name before).
        var m = Doc.FromText("架空市議会定例会会議録\n開催日\t2024-06-10\n\n発言者\t発言\n森川議長\t開会します。\n大槻市長\tお答えします。\n浜口さやか\t質問します。\n");
        var people = Doc.Turns(m).Where(t => t.Person is not null).Select(t => (t.Person!.Name, t.Person!.Role)).ToList();
        Assert.Equal([("森川", "議長"), ("大槻", "市長"), ("浜口さやか", (string?)null)], people);
    }

    [Fact]
    public void An_office_alone_in_a_speaker_column_is_no_name()
    {
        // | 発言者 | 発言内容 | with 会長, 事務局 or 環境課長 in the speaker cell: each was read as a person named so, and the
        // redactor masked 事務局 wherever the document wrote it (the 出席者 group, the warnings).
        var m = Doc.FromText("架空市環境審議会会議録\n開催日\t2024-07-10\n\n発言者\t発言内容\n会長\t開会します。\n事務局\t説明します。\n環境課長\t答えます。\n宇佐木委員\t質問です。\n");
        var people = Doc.Turns(m).Where(t => t.Person is not null).Select(t => (t.Person!.Name, t.Person!.Role)).ToList();
        Assert.Equal([((string?)null, "会長"), (null, "事務局"), (null, "環境課長"), ("宇佐木", "委員")], people);
    }

    [Fact]
    public void A_spaced_name_and_a_spaced_office_after_a_marker_are_one_label()
    {
        // ○森川　健吾　議長　進めます。 was no speaker before: the whole line, names and all, was published as text.
        var turns = Doc.Turns(Doc.FromText("会議録\n○森川　健吾　議長　進めます。\n○寺門　久美子　委員　はい。\n○議長　森川健吾　ただいまから。\n"));
        Assert.Equal([("森川健吾", "議長", "進めます。"), ("寺門久美子", "委員", "はい。")],
            turns.Take(2).Select(t => (t.Person?.Name, t.Person?.Role, t.Text)));
        Assert.Equal("議長", turns[2].Speaker); // a name after the office is no office: it stays in the speech
    }

    [Fact]
    public void An_explainer_with_an_office_and_name_in_brackets_is_a_speaker()
    {
        // ○説明員（水野課長）: 説明員 also heads a roll, and the brackets were read as its count, so the line was
        // glued to the speech above. A count (３名) still makes a heading.
        var m = Doc.FromText(string.Join('\n',
            "架空町議会総務常任委員会記録",
            "説明員（２名）",
            "　総務課長　　水野　玲奈",
            "　財政係長　　堀　　信吾",
            "○委員長（栗原悠斗君）　開会します。",
            "○説明員（水野課長）　お答えします。",
            "○説明員（堀信吾君）　補足します。"));
        Assert.Equal(["水野玲奈", "堀信吾"], Assert.Single(m.Rolls).Entries.Select(e => e.Name));
        var t = Doc.Turns(m);
        Assert.Equal(["委員長（栗原悠斗君）", "説明員（水野課長）", "説明員（堀信吾君）"], t.Select(x => x.Speaker));
        Assert.Equal("お答えします。", t[1].Text);
    }

    private const string BareSurnameMinutes =
        "第３回架空市緑化審議会　会議録\n開催日時　令和６年７月１０日（水）午後２時００分～午後３時３０分\n"
        + "○会長　開会します。\n○事務局　説明します。\n○砥部野　質問です。\n○緑化課長　答えます。\n○砥部野委員　了解。\n";

    [Fact]
    public void A_bare_surname_the_document_knows_as_a_speaker_is_the_label()
    {
        // ○砥部野　質問です。 with ○砥部野委員 below: before, the line was folded into the 事務局's speech as its text.
        var turns = Doc.Turns(Doc.FromText(BareSurnameMinutes)).Where(t => t.Speaker is not null).ToList();
        Assert.Equal(["会長", "事務局", "砥部野", "緑化課長", "砥部野委員"], turns.Select(t => t.Speaker));
        Assert.Equal("説明します。", turns[1].Text);
        Assert.Equal(("質問です。", 5), (turns[2].Text, turns[2].Line));
        Assert.Equal(("砥部野", "砥部野"), (turns[2].Person?.Name, turns[2].Person?.FamilyName));
    }

    [Fact]
    public void A_bare_word_no_label_names_stays_in_the_speech_above()
    {
        var text = BareSurnameMinutes.Replace("○砥部野委員", "○網代委員", StringComparison.Ordinal) + "○会長　次に進みます。\n○第１号議案　について説明します。\n";
        var turns = Doc.Turns(Doc.FromText(text)).Where(t => t.Speaker is not null).ToList();
        Assert.Equal(["会長", "事務局", "緑化課長", "網代委員", "会長"], turns.Select(t => t.Speaker));
        Assert.Equal("説明します。\n○砥部野\u3000質問です。", turns[1].Text);
        Assert.Equal("次に進みます。\n○第1号議案\u3000について説明します。", turns[4].Text);
    }
}

/// <summary>A speaker label in marked minutes written without its mark: a full name and a member's title, then a speech.</summary>
public class UnmarkedNamedLabelTests
{
    [Fact]
    public void A_full_name_and_a_member_title_at_a_line_start_is_its_own_turn_in_marked_minutes()
    {
        var m = Doc.FromText(string.Join("\n",
            "第２回　架空市議会総務委員会　会議録",
            "○委員長（森下一樹）　ただいまから委員会を開きます。質疑はありませんか。",
            "ジョン・スミス委員　質問します。財政の見通しはどうか。",
            "○財政課長　お答えします。見通しは良好です。",
            "水島陽平委員　質問します。人員配置はどうか。",
            "○総務課長　お答えします。水島委員　ご指摘の点は検討します。",
            "水島委員　からの質問は以上です。"));
        var turns = Doc.Turns(m);
        Assert.Equal(["委員長（森下一樹）", "ジョン・スミス委員", "財政課長", "水島陽平委員", "総務課長"], turns.Select(t => t.Speaker));
        Assert.Equal(("ジョン・スミス", "委員"), (turns[1].Person?.Name, turns[1].Person?.Role));
        Assert.Equal("質問します。人員配置はどうか。", turns[3].Text);

        // A surname alone against a title is no such label: the line stays the speech above's text.
        Assert.EndsWith("水島委員　からの質問は以上です。", turns[4].Text, StringComparison.Ordinal);
    }
}
