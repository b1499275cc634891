using PublishPipeline.Ingest.SavedPages;
using PublishPipeline.Tests;

namespace PublishPipeline.Ingest.Tests;

/// <summary>
/// A saved page read from the token stream must give exactly the blocks and lines the DOM path
/// gives whenever it reads the page at all, and must leave to the DOM what it cannot follow.
/// </summary>
public sealed class StreamedPageTests
{
    private static string Page(string body) =>
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>会議録</title>\n<style>p { margin: 0 }</style>\n</head>\n<body>\n"
        + body + "\n</body>\n</html>\n";

    public static TheoryData<string> Pages() =>
    [
        Page("<h1>\n  28-01_市長冒頭発言\n</h1>\n<p>\n   ○市長（森井秀明） 開会に当たり、\n</p>\n<p>\n   申し上げます。\n</p>"),
        Page("<p>一</p>\n<p>二</p>"),
        Page("<p>一<p>二<div>三</div>四"),
        Page("<div><p>一</div>後"),
        Page("<div>\n<p>一</p>\n<p>二\n</div>\n後"),
        Page("テキスト直書き<br>二行目<br/>\n三行目"),
        Page("<h1>検索結果</h1>\n本文"),
        Page("前<h1>文書閲覧</h1>後"),
        Page("<h2>第1回<br>会議録</h2><p>x"),
        Page("<h2>　</h2><p>x"),
        Page("<p><span>a</span>b</p>\nc"),
        Page("<!-- 非公開 -->\n<p>秘</p>\n<!-- /非公開 -->\n<p>公</p>"),
        Page("<p>a<!-- 非公開 -->b</p>"),
        Page("<!-- ただの注記 -->\n本文"),
        Page("<h1><!-- 非公開 -->見出し</h1>"),
        Page("<script>var a = '<p>x</p>';</script><p>本文</p>"),
        Page("<style>p{}</style>本文"),
        Page("<p>&amp;&lt;&nbsp;&#12354;&copy; &amp &unknown;</p>"),
        Page("<div class=\"MsoNormal\" id=\"minutes\">本文</div>"),
        Page("<hr><p>x<hr>y"),
        Page("<p style=\"color:red\">赤</p>"),
        Page("<p style=\"color:red\">赤</p><p style=\"display: none\">隠し</p>見える"),
        Page("<p>a\r\nb</p>\r\n<p>c</p>"),
        Page("<p/>x"),
        Page("<span><h3>見出し</h3></span>後"),
        Page("<img src=\"a.png\">画像の後<wbr>続き"),
        Page("<p>【非公開】</p><p>秘</p><p>【非公開ここまで】</p>"),
        Page("<p>- 3 -</p><p>本文</p>"),
        Page("<p><b>太字</b><a href=\"x\">リンク</a><font color=red>赤</font></p>"),
        "<html><head><title>t</title></head><body><p>閉じない",
        "<!-- 保存 -->\n<!DOCTYPE html><html><head></head><body>\n本文\n</body></html>",

        // Left to the DOM (each returns null; compared only if one ever reads it).
        Page("<div class=\"header\">ヘッダ</div><p>本文</p>"),
        Page("<li class=\"voice-block\"><p class=\"voice__text\">発言</p></li>"),
        Page("<div class=\"page-text__voice\">発言</div>"),
        Page("<p><b>未閉じ</p>続き"),
        Page("<a href=x>一<a href=y>二</a></a>"),
        Page("<table><tr><td>x</td></tr></table>"),
        Page("<ol start=3><li>三</li></ol>"),
        Page("</p>x"),
        Page("<main><p>本文</p></main>"),
        Page("<div role=\"main\"><p>本文</p></div>"),
        Page("<form><input type=checkbox checked>公開</form>"),
        Page("<pre>整形済み\n二行目</pre>"),
        Page("<p hidden>隠し</p>見える"),
        Page("<h1>一<h2>二</h2></h1>"),
        Page("x</body>y"),
        "<html><body>本文</body></html>",
        "本文だけ",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_page_read_from_tokens_has_the_blocks_of_its_tree(string html)
    {
        if (StreamedPage.TryRead(html) is { } streamed)
        {
            Assert.Equal(HtmlPageReader.ReadTree(html), streamed);
        }
    }

    [Fact]
    public void Pages_of_paragraphs_and_headings_are_read_from_tokens_and_the_rest_by_the_tree()
    {
        Assert.NotNull(StreamedPage.TryRead(Page("<h1>会議録</h1>\n<p>○議長（山田太郎君） 開会します。</p>")));
        Assert.NotNull(StreamedPage.TryRead(Page("<div class=\"MsoNormal\">本文</div>")));
        Assert.Null(StreamedPage.TryRead(Page("<div class=\"side-menu\">メニュー</div><p>本文</p>")));
        Assert.Null(StreamedPage.TryRead(Page("<table><tr><td>x</td></tr></table>")));
        Assert.Null(StreamedPage.TryRead("<html><body>本文</body></html>"));
    }

    [Fact]
    public void Saved_pages_of_the_dev_corpus_and_the_fixtures_read_the_same_either_way()
    {
        var devCorpus = Path.Combine(RepoPaths.Root, "..", "shared", "devcorpus", "uploads");
        var pages = Directory.GetFiles(devCorpus, "*.html").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pages);
        foreach (var file in pages)
        {
            var html = File.ReadAllText(file);
            var streamed = StreamedPage.TryRead(html);
            Assert.True(streamed is not null, Path.GetFileName(file) + " was left to the DOM");
            Assert.Equal(HtmlPageReader.ReadTree(html), streamed);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "SavedPages"), "*.html"))
        {
            var html = File.ReadAllText(file);
            if (StreamedPage.TryRead(html) is { } streamed)
            {
                Assert.Equal(HtmlPageReader.ReadTree(html), streamed);
            }
            else
            {
                Assert.NotEmpty(HtmlPageReader.ReadTree(html));
            }
        }
    }
}
