using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PublishPipeline.Site.Tests;

/// <summary>Markup in any field of an upload must reach every output as inert text.</summary>
public class EscapingTests
{
    private static readonly IReadOnlyList<SiteFile> Files =
        new SiteBuilder(new SiteOptions { BaseUrl = new Uri("https://gikai.example.jp/") }).BuildAll([.. TestMinutes.Set(), TestMinutes.Hostile()]);

    private static string Text(SiteFile f) => Encoding.UTF8.GetString(f.Content.Span);

    [Fact]
    public void Html_pages_contain_no_markup_from_the_upload()
    {
        var pages = Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 10);
        foreach (var page in pages)
        {
            var doc = new HtmlParser().ParseDocument(Text(page));
            var scripts = doc.QuerySelectorAll("script");
            Assert.All(scripts, s => Assert.Matches(@"^/assets/search\.[0-9a-f]{12}\.js$", s.GetAttribute("src") ?? ""));
            Assert.Empty(doc.QuerySelectorAll("img, iframe, object, embed, style"));
            foreach (var element in doc.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal));
                foreach (var attr in new[] { "href", "src", "action" })
                {
                    var value = element.GetAttribute(attr);
                    Assert.True(value is null || value.StartsWith('/') || value.StartsWith('#') || value.StartsWith("https://gikai.example.jp/", StringComparison.Ordinal), $"{page.Path}: {attr}={value}");
                }
            }

            Assert.Empty(doc.Descendants<IComment>());
            Assert.Single(doc.QuerySelectorAll("title"));
        }

        var hostile = new HtmlParser().ParseDocument(Text(Files.Single(f => f.Path == SiteUrls.MinutesPagePath(TestMinutes.Hostile().Id))));
        Assert.StartsWith("第1回</title><script>alert(1)</script><img src=x onerror=alert(2)>", hostile.Title);
        Assert.Equal(TestMinutes.Hostile().Title, hostile.QuerySelector("h1")!.TextContent);
        Assert.Contains("<a href=\"javascript:alert(3)\">", hostile.QuerySelector(".speaker")!.TextContent);
        // A control character from the upload becomes U+FFFD rather than an invalid document.
        Assert.Contains("\uFFFD制御文字", hostile.GetElementById("s1-t1")!.TextContent);
    }

    [Fact]
    public void Feed_sitemap_and_json_stay_well_formed_and_carry_the_text_as_text()
    {
        var feed = XDocument.Parse(Text(Files.Single(f => f.Path == "feed.atom")));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Root!.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value == TestMinutes.Hostile().Title);
        Assert.DoesNotContain(feed.Descendants(), e => e.Name.LocalName is "script" or "img" or "a");
        XDocument.Parse(Text(Files.Single(f => f.Path == "sitemap.xml")));

        foreach (var json in Files.Where(f => f.Path.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var parsed = JsonDocument.Parse(json.Content);
            // The encoder writes <, > and & as \u escapes: safe even if pasted into a <script> block.
            Assert.DoesNotContain("<", Text(json));
            Assert.DoesNotContain(">", Text(json));
        }

        var meta = Text(Files.Single(f => f.Path == SiteUrls.SearchMetaPath));
        Assert.Contains("\\u003C/title\\u003E", meta);
    }

    [Fact]
    public void Encoder_covers_quotes_and_forbidden_code_points()
    {
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;", Markup.Encode("<a href=\"x\" title='y'>&"));
        Assert.Equal("a\uFFFDb\uFFFDc\td\n", Markup.Encode("a\u0000b\u009Fc\td\n"));
        Assert.Equal("会議録", Markup.Encode("会議録"));
        Assert.Same("plain", Markup.Encode("plain"));
    }
}
