using Azure.Identity;
using Microsoft.Extensions.Logging;
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
    public static MinutesPipeline Create(IObjectStore store, SiteOptions site, SiteSettings settings, ILogger? logger = null)
    {
        // Offline name recognition always; Azure AI Language too when LANGUAGE_ENDPOINT is set.
        IPersonNameRecognizer[] recognizers = AzureLanguageNameRecognizer.FromConfiguration(
            Environment.GetEnvironmentVariable("LANGUAGE_ENDPOINT"),
            Environment.GetEnvironmentVariable("LANGUAGE_KEY"),
            new DefaultAzureCredential()) is { } azure
            ? [new OfflineNameRecognizer(), azure]
            : [new OfflineNameRecognizer()];
        var redactor = new Redactor(settings.ToPolicy(), recognizers);
        return new MinutesPipeline(store, redactor, new SiteBuilder(site), logger: logger);
    }

    /// <summary>
    /// The site's options: the base URL from --base-url, else the settings' baseUrl, else the
    /// environment's SITE_BASE_URL. A bad URL is an error naming where it came from (null: stop
    /// with exit code 2); no URL at all is a visible warning, since links in the feed, sitemap
    /// and catalogue then point at the local preview address.
    /// </summary>
    public static SiteOptions? SiteOptionsFor(string? baseUrl, SiteSettings settings, TextWriter stderr)
    {
        var options = settings.ApplyTo(new SiteOptions());
        var (url, from) = baseUrl is not null ? (baseUrl, "--base-url")
            : settings.BaseUrl is not null ? (null, null)
            : (Environment.GetEnvironmentVariable("SITE_BASE_URL"), "SITE_BASE_URL");
        if (!string.IsNullOrWhiteSpace(url))
        {
            try
            {
                return options with { BaseUrl = SettingsErrors.ParseBaseUrl(url, from!) };
            }
            catch (FormatException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return null;
            }
        }

        if (baseUrl is not null)
        {
            stderr.WriteLine($"error: --base-url: is empty; expected the address the site is served from, e.g. {SettingsErrors.BaseUrlExample}");
            return null;
        }

        if (settings.BaseUrl is null)
        {
            stderr.WriteLine($"warning: no base URL (--base-url, baseUrl in --settings, or SITE_BASE_URL): the feed, sitemap and catalogue link to {options.BaseUrl}, which only suits a local preview.");
        }

        return options;
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

        if (!file.Exists)
        {
            Console.Error.WriteLine($"error: --settings: {file.FullName}: no such file.");
            return null;
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
