using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PublishPipeline.Site;

/// <summary>
/// The site's URL scheme, in one place so the pipeline knows which files belong to a minutes id
/// (for withdrawal) and the templates never build paths themselves. Paths are relative to the site
/// root, '/'-separated, ASCII only; URLs are root-relative under <see cref="BasePath"/>.
/// </summary>
public sealed partial class SiteUrls
{
    public SiteUrls(SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        BaseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        BasePath = BaseUrl.AbsolutePath;
        _absoluteBase = AbsoluteBase();
        // Keyed by the NFC name: a settings file typed on a Mac may spell 会議体 names decomposed.
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (body, slug) in options.BodySlugs)
        {
            if (!slugs.TryAdd(Unicode.TextNormalization.ToNfc(body), slug) && slugs[Unicode.TextNormalization.ToNfc(body)] != slug)
            {
                throw new ArgumentException($"Body '{body}' is given two slugs (its composed and decomposed spellings are one name).", nameof(options));
            }
        }

        _bodySlugs = slugs;
        foreach (var slug in _bodySlugs.Values)
        {
            if (!SlugPattern().IsMatch(slug))
            {
                throw new ArgumentException($"Body slug '{slug}' must be lower-case ASCII letters, digits and '-' (1–40 characters).", nameof(options));
            }
        }
    }

    private readonly IReadOnlyDictionary<string, string> _bodySlugs;

    /// <summary>Absolute base of the public site, ending in '/'.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The path part of <see cref="BaseUrl"/>, e.g. "/" or "/gikai/".</summary>
    public string BasePath { get; }

    public const string HomePath = "index.html";
    public const string BodiesPath = "bodies/index.html";
    public const string YearsPath = "years/index.html";
    public const string SearchPath = "search/index.html";
    public const string SearchMetaPath = "search/meta.json";

    /// <summary>Where the search fragments of every minutes live (<c>search/f/&lt;yyyymmdd&gt;/&lt;name&gt;-&lt;chunk&gt;.json</c>).</summary>
    public const string SearchFragmentsPrefix = "search/f/";
    public const string FeedPath = "feed.atom";
    public const string SitemapPath = "sitemap.xml";
    public const string RobotsPath = "robots.txt";
    public const string NotFoundPath = "404.html";
    public const string CatalogPath = "data/catalog.json";

    /// <summary>The page of one minutes.</summary>
    public static string MinutesPagePath(string id) => $"minutes/{CheckId(id)}/index.html";

    /// <summary>The open-data JSON of one minutes.</summary>
    public static string MinutesJsonPath(string id) => $"minutes/{CheckId(id)}/minutes.json";

    /// <summary>Every file <see cref="SiteBuilder.BuildMinutes"/> writes for <paramref name="id"/>: what to delete on withdrawal.</summary>
    public static IReadOnlyList<string> MinutesPaths(string id) => [MinutesPagePath(id), MinutesJsonPath(id)];

    /// <summary>The folder that holds only that minutes' files.</summary>
    public static string MinutesFolder(string id) => $"minutes/{CheckId(id)}/";

    public static string BodyPagePath(string slug) => $"bodies/{slug}/index.html";

    public static string YearPagePath(int? fiscalYear) =>
        $"years/{(fiscalYear is int y ? y.ToString(CultureInfo.InvariantCulture) : "unknown")}/index.html";

    /// <summary>Root-relative URL of a path, folder index pages without "index.html".</summary>
    public string Url(string path) =>
        BasePath + (path == HomePath ? string.Empty : path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path);

    /// <summary>Absolute URL of a path (feed, sitemap, canonical links).</summary>
    public string AbsoluteUrl(string path)
    {
        // The sitemap and catalogue make one for each minutes (30,000 at 10,000 minutes), and a
        // Uri each was a noticeable part of the index rebuild. A path of plain segments
        // ([a-z0-9_-] names, dots inside them only) is what Uri resolves it to: the base as Uri
        // writes it with the path after it. Anything else goes through Uri as before.
        var url = Url(path);
        return _absoluteBase is not null && PlainSuffix().IsMatch(url.AsSpan(BasePath.Length))
            ? _absoluteBase + url[BasePath.Length..]
            : new Uri(BaseUrl, url).AbsoluteUri;
    }

    // The base path made absolute by Uri itself, so escapes and case stay Uri's; null (always Uri)
    // if a plain path does not resolve to it with the path after it.
    private string? AbsoluteBase()
    {
        var absolute = new Uri(BaseUrl, BasePath).AbsoluteUri;
        const string Probe = "minutes/a-0_9/index.html";
        return absolute.EndsWith(BasePath, StringComparison.Ordinal) && new Uri(BaseUrl, BasePath + Probe).AbsoluteUri == absolute + Probe
            ? absolute
            : null;
    }

    private readonly string? _absoluteBase;

    /// <summary>Segments of [a-z0-9_-] with dots only between such characters (no "." or ".." segment, nothing Uri escapes or folds).</summary>
    [GeneratedRegex("^(?:[a-z0-9_-]+(?:\\.[a-z0-9_-]+)*(?:/|$))*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainSuffix();

    /// <summary>
    /// ASCII slug of a 会議体: from <see cref="SiteOptions.BodySlugs"/> when configured, else "b" + a
    /// short hash of the name (stable across builds and machines; no transliteration guesswork).
    /// </summary>
    public string BodySlug(string body)
    {
        if (_bodySlugs.TryGetValue(Unicode.TextNormalization.ToNfc(body), out var slug))
        {
            return slug;
        }

        var bytes = Encoding.UTF8.GetBytes(Unicode.TextNormalization.ToNfc(body));
        return "b" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
    }

    private static string CheckId(string id) =>
        id is not null && IdPattern().IsMatch(id)
            ? id
            : throw new ArgumentException($"Minutes id '{id}' is not a URL-safe ASCII id ([a-z0-9_-], 1–64 characters).", nameof(id));

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
