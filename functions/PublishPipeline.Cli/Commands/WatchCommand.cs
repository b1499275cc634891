using System.CommandLine;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;
using Spectre.Console;

namespace PublishPipeline.Cli.Commands;

/// <summary>
/// `minutes watch --storage "UseDevelopmentStorage=true"`: the upload-to-site flow on Azurite (or
/// any storage account) without the Functions host. Polls the uploads container and runs the same
/// stages the functions run: new or changed uploads are normalised, redacted and rendered; deleted
/// ones are withdrawn. Event Grid does not exist locally, so polling stands in for it.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var storage = new Option<string>("--storage") { Description = "Storage connection string, e.g. UseDevelopmentStorage=true (Azurite).", DefaultValueFactory = _ => "UseDevelopmentStorage=true" };
        var interval = new Option<double>("--interval") { Description = "Seconds between polls.", DefaultValueFactory = _ => 2 };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 3600))
            {
                result.AddError("--interval: expected seconds between polls, above 0 and at most 3600, e.g. 2.");
            }
        });
        var once = new Option<bool>("--once") { Description = "Process what is there once and exit (for scripts)." };
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site is served from (feeds, sitemap)." };
        var prefix = new Option<string>("--container-prefix") { Description = "Prefix of every container name (share one account between several sites or test runs; $web becomes <prefix>web).", DefaultValueFactory = _ => "" };
        var settings = LocalPipeline.SettingsOption();
        var command = new Command("watch", "Watch the uploads container and publish new uploads, withdraw deleted ones. With --once: " + ExitCodes.Help) { storage, interval, once, baseUrl, prefix, settings };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(storage)!,
            TimeSpan.FromSeconds(parse.GetValue(interval)),
            parse.GetValue(once),
            parse.GetValue(baseUrl),
            parse.GetValue(prefix) ?? string.Empty,
            parse.GetValue(settings),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string connectionString, TimeSpan interval, bool once, string? baseUrl, string containerPrefix, FileInfo? settingsFile, CancellationToken cancellationToken)
    {
        if (LocalPipeline.LoadSettings(settingsFile) is not { } settings ||
            LocalPipeline.SiteOptionsFor(baseUrl, settings, Console.Error) is not { } siteOptions)
        {
            return ExitCodes.Usage;
        }

        BlobObjectStore store;
        try
        {
            store = BlobObjectStore.FromSettings(key => key == "MinutesStorage" ? connectionString : null, containerPrefix: containerPrefix);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: --storage: not a usable connection string ({e.Message}); expected e.g. UseDevelopmentStorage=true").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var pipeline = LocalPipeline.Create(store, siteOptions, settings);
        try
        {
            await store.EnsureContainersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"error: --storage: cannot reach the storage account: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        AnsiConsole.MarkupLineInterpolated($"watching {store.Service.Uri}{store.ContainerName(Containers.Uploads)} (every {interval.TotalSeconds:0.#} s; Ctrl+C to stop)");
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        int failures = 0, holds = 0;
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var current = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var item in store.ListAsync(Containers.Uploads, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                current[item.Name] = item.ETag;
            }

            var changed = current.Where(kv => !seen.TryGetValue(kv.Key, out var etag) || etag != kv.Value).Select(kv => kv.Key).ToList();
            var deleted = first ? [] : seen.Keys.Where(k => !current.ContainsKey(k)).ToList();
            foreach (var name in changed)
            {
                try
                {
                    var results = await pipeline.PublishAsync(name, updateIndexes: true, cancellationToken).ConfigureAwait(false);
                    Print(name, results[^1]);
                    failures += results[^1].Outcome == StageOutcome.Quarantined ? 1 : 0;
                    holds += results[^1].Outcome == StageOutcome.Held ? 1 : 0;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Storage trouble: forget the ETag so the next poll tries again.
                    current.Remove(name);
                    AnsiConsole.MarkupLineInterpolated($"[red]{name}: {e.GetType().Name}: {e.Message} (will retry)[/]");
                }
            }

            foreach (var name in deleted)
            {
                Print(name, await pipeline.WithdrawAsync(name, null, cancellationToken).ConfigureAwait(false));
            }

            if (first && !once)
            {
                // Catch up with anything the watcher missed while it was not running.
                var report = await pipeline.RerenderAsync(cancellationToken).ConfigureAwait(false);
                if (report.ChangedAnything)
                {
                    AnsiConsole.MarkupLineInterpolated($"caught up: {report.Rerendered.Count} re-rendered, {report.Withdrawn.Count} withdrawn");
                }
            }

            seen = current;
            first = false;
            if (once)
            {
                break;
            }

            try
            {
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return !once ? ExitCodes.Success : failures > 0 ? ExitCodes.Failed : holds > 0 ? ExitCodes.Held : ExitCodes.Success;
    }

    private static void Print(string name, StageResult result)
    {
        var colour = result.Outcome switch
        {
            StageOutcome.Done or StageOutcome.Unchanged => "green",
            StageOutcome.Held or StageOutcome.Withdrawn => "yellow",
            StageOutcome.Quarantined => "red",
            _ => "grey",
        };
        AnsiConsole.MarkupLine($"[{colour}]{Markup.Escape(name)}[/]: {Markup.Escape(result.ToString())}");
    }
}
