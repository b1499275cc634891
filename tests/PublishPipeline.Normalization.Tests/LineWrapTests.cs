using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// Lines of plain text inside a speech: a line the layout wrapped at the document's column is joined, a
/// line its writer ended short of that column is kept apart with "\n" even without a sentence end.
/// </summary>
public class LineWrapTests
{
    private static string SpeechAt(Minutes m, int line) => Doc.Turns(m).Single(t => t.Line == line).Text;

    [Fact]
    public void A_vote_list_keeps_its_lines_apart()
    {
        var m = Doc.FromText(string.Join('\n',
            "令和６年第４回架空町議会定例会会議録",
            "開催日時　令和６年１２月５日（木）午前１０時",
            "○議長（大森健二君）　記名投票を行います。",
            "　賛成（白票）　１番　野口　隆君　　２番　岩崎　誠君　　５番　竹内　洋平君",
            "　賛成　２番　岩崎　誠君",
            "　２番　岩崎　誠君、３番　坂田　一也君",
            "○議長（大森健二君）　以上です。"));
        Assert.Equal("記名投票を行います。\n賛成（白票）　1番　野口　隆君　　2番　岩崎　誠君　　5番　竹内　洋平君\n賛成　2番　岩崎　誠君\n2番　岩崎　誠君、3番　坂田　一也君", SpeechAt(m, 3));
    }

    [Fact]
    public void A_laid_out_line_close_to_the_widest_is_not_glued_to_the_line_below()
    {
        // A short upload: no wrap width yet, and the vote line ends within a character or two of the widest line.
        // Its gap between items (　　) says its writer laid it out; before, 反対（青票） was glued to …誠君.
        var m = Doc.FromText(string.Join('\n',
            "令和６年第４回架空町議会定例会会議録",
            "○議長（大森健二君）　記名投票の結果を報告します。",
            "賛成（白票）　１番　野口　隆君　　２番　岩崎　誠君",
            "反対（青票）　３番　坂田　一也君",
            "○議長（大森健二君）　以上です。"));
        Assert.Equal("記名投票の結果を報告します。\n賛成（白票）　1番　野口　隆君　　2番　岩崎　誠君\n反対（青票）　3番　坂田　一也君", SpeechAt(m, 2));
    }

    [Fact]
    public void A_list_with_its_items_one_space_apart_is_not_glued_to_the_line_below()
    {
        // Three full-width spaces in one line: items set out one space apart, not prose.
        var m = Doc.FromText(string.Join('\n',
            "令和６年第４回架空町議会定例会会議録",
            "○議長（大森健二君）　記名投票の結果を報告します。",
            "賛成（白票）　１番　野口隆君　２番　岩崎誠君　３番　堀信吾君",
            "反対（青票）　４番　坂田一也君",
            "○議長（大森健二君）　以上です。"));
        Assert.Equal("記名投票の結果を報告します。\n賛成（白票）　1番　野口隆君　2番　岩崎誠君　3番　堀信吾君\n反対（青票）　4番　坂田一也君", SpeechAt(m, 2));
    }

    [Fact]
    public void Lines_either_side_of_a_rule_are_not_joined()
    {
        // A rule is drawn where a part ends; a page break cuts a sentence (joined, as before).
        var m = Doc.FromText(string.Join('\n',
            "令和６年第４回架空町議会定例会会議録",
            "○議長（大森健二君）　日程第１を議題とします",
            "━━━━━━━━━━━━━━━━━━━━",
            "本日の会議に付した事件",
            "――――――――――――――――――――",
            "日程第２　一般質問",
            "－－－－－－－－－－－－－－－－－－－－",
            "午後１時再開",
            "○議長（大森健二君）　議案の提出者は岩崎誠君で",
            "\f",
            "あります。"));
        // The captions between the rules are lines of their own, no part of the speech (before, its second and third paragraphs).
        Assert.Equal("日程第1を議題とします", SpeechAt(m, 2));
        Assert.Contains(Doc.Turns(m), t => t.Kind == TurnKind.Procedure && t.Text == "本日の会議に付した事件");
        Assert.Contains(Doc.Turns(m), t => t.Kind == TurnKind.Procedure && t.Text == "日程第2　一般質問");
        // 午後１時再開: the time the sitting resumed is procedure of its own, not the speech's last line.
        Assert.Contains(Doc.Turns(m), t => t.Kind == TurnKind.Procedure && t.Text == "午後1時再開");
        Assert.Equal("議案の提出者は岩崎誠君であります。", SpeechAt(m, 9));
    }

    [Fact]
    public void A_petitioner_line_is_not_glued_to_the_line_below()
    {
        var m = Doc.FromText(string.Join('\n',
            "令和６年第１回架空町議会定例会会議録",
            "○議長（大森健二君）　日程第２、請願第３号を議題とします。",
            "　請願者　架空町南町２－３　小野寺　光代",
            "　紹介議員　岩崎　誠君",
            "○議長（大森健二君）　以上です。"));
        Assert.Equal("日程第2、請願第3号を議題とします。\n請願者　架空町南町2－3　小野寺　光代\n紹介議員　岩崎　誠君", SpeechAt(m, 2));
    }

    [Fact]
    public void Prose_wrapped_at_the_documents_column_is_joined_and_a_short_line_ends_it()
    {
        // Fixed width, 20 full-width characters: every wrapped line reaches the column (the first before the
        // document has shown it), the paragraph's last line does not.
        var m = Doc.FromText(string.Join('\n',
            "令和６年第１回架空町議会定例会会議録",
            "○議長（大森健二君）　ただいまから本日の",
            "会議を開きます。本日の議事日程は、お手元",
            "に配付のとおりでありまして、議案の提出者",
            "は大森健二君、岩崎誠君",
            "　賛成　２番　岩崎　誠君",
            "○議長（大森健二君）　以上です。"));
        Assert.Equal("ただいまから本日の会議を開きます。本日の議事日程は、お手元に配付のとおりでありまして、議案の提出者は大森健二君、岩崎誠君\n賛成　2番　岩崎　誠君", SpeechAt(m, 2));
    }

    [Fact]
    public void A_sentence_cut_across_a_blank_line_is_joined_as_before()
    {
        var m = Doc.FromText(string.Join('\n',
            "令和６年第１回架空町議会定例会会議録",
            "○議長（大森健二君）　議案の提出者は岩崎誠君で",
            "",
            "あります。"));
        Assert.Equal("議案の提出者は岩崎誠君であります。", SpeechAt(m, 2));
    }

    [Fact]
    public void Markdown_soft_line_breaks_are_not_judged()
    {
        var m = Doc.FromText(string.Join('\n',
            "# 令和６年第１回架空町議会定例会会議録",
            "",
            "○議長（大森健二君）　議案の提出者は",
            "岩崎誠君であります。"), "upload.md");
        Assert.Equal("議案の提出者は岩崎誠君であります。", SpeechAt(m, 3));
    }

    [Fact]
    public void The_title_repeated_at_the_top_of_a_page_and_marked_rules_are_no_speech()
    {
        // PDF text: each page opens with the minutes' heading under its number (－ 3 －); items are ruled ◇───◇.
        var m = Doc.FromText(string.Join('\n',
            "令和６年第２回架空町議会定例会会議録（第２号）",
            "令和６年６月１１日（火）午前１０時開議",
            "○２番（岩崎誠君）　町の財政について、",
            "                                   － 3 －",
            "令和６年第２回架空町議会定例会会議録（第２号）",
            "今後の見通しをお聞かせください。",
            "○町長（大森健二君）　お答えします。",
            "                         ◇─────────────◇",
            "○議長（野口隆君）　本日はこれで散会します。"));
        var speeches = Doc.Turns(m).Select(t => t.Text).ToList();
        Assert.Equal(["町の財政について、今後の見通しをお聞かせください。", "お答えします。", "本日はこれで散会します。"], speeches);
    }
}
