using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Cli;

/// <summary>Composes the same pipeline the Functions handler runs, over any store.</summary>
internal static class LocalPipeline
{
    public static MinutesPipeline Create(IObjectStore store, string? baseUrl)
    {
        var siteOptions = new SiteOptions();
        var url = baseUrl ?? Environment.GetEnvironmentVariable("SITE_BASE_URL");
        if (!string.IsNullOrEmpty(url))
        {
            siteOptions = siteOptions with { BaseUrl = new Uri(url.EndsWith('/') ? url : url + "/") };
        }

        var redactor = new Redactor(new RedactionPolicy());
        return new MinutesPipeline(store, redactor, new SiteBuilder(siteOptions));
    }
}
