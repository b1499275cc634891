using PublishPipeline.Model;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Redaction.Tests;

public class NameRedactionTests
{
    private static async Task<Minutes> Redact(RedactionPolicy policy, params SpeakerTurn[] turns)
    {
        var doc = new Minutes
        {
            Id = "names",
            Disclosure = new Model.Disclosure { Minutes = DisclosureState.Public },
            Sections = [new Section("議事", turns)],
        };
        var outcome = await new Redactor(policy).RedactAsync(doc, new RedactionRequest("names"));
        Assert.True(outcome.IsPublishable);
        return outcome.Redacted!;
    }

    [Theory]
    [InlineData("柴崎委員(会長)", "〇〇委員(会長)")]
    [InlineData("齊藤副区長", "〇〇副区長")]
    [InlineData("○議長（山田太郎君）", "○議長（〇〇君）")]
    [InlineData("○山田委員長", "○〇〇委員長")]
    [InlineData("◆（井上さくら君）", "◆（〇〇君）")]
    [InlineData("○（伊藤よしのり議長）", "○（〇〇議長）")]
    [InlineData("林（宏）委員", "〇〇（〇〇）委員")]
    [InlineData("〔市長　山田一郎君登壇〕", "〔市長　〇〇君登壇〕")]
    [InlineData("髙橋委員", "〇〇委員")]
    [InlineData("𠮷田委員", "〇〇委員")]
    [InlineData("本部長", "本部長")]
    [InlineData("情報公開課長", "情報公開課長")]
    [InlineData("副会長", "副会長")]
    public async Task Speaker_labels_keep_role_and_grammar(string label, string expected)
    {
        var m = await Redact(new RedactionPolicy(), new SpeakerTurn { Speaker = label, Text = "発言します。" });
        Assert.Equal(expected, m.Sections[0].Turns[0].Speaker);
    }

    [Fact]
    public async Task Spaced_roll_names_and_hiragana_names_are_masked()
    {
        var m = await Redact(new RedactionPolicy(),
            new SpeakerTurn { Text = "出席委員\n　１番　富　山　悦　子　　２番　阿　子　島　花　子", Kind = TurnKind.Procedure },
            new SpeakerTurn { Text = "それでは、かとうぎ委員お願いします。" });
        Assert.Equal("出席委員\n　１番　〇〇　　２番　〇〇", m.Sections[0].Turns[0].Text);
        Assert.Equal("それでは、〇〇委員お願いします。", m.Sections[0].Turns[1].Text);
    }

    [Fact]
    public async Task Hard_negatives_are_left_alone()
    {
        const string text = "児童氏名、保護者氏名を確認します。皆様、お子さんの予約は㈱内田洋行のシステムで行い、尼崎市と練馬区の例に倣います。情報公開課長、副会長、本部長も了承した。";
        var m = await Redact(new RedactionPolicy(), new SpeakerTurn { Text = text });
        Assert.Equal(text, m.Sections[0].Turns[0].Text);
    }

    [Fact]
    public async Task Pseudonyms_are_consistent_within_the_document()
    {
        var m = await Redact(new RedactionPolicy { Replacement = NameReplacement.Pseudonym },
            new SpeakerTurn { Speaker = "柴崎委員(会長)", Text = "今井委員どうぞ。" },
            new SpeakerTurn { Speaker = "今井委員", Text = "柴崎会長に伺います。" });
        Assert.Equal("A委員(会長)", m.Sections[0].Turns[0].Speaker);
        Assert.Equal("B委員どうぞ。", m.Sections[0].Turns[0].Text);
        Assert.Equal("B委員", m.Sections[0].Turns[1].Speaker);
        Assert.Equal("A会長に伺います。", m.Sections[0].Turns[1].Text);
    }

    [Fact]
    public async Task Allow_list_keeps_a_name_and_deny_list_removes_one_anywhere()
    {
        var policy = new RedactionPolicy { AllowList = ["高野之夫"], DenyList = ["ポチ山"], Mask = "＊＊" };
        var m = await Redact(policy,
            new SpeakerTurn { Text = "高野之夫区長が挨拶した。山田委員が質問した。ポチ山の件。" });
        Assert.Equal("高野之夫区長が挨拶した。＊＊委員が質問した。＊＊の件。", m.Sections[0].Turns[0].Text);
    }

    [Fact]
    public async Task Names_in_title_attendees_and_results_are_masked_too()
    {
        var doc = new Minutes
        {
            Id = "fields",
            Title = "山田太郎氏を囲む懇談会",
            Disclosure = new Model.Disclosure { Minutes = DisclosureState.Public },
            Attendees = [new AttendeeGroup("委員", ["富　山　悦　子", "区長", "阿子島委員"])],
            Results = ["阿子島委員の提案を了承"],
            Source = new SourceInfo("uploads/山田太郎議員の質問.txt", "text", "utf-8", "00", 10),
        };
        var outcome = await new Redactor().RedactAsync(doc, new RedactionRequest("fields"));
        var m = outcome.Redacted!;
        Assert.Equal("〇〇氏を囲む懇談会", m.Title);
        Assert.Equal(["〇〇", "区長", "〇〇委員"], m.Attendees[0].Members);
        Assert.Equal(["〇〇委員の提案を了承"], m.Results);
        Assert.Equal("uploads/〇〇議員の質問.txt", m.Source!.Name);
        Assert.Contains(outcome.Audit.Entries, e => e.Location == "attendees[0].members[0]@0" && e.Original == "富　山　悦　子");
    }

    [Fact]
    public void Lexicon_is_compiled_from_ipadic()
    {
        var lexicon = NameLexicon.Default;
        Assert.InRange(lexicon.SurnameCount, 12_000, 14_000);
        Assert.InRange(lexicon.GivenNameCount, 17_000, 20_000);
        Assert.True(lexicon.IsSurname("柴崎"));
        Assert.True(lexicon.IsSurname("髙橋")); // folded to 高橋
        Assert.True(lexicon.IsGivenName("悦子"));
        Assert.False(lexicon.IsSurname("太巻"));
    }

    [Fact]
    public void Pseudonyms_run_past_z()
    {
        Assert.Equal("A", NameMasker.PseudonymAt(0));
        Assert.Equal("Z", NameMasker.PseudonymAt(25));
        Assert.Equal("AA", NameMasker.PseudonymAt(26));
    }
}
