using System.Text;
using PublishPipeline.Ingest;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction.Disclosure;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// Non-disclosure markers in header fields, through the real reader, normaliser and redactor: an
/// unclosed marker in 議題, 会議の結果 or 資料 holds the document (what it covers cannot be placed once
/// the list is a field), and a marker in a field that no rule places (開催日時, a caption) holds it with
/// the field named instead of vanishing with the text it sat in. Each case has a control that publishes.
/// </summary>
public sealed class HeaderMarkerTests
{
    private static string Upload(string dateLine = "令和5年6月1日(木) 10時～11時", string agenda = "(1) 甲について (2) 乙について", string extraHeader = "", string results = "了承") =>
        "会議録\n"
        + "会議体の名称\t\t第1回テスト審議会\n"
        + $"開催日時\t\t{dateLine}\n"
        + "開催場所\t\t区役所本庁舎\n"
        + $"議題\t\t{agenda}\n"
        + extraHeader
        + "公開の可否\t会議\t☑公開 ☐非公開 ☐一部非公開\n"
        + "\t会議録\t☑公開 ☐非公開 ☐一部非公開\n"
        + $"会議の結果\t\t{results}\n"
        + "審議経過\n"
        + "会長 それでは開会します。\n"
        + "委員 質問があります。\n";

    private static Task<RedactionOutcome> RedactAsync(string text) => RedactedUploads.RedactAsync(text, "2023/header.txt", new RedactionPolicy());

    [Fact]
    public async Task The_control_document_publishes()
    {
        var outcome = await RedactAsync(Upload());
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
    }

    [Theory]
    [InlineData("令和5年6月1日(木) 10時～11時 【非公開】")]
    [InlineData("【非公開】令和5年6月1日(木) 10時～11時")]
    [InlineData("令和5年6月1日(木) 10時～11時 <!-- 非公開 -->")]
    [InlineData("令和5年6月1日(木) 10時～11時 〈非公開〉")]
    public async Task A_marker_in_the_date_line_holds_with_the_field_named(string dateLine)
    {
        var outcome = await RedactAsync(Upload(dateLine: dateLine));
        Assert.False(outcome.IsPublishable);
        var reason = Assert.Single(outcome.Hold!.Reasons, r => r.Contains("開催日時", StringComparison.Ordinal));
        Assert.Contains("line 3", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_marker_in_a_caption_or_an_unread_header_row_holds()
    {
        var caption = await RedactAsync("<令和5年度第1回審議会発言記録>【非公開】\n" + Upload());
        Assert.False(caption.IsPublishable);

        var row = await RedactAsync(Upload(extraHeader: "備考\t\t後日配付【非公開】の資料あり、詳細は事務局まで問い合わせること。問い合わせ先は別紙\n"));
        Assert.False(row.IsPublishable);
    }

    [Theory]
    [InlineData("agenda")]
    [InlineData("results")]
    public async Task An_unclosed_marker_in_a_header_list_holds(string list)
    {
        var text = list == "agenda"
            ? Upload(agenda: "(1) 甲について 【非公開】 (2) 乙について")
            : Upload(results: "(1) 了承 【非公開】 (2) 処分を決定");
        var outcome = await RedactAsync(text);
        Assert.False(outcome.IsPublishable);
        Assert.Contains(outcome.Hold!.Reasons, r => r.Contains(list == "agenda" ? "議題" : "会議の結果", StringComparison.Ordinal) && r.Contains("never closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closed_marker_in_the_agenda_still_publishes_with_a_notice()
    {
        var outcome = await RedactAsync(Upload(agenda: "(1) 甲について 【非公開】 (2) 人事案件 【非公開ここまで】"));
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        Assert.DoesNotContain(outcome.Redacted!.Agenda, a => a.Contains("人事", StringComparison.Ordinal));
        Assert.Contains(outcome.Redacted.Agenda, a => a.Contains("この部分は非公開です", StringComparison.Ordinal));
    }

    [Fact]
    public void The_ledger_counts_markers_the_document_still_holds()
    {
        // Proceedings markers and headings ending in （非公開） are carried by the document: nothing unplaced.
        var text = Upload() + "【非公開】\n委員 個人の事情です。\n【非公開ここまで】\n(2) 人事案件（非公開）\n会長 次へ。\n";
        var source = MinutesReader.Read(new SourceFile("x.txt", Encoding.UTF8.GetBytes(text)));
        var minutes = new MinutesNormalizer().Normalize(source, "m0000000000000000");
        Assert.DoesNotContain(minutes.Warnings, w => w.Code == MarkerLedger.Code);
    }
}
