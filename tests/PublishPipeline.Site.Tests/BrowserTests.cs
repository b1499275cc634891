using System.Text.Json;
using PublishPipeline.Site.Search;
using PublishPipeline.Tests;

namespace PublishPipeline.Site.Tests;

/// <summary>
/// The pages as citizens get them: served over HTTP, opened in Debian's Chromium with axe-core
/// (0 violations on every page type, including a search run by the script), and every HTML file
/// through the Nu Html Checker (0 errors). Screenshots go to $SITE_SCREENSHOTS when set.
/// </summary>
public class BrowserTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public void Every_page_type_has_no_axe_violations_reflows_and_search_finds_utterances()
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: scripts/test.sh installs the Debian package 'chromium'.");
        var hostile = TestMinutes.Hostile();
        var first = site.Minutes[0];
        var slug = site.Builder.Urls.BodySlug(SiteBuilder.BodyName(first));
        var pages = new List<object>
        {
            new { name = "home", path = "/" },
            new { name = "minutes", path = site.Builder.Urls.Url(SiteUrls.MinutesPagePath(first.Id)) },
            new { name = "minutes-hostile", path = site.Builder.Urls.Url(SiteUrls.MinutesPagePath(hostile.Id)) },
            new { name = "minutes-long", path = site.Builder.Urls.Url(SiteUrls.MinutesPagePath(TestMinutes.Long(600).Id)), fullPage = false },
            new { name = "bodies", path = "/bodies/" },
            new { name = "body", path = site.Builder.Urls.Url(SiteUrls.BodyPagePath(slug)) },
            new { name = "years", path = "/years/" },
            new { name = "year", path = "/years/2024/" },
            new { name = "search", path = "/search/", search = "パブリックコメント" },
            new { name = "search-hostile", path = "/search/", search = "検索語スクリプト", expectIn = hostile.Id },
            new { name = "not-found", path = "/no/such/page", status = 404 },
        };
        foreach (var sample in SampleMinutes.Load())
        {
            pages.Add(new { name = "sample-" + sample.Id, path = site.Builder.Urls.Url(SiteUrls.MinutesPagePath(sample.Id)), fullPage = false });
        }

        var config = Path.Combine(site.Root, "..", Path.GetFileName(site.Root) + "-axe.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            baseUrl = site.Server.BaseUrl.AbsoluteUri,
            axePath = Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js"),
            chromium = Chromium,
            screenshotDir = Environment.GetEnvironmentVariable("SITE_SCREENSHOTS"),
            pages,
            searches = Searches(),
        }));
        try
        {
            var script = Path.Combine(RepoPaths.Root, "tests", "PublishPipeline.Site.Tests", "browser", "axe-check.mjs");
            var (exit, stdout, stderr) = BuiltSite.Run("node", [script, config], RepoPaths.Root, TimeSpan.FromMinutes(10));
            if (Environment.GetEnvironmentVariable("SITE_BROWSER_REPORT") is { Length: > 0 } reportPath)
            {
                File.WriteAllText(reportPath, stdout);
            }

            Assert.True(exit == 0, $"browser checks failed (exit {exit}):\n{stdout}\n{stderr}");
            using var report = JsonDocument.Parse(stdout);
            Assert.Equal(pages.Count, report.RootElement.GetProperty("pages").GetArrayLength());
            Assert.Equal(Searches().Count, report.RootElement.GetProperty("searches").GetArrayLength());
        }
        finally
        {
            File.Delete(config);
        }
    }

    /// <summary>
    /// Queries typed into the real search page, with what a plain scan of every unit of the built
    /// set says they must find: AND, OR and NOT, each filter, and a result followed to its marks.
    /// </summary>
    private List<object> Searches()
    {
        const string neri = "練馬区情報公開および個人情報保護運営審議会";
        object Query(string name, Dictionary<string, string> parameters, bool follow = false)
        {
            var (ids, units) = Expected(parameters);
            return new { name, @params = parameters, expectIds = ids, expectUnits = units, follow };
        }

        return
        [
            Query("and-body", new() { ["q"] = "パブリックコメント 公表", ["body"] = neri }, follow: true),
            Query("and", new() { ["q"] = "資料 説明" }),
            Query("or", new() { ["q"] = "資料 OR 説明" }),
            Query("not", new() { ["q"] = "資料 -説明" }),
            Query("role", new() { ["q"] = "パブリックコメント", ["role"] = "委員" }),
            Query("year", new() { ["q"] = "審議", ["year"] = "2019" }),
            Query("dates", new() { ["q"] = "審議", ["from"] = "2018-01-01", ["to"] = "2019-04-30" }),
            Query("none", new() { ["q"] = "存在しない語句" }),
        ];
    }

    /// <summary>The minutes and units a query must find, by scanning every unit's text (no index).</summary>
    private (List<string> Ids, int Units) Expected(Dictionary<string, string> p)
    {
        var groups = new List<List<string>>();
        var not = new List<string>();
        var words = p["q"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] == "OR")
            {
                groups[^1].Add(SearchText.Fold(words[++i]));
            }
            else if (words[i].StartsWith('-'))
            {
                not.Add(SearchText.Fold(words[i][1..]));
            }
            else
            {
                groups.Add([SearchText.Fold(words[i])]);
            }
        }

        DateOnly? Date(string key) => p.TryGetValue(key, out var v) ? DateOnly.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        var from = Date("from") ?? (p.TryGetValue("year", out var y) ? new DateOnly(int.Parse(y, System.Globalization.CultureInfo.InvariantCulture), 4, 1) : null);
        var to = Date("to") ?? (p.TryGetValue("year", out var y2) ? new DateOnly(int.Parse(y2, System.Globalization.CultureInfo.InvariantCulture) + 1, 3, 31) : null);
        var ids = new List<string>();
        var units = 0;
        foreach (var m in site.Minutes)
        {
            if ((p.TryGetValue("body", out var body) && SiteBuilder.BodyName(m) != body)
                || ((from is not null || to is not null) && (m.Date is not DateOnly d || (from is not null && d < from) || (to is not null && d > to))))
            {
                continue;
            }

            var hits = SearchLayout.Chunks(m).SelectMany(c => c).Count(u =>
            {
                var fields = u.Fields.Select(SearchText.Fold).ToList();
                bool Has(string w) => fields.Any(f => f.Contains(w, StringComparison.Ordinal));
                return groups.All(g => g.Any(Has)) && !not.Any(Has) && (!p.TryGetValue("role", out var role) || u.Role == role);
            });
            if (hits > 0)
            {
                ids.Add(m.Id);
                units += hits;
            }
        }

        return (ids, units);
    }

    [Fact]
    public void Nu_html_checker_reports_no_errors_on_any_html_file()
    {
        var vnu = Path.Combine(RepoPaths.Root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(vnu), "vnu.jar is missing: run npm ci (scripts/test.sh does).");
        var files = Directory.GetFiles(site.Root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 15, $"only {files.Count} HTML files");
        var (exit, _, stderr) = BuiltSite.Run("java", ["-jar", vnu, "--errors-only", "--format", "json", .. files], site.Root, TimeSpan.FromMinutes(10));
        using var result = JsonDocument.Parse(stderr);
        var messages = result.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => $"{m.GetProperty("url").GetString()}:{(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(messages.Count == 0 && exit == 0, $"vnu found {messages.Count} errors:\n" + string.Join("\n", messages.Take(50)));
    }

    [Fact]
    public async Task Preview_server_serves_folders_content_types_and_the_404_page()
    {
        using var http = new HttpClient { BaseAddress = site.Server.BaseUrl };
        var home = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html; charset=utf-8", home.Content.Headers.ContentType!.ToString());

        var page = await http.GetAsync(new Uri(site.Builder.Urls.Url(SiteUrls.MinutesPagePath(site.Minutes[0].Id)), UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var json = await http.GetAsync(new Uri(site.Builder.Urls.Url(SiteUrls.MinutesJsonPath(site.Minutes[0].Id)), UriKind.Relative));
        Assert.Equal("application/json; charset=utf-8", json.Content.Headers.ContentType!.ToString());
        var feed = await http.GetAsync(new Uri("/feed.atom", UriKind.Relative));
        Assert.Equal("application/atom+xml; charset=utf-8", feed.Content.Headers.ContentType!.ToString());

        var missing = await http.GetAsync(new Uri("/minutes/m0000000000000000/", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("ページが見つかりません", await missing.Content.ReadAsStringAsync());
        var escape = await http.GetAsync(new Uri("/%2e%2e/%2e%2e/etc/passwd", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, escape.StatusCode);
        var post = await http.PostAsync(new Uri("/", UriKind.Relative), new StringContent("x"));
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }
}
