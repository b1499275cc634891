using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using PublishPipeline.Model;
using PublishPipeline.Site.Search;

namespace PublishPipeline.Site.Tests;

public class SiteBuilderTests
{
    private static readonly SiteOptions Options = new() { BaseUrl = new Uri("https://gikai.example.jp/"), SiteTitle = "テスト区 会議録" };

    private static string Text(SiteFile f) => Encoding.UTF8.GetString(f.Content.Span);

    private static SiteFile Page(IEnumerable<SiteFile> files, string path) => files.Single(f => f.Path == path);

    [Fact]
    public void Minutes_page_has_the_meeting_facts_and_one_element_per_turn_with_a_permalink()
    {
        var minutes = TestMinutes.Sample();
        var files = new SiteBuilder(Options).BuildMinutes(minutes);

        Assert.Equal(SiteUrls.MinutesPaths(minutes.Id), files.Select(f => f.Path));
        var doc = new HtmlParser().ParseDocument(Text(files[0]));
        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Equal("令和6年度 第1回豊島区行政情報化推進本部", doc.QuerySelector("h1")!.TextContent);
        Assert.NotNull(doc.QuerySelector("header.site-header"));
        Assert.NotNull(doc.QuerySelector("main#main"));
        Assert.NotNull(doc.QuerySelector("footer"));
        Assert.Equal("#main", doc.QuerySelector("a.skip-link")!.GetAttribute("href"));

        var time = doc.QuerySelector("time[datetime='2024-05-23']")!;
        Assert.Equal("令和6年5月23日（木）", time.TextContent);
        Assert.Contains("西暦2024年5月23日", doc.Body!.TextContent);
        Assert.Contains("14:00", doc.QuerySelector("time[datetime='14:00']")!.TextContent);
        Assert.Contains("庁議室（本庁舎5階）", doc.Body.TextContent);
        Assert.Contains("一部非公開", doc.QuerySelector(".disclosure")!.TextContent);
        Assert.Contains("政策意思決定過程途上に位置づけられる内容を含むため", doc.QuerySelector(".disclosure")!.TextContent);
        Assert.Equal(2, doc.QuerySelectorAll("ol.agenda li").Length);
        Assert.Equal(2, doc.QuerySelectorAll("table.attendees tbody th[scope=row]").Length);
        Assert.Equal(2, doc.QuerySelectorAll("table.attendees thead th[scope=col]").Length);

        var turns = doc.QuerySelectorAll(".turn");
        Assert.Equal(9, turns.Length);
        Assert.Equal(["s1-t1", "s1-t2", "s1-t3"], turns.Take(3).Select(t => t.Id!));
        Assert.Equal("#s1-t1", turns[0].QuerySelector("a.permalink")!.GetAttribute("href"));
        Assert.Equal("本部長", turns[0].QuerySelector(".speaker")!.TextContent);
        Assert.Equal(2, turns[0].QuerySelectorAll(".utterance p").Length);
        Assert.Contains("procedure", turns[1].ClassList);
        Assert.Contains("notice", doc.GetElementById("s2-t2")!.ClassList);
        Assert.Contains("この部分は非公開です", doc.GetElementById("s2-t2")!.TextContent);
        Assert.All(doc.QuerySelectorAll("[id]"), e => Assert.Single(doc.QuerySelectorAll($"[id='{e.Id}']")));

        // Heading order: h1, then h2s, h3s only inside the proceedings.
        var levels = doc.QuerySelectorAll("h1, h2, h3, h4").Select(h => h.LocalName[1] - '0').ToList();
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading order jumps at {i}: {string.Join(",", levels)}");
        }
    }

    [Fact]
    public void Open_data_json_is_the_redacted_document_without_private_parts()
    {
        var minutes = TestMinutes.Sample() with
        {
            Warnings = [new NormalizationWarning("x", "line quotes 山田太郎", 3)],
            Source = new SourceInfo("secret/山田.txt", "text", "utf-8", "00", 1),
        };
        var json = Text(new SiteBuilder(Options).BuildMinutes(minutes)[1]);
        var back = MinutesJson.Deserialize(Encoding.UTF8.GetBytes(json));
        Assert.Equal(minutes.Id, back.Id);
        Assert.Equal(minutes.Sections.Sum(s => s.Turns.Count), back.Sections.Sum(s => s.Turns.Count));
        Assert.Empty(back.Warnings);
        Assert.Null(back.Source);
        Assert.DoesNotContain("山田", json);

        // Cut from the stored JSON (as the render stage does with a document handed to it), the
        // same bytes; JSON in another layout is not cut, and the document is written instead.
        var builder = new SiteBuilder(Options);
        foreach (var document in new[] { minutes, minutes with { Warnings = [], Source = null }, TestMinutes.Long(40) })
        {
            var written = builder.BuildMinutes(document)[1];
            Assert.Equal(Text(written), Text(builder.BuildMinutes(document, MinutesJson.Serialize(document))[1]));
            Assert.Equal(Text(written), Text(builder.BuildMinutes(document, JsonSerializer.SerializeToUtf8Bytes(document, MinutesJson.Compact))[1]));
            Assert.Null(MinutesJson.WithoutWarningsAndSource(JsonSerializer.SerializeToUtf8Bytes(document, MinutesJson.Compact)));
        }
    }

    [Fact]
    public void Non_disclosure_markers_are_refused_not_rendered()
    {
        var minutes = TestMinutes.Sample() with
        {
            Sections = [new Section(null, [new SpeakerTurn { Text = "【非公開】", Kind = TurnKind.NonDisclosureStart }, new SpeakerTurn { Text = "秘密" }])],
        };
        var builder = new SiteBuilder(Options);
        var ex = Assert.Throws<InvalidOperationException>(() => builder.BuildMinutes(minutes));
        Assert.Contains("section 1, turn 1", ex.Message);
        Assert.Throws<InvalidOperationException>(() => builder.BuildIndexes([minutes]));
    }

    [Fact]
    public void Five_thousand_turns_render_whole_beyond_scribans_default_limits()
    {
        var minutes = TestMinutes.Long(5000);
        var html = Text(new SiteBuilder(Options).BuildMinutes(minutes)[0]);

        // Scriban's defaults stop at 1,000 loop iterations and ~1 Mi characters of output.
        Assert.True(html.Length > 1_100_000, $"page is only {html.Length} characters");
        Assert.EndsWith("</html>\n", html);
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(5000, doc.QuerySelectorAll(".turn.speech").Length);
        Assert.NotNull(doc.GetElementById("s50-t100"));
        Assert.Contains("第50節の100番目の発言です。", doc.GetElementById("s50-t100")!.TextContent);
    }

    [Fact]
    public void Same_input_gives_byte_identical_output_whatever_the_input_order()
    {
        var set = TestMinutes.Set();
        var first = new SiteBuilder(Options).BuildAll(set);
        var second = new SiteBuilder(Options).BuildAll([.. set.Reverse()]);
        Assert.Equal(first.Select(f => f.Path).Order(StringComparer.Ordinal), second.Select(f => f.Path).Order(StringComparer.Ordinal));
        var byPath = second.ToDictionary(f => f.Path);
        Assert.All(first, f => Assert.True(f.Content.Span.SequenceEqual(byPath[f.Path].Content.Span), f.Path));
    }

    [Fact]
    public void Index_pages_cover_every_body_and_fiscal_year_with_ascii_urls()
    {
        var set = TestMinutes.Set();
        var builder = new SiteBuilder(Options);
        var files = builder.BuildIndexes(set);
        var paths = files.Select(f => f.Path).ToHashSet();

        Assert.All(paths, p => Assert.True(p.All(c => c < 128), p));
        foreach (var expected in new[] { "index.html", "bodies/index.html", "years/index.html", "search/index.html", "feed.atom", "sitemap.xml", "robots.txt", "404.html", "data/catalog.json", "search/meta.json" })
        {
            Assert.Contains(expected, paths);
        }

        Assert.Contains("years/2024/index.html", paths);
        Assert.Contains("years/2018/index.html", paths);
        Assert.Contains("years/2019/index.html", paths);
        Assert.Contains("years/unknown/index.html", paths);
        // 2019-04-30 is 平成31年 but 年度 2019; 2023-03-10 is 年度 2022.
        Assert.Contains("years/2022/index.html", paths);
        Assert.Equal(3, paths.Count(p => p.StartsWith("bodies/b", StringComparison.Ordinal)));

        var slug = builder.Urls.BodySlug("練馬区情報公開および個人情報保護運営審議会");
        Assert.Matches("^b[0-9a-f]{10}$", slug);
        var body = new HtmlParser().ParseDocument(Text(Page(files, $"bodies/{slug}/index.html")));
        Assert.Equal(2, body.QuerySelectorAll(".minutes-list li").Length);

        var home = new HtmlParser().ParseDocument(Text(Page(files, "index.html")));
        var latest = home.QuerySelectorAll(".minutes-list li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal($"/minutes/{set[0].Id}/", latest[0]);
        Assert.Equal($"/minutes/{set[5].Id}/", latest[^1]); // undated last

        var year = new HtmlParser().ParseDocument(Text(Page(files, "years/2019/index.html")));
        Assert.Equal("令和元年度（2019年度）の会議録", year.QuerySelector("h1")!.TextContent);

        var mapped = new SiteBuilder(Options with { BodySlugs = new Dictionary<string, string> { ["未来戦略創出会議"] = "mirai" } });
        Assert.Contains("bodies/mirai/index.html", mapped.BuildIndexes(set).Select(f => f.Path));
        Assert.Throws<ArgumentException>(() => new SiteBuilder(Options with { BodySlugs = new Dictionary<string, string> { ["x"] = "../x" } }));
    }

    [Fact]
    public void Feed_is_valid_atom_newest_first_and_sitemap_and_robots_point_at_each_other()
    {
        var set = TestMinutes.Set();
        var files = new SiteBuilder(Options).BuildIndexes(set);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(Text(Page(files, "feed.atom")));
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(5, entries.Count); // the undated one has no place in time
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.Equal("2024-05-23T00:00:00+09:00", feed.Root.Element(atom + "updated")!.Value);
        Assert.Equal($"https://gikai.example.jp/minutes/{set[0].Id}/", entries[0].Element(atom + "link")!.Attribute("href")!.Value);
        Assert.NotNull(feed.Root.Element(atom + "author"));

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemap = XDocument.Parse(Text(Page(files, "sitemap.xml")));
        var locs = sitemap.Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Contains("https://gikai.example.jp/", locs);
        Assert.Equal(set.Count, locs.Count(l => l.Contains("/minutes/", StringComparison.Ordinal)));
        Assert.DoesNotContain(locs, l => l.EndsWith("404.html", StringComparison.Ordinal));
        Assert.Contains("Sitemap: https://gikai.example.jp/sitemap.xml", Text(Page(files, "robots.txt")));
    }

    [Fact]
    public void Files_carry_utf8_content_types_and_cache_policy_by_name()
    {
        var files = new SiteBuilder(Options).BuildAll(TestMinutes.Set());
        foreach (var f in files)
        {
            Assert.DoesNotContain("octet-stream", f.ContentType);
            if (!f.ContentType.StartsWith("image/", StringComparison.Ordinal))
            {
                Assert.EndsWith("; charset=utf-8", f.ContentType);
            }

            var hashed = System.Text.RegularExpressions.Regex.IsMatch(f.Path, @"\.[0-9a-f]{12}\.[a-z]+$");
            Assert.Equal(hashed ? SiteFile.ImmutableCache : SiteFile.ShortCache, f.CacheControl);
        }

        Assert.Contains(files, f => f.Path.StartsWith("assets/site.", StringComparison.Ordinal) && f.ContentType == "text/css; charset=utf-8");
        Assert.Contains(files, f => f.Path.StartsWith("assets/search.", StringComparison.Ordinal) && f.ContentType == "text/javascript; charset=utf-8");
        Assert.Equal("application/atom+xml; charset=utf-8", files.Single(f => f.Path == "feed.atom").ContentType);
        Assert.Equal("text/html; charset=utf-8", files.Single(f => f.Path == "404.html").ContentType);
    }

    [Fact]
    public void Referenced_files_come_before_the_files_that_reference_them()
    {
        // A store writing in order never serves a page or meta.json that points at a missing asset or shard.
        var files = new SiteBuilder(Options).BuildIndexes(TestMinutes.Set()).Select(f => f.Path).ToList();
        var lastAsset = files.FindLastIndex(p => p.StartsWith("assets/", StringComparison.Ordinal));
        var firstHtml = files.FindIndex(p => p.EndsWith(".html", StringComparison.Ordinal));
        Assert.True(lastAsset < firstHtml);
        var lastShard = files.FindLastIndex(p => p.StartsWith("search/s", StringComparison.Ordinal) && p.EndsWith(".json", StringComparison.Ordinal));
        Assert.True(lastShard < files.IndexOf(SiteUrls.SearchMetaPath));
    }

    [Fact]
    public void Ids_and_paths_are_checked_and_withdrawal_paths_are_known()
    {
        Assert.Equal(["minutes/m0123456789abcdef/index.html", "minutes/m0123456789abcdef/minutes.json"], SiteUrls.MinutesPaths("m0123456789abcdef"));
        Assert.Throws<ArgumentException>(() => SiteUrls.MinutesPagePath("../etc"));
        Assert.Throws<ArgumentException>(() => SiteUrls.MinutesPagePath("会議"));
        Assert.Throws<ArgumentException>(() => new SiteBuilder(Options).BuildMinutes(TestMinutes.Sample() with { Id = "A/B" }));
        Assert.Throws<ArgumentException>(() => new SiteBuilder(Options).BuildIndexes([TestMinutes.Sample(), TestMinutes.Sample()]));

        var under = new SiteBuilder(Options with { BaseUrl = new Uri("https://example.jp/gikai") });
        Assert.Equal("/gikai/minutes/m0123456789abcdef/", under.Urls.Url(SiteUrls.MinutesPagePath("m0123456789abcdef")));
        Assert.Equal("https://example.jp/gikai/feed.atom", under.Urls.AbsoluteUrl(SiteUrls.FeedPath));
    }

    [Fact]
    public void Templates_can_be_overridden_by_name_and_change_the_template_version()
    {
        var dir = Directory.CreateTempSubdirectory("site-templates-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "404.sbn"), "<h1>見つかりません（区独自）</h1>\n<p>{{ site_title }}</p>\n");
            var custom = new SiteBuilder(Options with { TemplateDirectory = dir.FullName });
            var standard = new SiteBuilder(Options);
            Assert.NotEqual(standard.TemplateVersion, custom.TemplateVersion);
            Assert.Equal(standard.TemplateVersion, new SiteBuilder(Options).TemplateVersion);
            var page = Text(Page(custom.BuildIndexes(TestMinutes.Set()), "404.html"));
            Assert.Contains("<h1>見つかりません（区独自）</h1>", page);
            Assert.Contains("<p>テスト区 会議録</p>", page);

            File.WriteAllText(Path.Combine(dir.FullName, "home.sbn"), "{{ for x in nothing }}{{ end }");
            var ex = Assert.Throws<InvalidOperationException>(() => new SiteBuilder(Options with { TemplateDirectory = dir.FullName }));
            Assert.Contains("home.sbn", ex.Message);

            File.WriteAllText(Path.Combine(dir.FullName, "home.sbn"), "{{ no_such_variable }}");
            var strict = new SiteBuilder(Options with { TemplateDirectory = dir.FullName });
            Assert.Throws<InvalidOperationException>(() => strict.BuildIndexes(TestMinutes.Set()));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Rewriting_after_one_new_minutes_touches_only_what_changed()
    {
        var dir = Directory.CreateTempSubdirectory("site-incr-");
        try
        {
            var set = TestMinutes.Set().ToList();
            var builder = new SiteBuilder(Options);
            var first = SiteDirectory.Write(dir.FullName, builder.BuildAll(set));
            Assert.Equal(0, first.Unchanged);
            var again = SiteDirectory.Write(dir.FullName, builder.BuildAll(set));
            Assert.Equal(0, again.Written);

            var added = TestMinutes.Sample("a/3.txt", new DateOnly(2024, 9, 1));
            set.Add(added);
            var files = builder.BuildMinutes(added).Concat(builder.BuildIndexes(set)).ToList();
            var result = SiteDirectory.Write(dir.FullName, files);
            // New page + JSON, home, bodies list, its body, its year, search meta + changed shards, feed, sitemap, catalogue.
            Assert.InRange(result.Written, 9, 14);
            Assert.True(File.Exists(Path.Combine(dir.FullName, "minutes", added.Id, "index.html")));
            // The search shards that changed got new names; the old ones are no longer referenced.
            Assert.True(SiteDirectory.RemoveStaleHashedFiles(dir.FullName, files) >= 1);
            Assert.Equal(0, SiteDirectory.RemoveStaleHashedFiles(dir.FullName, files));
            Assert.All(Directory.GetFiles(Path.Combine(dir.FullName, "search")), f => Assert.Contains(files, s => s.Path == "search/" + Path.GetFileName(f)));
            Assert.Equal(2, SiteDirectory.DeleteMinutes(dir.FullName, added.Id));
            Assert.False(Directory.Exists(Path.Combine(dir.FullName, "minutes", added.Id)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Search_index_folds_width_and_case_and_finds_every_bigram_of_the_text()
    {
        Assert.Equal("abc123会議", SearchText.Fold("ＡＢＣ　１２３ 会議"));
        Assert.Equal("ガバメントパブリックコメント", SearchText.Fold("ｶﾞﾊﾞﾒﾝﾄ ﾊﾟﾌﾞﾘｯｸｺﾒﾝﾄ"));
        var set = TestMinutes.Set();
        var files = new SiteBuilder(Options).BuildIndexes(set);
        var index = new SearchIndexReader(files);
        Assert.Equal(set.Count, index.Count);

        foreach (var bigram in new[] { "公表", "パブ", "dx" })
        {
            var postings = index.Postings(bigram);
            Assert.Equal(set.Count, postings.Count); // every test minutes contains these words
        }
    }
}

public class SampleTests
{
    [Fact]
    public void Every_real_sample_renders_every_turn_with_its_anchor()
    {
        var samples = SampleMinutes.Load();
        Assert.Equal(5, samples.Count);
        var builder = new SiteBuilder(new SiteOptions());
        foreach (var minutes in samples)
        {
            var html = Encoding.UTF8.GetString(builder.BuildMinutes(minutes)[0].Content.Span);
            var doc = new HtmlParser().ParseDocument(html);
            var turns = minutes.Sections.Sum(s => s.Turns.Count);
            Assert.True(turns > 0, $"{minutes.Id} has no turns");
            Assert.Equal(turns, doc.QuerySelectorAll(".turn").Length);
            var last = minutes.Sections.Count;
            Assert.NotNull(doc.GetElementById($"s{last}-t{minutes.Sections[^1].Turns.Count}"));
            Assert.EndsWith("</html>\n", html);
        }

        var files = builder.BuildIndexes(samples);
        Assert.Contains(files, f => f.Path == "index.html");
    }
}
