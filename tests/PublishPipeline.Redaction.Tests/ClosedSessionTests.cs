using PublishPipeline.Model;
using PublishPipeline.Redaction;
using PublishPipeline.Review;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A 秘密会 or a move into closed deliberation declared in the proceedings: speech recorded after the
/// declaration and before the return to the open meeting holds the document; the declaration and
/// return alone (what published minutes keep), or a marked passage, do not.
/// </summary>
public class ClosedSessionTests
{
    private static SpeakerTurn Chair(string text) => new() { Speaker = "議長（河野修君）", Text = text };

    private static SpeakerTurn Direction(string text) => new() { Text = text, Kind = TurnKind.Procedure };

    private static Task<RedactionOutcome> Redact(params SpeakerTurn[] turns) =>
        new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish }).RedactAsync(
            new Minutes
            {
                Id = "m0000000000000002",
                Title = "令和6年第3回架空市議会定例会",
                Sections = [new Section(null, turns)],
            },
            new RedactionRequest("t.txt"));

    [Fact]
    public async Task Speech_inside_a_secret_session_holds_the_document_where_it_begins()
    {
        var outcome = await Redact(
            Chair("お諮りします。本件は秘密会で審議したいと思います。御異議ありませんか。"),
            Direction("〔「異議なし」と呼ぶ者あり〕"),
            Chair("御異議なしと認めます。よって、これより秘密会とします。傍聴人は退場願います。"),
            Direction("〔傍聴人退場〕"),
            Direction("午前10時5分　秘密会"),
            new SpeakerTurn { Speaker = "総務部長（坂本一成君）", Text = "職員の懲戒処分について御説明します。" },
            Chair("秘密会を解きます。"),
            Chair("以上で本日の日程は全部終了しました。"));

        Assert.False(outcome.IsPublishable);
        var check = Assert.Single(outcome.Hold!.Checks, c => c.Code == HoldCodes.ClosedSession);
        Assert.Equal("sections[0].turns[5].text", check.Location);
        Assert.True(check.Approvable);
    }

    [Theory]
    [InlineData("これより非公開とします。", "以上で非公開の審議を終わります。")]
    [InlineData("ただいまから秘密会を開きます。", "公開の会議に戻ります。")]
    [InlineData("〔以下秘密会〕", "〔午前11時30分秘密会を閉じる〕")]
    public async Task Other_declarations_hold_too(string start, string end)
    {
        var outcome = await Redact(Chair(start), new SpeakerTurn { Speaker = "委員", Text = "候補者について伺います。" }, Chair(end));
        Assert.Contains(outcome.Hold?.Checks ?? [], c => c.Code == HoldCodes.ClosedSession);
    }

    [Fact]
    public async Task The_declaration_and_the_return_alone_are_published()
    {
        // What published minutes keep: the closed part itself is left out by the clerk.
        var outcome = await Redact(
            Chair("お諮りします。本件は秘密会で審議したいと思います。御異議ありませんか。"),
            Direction("〔「異議なし」と呼ぶ者あり〕"),
            Chair("御異議なしと認めます。よって、これより秘密会とします。"),
            Direction("〔傍聴人退場〕"),
            Direction("（秘密会）"),
            Direction("〔傍聴人入場〕"),
            Chair("秘密会を解きます。次に、日程第５に入ります。"),
            new SpeakerTurn { Speaker = "市長（松下雅彦君）", Text = "提案理由を申し上げます。" });

        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
    }

    [Fact]
    public async Task A_marked_closed_passage_is_removed_and_published()
    {
        var outcome = await Redact(
            Chair("これより秘密会とします。"),
            new SpeakerTurn { Text = "【非公開】", Kind = TurnKind.NonDisclosureStart },
            new SpeakerTurn { Speaker = "総務部長（坂本一成君）", Text = "職員の懲戒処分について御説明します。" },
            new SpeakerTurn { Text = "【非公開ここまで】", Kind = TurnKind.NonDisclosureEnd },
            Chair("秘密会を解きます。"));

        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        Assert.DoesNotContain(outcome.Redacted!.Sections[0].Turns, t => t.Text.Contains("懲戒", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_proposal_or_a_mention_declares_nothing()
    {
        var outcome = await Redact(
            Chair("本件は秘密会で審議したいと思います。御異議ありませんか。"),
            new SpeakerTurn { Speaker = "委員", Text = "異議あり。秘密会とする必要はないと考えます。" },
            Chair("起立少数です。よって、公開で審議します。"),
            new SpeakerTurn { Speaker = "委員", Text = "会議は非公開で行うべきだったと思います。" });

        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
    }
}
