using System.Text;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A committee's header with bulleted fields, a wrapped attendee list and a secretariat of surnames before offices, through
/// the real normaliser and redactor: before, 明神 and 寺岡 (on the wrapped lines) and 松浦 and 榊原 (the secretariat) were
/// published. Names are invented.
/// </summary>
public class BulletedHeaderRedactionTests
{
    private const string Upload = """
        第2回みどり区子ども・青少年協議会　会議録
        ■開催日時　令和5年12月26日(火)9時30分～11時36分
        ■出席委員　榊原明美、林田大介、
        　石黒基子、明神眞弓
        ■事務局　子ども・若者部長　松浦幸夫、児童相談所長　河端貴子
        　子ども・若者支援課長　嶋田武則、児童課長　寺岡直樹
        ■会議公開の可否　公開
        午前9時30分開会
        ○嶋田子ども・若者支援課長　それでは開会いたします。
        ○林田副会長　明神委員と寺岡課長にも御協力いただきました。
        """;

    private const string Staff = """
        第1回みどり区子ども・子育て会議議事録
        日時　令和5年6月23日(金)午前9時30分
        出席委員　川端会長、真柴委員
        事務局　松浦保育部長、榊原保育課長
        ○川端会長　開会します。松浦部長から説明をお願いします。
        """;

    [Theory]
    [InlineData(Upload, new[] { "明神", "眞弓", "寺岡", "直樹", "松浦", "幸夫", "嶋田", "林田" }, "児童相談所長")]
    [InlineData(Staff, new[] { "松浦", "榊原", "川端", "真柴" }, "保育部長")]
    public async Task No_listed_name_is_published(string upload, string[] names, string office)
    {
        var minutes = MinutesNormalizer.Normalize(new SourceFile("kyogikai.txt", Encoding.UTF8.GetBytes(upload)));
        var outcome = await new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish })
            .RedactAsync(minutes, new RedactionRequest("kyogikai.txt"));
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        var json = Encoding.UTF8.GetString(MinutesJson.Serialize(outcome.Redacted!));
        foreach (var part in names)
        {
            Assert.DoesNotContain(part, json, StringComparison.Ordinal);
        }

        Assert.Contains(office, json, StringComparison.Ordinal);
    }
}
