namespace PublishPipeline.Site.Tests;

/// <summary><see cref="SiteUrls.AbsoluteUrl"/> joins plain paths to the base without a Uri each: always what Uri makes of them.</summary>
public class SiteUrlsTests
{
    public static TheoryData<string> Bases() =>
    [
        "https://gikai.example.jp/",
        "https://example.jp/gikai",
        "http://EXAMPLE.jp:8080/Gikai/Kaigiroku/",
        "https://example.jp/%7Egikai/a%20b/",
        "https://example.jp/議会/会議録/",
        "https://例え.jp/gikai/",
        "https://example.jp/gikai/?site=1",
        "https://example.jp/a/./b/../c/",
        "http://127.0.0.1:8080/",
        "https://user@example.jp:443/gikai/",
    ];

    [Theory]
    [MemberData(nameof(Bases))]
    public void Absolute_urls_are_those_uri_resolves(string baseUrl)
    {
        var urls = new SiteUrls(new SiteOptions { BaseUrl = new Uri(baseUrl) });
        string[] paths =
        [
            SiteUrls.HomePath, SiteUrls.BodiesPath, SiteUrls.YearsPath, SiteUrls.SearchPath, SiteUrls.SearchMetaPath,
            SiteUrls.FeedPath, SiteUrls.SitemapPath, SiteUrls.RobotsPath, SiteUrls.NotFoundPath, SiteUrls.CatalogPath,
            SiteUrls.MinutesPagePath("r06-teirei_3-1"), SiteUrls.MinutesJsonPath("0a-b_c"), SiteUrls.BodyPagePath(urls.BodySlug("架空市議会 総務委員会")),
            SiteUrls.YearPagePath(2024), SiteUrls.YearPagePath(null),
            // Not plain: through Uri as they always were.
            "a/../b/index.html", "./x.html", "a/./b.html", "x/%41.html", "x/A.html", "x/b c.html", "x/会議.html", "x/..", "x/.hidden", "a//b.html",
        ];
        foreach (var path in paths)
        {
            Assert.Equal(new Uri(urls.BaseUrl, urls.Url(path)).AbsoluteUri, urls.AbsoluteUrl(path));
        }
    }
}
