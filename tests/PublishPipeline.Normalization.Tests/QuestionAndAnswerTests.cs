namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A 審議会's 要点記録 writes its question and answer part with members named by a letter (委員Ａ：), and with the
/// marks alone (問　… / 答　…, Ｑ　… / Ａ　…). Before, 委員Ａ： was no label, so the first question was a procedure
/// line and the next (委員Ｂ：…) ran on into the secretariat's answer, as did every 問 and 答: the answer's
/// speaker was shown saying the question.
/// </summary>
public sealed class QuestionAndAnswerTests
{
    private const string Summary = """
        令和７年度第２回北浜区環境審議会　会議録（要点記録）
        日　時：令和７年１１月５日（水）午前１０時～正午
        公開・非公開：公開

        【質疑応答】
        委員Ａ：改定のスケジュールを教えてほしい。
        事務局：来年度中の策定を予定している。
        委員Ｂ：区民意見の聴取はどのように行うのか。
        事務局（環境政策課長）：パブリックコメントを実施する予定である。
        問　脱炭素の目標値は国と同じか。
        答　国の目標に合わせて設定する。
        Ｑ：説明会の開催は。
        Ａ：３回開催する。
        """;

    [Fact]
    public void Each_question_and_answer_is_a_turn_of_its_own()
    {
        var turns = Doc.Turns(Doc.FromText(Summary)).Where(t => t.Kind == Model.TurnKind.Speech).ToList();
        Assert.Equal(["委員A", "事務局", "委員B", "事務局（環境政策課長）", "問", "答", "Q", "A"], turns.Select(t => t.Speaker));
        Assert.Equal("区民意見の聴取はどのように行うのか。", turns[2].Text);
        Assert.Equal("国の目標に合わせて設定する。", turns[5].Text);
    }

    [Theory]
    [InlineData("答　申")]
    [InlineData("問　題　点")]
    public void A_spaced_out_heading_is_no_question_or_answer(string heading)
    {
        var m = Doc.FromText(Summary.Replace("【質疑応答】", heading, StringComparison.Ordinal));
        Assert.DoesNotContain(Doc.Turns(m), t => t.Speaker is "問" or "答" && !t.Text.EndsWith('。'));
    }
}
