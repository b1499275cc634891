using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A crawler of the public site as a visitor or a search engine sees it: every internal link of
/// every page (HTML attributes), feed and sitemap (XML) and data file (JSON strings) must name a
/// file that exists. Written independently of the pipeline's own link reading, so it checks it.
/// </summary>
internal static class SiteLinkCheck
{
    /// <summary>Where a visitor or a crawler starts.</summary>
    private static readonly string[] EntryPoints = [SiteUrls.HomePath, SiteUrls.SitemapPath, SiteUrls.FeedPath, SiteUrls.CatalogPath, SiteUrls.RobotsPath, SiteUrls.NotFoundPath];

    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// "file → missing target" for every broken internal link: in every file of $web, or (when
    /// <paramref name="reachableOnly"/>) in the files a visitor can reach from the entry points.
    /// </summary>
    public static async Task<List<string>> BrokenLinksAsync(IObjectStore store, SiteUrls urls, bool reachableOnly)
    {
        var files = new Dictionary<string, StoredObject>(StringComparer.Ordinal);
        await foreach (var item in store.ListAsync(Containers.Web))
        {
            if (await store.GetAsync(Containers.Web, item.Name) is { } file)
            {
                files[item.Name] = file;
            }
        }

        var links = files.ToDictionary(f => f.Key, f => LinksOf(f.Key, f.Value, urls), StringComparer.Ordinal);
        var check = new List<string>();
        if (reachableOnly)
        {
            var seen = new HashSet<string>(EntryPoints.Where(files.ContainsKey), StringComparer.Ordinal);
            var queue = new Queue<string>(seen);
            while (queue.TryDequeue(out var path))
            {
                check.Add(path);
                foreach (var target in links[path].Where(t => files.ContainsKey(t) && seen.Add(t)))
                {
                    queue.Enqueue(target);
                }
            }
        }
        else
        {
            check.AddRange(files.Keys);
        }

        return [.. check.SelectMany(path => links[path].Where(t => !files.ContainsKey(t)).Select(t => $"{path} → {t}")).Order(StringComparer.Ordinal)];
    }

    private static HashSet<string> LinksOf(string path, StoredObject file, SiteUrls urls)
    {
        var type = file.Properties.ContentType ?? string.Empty;
        // A file stored precompressed (Content-Encoding: gzip) is read as a browser reads it.
        var text = Encoding.UTF8.GetString(file.Properties.ContentEncoding == Precompression.Gzip ? Precompression.Decompress(file.Content.Span) : file.Content.Span);
        IEnumerable<string> raw = [];
        if (type.StartsWith("text/html", StringComparison.Ordinal))
        {
            var document = Parser.ParseDocument(text);
            raw = document.All.SelectMany(e => e.Attributes)
                .Where(a => a.Name is "href" or "src" or "action" or "data-meta")
                .Select(a => a.Value);
        }
        else if (type.Contains("xml", StringComparison.Ordinal))
        {
            var xml = XDocument.Parse(text);
            raw = xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value)
                .Concat(xml.Descendants().Attributes().Where(a => a.Name.LocalName == "href").Select(a => a.Value));
        }
        else if (type.Contains("json", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(text);
            raw = [.. Strings(json.RootElement).Where(s => s.StartsWith('/') || s.StartsWith("http", StringComparison.Ordinal))];
        }

        var page = new Uri(urls.BaseUrl, urls.Url(path));
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in raw)
        {
            if (!Uri.TryCreate(page, value, out var target) || target.GetLeftPart(UriPartial.Authority) != urls.BaseUrl.GetLeftPart(UriPartial.Authority) ||
                !target.AbsolutePath.StartsWith(urls.BasePath, StringComparison.Ordinal))
            {
                continue; // another site, or not a site URL at all
            }

            var sitePath = Uri.UnescapeDataString(target.AbsolutePath[urls.BasePath.Length..]);
            found.Add(sitePath.Length == 0 || sitePath.EndsWith('/') ? sitePath + "index.html" : sitePath);
        }

        return found;
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray().SelectMany(Strings))
                {
                    yield return item;
                }

                break;
            case JsonValueKind.Object:
                foreach (var item in element.EnumerateObject().SelectMany(p => Strings(p.Value)))
                {
                    yield return item;
                }

                break;
        }
    }
}
