using PublishPipeline.Normalization.Cleanup;

namespace PublishPipeline.Normalization.Tests;

public class CleanupTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３ｘｙｚ", "ABC123xyz")]
    [InlineData("令和４年度（案）「資料」、。～：㈱内田", "令和4年度（案）「資料」、。～：㈱内田")]
    [InlineData("ｶﾞｲﾄﾞﾗｲﾝ･ﾊﾟｽ", "ガイドライン・パス")]
    [InlineData("plain ascii", "plain ascii")]
    public void Width_folding_keeps_japanese_punctuation(string input, string expected) => Assert.Equal(expected, TextCleanup.FoldWidth(input));

    [Theory]
    [InlineData("会 議 録", "会議録")]
    [InlineData("審 議 経 過", "審議経過")]
    [InlineData("会 議 の 結 果", "会議の結果")]
    [InlineData("議 題", "議題")]
    [InlineData("以 上", "以上")]
    [InlineData("事 務 局：", "事務局：")]
    [InlineData("平成 30 年度", "平成 30 年度")]
    [InlineData("今日は 晴れ です", "今日は 晴れ です")]
    [InlineData("会議録", "会議録")]
    public void Only_wholly_spaced_labels_collapse(string input, string expected) => Assert.Equal(expected, TextCleanup.CollapseSpacedLabel(input));

    [Theory]
    [InlineData("本 部 長： 昨年度、内部 監査の結果", "本部長： 昨年度、内部 監査の結果")]
    [InlineData("部 員：この内容で結構です。", "部員：この内容で結構です。")]
    [InlineData("— 了 承 —", "—了承—")]
    [InlineData("委員 資料に基づき説明。", "委員 資料に基づき説明。")]
    public void Spaced_label_prefixes_collapse_and_speech_does_not(string input, string expected) => Assert.Equal(expected, TextCleanup.CollapseSpacedPrefix(input));

    [Fact]
    public void Lines_lose_tabs_markup_and_odd_spaces()
    {
        Assert.Equal("a b", TextCleanup.CleanLine("<p>a</p>\tb\u00A0"));
        Assert.Equal("(会長) x", TextCleanup.CleanLine("(会長)\u00A0x"));
        Assert.Equal("資料7", TextCleanup.CleanLine("  資料７  "));
    }

    [Fact]
    public void An_indented_line_with_a_wide_number_is_trimmed_and_folded_into_one_string()
    {
        const string line = "\u3000\u3000第２回委員会を開きます。\u3000";
        Assert.Equal("第2回委員会を開きます。", TextCleanup.CleanLine(line));
        const string clean = "第2回委員会を開きます。";
        Assert.Same(clean, TextCleanup.CleanLine(clean)); // nothing to do: the line itself, no copy

        var before = GC.GetAllocatedBytesForCurrentThread();
        var cleaned = TextCleanup.CleanLine(line);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One string of the result (header, length, characters and terminator, 8-byte aligned);
        // folding the whole line and then trimming it made two.
        Assert.Equal((8 + 8 + 4 + (2 * (cleaned.Length + 1)) + 7) / 8 * 8, allocated);
    }

    [Fact]
    public void Trimming_before_folding_gives_the_line_folding_then_trimming_gave()
    {
        var random = new Random(14);
        const string alphabet = " \u3000\r\n第回１２Ａｚｶﾞﾊﾟｰﾞﾟｱ：会議、";
        for (var round = 0; round < 2000; round++)
        {
            var line = new string([.. Enumerable.Range(0, random.Next(0, 14)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.Equal(TextCleanup.FoldWidth(line).Trim(' ', '\u3000', '\r', '\n'), TextCleanup.CleanLine(line));
        }
    }

    [Fact]
    public void Lists_split_only_outside_brackets_and_katakana_compounds()
    {
        Assert.Equal(
            ["区長", "副区長(2)", "「わたしらしく、暮らせるまち。」推進室長(欠席)", "国際アート・カルチャー都市推進室長", "情報担当係長(セキュリティ、基盤)"],
            TextCleanup.SplitTopLevel("区長・副区長(2)・「わたしらしく、暮らせるまち。」推進室長(欠席)、国際アート・カルチャー都市推進室長、情報担当係長(セキュリティ、基盤)", "、・"));
    }

    [Theory]
    [InlineData("ありがとうございます。", true)]
    [InlineData("あらためて所", false)]
    [InlineData("というのが、", false)]
    [InlineData("(質疑なし)", true)]
    public void Sentence_ends(string text, bool ends) => Assert.Equal(ends, TextCleanup.EndsSentence(text));
}
