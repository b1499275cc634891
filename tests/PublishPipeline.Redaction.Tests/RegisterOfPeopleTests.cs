using PublishPipeline.Model;
using PublishPipeline.Redaction.PersonalData;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// The register of people: structure names a person once, and every occurrence of that person is
/// masked (surname alone, given name, spaced forms, labels, stage directions, warnings); what only a
/// context suggested stays local and is vetoed by the dictionary. Lines are shortened from real minutes.
/// </summary>
public class RegisterOfPeopleTests
{
    private static async Task<RedactionOutcome> Outcome(RedactionPolicy policy, Minutes doc) =>
        await new Redactor(policy).RedactAsync(doc, new RedactionRequest(doc.Id));

    private static Minutes Doc(params SpeakerTurn[] turns) => new()
    {
        Id = "register",
        Title = "令和2年第1回小樽市議会定例会",
        Disclosure = new Model.Disclosure { Minutes = DisclosureState.Public },
        Sections = [new Section(null, turns)],
    };

    private static async Task<Minutes> Redact(params SpeakerTurn[] turns)
    {
        var outcome = await Outcome(new RedactionPolicy(), Doc(turns));
        Assert.True(outcome.IsPublishable);
        return outcome.Redacted!;
    }

    private static string Texts(Minutes m) => string.Join("\n", m.Sections.SelectMany(s => s.Turns).Select(t => $"{t.Speaker}|{t.Text}"));

    /// <summary>The turns' speakers and texts, then every roll entry as written and as read (name, surname, given name).</summary>
    private static string TextsAndRolls(Minutes m) =>
        Texts(m) + "\n" + string.Join("\n", m.Rolls.SelectMany(r => r.Entries).Select(e => $"{e.Written}|{e.Name}|{e.FamilyName}|{e.GivenName}"));

    /// <summary>An upload normalised, taken as public minutes and redacted under the default policy: the redacted document.</summary>
    private static async Task<Minutes> RedactPublicUpload(string upload, string name)
    {
        var doc = RedactedUploads.Normalize(upload, name) with
        {
            Disclosure = new Model.Disclosure { Minutes = DisclosureState.Public },
        };
        return (await Outcome(new RedactionPolicy(), doc)).Redacted!;
    }

    [Fact]
    public async Task A_speaker_label_masks_the_surname_everywhere_once_the_document_addresses_the_person_by_it()
    {
        var m = await Redact(
            new SpeakerTurn { Speaker = "議員（秋元智憲）", Text = "公明党を代表し質問いたします。" },
            new SpeakerTurn { Speaker = "議長（鈴木喜明）", Text = "秋元議員の質問に答弁を求めます。秋元さんどうぞ。" },
            new SpeakerTurn { Speaker = "市長（迫俊哉）", Text = "秋元議員の御質問にお答えいたします。" },
            new SpeakerTurn { Text = "昨年、突然の市長選により迫市長が誕生し、迫市政が始まりました。", Kind = TurnKind.Procedure });
        var text = Texts(m);
        RedactedUploads.AssertNoneAppear(text, "秋元", "智憲", "迫市長");
        Assert.Contains("〇〇市長が誕生", text, StringComparison.Ordinal);
        Assert.Contains("議員（〇〇）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fixed_width_roll_with_spaces_between_characters_masks_the_name_and_its_parts_elsewhere()
    {
        // The roll is read where it stands, by normalisation (Minutes.Rolls); the register masks from the model.
        const string upload = "令和2年第1回小樽市議会定例会会議録\n〇出席議員（１９名）\n　　　　１番　　　松　　野　　優　　也\n　　　１２番　　　今　　竹　　大　　祐\n"
            + "〇説明員\n　　　　　財務部長　　　　　　　　月　　嶹　　　　　真\n\n◯議長（藤森　誠君）　松野議員。今竹議員。月嶹財務部長。\n";
        var m = await RedactPublicUpload(upload, "roll.txt");
        var text = TextsAndRolls(m);
        RedactedUploads.AssertNoneAppear(text, "松", "優也", "今竹", "大祐", "月嶹", "嶹");

        Assert.Contains("財務部長", text, StringComparison.Ordinal);
        Assert.Equal(("出席議員", "説明員"), (m.Rolls[0].Group, m.Rolls[1].Group));
    }

    [Fact]
    public async Task A_bare_surname_of_an_each_member_roll_that_is_also_a_word_is_masked_in_the_roll_and_in_speech()
    {
        // 夕凪 and 白露 are words of the dictionary and no known surnames; the roll makes them members.
        const string upload = "議会運営委員会会議録\n〇出席委員\n大道委員長、夕凪、白露、三木の各委員\n"
            + "○大道委員長　開会いたします。会議録署名委員は夕凪委員、白露委員にお願いいたします。\n";
        var m = await RedactPublicUpload(upload, "each.txt");
        var text = TextsAndRolls(m);
        RedactedUploads.AssertNoneAppear(text, "大道", "夕凪", "白露", "三木");

        Assert.Contains("〇〇委員、〇〇委員にお願い", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_surname_that_is_also_a_word_before_the_honorific_of_a_label_is_masked()
    {
        // 浜辺 (a beach) is a word of the dictionary: before, the label's name passed the word veto and was published.
        const string upload = "総務常任委員会　令和６年６月２４日（月）\n委員長（浜辺君）：ただいまより開会いたします。\n"
            + "宮之森委員：質問します。\n委員長（浜辺君）：以上で散会いたします。\n";
        var m = await RedactPublicUpload(upload, "honorific.txt");
        var people = m.Sections.SelectMany(s => s.Turns).Select(t => $"{t.Speaker}|{t.Person?.Name}|{t.Person?.FamilyName}");
        Assert.DoesNotContain(people, p => p.Contains("浜辺", StringComparison.Ordinal));
        Assert.Contains("委員長（〇〇君）", Texts(m), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("盛谷政策企画部長", "盛谷", "〇〇政策企画部長")]
    [InlineData("服部防災・危機管理部長", "服部", "〇〇防災・危機管理部長")]
    [InlineData("竹内議会事務局議事課長", "竹内", "〇〇議会事務局議事課長")]
    public async Task A_label_of_surname_office_and_post_masks_the_surname_in_stage_directions_and_prose(string label, string surname, string masked)
    {
        var m = await Redact(
            new SpeakerTurn { Text = $"次に，{label}。", Kind = TurnKind.Procedure },
            new SpeakerTurn { Text = $"〔{label}登壇〕", Kind = TurnKind.Procedure },
            new SpeakerTurn { Speaker = label, Text = "お答えいたします。" });
        Assert.Equal(masked, m.Sections[0].Turns[2].Speaker);
        Assert.DoesNotContain(surname, Texts(m), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("市民病院事務局長")]
    [InlineData("青少年センター所長")]
    [InlineData("市議会議長")]
    [InlineData("政策部公共マネジメント室長")]
    public async Task An_office_label_names_nobody(string label)
    {
        var m = await Redact(new SpeakerTurn { Speaker = label, Text = "お答えいたします。" });
        Assert.Equal(label, m.Sections[0].Turns[0].Speaker);
    }

    [Fact]
    public async Task Words_a_context_made_look_like_names_stay_and_are_never_spread()
    {
        const string text = "欠席議員（なし）。つきましては委員の皆様、そして先生、我々議員も研さんを積み、今部長にも奥さんにも伺い、全教職員と土地区画整理事業を進める。";
        var m = await Redact(new SpeakerTurn { Text = text, Kind = TurnKind.Procedure });
        Assert.Equal(text, m.Sections[0].Turns[0].Text);
    }

    [Fact]
    public async Task The_documents_own_place_is_never_masked_but_a_mayor_named_like_another_place_is()
    {
        // The mayor speaks in these minutes, so 高島市長 in 福岡市's minutes is the mayor 高島, not the office of 高島市.
        var m = await Redact(
            new SpeakerTurn { Text = "令和2年第1回福岡市議会定例会", Kind = TurnKind.Procedure },
            new SpeakerTurn { Speaker = "議員", Text = "高島市長の市政運営方針について、福岡市の予算を伺います。" },
            new SpeakerTurn { Speaker = "市長", Text = "お答えします。" });
        Assert.Equal("〇〇市長の市政運営方針について、福岡市の予算を伺います。", m.Sections[0].Turns[1].Text);

        // Where no mayor speaks, X市長 and X区長 are other places' offices.
        const string offices = "新宿区長、渋谷区長、大阪市長、横浜市長、東京都知事、大田区長、北区長";
        var council = await Redact(new SpeakerTurn { Speaker = "会長", Text = offices });
        Assert.Equal(offices, council.Sections[0].Turns[0].Text);
    }

    [Fact]
    public async Task A_weak_hit_is_masked_where_it_stands_but_not_elsewhere()
    {
        // 阿子島 is in no dictionary: before 委員 in prose it is masked there, but a bare 阿子島 elsewhere is not spread from it.
        var m = await Redact(
            new SpeakerTurn { Text = "先ほどの阿子島委員の意見のとおり。", Kind = TurnKind.Procedure },
            new SpeakerTurn { Text = "阿子島という地名もある。", Kind = TurnKind.Procedure });
        Assert.Equal("先ほどの〇〇委員の意見のとおり。", m.Sections[0].Turns[0].Text);
        Assert.Equal("阿子島という地名もある。", m.Sections[0].Turns[1].Text);
    }

    [Fact]
    public async Task Names_quoted_in_normalisation_warnings_are_masked()
    {
        var doc = Doc(new SpeakerTurn { Speaker = "議員（秋元智憲）", Text = "質問します。" }) with
        {
            Warnings = [new NormalizationWarning("speaker", "「秋元　智憲」の発言者を読めませんでした", 12)],
        };
        var outcome = await Outcome(new RedactionPolicy(), doc);
        Assert.DoesNotContain(outcome.Redacted!.Warnings, w => w.Message.Contains('秋', StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_register_from_reading_masks_a_roll_entry_and_its_bare_surname()
    {
        var doc = Doc(new SpeakerTurn { Text = "山田議員から補足があった。", Kind = TurnKind.Procedure }) with
        {
            Rolls = [new Roll("出席議員", [new PersonMention { Written = "19番　山　田　太　郎", Name = "山田太郎", FamilyName = "山田", GivenName = "太郎", Number = "19" }])],
        };
        var outcome = await Outcome(new RedactionPolicy(), doc);
        Assert.Equal("〇〇議員から補足があった。", outcome.Redacted!.Sections[0].Turns[0].Text);
        Assert.Equal("19番　〇〇", outcome.Redacted.Rolls[0].Entries[0].Written);
        var person = Assert.Single(outcome.Audit.People);
        Assert.Equal(("山田", "太郎", "structure"), (person.FamilyName, person.GivenName, person.FamilyNameFrom));
        Assert.Equal("masked", person.Decision);
    }

    [Fact]
    public async Task Policy_by_role_keeps_members_and_the_mayor_and_masks_everyone_else_with_the_reason_in_the_audit()
    {
        var doc = Doc(
            new SpeakerTurn { Speaker = "議長（鈴木喜明）", Text = "秋元議員。" },
            new SpeakerTurn { Speaker = "議員（秋元智憲）", Text = "市長と参考人の宇佐美さんに伺います。" },
            new SpeakerTurn { Speaker = "市長（迫俊哉）", Text = "お答えします。" },
            new SpeakerTurn { Speaker = "参考人（宇佐美健一）", Text = "宇佐美です。" });
        var policy = new RedactionPolicy { KeepNamesOf = ["members", "executives"] };
        var outcome = await Outcome(policy, doc);
        var text = Texts(outcome.Redacted!);
        Assert.Contains("議長（鈴木喜明）", text, StringComparison.Ordinal);
        Assert.Contains("議員（秋元智憲）", text, StringComparison.Ordinal);
        Assert.Contains("秋元議員", text, StringComparison.Ordinal);
        Assert.Contains("市長（迫俊哉）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("宇佐美", text, StringComparison.Ordinal);
        var kept = outcome.Audit.People.Single(p => p.Name == "秋元智憲");
        Assert.Equal("kept", kept.Decision);
        Assert.Contains("議員", kept.Reason, StringComparison.Ordinal);
        Assert.Equal("masked", outcome.Audit.People.Single(p => p.Name == "宇佐美健一").Decision);

        // Default: every name is masked.
        var all = Texts((await Outcome(new RedactionPolicy(), doc)).Redacted!);
        RedactedUploads.AssertNoneAppear(all, "秋元", "鈴木");
    }

    [Fact]
    public async Task Personal_data_is_masked_only_when_the_policy_asks_and_office_contacts_stay()
    {
        const string text = "住所：練馬区豊玉北6丁目12番1号の方から、電話090-1234-5678、メール taro.yamada@example.com で連絡があった。問い合わせは情報公開課 03-3993-1111、kokai@city.nerima.lg.jp まで。";
        var doc = Doc(new SpeakerTurn { Text = text, Kind = TurnKind.Procedure });
        Assert.Equal(text, (await Outcome(new RedactionPolicy(), doc)).Redacted!.Sections[0].Turns[0].Text);

        var outcome = await Outcome(new RedactionPolicy { PersonalData = PersonalDataKinds.All }, doc);
        var masked = outcome.Redacted!.Sections[0].Turns[0].Text;
        Assert.DoesNotContain("090-1234-5678", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("taro.yamada", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("6丁目12番1号", masked, StringComparison.Ordinal);
        Assert.Contains("03-3993-1111", masked, StringComparison.Ordinal);
        Assert.Contains("kokai@city.nerima.lg.jp", masked, StringComparison.Ordinal);
        Assert.Contains(outcome.Audit.Entries, e => e.Rule == "personal-data:phone" && e.Original == "090-1234-5678");
    }

    [Theory]
    [InlineData("書記")]
    [InlineData("司会")]
    [InlineData("記録")]
    public async Task A_roll_entry_whose_post_is_a_label_word_keeps_the_post_and_masks_the_name(string post)
    {
        // 書記　蒔田奈央 in a roll: with its spaces removed the entry was one bare run (書記蒔田奈央), masked whole.
        var doc = Doc() with
        {
            Rolls = [new Roll("職務のため出席した者の職氏名", [new PersonMention { Written = $"{post}　蒔田奈央", Name = "蒔田奈央", FamilyName = "蒔田", GivenName = "奈央", Role = post }])],
        };
        var entry = (await Outcome(new RedactionPolicy(), doc)).Redacted!.Rolls[0].Entries[0];
        Assert.Equal($"{post}　〇〇", entry.Written);
    }
}
