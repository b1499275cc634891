namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A bracketed speaker whose section is two words joined by ・ (<c>【宇佐木市民協働・地域政策課長】</c>) through the real
/// normaliser and redactor: the surname is masked and the section word before ・ stays, with a name before it or none.
/// Before, 市民協働 was masked as a bare name. Names are invented.
/// </summary>
public class JoinedSectionOfficeTests
{
    private const string Upload = """
        令和6年度 第3回区協議会会長会議 会議録
        開催日時 令和6年9月12日(木曜日) 午前10時~午前11時
        開催場所 架空協働センター ホール
        1 開会
        【宇佐木市民協働・地域政策課長】
         ただ今から、会長会議を開催する。
        【市民協働・地域政策課長】
         資料を説明する。
        """;

    [Fact]
    public async Task The_section_word_before_the_join_is_not_masked()
    {
        var outcome = await RedactedUploads.RedactAsync(Upload, "kaichou.txt", new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        var speakers = outcome.Redacted!.Sections.SelectMany(s => s.Turns).Select(t => t.Speaker).ToList();
        Assert.Equal(["〇〇市民協働・地域政策課長", "市民協働・地域政策課長"], speakers);
        Assert.DoesNotContain("宇佐木", RedactedUploads.Json(outcome.Redacted), StringComparison.Ordinal);
    }
}
