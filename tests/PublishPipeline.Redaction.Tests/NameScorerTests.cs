using System.Text;
using PublishPipeline.Evaluation;

namespace PublishPipeline.Redaction.Tests;

/// <summary>The name figures of `minutes eval` (docs/redact.md) on a small folder of real-shaped minutes.</summary>
public sealed class NameScorerTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("name-scorer-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task<SourceFigures> Score(Func<Redactor>? redactor = null, StringWriter? details = null)
    {
        var uploads = Path.Combine(root, "uploads");
        Directory.CreateDirectory(uploads);
        await File.WriteAllTextAsync(Path.Combine(uploads, "otaru-001.txt"),
            "平成３１年第１回定例会 本会議録\n開催日：2019-02-26\n\n○議長（鈴木喜明）　秋元議員。\n\n○議員（秋元智憲）　公明党を代表し、秋元が質問いたします。欠席議員（なし）。\n",
            new UTF8Encoding(false));
        var gold = GoldFile.Parse("""{"otaru-001.txt": {"names": ["鈴木喜明", "秋元智憲"], "surnames": ["鈴木", "秋元"]}}"""u8);
        var report = await new EvalRunner([new NameScorer(redactor, details)]).RunAsync(uploads, gold);
        return report.Overall;
    }

    private static double Value(SourceFigures figures, string key) =>
        new NameScorer().Metrics.Single(m => m.Key == key).ValueOf(figures.Counts) ?? double.NaN;

    [Fact]
    public async Task Every_gold_mention_hidden_and_every_word_kept_by_the_default_redactor()
    {
        var figures = await Score();
        Assert.Equal(1.0, Value(figures, "namesLenient"));
        Assert.Equal(1.0, Value(figures, "namesStrict"));
        Assert.Equal(0.0, Value(figures, "overRedaction"));
        Assert.Equal(1.0, Value(figures, "wordsKept"));
        Assert.Equal(0, figures.Counts.GetValueOrDefault("namesInPeople"));
        Assert.Equal(4, figures.Counts["strictOccurrences"]); // 秋元 in the label, 秋元議員, 秋元が; 鈴木 in the label
    }

    [Fact]
    public async Task A_name_left_visible_lowers_recall_and_is_printed()
    {
        var details = new StringWriter();
        var figures = await Score(() => new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish, KeepNamesOf = ["議員"] }), details);
        Assert.True(Value(figures, "namesStrict") < 1.0);
        Assert.True(Value(figures, "namesLenient") < 1.0);
        Assert.Contains("strict-miss", details.ToString(), StringComparison.Ordinal);
        Assert.Contains("秋元", details.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mask_on_a_word_is_over_redaction_and_a_lost_word()
    {
        var details = new StringWriter();
        var figures = await Score(() => new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish, DenyList = ["なし"] }), details);
        Assert.True(Value(figures, "overRedaction") > 0.0);
        Assert.True(Value(figures, "wordsKept") < 1.0);
        Assert.Contains("not-gold", details.ToString(), StringComparison.Ordinal);
    }
}
