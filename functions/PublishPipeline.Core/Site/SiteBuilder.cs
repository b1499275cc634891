using PublishPipeline.Model;

namespace PublishPipeline.Site;

/// <summary>
/// Renders redacted minutes into the static site's files through Scriban templates.
/// CONTRACT (skeleton, implemented under issue #4): keep the type names and these methods' shapes.
/// </summary>
public sealed class SiteBuilder
{
    public SiteBuilder(SiteOptions options)
    {
        Options = options;
    }

    public SiteOptions Options { get; }

    /// <summary>Hash of the templates and assets; a change means every page must be re-rendered.</summary>
    public string TemplateVersion => throw new NotImplementedException("site: implemented under issue #4");

    /// <summary>The files of one minutes: its page and its open-data JSON.</summary>
    public IReadOnlyList<SiteFile> BuildMinutes(Minutes minutes) => throw new NotImplementedException("site: implemented under issue #4");

    /// <summary>Every file that depends on the whole set: indexes, feed, sitemap, search, catalogue, assets, 404, robots.</summary>
    public IReadOnlyList<SiteFile> BuildIndexes(IReadOnlyList<Minutes> all) => throw new NotImplementedException("site: implemented under issue #4");
}

/// <summary>Site-wide settings.</summary>
public sealed record SiteOptions
{
    /// <summary>Absolute base URL of the public site, for feeds and the sitemap, e.g. https://example.z11.web.core.windows.net/.</summary>
    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:8080/");

    public string SiteTitle { get; init; } = "会議録";

    /// <summary>A folder of templates that overrides the built-in ones; null for the built-in set.</summary>
    public string? TemplateDirectory { get; init; }
}

/// <summary>One file of the site, with the headers it must be served with.</summary>
public sealed record SiteFile(string Path, ReadOnlyMemory<byte> Content, string ContentType, string CacheControl);
