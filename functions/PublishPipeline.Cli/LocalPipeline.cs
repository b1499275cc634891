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
    public static MinutesPipeline Create(IObjectStore store, string? baseUrl, SiteSettings? settings = null)
    {
        settings ??= new SiteSettings();
        var siteOptions = settings.ApplyTo(new SiteOptions());
        var url = baseUrl ?? Environment.GetEnvironmentVariable("SITE_BASE_URL");
        if (!string.IsNullOrEmpty(url) && (baseUrl is not null || settings.BaseUrl is null))
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
        var redactor = new Redactor(settings.ToPolicy(), recognizers);
        return new MinutesPipeline(store, redactor, new SiteBuilder(siteOptions));
    }

    /// <summary>The --settings option shared by the commands that run the pipeline.</summary>
    public static System.CommandLine.Option<FileInfo?> SettingsOption() => new("--settings")
    {
        Description = "A site settings JSON file (site title, base URL, body slugs, redaction policy); see docs/site-settings.example.json.",
    };

    /// <summary>Loads --settings, printing what is wrong and where; null means "stop with exit code 2".</summary>
    public static SiteSettings? LoadSettings(FileInfo? file)
    {
        if (file is null)
        {
            return new SiteSettings();
        }

        try
        {
            return SiteSettings.Load(file.FullName);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: settings: {e.Message}");
            return null;
        }
    }
}
