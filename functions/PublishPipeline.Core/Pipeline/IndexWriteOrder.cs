using System.Text;
using System.Text.RegularExpressions;
using PublishPipeline.Site;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The order in which a rebuild writes its changed files, so that at every moment of an
/// interrupted rebuild no file links to a file that does not exist yet: files that are new to
/// $web go first, each after the new files it links to; files that already exist are rewritten
/// after all of them (they were readable all along, so their links may point anywhere that now
/// exists). Links are read from the files themselves (root-relative or absolute site URLs in
/// HTML attributes, XML elements, JSON strings), so the order follows whatever the templates
/// and the search index produce, not a list of file kinds.
/// </summary>
public static partial class IndexWriteOrder
{
    public static IReadOnlyList<SiteFile> Order(IReadOnlyList<SiteFile> changed, Func<string, bool> exists, SiteUrls urls)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(exists);
        ArgumentNullException.ThrowIfNull(urls);
        var fresh = changed.Where(f => !exists(f.Path)).ToList();
        if (fresh.Count == 0)
        {
            return changed;
        }

        var freshPaths = new HashSet<string>(fresh.Select(f => f.Path), StringComparer.Ordinal);
        var pending = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in fresh)
        {
            var targets = Links(file, urls);
            targets.IntersectWith(freshPaths);
            targets.Remove(file.Path);
            pending[file.Path] = targets;
        }

        var byPath = fresh.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var ordered = new List<SiteFile>(changed.Count);
        while (pending.Count > 0)
        {
            // Every file whose new targets are written; in a cycle of new files (the first build
            // of an empty site: every page's navigation links the others) the one waiting on the
            // fewest, the deepest path first, so the home page comes last.
            var ready = pending.Where(p => p.Value.Count == 0).Select(p => p.Key).ToList();
            if (ready.Count == 0)
            {
                ready = [pending.OrderBy(p => p.Value.Count).ThenByDescending(p => p.Key.Count(c => c == '/')).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key];
            }

            ready.Sort(StringComparer.Ordinal);
            foreach (var path in ready)
            {
                ordered.Add(byPath[path]);
                pending.Remove(path);
            }

            foreach (var targets in pending.Values)
            {
                targets.ExceptWith(ready);
            }
        }

        ordered.AddRange(changed.Where(f => !freshPaths.Contains(f.Path)));
        return ordered;
    }

    /// <summary>The site paths a file links to (its own URLs resolved against the site's base).</summary>
    public static HashSet<string> Links(SiteFile file, SiteUrls urls)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(urls);
        var links = new HashSet<string>(StringComparer.Ordinal);
        if (!IsText(file.ContentType))
        {
            return links;
        }

        var origin = urls.BaseUrl.GetLeftPart(UriPartial.Authority);
        foreach (Match match in UrlPattern().Matches(Encoding.UTF8.GetString(file.Content.Span)))
        {
            var url = match.Value;
            if (url.StartsWith("http", StringComparison.Ordinal))
            {
                if (!url.StartsWith(origin + "/", StringComparison.Ordinal))
                {
                    continue; // another site
                }

                url = url[origin.Length..];
            }

            if (PathOf(url, urls.BasePath) is { } path)
            {
                links.Add(path);
            }
        }

        return links;
    }

    /// <summary>The site path a root-relative URL names: "/x/" → "x/index.html", "/" → "index.html".</summary>
    public static string? PathOf(string url, string basePath)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(basePath);
        if (!url.StartsWith(basePath, StringComparison.Ordinal))
        {
            return null;
        }

        var path = Uri.UnescapeDataString(url[basePath.Length..]);
        return path.Length == 0 || path.EndsWith('/') ? path + SiteUrls.HomePath : path;
    }

    private static bool IsText(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("json", StringComparison.Ordinal) ||
        contentType.Contains("xml", StringComparison.Ordinal);

    // A URL as templates write it: after a quote, '(' or '>' (attribute, JSON string, CSS url(),
    // XML element), up to the next delimiter; query and fragment are not part of the file.
    [GeneratedRegex("""(?<=["'(>])(?:https?://[^/"'\s<>()]+)?/[^"'\s<>()#?]*""", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
