using System.Text;
using PublishPipeline.Model;
using PublishPipeline.Review;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A reviewer's decision meets the rules that hold a document: approval covers exactly the content
/// reviewed, never overrules 非公開 minutes, never unmasks a name; a rejection holds. Hold checks
/// point at the line of the original file where the reader recorded one.
/// </summary>
public class ReviewDecisionTests
{
    private const string Sha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private static Minutes Doc(DisclosureState state, params SpeakerTurn[] turns) => new()
    {
        Id = "m0000000000000001",
        Title = "令和6年度第1回情報公開審議会",
        Disclosure = new Model.Disclosure { Meeting = state, Minutes = state },
        Sections = [new Section("議事", turns)],
        Source = new SourceInfo("upload.txt", "text", "utf-8", Sha, 100),
    };

    private static ReviewDecision Decision(ReviewVerdict verdict, string sha = Sha) => new()
    {
        SourceName = "upload.txt",
        Verdict = verdict,
        SourceSha256 = sha,
        Reviewer = "審査担当",
        At = new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero),
        Note = "checked",
    };

    private static Task<RedactionOutcome> Redact(Minutes m, ReviewDecision? review) =>
        new Redactor().RedactAsync(m, new RedactionRequest("upload.txt") { Review = review });

    private static readonly SpeakerTurn Named = new() { Speaker = "柴崎委員", Text = "柴崎です。賛成します。", Line = 12 };

    [Fact]
    public async Task An_approval_of_this_content_publishes_held_minutes_with_names_still_redacted_and_the_audit_records_it()
    {
        var doc = Doc(DisclosureState.Unknown, Named);
        Assert.False((await Redact(doc, null)).IsPublishable);

        var approved = await Redact(doc, Decision(ReviewVerdict.Approved));

        Assert.True(approved.IsPublishable);
        var json = Encoding.UTF8.GetString(MinutesJson.Serialize(approved.Redacted!));
        Assert.DoesNotContain("柴崎", json, StringComparison.Ordinal);
        Assert.DoesNotContain("審査担当", json, StringComparison.Ordinal); // the reviewer is not published
        Assert.Equal("審査担当", approved.Audit.Review!.Reviewer);
        Assert.Contains(approved.Audit.ApprovedChecks, c => c.Code == HoldCodes.DisclosureUnknown);
    }

    [Fact]
    public async Task An_approval_of_other_content_does_nothing_and_the_report_says_why()
    {
        var outcome = await Redact(Doc(DisclosureState.Unknown, Named), Decision(ReviewVerdict.Approved, sha: new string('b', 64)));

        Assert.False(outcome.IsPublishable);
        Assert.Contains("other content", outcome.Hold!.ReviewNote, StringComparison.Ordinal);
        Assert.Equal(Sha, outcome.Hold.SourceSha256);
        Assert.Null(outcome.Audit.Review);
    }

    [Fact]
    public async Task No_approval_overrules_closed_minutes()
    {
        var outcome = await Redact(Doc(DisclosureState.Closed, Named), Decision(ReviewVerdict.Approved));

        Assert.False(outcome.IsPublishable);
        var check = Assert.Single(outcome.Hold!.Checks);
        Assert.Equal(HoldCodes.Closed, check.Code);
        Assert.False(check.Approvable);
        Assert.Contains("非公開", outcome.Hold.ReviewNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_of_this_content_holds_minutes_that_would_be_published()
    {
        var doc = Doc(DisclosureState.Public, Named);
        Assert.True((await Redact(doc, null)).IsPublishable);

        var outcome = await Redact(doc, Decision(ReviewVerdict.Rejected));

        Assert.False(outcome.IsPublishable);
        Assert.Contains(outcome.Hold!.Checks, c => c.Code == HoldCodes.Rejected);
        Assert.Equal(ReviewVerdict.Rejected, outcome.Audit.Review!.Verdict);
        Assert.True((await Redact(doc, Decision(ReviewVerdict.Rejected, sha: new string('c', 64)))).IsPublishable, "a rejection covers only the content rejected");
    }

    [Fact]
    public async Task A_marker_the_reader_could_not_place_is_a_check_no_approval_overrules()
    {
        var doc = Doc(DisclosureState.Public, Named) with
        {
            Warnings = [new NormalizationWarning(Disclosure.MarkerLedger.Code, "【非公開】 in 開催日時 could not be placed", 7)],
        };

        var outcome = await Redact(doc, Decision(ReviewVerdict.Approved));

        Assert.False(outcome.IsPublishable);
        var check = Assert.Single(outcome.Hold!.Checks);
        Assert.Equal(HoldCodes.MarkerUnplaced, check.Code);
        Assert.Equal(7, check.Line);
        Assert.False(check.Approvable);
        Assert.Equal(outcome.Hold.Reasons.Count, outcome.Hold.Checks.Count);
    }

    [Fact]
    public async Task Checks_name_the_line_of_the_original_file_where_the_turn_started()
    {
        var doc = Doc(
            DisclosureState.Public,
            new SpeakerTurn { Speaker = "会長", Text = "開会します。", Line = 40 },
            new SpeakerTurn { Text = "【非公開ここまで】", Kind = TurnKind.NonDisclosureEnd, Line = 42 },
            new SpeakerTurn { Speaker = "委員", Text = "〈非公開〉の扱いについて", Line = 43 });

        var outcome = await Redact(doc, null);

        var stray = Assert.Single(outcome.Hold!.Checks, c => c.Code == HoldCodes.StrayClosingMarker);
        Assert.Equal(42, stray.Line);
        Assert.Equal("sections[0].turns[1]", stray.Location);
        var marker = Assert.Single(outcome.Hold.Checks, c => c.Code == HoldCodes.MarkerLike);
        Assert.Equal(43, marker.Line);
        Assert.Contains("〈非公開〉", marker.Excerpt, StringComparison.Ordinal);
        Assert.StartsWith("line 43", marker.Where(), StringComparison.Ordinal);
        Assert.All(outcome.Hold.Checks, c => Assert.True(c.Approvable));

        // Without lines (a reader that does not record them), the field location stands.
        var unlined = await Redact(doc with { Sections = [new Section("議事", [.. doc.Sections[0].Turns.Select(t => t with { Line = null })])] }, null);
        Assert.Equal("sections[0].turns[1]", unlined.Hold!.Checks.First(c => c.Code == HoldCodes.StrayClosingMarker).Where());
    }
}
