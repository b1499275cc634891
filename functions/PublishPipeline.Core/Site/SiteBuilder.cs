using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Site.Rendering;
using PublishPipeline.Site.Search;
using Scriban.Runtime;

namespace PublishPipeline.Site;

/// <summary>
/// Renders redacted minutes into the static site's files through Scriban templates.
/// Output depends only on the input and the templates: no clock, no machine, no culture, so a
/// re-render produces byte-identical files and only real changes need uploading.
/// </summary>
public sealed partial class SiteBuilder
{
    /// <summary>Minutes listed on the home page and in the feed.</summary>
    public const int LatestCount = 20;

    public const int FeedCount = 50;

    /// <summary>Speaker roles offered by the search page's filter, most frequent first.</summary>
    public const int SearchRoleCount = 100;

    // A document's search contribution, computed once per Minutes instance (the pipeline keeps
    // the redacted documents it has read, so re-building the indexes does not re-read the text).
    private static readonly ConditionalWeakTable<Minutes, SearchContribution> Contributions = [];

    private readonly SiteTemplates _templates;
    private readonly Dictionary<string, (string Path, string Url)> _assetFiles = new(StringComparer.Ordinal);
    private readonly List<SiteFile> _assetSiteFiles = [];
    private readonly bool _compiledLayout;
    private readonly bool _compiledMinutes;
    private readonly bool _compiledSitemap;
    private readonly bool _compiledListings;

    // A page is written into one builder per thread, kept between pages unless a page made it large.
    [ThreadStatic]
    private static StringBuilder? t_page;

    public SiteBuilder(SiteOptions options)
        : this(options, compiledRenderers: true)
    {
    }

    /// <param name="options">The site's settings.</param>
    /// <param name="compiledRenderers">
    /// False: every page through Scriban, even where the built-in template has a compiled renderer
    /// (the tests' reference for the compiled ones).
    /// </param>
    internal SiteBuilder(SiteOptions options, bool compiledRenderers)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Urls = new SiteUrls(options);
        _templates = new SiteTemplates(options.TemplateDirectory);
        _compiledLayout = compiledRenderers && _templates.IsCompiled("layout.sbn");
        _compiledMinutes = compiledRenderers && _templates.IsCompiled("minutes.sbn");
        _compiledSitemap = compiledRenderers && _templates.IsCompiled("sitemap.sbn");

        // The 会議体 and 年度 pages by ListingPageWriter only while both templates and the list they include are the built-in ones.
        _compiledListings = compiledRenderers && _templates.IsCompiled("body.sbn") && _templates.IsCompiled("year.sbn") && _templates.IsCompiled("_minutes_list.sbn");
        foreach (var name in SiteTemplates.AssetNames)
        {
            var bytes = Encoding.UTF8.GetBytes(_templates.Asset(name));
            var dot = name.LastIndexOf('.');
            var path = $"assets/{name[..dot]}.{ShortHash(bytes)}{name[dot..]}";
            _assetFiles[name] = (path, Urls.Url(path));
            _assetSiteFiles.Add(SiteFile.Create(path, bytes, immutable: true));
        }

        // The options are rendered into every page (base URL, title, slugs): a change to them is
        // a change of output, like a template change, so the pages are rendered again.
        TemplateVersion = _templates.Version + "+" + ShortHash(Encoding.UTF8.GetBytes(
            string.Join('\n', [Urls.BaseUrl.AbsoluteUri, options.SiteTitle, .. options.BodySlugs.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "=" + s.Value)])));
        Search = new SearchIndex(Urls);
    }

    public SiteOptions Options { get; }

    /// <summary>The URL scheme (paths of every page, body slugs).</summary>
    public SiteUrls Urls { get; }

    /// <summary>Hash of the templates and assets; a change means every page must be re-rendered.</summary>
    public string TemplateVersion { get; }

    /// <summary>The search index merge, which reuses what did not change since its previous build.</summary>
    public SearchIndex Search { get; }

    /// <summary>The 会議体 and 年度 listing pages of the previous build, rendered again only when their listing changed.</summary>
    public ListingPages Listings { get; } = new();

    /// <summary>Each minutes' catalogue object of the previous build, written again only when its header changed.</summary>
    public IndexLines Lines { get; } = new();

    /// <summary>The files of one minutes: its page and its open-data JSON (paths: <see cref="SiteUrls.MinutesPaths"/>).</summary>
    /// <exception cref="InvalidOperationException">The document still holds non-disclosure markers: redaction did not run or failed.</exception>
    public IReadOnlyList<SiteFile> BuildMinutes(Minutes minutes) => BuildMinutes(minutes, serialized: default);

    /// <summary>
    /// <see cref="BuildMinutes(Minutes)"/> given <paramref name="serialized"/>, the document exactly as
    /// <see cref="MinutesJson.Serialize"/> wrote it (as the redaction stage stored it): the open-data
    /// JSON is cut from it instead of written again. Empty: written from the document.
    /// </summary>
    public IReadOnlyList<SiteFile> BuildMinutes(Minutes minutes, ReadOnlySpan<byte> serialized)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        EnsureRedacted(minutes);
        var model = MinutesPageGlobals(minutes);
        SiteFile page;
        if (_compiledMinutes)
        {
            // The built-in template, written by a walk of the document (no page model to build).
            page = RenderPage(model, sb => MinutesPageWriter.Write(sb, minutes, Urls));
        }
        else
        {
            model["m"] = MinutesModel(minutes, detailed: true);
            page = RenderPage("minutes.sbn", model);
        }

        return
        [
            page,
            SiteFile.Create(SiteUrls.MinutesJsonPath(minutes.Id), (serialized.IsEmpty ? null : MinutesJson.WithoutWarningsAndSource(serialized)) ?? PublicJson(minutes)),
        ];
    }

    /// <summary>
    /// The page and open-data JSON of a large minutes (a million characters of turn text or more), written into a stream as they are made when stored: the same bytes as
    /// <see cref="BuildMinutes(Minutes)"/>'s, without the page, its string or the JSON ever whole in
    /// memory (≈ 50 and 70 MB for a 30 MB upload). Null for a smaller document, and for a page a
    /// ward's own template renders (Scriban writes a string): build those with <see cref="BuildMinutes(Minutes)"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The document still holds non-disclosure markers: redaction did not run or failed.</exception>
    public IReadOnlyList<StreamedSiteFile>? StreamMinutes(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (!_compiledMinutes || !_compiledLayout || !IsLarge(minutes))
        {
            return null;
        }

        EnsureRedacted(minutes);
        var pagePath = SiteUrls.MinutesPagePath(minutes.Id);
        var jsonPath = SiteUrls.MinutesJsonPath(minutes.Id);
        return
        [
            new(pagePath, SiteFile.ContentTypeOf(pagePath), SiteFile.ShortCache, (stream, _) =>
            {
                WritePage(MinutesPageGlobals(minutes), minutes, stream);
                return Task.CompletedTask;
            }),
            new(jsonPath, SiteFile.ContentTypeOf(jsonPath), SiteFile.ShortCache, async (stream, cancellationToken) =>
                await Pipeline.StreamedDocument.WriteAsync(minutes with { Warnings = [], Source = null }, stream, cancellationToken).ConfigureAwait(false)),
        ];
    }

    /// <summary>
    /// The search fragments of one minutes (<c>search/f/…</c>): the text search.js shows for a
    /// result. They depend on the document alone, so they are written and withdrawn with its page.
    /// </summary>
    public IReadOnlyList<SiteFile> BuildSearchFragments(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        EnsureRedacted(minutes);
        return SearchFragments.Build(minutes, Urls, Urls.Url(SiteUrls.MinutesPagePath(minutes.Id)));
    }

    /// <summary>What one redacted minutes adds to the search index (cached per instance).</summary>
    public static SearchContribution SearchContributionOf(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        return Contributions.GetValue(minutes, SearchContribution.Of);
    }

    /// <summary>
    /// What <see cref="BuildIndexes"/> needs of one minutes, to keep while a whole archive is
    /// indexed: the header without the proceedings, with the search contribution made from the
    /// proceedings first and kept with it (index pages, feed, sitemap and catalogue read the
    /// header only). Holding these instead of whole documents bounds an archive's memory.
    /// </summary>
    public static Minutes ForIndexes(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        EnsureRedacted(minutes);
        var contribution = SearchContributionOf(minutes);
        var header = minutes with { Sections = [], Warnings = [] };
        Contributions.AddOrUpdate(header, contribution);
        return header;
    }

    /// <summary>A header made by <see cref="ForIndexes(Minutes)"/> and its contribution, read back from a cache, joined again.</summary>
    public static Minutes ForIndexes(Minutes header, SearchContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(contribution);
        EnsureRedacted(header);
        var kept = header with { Sections = [], Warnings = [] };
        Contributions.AddOrUpdate(kept, contribution);
        return kept;
    }

    /// <summary>
    /// The part of a minutes' header the index files read (the lists, feed, sitemap and
    /// catalogue): small enough to keep every minutes' in one file between runs.
    /// </summary>
    public static Minutes IndexHeader(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        return new Minutes
        {
            SchemaVersion = minutes.SchemaVersion,
            Id = minutes.Id,
            Title = minutes.Title,
            Body = minutes.Body,
            Municipality = minutes.Municipality,
            Session = minutes.Session,
            Date = minutes.Date,
            FiscalYear = minutes.FiscalYear,
            StartTime = minutes.StartTime,
            Disclosure = minutes.Disclosure,
        };
    }

    /// <summary>Every file that depends on the whole set: indexes, feed, sitemap, search, catalogue, assets, 404, robots.</summary>
    public IReadOnlyList<SiteFile> BuildIndexes(IReadOnlyList<Minutes> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        foreach (var m in all)
        {
            EnsureRedacted(m);
        }

        var contributions = new SearchContribution[all.Count];
        Parallel.For(0, all.Count, i => contributions[i] = SearchContributionOf(all[i]));
        var byId = new Dictionary<string, SearchContribution>(StringComparer.Ordinal);
        foreach (var c in contributions)
        {
            byId[c.Id] = c;
        }

        return BuildIndexes(all, [.. contributions.Select(c => c.Summary)], id => byId[id], onSite: null).Files;
    }

    /// <summary>
    /// The index files from each minutes' header (<see cref="IndexHeader"/>) and search summary;
    /// the search postings of a tier that must be encoded again come from
    /// <paramref name="contributionOf"/> (<see cref="SearchIndex.MembersToEncode"/> names them),
    /// and a reused tier whose shards <paramref name="onSite"/> finds on the site (path, SHA-256)
    /// is listed in <see cref="SiteIndexFiles.Kept"/> rather than made again.
    /// </summary>
    public SiteIndexFiles BuildIndexes(IReadOnlyList<Minutes> headers, IReadOnlyList<SearchSummary> searchSummaries, Func<string, SearchContribution> contributionOf, Func<string, string, bool>? onSite)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(searchSummaries);
        foreach (var m in headers)
        {
            EnsureRedacted(m);
        }

        var ordered = Order(headers);
        CheckUniqueIds(ordered);
        var files = new List<SiteFile>(_assetSiteFiles);
        var summaries = ordered.Take(LatestCount).Select(m => MinutesModel(m, detailed: false)).ToArray();

        var bodies = ordered
            .GroupBy(BodyName, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Slug: Urls.BodySlug(g.Key), Items: g.ToList()))
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var years = ordered
            .GroupBy(FiscalYearOf)
            .OrderByDescending(g => g.Key ?? int.MinValue)
            .Select(g => (Year: g.Key, Items: g.ToList()))
            .ToList();

        // The listing pages and the feed, sitemap and catalogue at once (each on one core; a
        // rebuild after the last document otherwise ran on about one core), then the search index,
        // whose tiers' encoding is itself spread over the cores: not beside them, as its shards are
        // the rebuild's peak of memory (10,000 minutes: 20–40 MB higher with all three at once).
        // Files keep the order below.
        var pages = new List<SiteFile>();
        var listings = new List<ListingPage>();
        var kept = new List<SearchShard>();
        var lines = new List<IndexLine>();

        // Each minutes' header hash, for the listing pages' keys and the catalogue's objects: only
        // for a build that keeps what it made for the next one (onSite given).
        var itemHashes = onSite is null ? null : ListingPages.ItemHashes.Of(ordered);
        SiteFile feed = null!, sitemap = null!, catalog = null!;
        try
        {
            Parallel.Invoke(
                () => ListingFiles(ordered, summaries, bodies, years, onSite, itemHashes, pages, listings, kept),
                () =>
                {
                    feed = RenderText("feed.sbn", SiteUrls.FeedPath, FeedModel(ordered));
                    sitemap = _compiledSitemap
                        ? SiteFile.Create(SiteUrls.SitemapPath, Encoding.UTF8.GetBytes(Sitemap(ordered, bodies.Select(b => b.Slug), years.Select(y => y.Year))))
                        : RenderText("sitemap.sbn", SiteUrls.SitemapPath, SitemapModel(ordered, bodies.Select(b => b.Slug), years.Select(y => y.Year)));
                    catalog = SiteFile.Create(SiteUrls.CatalogPath, itemHashes is null || ordered.Count == 0 ? Catalog(ordered) : Catalog(ordered, itemHashes, lines));
                });
        }
        catch (AggregateException e)
        {
            // As when the parts ran one after the other: the first part's failure, as thrown.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var index = Search.Build(searchSummaries, contributionOf, onSite);
        files.AddRange(pages);

        // Search: the shards, the manifest, the page with its filters.
        files.AddRange(index.Shards);
        files.Add(index.Manifest);
        var search = Globals("会議録の検索", SiteUrls.SearchPath, [], "会議録の発言を語句で検索します。");
        search["meta_url"] = Urls.Url(SiteUrls.SearchMetaPath);
        search["bodies"] = BodyLinks(bodies);
        search["years"] = YearLinks(years);
        var fiscalYears = new ScriptArray();
        foreach (var (year, _) in years.Where(y => y.Year is not null))
        {
            fiscalYears.Add(new ScriptObject { ["value"] = year!.Value.ToString(CultureInfo.InvariantCulture), ["label"] = YearLabel(year) });
        }

        search["fiscal_years"] = fiscalYears;
        var roles = new ScriptArray();
        foreach (var (role, turns) in index.Roles.Take(SearchRoleCount))
        {
            roles.Add(new ScriptObject { ["name"] = role, ["count"] = turns });
        }

        search["roles"] = roles;
        files.Add(RenderPage("search.sbn", search));

        // 404, feed, sitemap, robots, catalogue.
        var notFound = Globals("ページが見つかりません", SiteUrls.NotFoundPath, [], "お探しのページは見つかりませんでした。");
        notFound["search_url"] = Urls.Url(SiteUrls.SearchPath);
        files.Add(RenderPage("404.sbn", notFound));
        files.Add(feed);
        files.Add(sitemap);
        files.Add(RenderText("robots.sbn", SiteUrls.RobotsPath, new ScriptObject { ["sitemap_url"] = Urls.AbsoluteUrl(SiteUrls.SitemapPath) }));
        files.Add(catalog);
        return new SiteIndexFiles(files, [.. index.Kept, .. kept], index.Tiers, listings) { Lines = lines, LinesTemplateVersion = TemplateVersion };
    }

    /// <summary>The home page, the 会議体 and 年度 pages and the pages listing one of each (those whose listing did not change are reused).</summary>
    private void ListingFiles(
        IReadOnlyList<Minutes> ordered,
        ScriptObject[] summaries,
        List<(string Name, string Slug, List<Minutes> Items)> bodies,
        List<(int? Year, List<Minutes> Items)> years,
        Func<string, string, bool>? onSite,
        ListingPages.ItemHashes? itemHashes,
        List<SiteFile> pages,
        List<ListingPage> listings,
        List<SearchShard> kept)
    {
        // Home.
        var home = Globals(Options.SiteTitle, SiteUrls.HomePath, [], $"{Options.SiteTitle}：会議録の公開ページです。");
        home["latest"] = Array(summaries.Take(LatestCount));
        home["total"] = ordered.Count;
        home["bodies"] = BodyLinks(bodies);
        home["years"] = YearLinks(years);
        home["search_url"] = Urls.Url(SiteUrls.SearchPath);
        pages.Add(RenderPage("home.sbn", home));

        // Bodies.
        var bodiesPage = Globals("会議体一覧", SiteUrls.BodiesPath, [], "会議体ごとの会議録の一覧です。");
        bodiesPage["bodies"] = BodyLinks(bodies);
        pages.Add(RenderPage("bodies.sbn", bodiesPage));
        // The pages listing one 会議体 or one 年度: rendered only when what they list changed.
        foreach (var body in bodies)
        {
            var path = SiteUrls.BodyPagePath(body.Slug);
            var key = itemHashes is null ? null : ListingPages.Key(TemplateVersion, path, body.Name, body.Items, itemHashes);
            if (key is not null && Listings.Reusable(path, key, onSite) is { } same)
            {
                listings.Add(same);
                kept.Add(new SearchShard(same.Path, same.Sha256));
                continue;
            }

            var page = Globals(body.Name, path, [("会議体一覧", SiteUrls.BodiesPath)], $"{body.Name}の会議録の一覧です。");
            if (_compiledListings)
            {
                var (name, items) = (body.Name, body.Items);
                var yearLinks = BodyYears(items);
                pages.Add(Listed(RenderPage(page, sb => ListingPageWriter.WriteBody(sb, name, items, yearLinks, Urls)), key));
                continue;
            }

            page["body"] = body.Name;
            page["items"] = Array(body.Items.Select(m => MinutesModel(m, detailed: false)));
            page["years"] = YearLinks(body.Items.GroupBy(FiscalYearOf).OrderByDescending(g => g.Key ?? int.MinValue).Select(g => (g.Key, g.ToList())).ToList());
            pages.Add(Listed(RenderPage("body.sbn", page), key));
        }

        // Fiscal years.
        var yearsPage = Globals("年度一覧", SiteUrls.YearsPath, [], "年度ごとの会議録の一覧です。");
        yearsPage["years"] = YearLinks(years);
        pages.Add(RenderPage("years.sbn", yearsPage));
        foreach (var (year, items) in years)
        {
            var label = YearLabel(year);
            var path = SiteUrls.YearPagePath(year);
            var key = itemHashes is null ? null : ListingPages.Key(TemplateVersion, path, label, items, itemHashes);
            if (key is not null && Listings.Reusable(path, key, onSite) is { } same)
            {
                listings.Add(same);
                kept.Add(new SearchShard(same.Path, same.Sha256));
                continue;
            }

            var page = Globals($"{label}の会議録", path, [("年度一覧", SiteUrls.YearsPath)], $"{label}に開かれた会議の会議録の一覧です。");
            if (_compiledListings)
            {
                var listed = items;
                pages.Add(Listed(RenderPage(page, sb => ListingPageWriter.WriteYear(sb, label, listed, Urls)), key));
                continue;
            }

            page["year_label"] = label;
            page["items"] = Array(items.Select(m => MinutesModel(m, detailed: false)));
            pages.Add(Listed(RenderPage("year.sbn", page), key));
        }

        Listings.Built(listings);

        // A 会議体's 年度, newest first and 年度不明 last, as YearLinks lists them (label, URL).
        List<(string Label, string Url)> BodyYears(List<Minutes> items)
        {
            var seen = new HashSet<int?>();
            var found = new List<int?>();
            foreach (var m in items)
            {
                if (seen.Add(FiscalYearOf(m)))
                {
                    found.Add(FiscalYearOf(m));
                }
            }

            // A stable sort, as OrderByDescending: equal keys (none here) keep their first-seen order.
            return [.. found.OrderByDescending(y => y ?? int.MinValue).Select(y => (YearLabel(y), Urls.Url(SiteUrls.YearPagePath(y))))];
        }

        // A rendered listing page, remembered under its key for the next build.
        SiteFile Listed(SiteFile file, string? key)
        {
            if (key is not null)
            {
                listings.Add(new ListingPage(key, file.Path, file.ContentHash));
            }

            return file;
        }
    }

    /// <summary>The whole site: every minutes' files and search fragments, then the indexes. Minutes pages render in parallel.</summary>
    public IReadOnlyList<SiteFile> BuildAll(IReadOnlyList<Minutes> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var perMinutes = new IReadOnlyList<SiteFile>[all.Count];
        Parallel.For(0, all.Count, i => perMinutes[i] = [.. BuildMinutes(all[i]), .. BuildSearchFragments(all[i])]);
        var files = perMinutes.SelectMany(f => f).ToList();
        files.AddRange(BuildIndexes(all));
        return files;
    }

    /// <summary>Newest first; undated minutes last; ties broken by id so the order never depends on input order.</summary>
    public static IReadOnlyList<Minutes> Order(IEnumerable<Minutes> all)
    {
        // One comparison rather than a chain of LINQ keys: the chain's generic code over DateOnly?
        // is compiled at run time in every re-publish (ReadyToRun cannot), for 10,000 headers.
        var ordered = all.ToArray();
        System.Array.Sort(ordered, NewestFirst);
        return ordered;
    }

    // The order Order gives: a total order (ids are unique in a set), so the sort need not be stable.
    private static int NewestFirst(Minutes x, Minutes y)
    {
        var c = y.Date.HasValue.CompareTo(x.Date.HasValue);
        if (c == 0)
        {
            c = Nullable.Compare(y.Date, x.Date);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(y.StartTime, x.StartTime);
        }

        return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
    }

    /// <summary>The JSON published as open data: the redacted document without the private parts
    /// (normaliser warnings quote source lines; the source block names the private upload).</summary>
    public static byte[] PublicJson(Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        return MinutesJson.Serialize(minutes with { Warnings = [], Source = null });
    }

    private static void EnsureRedacted(Minutes minutes)
    {
        for (var s = 0; s < minutes.Sections.Count; s++)
        {
            var turns = minutes.Sections[s].Turns;
            for (var t = 0; t < turns.Count; t++)
            {
                if (turns[t].Kind is TurnKind.NonDisclosureStart or TurnKind.NonDisclosureEnd)
                {
                    throw new InvalidOperationException(
                        $"Minutes {minutes.Id}: section {s + 1}, turn {t + 1} is a non-disclosure marker ({turns[t].Kind}); only redacted minutes may be rendered.");
                }
            }
        }
    }

    private static void CheckUniqueIds(IReadOnlyList<Minutes> ordered)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in ordered)
        {
            if (!seen.Add(m.Id))
            {
                throw new ArgumentException($"Minutes id {m.Id} appears more than once in the set.", nameof(ordered));
            }
        }
    }

    /// <summary>Characters of turn text from which a document's page and open data are streamed (≈ 3 MB of page; tests set it lower).</summary>
    internal int StreamedTextChars { get; init; } = 1 << 20;

    private bool IsLarge(Minutes minutes)
    {
        long chars = 0;
        foreach (var section in minutes.Sections)
        {
            foreach (var turn in section.Turns)
            {
                chars += turn.Text.Length;
            }
        }

        return chars >= StreamedTextChars;
    }

    private ScriptObject MinutesPageGlobals(Minutes minutes) => Globals(
        title: DisplayTitle(minutes),
        path: SiteUrls.MinutesPagePath(minutes.Id),
        breadcrumbs: [("会議体一覧", SiteUrls.BodiesPath), (BodyName(minutes), SiteUrls.BodyPagePath(Urls.BodySlug(BodyName(minutes))))],
        description: Description(minutes));

    // The built-in layout and minutes template, as RenderPage writes them, into a stream a turn at a time.
    private void WritePage(ScriptObject model, Minutes minutes, Stream destination)
    {
        var sb = new StringBuilder(64 * 1024);
        using var page = new PageStream(destination);
        LayoutWriter.WriteStart(sb, model);
        MinutesPageWriter.Write(sb, minutes, Urls, drain: b => page.Drain(b));
        LayoutWriter.WriteEnd(sb, model);
        page.Drain(sb, final: true);
    }

    private SiteFile RenderPage(string template, ScriptObject model) =>
        RenderPage(model, sb => sb.Append(_templates.Render(template, model)));

    // The page's content, written by writeContent, in the layout: the built-in layout by
    // LayoutWriter, a ward's own through Scriban.
    private SiteFile RenderPage(ScriptObject model, Action<StringBuilder> writeContent)
    {
        var sb = t_page ?? new StringBuilder(64 * 1024);
        t_page = null;
        try
        {
            if (_compiledLayout)
            {
                LayoutWriter.WriteStart(sb, model);
                writeContent(sb);
                LayoutWriter.WriteEnd(sb, model);
            }
            else
            {
                writeContent(sb);
                model["content"] = new TrustedHtml(sb.ToString());
                sb.Clear();
                sb.Append(_templates.Render("layout.sbn", model));
            }

            return SiteFile.Create((string)model["page_path"]!, Utf8(sb));
        }
        finally
        {
            sb.Clear();
            if (sb.Capacity <= 1024 * 1024)
            {
                t_page = sb;
            }
        }
    }

    private static byte[] Utf8(StringBuilder sb)
    {
        var length = 0;
        foreach (var chunk in sb.GetChunks())
        {
            length += Encoding.UTF8.GetByteCount(chunk.Span);
        }

        // A surrogate pair split across two chunks is encoded as one character by the one encoder.
        var bytes = new byte[length];
        var encoder = Encoding.UTF8.GetEncoder();
        var written = 0;
        foreach (var chunk in sb.GetChunks())
        {
            written += encoder.GetBytes(chunk.Span, bytes.AsSpan(written), flush: false);
        }

        written += encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        return written == length ? bytes : bytes[..written];
    }

    private SiteFile RenderText(string template, string path, ScriptObject model) =>
        SiteFile.Create(path, Encoding.UTF8.GetBytes(_templates.Render(template, model)));

    private ScriptObject Globals(string title, string path, IReadOnlyList<(string Label, string Path)> breadcrumbs, string description)
    {
        var crumbs = new ScriptArray { new ScriptObject { ["label"] = "ホーム", ["url"] = Urls.Url(SiteUrls.HomePath) } };
        foreach (var (label, crumbPath) in breadcrumbs)
        {
            crumbs.Add(new ScriptObject { ["label"] = label, ["url"] = Urls.Url(crumbPath) });
        }

        return new ScriptObject
        {
            ["site_title"] = Options.SiteTitle,
            ["page_title"] = title,
            ["page_path"] = path,
            ["page_url"] = Urls.Url(path),
            ["canonical_url"] = path == SiteUrls.NotFoundPath ? null : Urls.AbsoluteUrl(path),
            ["description"] = description,
            ["breadcrumbs"] = path == SiteUrls.HomePath ? new ScriptArray() : crumbs,
            ["css_url"] = _assetFiles["site.css"].Url,
            ["js_url"] = _assetFiles["search.js"].Url,
            ["icon_url"] = _assetFiles["favicon.svg"].Url,
            ["home_url"] = Urls.Url(SiteUrls.HomePath),
            ["bodies_url"] = Urls.Url(SiteUrls.BodiesPath),
            ["years_url"] = Urls.Url(SiteUrls.YearsPath),
            ["search_url"] = Urls.Url(SiteUrls.SearchPath),
            ["feed_url"] = Urls.Url(SiteUrls.FeedPath),
            ["catalog_url"] = Urls.Url(SiteUrls.CatalogPath),
            ["base_path"] = Urls.BasePath,
            ["is_search"] = path == SiteUrls.SearchPath,
            ["is_minutes"] = path.StartsWith("minutes/", StringComparison.Ordinal),
            ["nav"] = NavKey(path),
            ["content"] = null,
        };
    }

    private static string NavKey(string path) =>
        path == SiteUrls.HomePath ? "home"
        : path.StartsWith("bodies/", StringComparison.Ordinal) || path.StartsWith("minutes/", StringComparison.Ordinal) ? "bodies"
        : path.StartsWith("years/", StringComparison.Ordinal) ? "years"
        : path.StartsWith("search/", StringComparison.Ordinal) ? "search"
        : "none";

    internal static string BodyName(Minutes m) => Clean(m.Body) ?? Clean(m.Title) ?? "会議体名の記載なし";

    internal static string DisplayTitle(Minutes m) => Clean(m.Title) ?? Clean(m.Body) ?? "名称の記載のない会議";

    internal static int? FiscalYearOf(Minutes m) => m.FiscalYear ?? (m.Date is DateOnly d ? JapaneseEra.FiscalYear(d) : null);

    internal static string YearLabel(int? year)
    {
        if (year is not int y)
        {
            return "年度不明";
        }

        // 2019年度 is 令和元年度 in official use: the era in force at the end of the calendar year.
        var era = JapaneseEra.FromDate(new DateOnly(y, 12, 31));
        var western = y.ToString(CultureInfo.InvariantCulture);
        return era is var (name, eraYear)
            ? $"{name}{(eraYear == 1 ? "元" : eraYear.ToString(CultureInfo.InvariantCulture))}年度（{western}年度）"
            : $"{western}年度";
    }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Description(Minutes m)
    {
        var parts = new List<string>();
        if (m.Date is DateOnly d)
        {
            parts.Add((JapaneseEra.Format(d) ?? WesternDate(d)) + "開催");
        }

        parts.Add(BodyName(m));
        if (Clean(m.Session) is string session)
        {
            parts.Add(session);
        }

        return string.Join("、", parts) + "の会議録です。";
    }

    internal static string WesternDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    internal static readonly string[] Weekdays = ["日", "月", "火", "水", "木", "金", "土"];

    private ScriptObject MinutesModel(Minutes m, bool detailed)
    {
        var body = BodyName(m);
        var year = FiscalYearOf(m);
        var o = new ScriptObject
        {
            ["id"] = m.Id,
            ["title"] = DisplayTitle(m),
            ["body"] = body,
            ["body_url"] = Urls.Url(SiteUrls.BodyPagePath(Urls.BodySlug(body))),
            ["session"] = Clean(m.Session),
            ["url"] = Urls.Url(SiteUrls.MinutesPagePath(m.Id)),
            ["date_iso"] = m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["date_wareki"] = m.Date is DateOnly d1 ? JapaneseEra.Format(d1) ?? WesternDate(d1) : null,
            ["date_western"] = m.Date is DateOnly d2 ? WesternDate(d2) : null,
            ["weekday"] = m.Date is DateOnly d3 ? Weekdays[(int)d3.DayOfWeek] : null,
            ["year_label"] = YearLabel(year),
            ["year_url"] = Urls.Url(SiteUrls.YearPagePath(year)),
        };
        if (!detailed)
        {
            return o;
        }

        o["municipality"] = Clean(m.Municipality);
        o["start_time"] = Clean(m.StartTime);
        o["end_time"] = Clean(m.EndTime);
        o["venue"] = Clean(m.Venue);
        o["secretariat"] = Clean(m.Secretariat);
        o["agenda"] = Strings(m.Agenda);
        o["agenda_numbered"] = m.Agenda.Count > 0 && m.Agenda.All(a => OwnNumber().IsMatch(a));
        o["results"] = Strings(m.Results);
        o["materials"] = Strings(m.Materials);
        o["json_url"] = Urls.Url(SiteUrls.MinutesJsonPath(m.Id));
        var attendees = new ScriptArray();
        foreach (var group in m.Attendees)
        {
            var members = Strings(group.Members);
            if (members.Count > 0 || Clean(group.Group) is not null)
            {
                attendees.Add(new ScriptObject { ["group"] = Clean(group.Group) ?? "出席者", ["members"] = members });
            }
        }

        o["attendees"] = attendees;
        o["disclosure"] = new ScriptObject
        {
            ["meeting"] = StateLabel(m.Disclosure.Meeting),
            ["meeting_state"] = StateKey(m.Disclosure.Meeting),
            ["meeting_reason"] = Clean(m.Disclosure.MeetingReason),
            ["minutes"] = StateLabel(m.Disclosure.Minutes),
            ["minutes_state"] = StateKey(m.Disclosure.Minutes),
            ["minutes_reason"] = Clean(m.Disclosure.Reason),
        };

        var sections = new ScriptArray();
        var notices = 0;
        for (var s = 0; s < m.Sections.Count; s++)
        {
            var section = m.Sections[s];
            var turns = new ScriptArray(section.Turns.Count);
            for (var t = 0; t < section.Turns.Count; t++)
            {
                var turn = section.Turns[t];
                var kind = turn.Kind switch
                {
                    TurnKind.Speech => "speech",
                    TurnKind.Procedure => "procedure",
                    TurnKind.Notice => "notice",
                    _ => throw new InvalidOperationException($"Minutes {m.Id}: turn kind {turn.Kind} cannot be published."),
                };
                notices += turn.Kind == TurnKind.Notice ? 1 : 0;
                var paragraphs = new ScriptArray();
                foreach (var line in (turn.Text ?? string.Empty).Split('\n'))
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        paragraphs.Add(line.Trim());
                    }
                }

                turns.Add(new ScriptObject
                {
                    ["anchor"] = $"s{s + 1}-t{t + 1}",
                    ["number"] = $"{s + 1}-{t + 1}",
                    ["kind"] = kind,
                    ["speaker"] = Clean(turn.Speaker),
                    ["paragraphs"] = paragraphs,
                });
            }

            sections.Add(new ScriptObject
            {
                ["anchor"] = $"s{s + 1}",
                ["heading"] = Clean(section.Heading),
                ["turns"] = turns,
            });
        }

        o["sections"] = sections;
        o["has_headings"] = m.Sections.Any(s => Clean(s.Heading) is not null);
        o["notice_count"] = notices;
        return o;
    }

    private static ScriptArray Strings(IEnumerable<string> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            if (Clean(item) is string s)
            {
                array.Add(s);
            }
        }

        return array;
    }

    // The items that are not blank, trimmed (the compiled minutes page's Strings).
    internal static List<string> CleanItems(IEnumerable<string> items)
    {
        var list = new List<string>();
        foreach (var item in items)
        {
            if (Clean(item) is string s)
            {
                list.Add(s);
            }
        }

        return list;
    }

    private static ScriptArray Array(IEnumerable<ScriptObject> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    internal static string StateLabel(DisclosureState state) => state switch
    {
        DisclosureState.Public => "公開",
        DisclosureState.Closed => "非公開",
        DisclosureState.Partial => "一部非公開",
        _ => "記載なし",
    };

    internal static string StateKey(DisclosureState state) => state switch
    {
        DisclosureState.Public => "public",
        DisclosureState.Closed => "closed",
        DisclosureState.Partial => "partial",
        _ => "unknown",
    };

    private ScriptArray BodyLinks(IEnumerable<(string Name, string Slug, List<Minutes> Items)> bodies)
    {
        var array = new ScriptArray();
        foreach (var (name, slug, items) in bodies)
        {
            array.Add(new ScriptObject
            {
                ["name"] = name,
                ["url"] = Urls.Url(SiteUrls.BodyPagePath(slug)),
                ["count"] = items.Count,
                ["latest"] = items[0].Date is DateOnly d ? JapaneseEra.Format(d) ?? WesternDate(d) : null,
                ["latest_iso"] = items[0].Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        }

        return array;
    }

    private ScriptArray YearLinks(IEnumerable<(int? Year, List<Minutes> Items)> years)
    {
        var array = new ScriptArray();
        foreach (var (year, items) in years)
        {
            array.Add(new ScriptObject
            {
                ["label"] = YearLabel(year),
                ["url"] = Urls.Url(SiteUrls.YearPagePath(year)),
                ["count"] = items.Count,
            });
        }

        return array;
    }

    private ScriptObject FeedModel(IReadOnlyList<Minutes> ordered)
    {
        // Atom needs an "updated" for every entry; undated minutes cannot be placed in time, so
        // they stay out of the feed (they are still on the index pages).
        var dated = ordered.Where(m => m.Date is not null).Take(FeedCount).ToList();
        var entries = new ScriptArray();
        foreach (var m in dated)
        {
            entries.Add(new ScriptObject
            {
                ["title"] = DisplayTitle(m),
                ["url"] = Urls.AbsoluteUrl(SiteUrls.MinutesPagePath(m.Id)),
                ["id"] = Urls.AbsoluteUrl(SiteUrls.MinutesPagePath(m.Id)),
                ["updated"] = AtomDate(m.Date!.Value),
                ["summary"] = Description(m),
                ["category"] = BodyName(m),
            });
        }

        return new ScriptObject
        {
            ["site_title"] = Options.SiteTitle,
            ["feed_url"] = Urls.AbsoluteUrl(SiteUrls.FeedPath),
            ["home_url"] = Urls.AbsoluteUrl(SiteUrls.HomePath),
            // The feed changes when its newest entry does; a fixed value for an empty site.
            ["updated"] = dated.Count > 0 ? AtomDate(dated[0].Date!.Value) : "2000-01-01T00:00:00+09:00",
            ["entries"] = entries,
        };
    }

    private static string AtomDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+09:00";

    private ScriptObject SitemapModel(IReadOnlyList<Minutes> ordered, IEnumerable<string> bodySlugs, IEnumerable<int?> years)
    {
        var urls = new ScriptArray
        {
            Entry(SiteUrls.HomePath, null),
            Entry(SiteUrls.BodiesPath, null),
            Entry(SiteUrls.YearsPath, null),
            Entry(SiteUrls.SearchPath, null),
        };
        foreach (var slug in bodySlugs.Order(StringComparer.Ordinal))
        {
            urls.Add(Entry(SiteUrls.BodyPagePath(slug), null));
        }

        foreach (var year in years)
        {
            urls.Add(Entry(SiteUrls.YearPagePath(year), null));
        }

        foreach (var m in ordered)
        {
            urls.Add(Entry(SiteUrls.MinutesPagePath(m.Id), m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return new ScriptObject { ["urls"] = urls };

        ScriptObject Entry(string path, string? lastmod) => new() { ["loc"] = Urls.AbsoluteUrl(path), ["lastmod"] = lastmod };
    }

    // The built-in sitemap.sbn as Scriban writes it from SitemapModel (a line of two strings a
    // minutes; through Scriban each took a script object and the template's loop).
    private string Sitemap(IReadOnlyList<Minutes> ordered, IEnumerable<string> bodySlugs, IEnumerable<int?> years)
    {
        var sb = new StringBuilder(256 + (ordered.Count * 96));
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        Entry(SiteUrls.HomePath, null);
        Entry(SiteUrls.BodiesPath, null);
        Entry(SiteUrls.YearsPath, null);
        Entry(SiteUrls.SearchPath, null);
        foreach (var slug in bodySlugs.Order(StringComparer.Ordinal))
        {
            Entry(SiteUrls.BodyPagePath(slug), null);
        }

        foreach (var year in years)
        {
            Entry(SiteUrls.YearPagePath(year), null);
        }

        foreach (var m in ordered)
        {
            Entry(SiteUrls.MinutesPagePath(m.Id), m.Date);
        }

        return sb.Append("\n</urlset>\n").ToString();

        void Entry(string path, DateOnly? lastmod)
        {
            sb.Append("\n<url><loc>");
            Markup.Append(sb, Urls.AbsoluteUrl(path));
            sb.Append("</loc>");
            if (lastmod is DateOnly d)
            {
                sb.Append("<lastmod>").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</lastmod>");
            }

            sb.Append("</url>\n");
        }
    }

    private byte[] Catalog(IReadOnlyList<Minutes> ordered)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, CatalogOptions))
        {
            WriteCatalogHead(w, ordered.Count);
            foreach (var m in ordered)
            {
                WriteCatalogEntry(w, m);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static JsonWriterOptions CatalogOptions => new() { Encoder = MinutesJson.Options.Encoder, Indented = true, NewLine = "\n" };

    /// <summary>
    /// <see cref="Catalog(IReadOnlyList{Minutes})"/>'s bytes, each minutes' object taken from the
    /// previous build (<see cref="Lines"/>) when its header is the same and written otherwise; the
    /// objects of this build are added to <paramref name="lines"/>. Not for an empty set (its
    /// array is written <c>[]</c>).
    /// </summary>
    private byte[] Catalog(IReadOnlyList<Minutes> ordered, ListingPages.ItemHashes itemHashes, List<IndexLine> lines)
    {
        var scratch = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using var w = new Utf8JsonWriter(scratch, CatalogOptions);
        var start = CatalogHead(w, ordered.Count);
        using var buffer = new MemoryStream(start + (ordered.Count * 512));
        buffer.Write(scratch.WrittenSpan);
        for (var i = 0; i < ordered.Count; i++)
        {
            var m = ordered[i];
            var hash = itemHashes.Of(m);
            var entry = Lines.Reusable(m.Id, hash);
            if (entry is null)
            {
                // The object as the writer puts it first in the array: the same bytes at any place after the comma.
                scratch.ResetWrittenCount();
                w.Reset(scratch);
                start = CatalogHead(w, ordered.Count);
                WriteCatalogEntry(w, m);
                w.Flush();
                entry = scratch.WrittenSpan[start..].ToArray();
            }

            if (i > 0)
            {
                buffer.WriteByte((byte)',');
            }

            buffer.Write(entry);
            lines.Add(new IndexLine(m.Id, hash, entry));
        }

        buffer.Write("\n  ]\n}\n"u8);
        Lines.Built(lines);
        return buffer.ToArray();
    }

    // The catalogue up to its array's opening bracket.
    private void WriteCatalogHead(Utf8JsonWriter w, int count)
    {
        w.WriteStartObject();
        w.WriteString("title", Options.SiteTitle);
        w.WriteNumber("schemaVersion", Minutes.CurrentSchemaVersion);
        w.WriteNumber("count", count);
        w.WriteStartArray("minutes");
    }

    // The same, flushed; returns the bytes written.
    private int CatalogHead(Utf8JsonWriter w, int count)
    {
        WriteCatalogHead(w, count);
        w.Flush();
        return (int)w.BytesCommitted;
    }

    private void WriteCatalogEntry(Utf8JsonWriter w, Minutes m)
    {
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        w.WriteString("title", DisplayTitle(m));
        w.WriteString("body", BodyName(m));
        WriteNullable(w, "municipality", Clean(m.Municipality));
        WriteNullable(w, "session", Clean(m.Session));
        WriteNullable(w, "date", m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (FiscalYearOf(m) is int fy)
        {
            w.WriteNumber("fiscalYear", fy);
        }
        else
        {
            w.WriteNull("fiscalYear");
        }

        w.WriteString("minutesDisclosure", StateKey(m.Disclosure.Minutes));
        w.WriteString("page", Urls.AbsoluteUrl(SiteUrls.MinutesPagePath(m.Id)));
        w.WriteString("json", Urls.AbsoluteUrl(SiteUrls.MinutesJsonPath(m.Id)));
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>An agenda item that starts with its own number: (1), （２）, 1., 1 , 一、, ①.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:[(（][0-9０-９一二三四五六七八九十]+[)）]|[0-9０-９]+[.．、\s]|[一二三四五六七八九十]+[、.．\s]|[①-⑳])")]
    internal static partial System.Text.RegularExpressions.Regex OwnNumber();

    internal static string ShortHash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
}

/// <summary>Site-wide settings.</summary>
public sealed record SiteOptions
{
    /// <summary>Absolute base URL of the public site, for feeds and the sitemap, e.g. https://example.z11.web.core.windows.net/.</summary>
    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:8080/");

    public string SiteTitle { get; init; } = "会議録";

    /// <summary>A folder of templates that overrides the built-in ones; null for the built-in set.</summary>
    public string? TemplateDirectory { get; init; }

    /// <summary>Optional readable slugs per 会議体 name (e.g. 豊島区行政情報化推進本部 → johoka-honbu); others get a hash slug.</summary>
    public IReadOnlyDictionary<string, string> BodySlugs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// One file of the site whose content is written into a stream when it is stored, not held as bytes
/// (<see cref="SiteBuilder.StreamMinutes"/>): stored as is (no content encoding). <see cref="WriteAsync"/>
/// may be called more than once and writes the same bytes each time.
/// </summary>
public sealed record StreamedSiteFile(string Path, string ContentType, string CacheControl, Func<Stream, CancellationToken, Task> WriteAsync);

/// <summary>One file of the site, with the headers it must be served with.</summary>
public sealed record SiteFile(string Path, ReadOnlyMemory<byte> Content, string ContentType, string CacheControl)
{
    private readonly ReadOnlyMemory<byte> _content = Content;

    // The stored (gzip) bytes alone, when the file was made by Gzipped: Content is then read from them.
    private readonly byte[]? _stored;

    /// <summary>The plain bytes (decompressed on each read when only the stored bytes are kept: <see cref="Gzipped"/>).</summary>
    public ReadOnlyMemory<byte> Content
    {
        get => _stored is null ? _content : Inflate(_stored);
        init
        {
            _content = value;
            _stored = null;
        }
    }

    /// <summary>Short cache for pages and indexes the timer re-renders.</summary>
    public const string ShortCache = "public, max-age=300";

    /// <summary>Long cache only for content-hashed names, which change whenever their bytes do.</summary>
    public const string ImmutableCache = "public, max-age=31536000, immutable";

    /// <summary>
    /// How the file is stored and served: <c>gzip</c> (see <see cref="Precompression"/>) or null for
    /// as is. <see cref="Content"/> is always the plain bytes; <see cref="StoredContent"/> what to store.
    /// </summary>
    public string? ContentEncoding { get; init; }

    /// <summary>A file with the content type its extension implies, the matching cache policy and its stored encoding.</summary>
    public static SiteFile Create(string path, byte[] content, bool immutable = false) =>
        new(path, content, ContentTypeOf(path), immutable ? ImmutableCache : ShortCache) { ContentEncoding = StoredEncodingOf(path) };

    /// <summary>
    /// Like <see cref="Create"/>, but a file stored gzip keeps only its gzip bytes: the search
    /// shards of a whole archive are held until the rebuild writes them (154 MB of JSON at 10,000
    /// minutes, a third of that gzipped), and they were gzipped for the store anyway. The same
    /// bytes are stored; <see cref="Content"/> is decompressed when read.
    /// </summary>
    public static SiteFile Gzipped(string path, byte[] content, bool immutable = false)
    {
        var file = Create(path, content, immutable);
        return file.ContentEncoding == Precompression.Gzip ? new SiteFile(file, Precompression.Compress(content)) : file;
    }

    private SiteFile(SiteFile plain, byte[] stored)
        : this(plain.Path, ReadOnlyMemory<byte>.Empty, plain.ContentType, plain.CacheControl)
    {
        ContentEncoding = plain.ContentEncoding;
        _stored = stored;
    }

    /// <summary>Our own gzip bytes (one member) back to the plain bytes, into one array of the length the trailer gives.</summary>
    private static byte[] Inflate(byte[] gzip)
    {
        var plain = new byte[System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(gzip.AsSpan(gzip.Length - 4))];
        using var stream = new System.IO.Compression.GZipStream(new MemoryStream(gzip, writable: false), System.IO.Compression.CompressionMode.Decompress);
        stream.ReadExactly(plain);
        return plain;
    }

    /// <summary>
    /// gzip for what only browsers fetch: the search index and fragments (search.js) and the CSS
    /// and script; everything crawlers, feed readers and data tools read stays identity.
    /// </summary>
    public static string? StoredEncodingOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = System.IO.Path.GetExtension(path);
        return (path.StartsWith("search/", StringComparison.Ordinal) && extension == ".json")
            || (path.StartsWith("assets/", StringComparison.Ordinal) && extension is ".css" or ".js")
            ? Precompression.Gzip
            : null;
    }

    /// <summary>The bytes to store: <see cref="Content"/> compressed as <see cref="ContentEncoding"/> says.</summary>
    public ReadOnlyMemory<byte> StoredContent() =>
        _stored ?? (ContentEncoding == Precompression.Gzip ? Precompression.Compress(Content.Span) : Content);

    /// <summary>Content types of the site's files; text types carry charset=utf-8.</summary>
    public static string ContentTypeOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".atom" => "application/atom+xml; charset=utf-8",
        ".xml" => "application/xml; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".svg" => "image/svg+xml; charset=utf-8",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    /// <summary>Lower-case hex SHA-256 of the content: what a store compares before rewriting.</summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Content.Span));
}
