using Azure.Core;
using Azure.Identity;
using Cronos;
using PublishPipeline.Azure.Language;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Redaction.Names;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>
/// Composes the pipeline from the app settings. Everything is created lazily on first use, so
/// start-up makes no network call and a missing setting fails the first invocation with a clear
/// message rather than the host's readiness probe.
/// </summary>
public static class PipelineServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new PipelineOptions());
        services.AddSingleton<IObjectStore>(_ => BlobObjectStore.FromSettings(key => Setting(configuration, key)));
        // SITE_SETTINGS holds the ward's settings JSON (see docs/site-settings.example.json); a
        // mistake in it fails every invocation with the reason, rather than publishing by a default.
        services.AddSingleton(_ => Setting(configuration, "SITE_SETTINGS") is { Length: > 0 } json
            ? SiteSettings.Parse(json, "app setting SITE_SETTINGS")
            : new SiteSettings());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<SiteSettings>().ApplyTo(new SiteOptions());
            return Setting(configuration, "SITE_BASE_URL") is { Length: > 0 } url
                ? options with { BaseUrl = new Uri(url.EndsWith('/') ? url : url + "/") }
                : options;
        });
        services.AddSingleton(sp => new SiteBuilder(sp.GetRequiredService<SiteOptions>()));
        services.AddSingleton(sp => sp.GetRequiredService<SiteSettings>().ToPolicy());
        services.AddSingleton(sp => new Redactor(sp.GetRequiredService<RedactionPolicy>(), Recognizers(configuration)));
        // The blob triggers' poison queue, read by the recovery sweep (none without a queue endpoint).
        services.AddSingleton(sp => PoisonedBlobDeliveries.FromSettings(key => Setting(configuration, key), sp.GetRequiredService<IObjectStore>() as BlobObjectStore));
        services.AddSingleton(sp => new MinutesPipeline(
            sp.GetRequiredService<IObjectStore>(),
            sp.GetRequiredService<Redactor>(),
            sp.GetRequiredService<SiteBuilder>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("PublishPipeline.Pipeline"),
            sp.GetRequiredService<PipelineOptions>(),
            time: sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>The timer's schedule as the host reads it; validated here so a typo shows in the logs.</summary>
    public static string RerenderSchedule(IConfiguration configuration) => Schedule(configuration, "RERENDER_SCHEDULE", "0 0 18 * * *");

    /// <summary>The recovery sweep's schedule (<c>RECOVERY_SCHEDULE</c>, every 5 minutes by default).</summary>
    public static string RecoverySchedule(IConfiguration configuration) => Schedule(configuration, "RECOVERY_SCHEDULE", "0 */5 * * * *");

    private static string Schedule(IConfiguration configuration, string setting, string fallback)
    {
        var schedule = Setting(configuration, setting) is { Length: > 0 } s ? s : fallback;
        CronExpression.Parse(schedule, schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        return schedule;
    }

    /// <summary>
    /// The offline recogniser always; Azure AI Language as well when LANGUAGE_ENDPOINT is set
    /// (LANGUAGE_KEY if given, else the app's identity, the same one as for storage).
    /// </summary>
    private static IEnumerable<IPersonNameRecognizer> Recognizers(IConfiguration configuration)
    {
        yield return new OfflineNameRecognizer();
        var clientId = Setting(configuration, "MinutesStorage__clientId");
        TokenCredential credential = clientId is { Length: > 0 }
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        if (AzureLanguageNameRecognizer.FromConfiguration(Setting(configuration, "LANGUAGE_ENDPOINT"), Setting(configuration, "LANGUAGE_KEY"), credential) is { } azure)
        {
            yield return azure;
        }
    }

    /// <summary>App settings arrive as environment variables; "A__b" is configuration key "A:b".</summary>
    public static string? Setting(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(key);
        return configuration[key.Replace("__", ":", StringComparison.Ordinal)] ?? Environment.GetEnvironmentVariable(key);
    }
}
