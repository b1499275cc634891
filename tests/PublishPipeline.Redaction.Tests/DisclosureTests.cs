using System.Text;
using PublishPipeline.Model;
using PublishPipeline.Redaction.Audit;

namespace PublishPipeline.Redaction.Tests;

public class DisclosureTests
{
    private const string Reason = "豊島区行政情報公開条例第7条第1項第5号";

    private static SpeakerTurn Say(string speaker, string text) => new() { Speaker = speaker, Text = text };

    private static SpeakerTurn Start(string marker = "【非公開】") => new() { Text = marker, Kind = TurnKind.NonDisclosureStart };

    private static SpeakerTurn End(string marker = "【非公開ここまで】") => new() { Text = marker, Kind = TurnKind.NonDisclosureEnd };

    private static Minutes Doc(DisclosureState state, params Section[] sections) => new()
    {
        Id = "test-minutes",
        Title = "令和6年度第1回情報公開審議会",
        Disclosure = new Model.Disclosure { Meeting = state, Minutes = state, Reason = state == DisclosureState.Public ? null : Reason },
        Sections = sections,
    };

    private static Task<RedactionOutcome> Redact(Minutes m, bool confirmed = false, RedactionPolicy? policy = null) =>
        new Redactor(policy).RedactAsync(m, new RedactionRequest("upload/test.txt", confirmed));

    private static string Json(Minutes m) => Encoding.UTF8.GetString(MinutesJson.Serialize(m));

    [Fact]
    public async Task Closed_minutes_are_held_and_nothing_is_produced()
    {
        var outcome = await Redact(Doc(DisclosureState.Closed, new Section("議事", [Say("会長", "秘密の話。")])));
        Assert.False(outcome.IsPublishable);
        Assert.Null(outcome.Redacted);
        Assert.Null(outcome.ReviewCopy);
        Assert.Contains(outcome.Hold!.Reasons, r => r.Contains("非公開", StringComparison.Ordinal) && r.Contains(Reason, StringComparison.Ordinal));
        Assert.Equal("upload/test.txt", outcome.Hold.SourceName);
    }

    [Fact]
    public async Task Unknown_disclosure_is_held_unless_the_policy_publishes_it()
    {
        var doc = Doc(DisclosureState.Unknown, new Section("議事", [Say("会長", "開会します。")]));
        var held = await Redact(doc);
        Assert.False(held.IsPublishable);
        Assert.Contains(held.Hold!.Reasons, r => r.Contains("unknown", StringComparison.Ordinal));

        var published = await Redact(doc, policy: new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        Assert.True(published.IsPublishable);
    }

    [Fact]
    public async Task Marked_passage_becomes_a_notice_with_the_minutes_reason()
    {
        var doc = Doc(DisclosureState.Partial, new Section("議事",
        [
            Say("会長", "公開の話。"),
            Start(),
            Say("委員", "個別の事案について申し上げます。"),
            Say("区側", "当該職員の処分は…"),
            End(),
            Say("会長", "以上です。"),
        ]));
        var outcome = await Redact(doc);
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        var turns = outcome.Redacted!.Sections[0].Turns;
        Assert.Equal(3, turns.Count);
        Assert.Equal(TurnKind.Notice, turns[1].Kind);
        Assert.Equal($"（この部分は非公開です。理由：{Reason}）", turns[1].Text);
        var json = Json(outcome.Redacted);
        Assert.DoesNotContain("個別の事案", json);
        Assert.DoesNotContain("処分", json);
        Assert.DoesNotContain("【非公開", json);
        Assert.Contains(outcome.Audit.Entries, e => e.Original.Contains("処分", StringComparison.Ordinal) && e.Rule == "disclosure:marker");
    }

    [Fact]
    public async Task Notice_falls_back_to_the_meeting_reason_then_to_no_reason()
    {
        var section = new Section("議事", [Start(), Say("委員", "内密。"), End()]);
        var meetingOnly = Doc(DisclosureState.Partial, section) with
        {
            Disclosure = new Model.Disclosure { Minutes = DisclosureState.Partial, MeetingReason = "会議の理由" },
        };
        var a = await Redact(meetingOnly);
        Assert.Equal("（この部分は非公開です。理由：会議の理由）", a.Redacted!.Sections[0].Turns[0].Text);

        var none = Doc(DisclosureState.Public, section);
        var b = await Redact(none);
        Assert.Equal("（この部分は非公開です。）", b.Redacted!.Sections[0].Turns[0].Text);
    }

    [Fact]
    public async Task Inline_comment_markers_inside_a_turn_are_honoured()
    {
        var doc = Doc(DisclosureState.Partial, new Section("議事",
        [
            Say("委員", "前半は公開。<!-- 非公開 -->ここは秘密。<!-- /非公開 -->後半も公開。"),
        ]));
        var outcome = await Redact(doc);
        Assert.True(outcome.IsPublishable);
        Assert.Equal($"前半は公開。（この部分は非公開です。理由：{Reason}）後半も公開。", outcome.Redacted!.Sections[0].Turns[0].Text);
    }

    [Fact]
    public async Task Heading_ending_in_hikoukai_hides_the_whole_item()
    {
        var doc = Doc(DisclosureState.Partial,
            new Section("議題（1）公開の議題", [Say("会長", "説明をお願いします。")]),
            new Section("議題（2）職員の懲戒処分について（非公開）", [Say("区側", "処分の内容は…"), Say("委員", "了解。")]),
            new Section("議題（3）その他", [Say("会長", "閉会します。")]));
        var outcome = await Redact(doc);
        Assert.True(outcome.IsPublishable);
        var hidden = outcome.Redacted!.Sections[1];
        Assert.Equal("議題（2）職員の懲戒処分について（非公開）", hidden.Heading);
        var notice = Assert.Single(hidden.Turns);
        Assert.Equal(TurnKind.Notice, notice.Kind);
        Assert.DoesNotContain("処分の内容", Json(outcome.Redacted));
        Assert.Equal("閉会します。", outcome.Redacted.Sections[2].Turns[0].Text);
    }

    [Fact]
    public async Task Unclosed_marker_hides_everything_after_it_with_a_warning()
    {
        var doc = Doc(DisclosureState.Partial,
            new Section("議事", [Say("会長", "公開。"), Start("<!-- 非公開 -->"), Say("委員", "秘密一。")]),
            new Section("その他の秘密の議題", [Say("委員", "秘密二。")]));
        var outcome = await Redact(doc);
        Assert.True(outcome.IsPublishable);
        var json = Json(outcome.Redacted!);
        Assert.DoesNotContain("秘密一", json);
        Assert.DoesNotContain("秘密二", json);
        Assert.DoesNotContain("その他の秘密の議題", json);
        Assert.Single(outcome.Redacted!.Sections);
        Assert.Contains(outcome.Warnings, w => w.Contains("閉じられていない", StringComparison.Ordinal));
        Assert.Contains(outcome.Redacted.Warnings, w => w.Code == "redaction");
    }

    [Fact]
    public async Task Closing_marker_without_opening_holds_the_document()
    {
        var doc = Doc(DisclosureState.Public, new Section("議事", [Say("会長", "公開。"), End("【/非公開】"), Say("委員", "これは？")]));
        var outcome = await Redact(doc);
        Assert.False(outcome.IsPublishable);
        Assert.Null(outcome.Redacted);
        Assert.Contains(outcome.Hold!.Reasons, r => r.Contains("sections[0].turns[1]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partly_closed_without_marks_is_held_unless_confirmed_as_the_public_version()
    {
        var doc = Doc(DisclosureState.Partial, new Section("議事", [Say("会長", "公開版です。")]));
        Assert.False((await Redact(doc)).IsPublishable);
        Assert.True((await Redact(doc, confirmed: true)).IsPublishable);
    }

    [Fact]
    public async Task Passage_across_sections_hides_the_headings_inside_it()
    {
        var doc = Doc(DisclosureState.Partial,
            new Section("議題1", [Say("会長", "公開一。"), Start()]),
            new Section("議題2 秘密の件", [Say("委員", "秘密。")]),
            new Section("議題3", [End(), Say("会長", "公開三。")]));
        var outcome = await Redact(doc);
        Assert.True(outcome.IsPublishable);
        var json = Json(outcome.Redacted!);
        Assert.DoesNotContain("秘密", json);
        Assert.Contains("公開三", json);
        Assert.Equal(1, outcome.Redacted!.Sections.SelectMany(s => s.Turns).Count(t => t.Kind == TurnKind.Notice));
    }

    [Fact]
    public async Task Markers_in_results_materials_and_agenda_are_honoured()
    {
        var doc = Doc(DisclosureState.Partial, new Section("議事", [Say("会長", "以上。")])) with
        {
            Agenda = ["(1) 公開議題", "【非公開】", "(2) 人事案件", "【/非公開】"],
            Results = ["(1) 了承", "<!-- 非公開 -->(2) 処分を決定<!-- /非公開 -->"],
            Materials = ["資料1 公開資料", "【非公開】資料2 個人別一覧【非公開ここまで】"],
        };
        var outcome = await Redact(doc);
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        var m = outcome.Redacted!;
        Assert.Equal(["(1) 公開議題", $"（この部分は非公開です。理由：{Reason}）"], m.Agenda);
        Assert.Equal(["(1) 了承", $"（この部分は非公開です。理由：{Reason}）"], m.Results);
        Assert.Equal(["資料1 公開資料", $"（この部分は非公開です。理由：{Reason}）"], m.Materials);
        Assert.DoesNotContain("人事案件", Json(m));
    }

    [Fact]
    public async Task Audit_is_json_and_separate_from_the_published_document()
    {
        var doc = Doc(DisclosureState.Public, new Section("議事", [Say("柴崎委員(会長)", "山田さんから要望がありました。")]));
        var outcome = await Redact(doc);
        var published = Json(outcome.Redacted!);
        Assert.DoesNotContain("柴崎", published);
        Assert.DoesNotContain("山田", published);
        Assert.Contains("〇〇委員(会長)", published);
        Assert.Contains("〇〇さん", published);

        var auditJson = RedactionAuditJson.Serialize(outcome.Audit);
        var audit = RedactionAuditJson.DeserializeAudit(auditJson);
        Assert.Equal(outcome.Audit.Entries, audit.Entries);
        var speaker = Assert.Single(audit.Entries, e => e.Original == "柴崎");
        Assert.Equal("sections[0].turns[0].speaker@0", speaker.Location);
        Assert.Equal("〇〇", speaker.Replacement);
        Assert.StartsWith("offline:", speaker.Rule, StringComparison.Ordinal);
        Assert.InRange(speaker.Confidence, 0.5, 1.0);
        var text = Assert.Single(audit.Entries, e => e.Original == "山田");
        Assert.Equal("sections[0].turns[0].text@0", text.Location);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    public void Public_version_confirmation_comes_from_blob_metadata(string value, bool expected)
    {
        Assert.Equal(expected, RedactionRequest.IsConfirmedPublicVersion(new Dictionary<string, string> { ["PublicVersion"] = value }));
        Assert.True(RedactionRequest.IsConfirmedPublicVersion(null, sidecarExists: true));
        Assert.False(RedactionRequest.IsConfirmedPublicVersion(null));
    }
}
