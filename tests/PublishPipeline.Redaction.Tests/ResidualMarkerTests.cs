using PublishPipeline.Model;
using PublishPipeline.Tests;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// The last line of defence: a marker-like 非公開 that no passage rule placed holds the document,
/// and a disclosure table we could not read is never published by the "unknown" policy.
/// </summary>
public class ResidualMarkerTests
{
    private static readonly RedactionPolicy PublishUnknown = new() { UnknownDisclosure = UnknownDisclosureHandling.Publish };

    private static Minutes Public(params Section[] sections) => new()
    {
        Id = "m0000000000000001",
        Title = "令和6年度第1回情報公開審議会",
        Disclosure = new Model.Disclosure { Meeting = DisclosureState.Public, Minutes = DisclosureState.Public },
        Agenda = ["(1) 報告事項", "(2) 人事案件（非公開）"],
        Sections = sections.Length > 0 ? sections : [new Section("(1) 報告事項", [new SpeakerTurn { Speaker = "会長", Text = "開会します。" }])],
    };

    private static Task<RedactionOutcome> Redact(Minutes m, RedactionPolicy? policy = null) =>
        new Redactor(policy).RedactAsync(m, new RedactionRequest("t.txt"));

    [Fact]
    public async Task Ordinary_minutes_with_an_agenda_item_closed_by_its_heading_are_published()
    {
        var outcome = await Redact(Public(
            new Section("(1) 報告事項", [new SpeakerTurn { Speaker = "会長", Text = "会議は非公開で行うかどうか、お諮りします。" }]),
            new Section("(2) 人事案件（ 非公開 ）", [new SpeakerTurn { Speaker = "委員", Text = "候補者の経歴について。" }])));

        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        Assert.DoesNotContain(outcome.Redacted!.Sections[1].Turns, t => t.Text.Contains("経歴", StringComparison.Ordinal));
        Assert.Equal(TurnKind.Notice, outcome.Redacted.Sections[1].Turns.Single().Kind);
    }

    [Theory]
    [InlineData("title", "第3回審議会【非公開】秘密の表題【非公開ここまで】")]
    [InlineData("venue", "【非公開】委員の自宅【/非公開】")]
    [InlineData("secretariat", "総務課<!-- 非公開 -->担当者の携帯番号<!-- /非公開 -->")]
    [InlineData("reason", "【非公開】内部の事情【非公開ここまで】")]
    [InlineData("attendee", "【非公開】参考人 鈴木一郎【非公開ここまで】")]
    [InlineData("turn", "この件は〈非公開〉人事の話〈/非公開〉です。")]
    [InlineData("turn", "ここから非公開。候補者の病歴について。ここまで非公開。")]
    [InlineData("turn", "［非公開］候補者の経歴")]
    [InlineData("turn", "＜!-- 非公開 --＞候補者の経歴")]
    [InlineData("heading", "(5) 人事案件（非公開）について")]
    [InlineData("result", "(以下、非公開)")]
    public async Task Marker_like_text_where_no_rule_places_it_holds_the_document(string where, string text)
    {
        var m = Public();
        var turn = new SpeakerTurn { Speaker = "会長", Text = "開会します。" };
        m = where switch
        {
            "title" => m with { Title = text },
            "venue" => m with { Venue = text },
            "secretariat" => m with { Secretariat = text },
            "reason" => m with { Disclosure = m.Disclosure with { MeetingReason = text } },
            "attendee" => m with { Attendees = [new AttendeeGroup("説明者", ["総務課長", text])] },
            "turn" => m with { Sections = [new Section("(1) 報告事項", [turn, new SpeakerTurn { Speaker = "委員", Text = text }])] },
            "heading" => m with { Sections = [new Section(text, [turn])] },
            "result" => m with { Results = [text] },
            _ => throw new ArgumentOutOfRangeException(nameof(where)),
        };

        var outcome = await Redact(m);

        Assert.False(outcome.IsPublishable);
        Assert.Null(outcome.Redacted);
        Assert.Contains(outcome.Hold!.Reasons, r => r.Contains("marker-like", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_boxes_checked_is_held_even_when_the_policy_publishes_unknown_disclosure()
    {
        var m = Public() with
        {
            Disclosure = new Model.Disclosure { Meeting = DisclosureState.Public, Minutes = DisclosureState.Unknown },
            Warnings = [new NormalizationWarning("disclosure-unclear", "公開の可否 (会議録): several boxes are checked; read as unknown", 12)],
        };

        var outcome = await Redact(m, PublishUnknown);

        Assert.False(outcome.IsPublishable);
        Assert.Contains(outcome.Hold!.Reasons, r => r.Contains("unclear", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closed_meeting_without_a_minutes_row_is_held_even_when_the_policy_publishes_unknown_disclosure()
    {
        var m = Public() with { Disclosure = new Model.Disclosure { Meeting = DisclosureState.Closed, Minutes = DisclosureState.Unknown } };

        Assert.False((await Redact(m, PublishUnknown)).IsPublishable);
    }

    [Fact]
    public async Task A_public_meeting_without_a_minutes_row_follows_the_policy_like_no_table()
    {
        // 会議の公開　公開 and nothing about the minutes: it says no more is closed than no table at all does.
        var m = Public() with
        {
            Disclosure = new Model.Disclosure { Meeting = DisclosureState.Public, Minutes = DisclosureState.Unknown },
            Warnings = [new NormalizationWarning("disclosure-minutes-missing", "公開の可否 has no 会議録 row; the minutes' disclosure is unknown", 1)],
        };

        Assert.True((await Redact(m, PublishUnknown)).IsPublishable);
        Assert.False((await Redact(m)).IsPublishable);
    }

    [Fact]
    public async Task No_table_at_all_is_published_when_the_policy_says_so()
    {
        var m = Public() with
        {
            Disclosure = Model.Disclosure.Unknown,
            Warnings = [new NormalizationWarning("disclosure-missing", "no 公開の可否 (disclosure) found; disclosure is unknown", 1)],
        };

        Assert.True((await Redact(m, PublishUnknown)).IsPublishable);
    }

    [Fact]
    public async Task Two_checked_boxes_in_a_real_header_are_held_end_to_end()
    {
        // Sample 000's header with both 公開 and 非公開 checked on the 会議録 row.
        var text = File.ReadAllText(RepoPaths.Sample("000")).Replace(
            "\t会議録\t<input checked=\"\" type=\"checkbox\"/> 公開 <input type=\"checkbox\"/> 非公開",
            "\t会議録\t<input checked=\"\" type=\"checkbox\"/> 公開 <input checked=\"\" type=\"checkbox\"/> 非公開",
            StringComparison.Ordinal);
        Assert.Contains("公開 <input checked=\"\" type=\"checkbox\"/> 非公開 <input type", text, StringComparison.Ordinal);
        var minutes = Normalization.MinutesNormalizer.Normalize(new Ingest.SourceFile("two-boxes.txt", System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(DisclosureState.Unknown, minutes.Disclosure.Minutes);

        Assert.False((await Redact(minutes, PublishUnknown)).IsPublishable);
    }
}
