using PublishPipeline.Tests;

namespace PublishPipeline.Ingest.Tests;

/// <summary>The fast path for common fragments must agree with AngleSharp whenever it accepts a fragment.</summary>
public class SimpleHtmlTests
{
    private static List<string> AngleSharp(string html)
    {
        var host = HtmlBlocks.CreateParser(keepSourceReferences: false).ParseDocument(string.Empty).CreateElement("div");
        host.InnerHtml = html;
        return HtmlBlocks.Paragraphs(host);
    }

    public static TheoryData<string> Fragments()
    {
        string[] handWritten =
        [
            "<p>一</p> <p>二</p>",
            "<p>一<p>二",
            "前</p>後",
            "a<br>b<br/>c<BR />d",
            "a</br>b",
            "<input type=\"checkbox\"/> 公開 <input checked=\"\" type=\"checkbox\"/> 非公開",
            "<input type=checkbox checked> 公開 <INPUT TYPE=\"CHECKBOX\"> 非公開",
            "<input type=radio name=r checked>はい<input type=radio name=r>いいえ",
            "<input type=\"text\" value=\"入力値\">",
            "<input type=\"hidden\" value=\"x\">見える",
            "<input type=\"submit\" value=\"送信\">",
            "<input value=a/>",
            "<input type='checkbox' checked='checked'/>x",
            "<span class=\"a\">強調</span>と<b>太字</b><font color=red>赤</font>",
            "<a href=\"/x?a=1&amp;b=2\">リンク</a>",
            "&amp;&lt;&gt;&quot;&apos;&nbsp;&#12354;&#x3042;",
            "&amp &copy; &unknown; &#0; &#x80;",
            "a < b > c",
            "<令和5年度>",
            "<p>  空白   の   連続  </p>",
            "<p>　全角空白　</p>",
            "<span style=\"display:none\">隠し</span>見える",
            "<span hidden>隠し</span>見える",
            "<div>区切り</div>後",
            "<p>未閉じ<b>太字</p>続き",
            "<script>x</script>本文",
            "<!-- 注記 -->本文",
            "<table><tr><td>表</td></tr></table>",
            "<ruby>齊藤<rt>さいとう</rt></ruby>",
            "<p title=\"a>b\">属性に></p>",
            "<pfoo>不明</pfoo>",
            "<p>\r\n改行</p>",
        ];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var fragment in handWritten)
        {
            if (seen.Add(fragment))
            {
                data.Add(fragment);
            }
        }

        foreach (var file in RepoPaths.SampleFiles)
        {
            foreach (var line in File.ReadLines(file))
            {
                foreach (var cell in line.Split('\t'))
                {
                    // Samples repeat fragments (checkbox rows); each distinct one is one case.
                    if (HtmlBlocks.LooksLikeHtml(cell) && seen.Add(cell))
                    {
                        data.Add(cell);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fragments))]
    public void Fast_path_agrees_with_AngleSharp_or_declines(string html)
    {
        if (SimpleHtml.TryParagraphs(html, out var fast))
        {
            Assert.Equal(AngleSharp(html), fast);
        }
    }

    [Theory]
    [InlineData("<p>一<p>二", new[] { "一", "二" })]
    [InlineData("前</p>後", new[] { "前", "後" })]
    [InlineData("a<br>b<br/>c<BR />d", new[] { "a", "b", "c", "d" })]
    [InlineData("<input type=checkbox checked> 公開 <INPUT TYPE=\"CHECKBOX\"> 非公開", new[] { "☑ 公開 ☐ 非公開" })]
    [InlineData("<input type=radio name=r checked>はい<input type=radio name=r>いいえ", new[] { "☑はい☐いいえ" })]
    [InlineData("<input type=\"text\" value=\"入力値\"><input type=\"hidden\" value=\"x\">", new[] { "入力値" })]
    [InlineData("<span class=\"a\">強調</span>と<b>太字</b><font color=red>赤</font>", new[] { "強調と太字赤" })]
    [InlineData("&amp;&lt;&gt;&quot;&apos;&#12354;&#x3042;", new[] { "&<>\"'ああ" })]
    [InlineData("a < b > c", new[] { "a < b > c" })]
    [InlineData("<令和5年度>と<p>段落", new[] { "<令和5年度>と", "段落" })]
    [InlineData("<p>  空白   の   連続  </p><p>　全角　</p>", new[] { "空白 の 連続", "　全角　" })]
    [InlineData("<p title=\"a>b\">属性に></p>", new[] { "属性に>" })]
    public void Fast_path_takes_the_common_shapes(string html, string[] expected)
    {
        Assert.True(SimpleHtml.TryParagraphs(html, out var paragraphs));
        Assert.Equal(expected, paragraphs);
        Assert.Equal(AngleSharp(html), paragraphs);
    }

    [Theory]
    [InlineData("a</br>b")]
    [InlineData("&amp &copy;")]
    [InlineData("<span hidden>隠し</span>")]
    [InlineData("<!-- 注記 -->本文")]
    [InlineData("<script>x</script>")]
    [InlineData("<table><tr><td>表</td></tr></table>")]
    [InlineData("<input value=a/>")]
    public void Fast_path_declines_what_it_does_not_know(string html) => Assert.False(SimpleHtml.TryParagraphs(html, out _));

    [Fact]
    public void Fast_path_takes_every_sample_fragment()
    {
        foreach (var file in RepoPaths.SampleFiles)
        {
            foreach (var cell in File.ReadLines(file).SelectMany(l => l.Split('\t')).Where(c => HtmlBlocks.LooksLikeHtml(c)))
            {
                Assert.True(SimpleHtml.TryParagraphs(cell, out _), cell);
            }
        }
    }
}
