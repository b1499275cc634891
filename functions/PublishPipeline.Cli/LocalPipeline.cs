using Azure.Identity;
using PublishPipeline.Azure.Language;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Redaction.Names;
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

        // Offline name recognition always; Azure AI Language too when LANGUAGE_ENDPOINT is set.
        IPersonNameRecognizer[] recognizers = AzureLanguageNameRecognizer.FromConfiguration(
            Environment.GetEnvironmentVariable("LANGUAGE_ENDPOINT"),
            Environment.GetEnvironmentVariable("LANGUAGE_KEY"),
            new DefaultAzureCredential()) is { } azure
            ? [new OfflineNameRecognizer(), azure]
            : [new OfflineNameRecognizer()];
        var redactor = new Redactor(new RedactionPolicy(), recognizers);
        return new MinutesPipeline(store, redactor, new SiteBuilder(siteOptions));
    }
}
