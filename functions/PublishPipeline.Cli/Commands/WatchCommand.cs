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
/// ones are withdrawn. Event Grid does not exist locally, so polling stands in for it; the
/// recovery sweep runs every few minutes as its timer does in Azure. Storage being unreachable
/// stops a poll, not the watcher: it backs off and resumes when storage answers again.
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
        var recoverEvery = new Option<double>("--recover-every") { Description = "Minutes between recovery sweeps, which take documents whose stages failed (a storage outage mid-chain) through again; 0 turns them off.", DefaultValueFactory = _ => 5 };
        var settings = LocalPipeline.SettingsOption();
        var command = new Command("watch", "Watch the uploads container and publish new uploads, withdraw deleted ones. With --once: " + ExitCodes.Help) { storage, interval, once, baseUrl, prefix, settings, recoverEvery };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(storage)!,
            TimeSpan.FromSeconds(parse.GetValue(interval)),
            parse.GetValue(once),
            parse.GetValue(baseUrl),
            parse.GetValue(prefix) ?? string.Empty,
            parse.GetValue(settings),
            TimeSpan.FromMinutes(Math.Max(0, parse.GetValue(recoverEvery))),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string connectionString, TimeSpan interval, bool once, string? baseUrl, string containerPrefix, FileInfo? settingsFile, TimeSpan recoverEvery, CancellationToken cancellationToken)
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

        var pipeline = LocalPipeline.Create(store, siteOptions, settings, new ConsoleWarnings());
        var outage = new StorageOutage(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await store.EnsureContainersAsync(cancellationToken).ConfigureAwait(false);
                outage.Succeeded();
                break;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && !once && StorageOutage.Is(e))
            {
                if (!await WaitAsync(outage.Failed(e), cancellationToken).ConfigureAwait(false))
                {
                    return ExitCodes.Success;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"error: --storage: cannot reach the storage account: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        AnsiConsole.MarkupLineInterpolated($"watching {store.Service.Uri}{store.ContainerName(Containers.Uploads)} (every {interval.TotalSeconds:0.#} s; Ctrl+C to stop)");
        var state = new WatchState();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(store, pipeline, state, once, recoverEvery, cancellationToken).ConfigureAwait(false);
                outage.Succeeded();
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The poll stops where storage (or anything else) failed; what it did not finish
                // is still new next time. The watcher itself never stops on it.
                var delay = outage.Failed(e);
                if (once)
                {
                    return ExitCodes.Failed;
                }

                if (!await WaitAsync(delay, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                continue;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (once || !await WaitAsync(interval, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        return !once ? ExitCodes.Success : state.Failures > 0 ? ExitCodes.Failed : state.Holds > 0 ? ExitCodes.Held : ExitCodes.Success;
    }

    /// <summary>One look at the uploads container; storage being unreachable ends it with an exception.</summary>
    private static async Task PollAsync(BlobObjectStore store, MinutesPipeline pipeline, WatchState state, bool once, TimeSpan recoverEvery, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var item in store.ListAsync(Containers.Uploads, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            current[item.Name] = item.ETag;
        }

        var changed = current.Where(kv => !state.Seen.TryGetValue(kv.Key, out var etag) || etag != kv.Value).Select(kv => kv.Key).ToList();
        var deleted = state.First ? [] : state.Seen.Keys.Where(k => !current.ContainsKey(k)).ToList();
        foreach (var name in changed)
        {
            try
            {
                var results = await pipeline.PublishAsync(name, updateIndexes: true, cancellationToken).ConfigureAwait(false);
                Print(name, results[^1]);
                state.Failures += results[^1].Outcome == StageOutcome.Quarantined ? 1 : 0;
                state.Holds += results[^1].Outcome == StageOutcome.Held ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException && !StorageOutage.Is(e))
            {
                // Trouble with this document only (a lock wait that timed out): forget the ETag so the next poll tries again.
                current.Remove(name);
                AnsiConsole.MarkupLineInterpolated($"[red]{name}: {e.GetType().Name}: {e.Message} (will retry)[/]");
            }
        }

        foreach (var name in deleted)
        {
            try
            {
                Print(name, await pipeline.WithdrawAsync(name, null, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException && !StorageOutage.Is(e))
            {
                // Still counted as present, so the next poll sees the deletion again.
                current[name] = state.Seen[name];
                AnsiConsole.MarkupLineInterpolated($"[red]{name}: {e.GetType().Name}: {e.Message} (withdrawal will be retried)[/]");
            }
        }

        if (state.First && !once)
        {
            // Catch up with anything the watcher missed while it was not running.
            var report = await pipeline.RerenderAsync(cancellationToken).ConfigureAwait(false);
            if (report.ChangedAnything)
            {
                AnsiConsole.MarkupLineInterpolated($"caught up: {report.Rerendered.Count} re-rendered, {report.Withdrawn.Count} withdrawn");
            }

            state.NextRecovery = DateTimeOffset.UtcNow + recoverEvery;
        }
        else if (!once && recoverEvery > TimeSpan.Zero && DateTimeOffset.UtcNow >= state.NextRecovery)
        {
            // The recovery sweep, as the RecoverDocuments timer runs it in Azure: documents whose
            // stages failed (an outage in the middle of a chain) are taken through again.
            var report = await pipeline.RecoverAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (report.ChangedAnything || report.Failed.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"recovered: {report.Normalized.Count} normalised, {report.Reredacted.Count} redacted, {report.Rerendered.Count} rendered, {report.Withdrawn.Count} withdrawn, {report.Failed.Count} failed");
            }

            state.NextRecovery = DateTimeOffset.UtcNow + recoverEvery;
        }

        state.Seen = current;
        state.First = false;
    }

    /// <summary>False when Ctrl+C ended the wait.</summary>
    private static async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>What the watcher knows between polls.</summary>
    private sealed class WatchState
    {
        public Dictionary<string, string> Seen { get; set; } = new(StringComparer.Ordinal);

        public bool First { get; set; } = true;

        public int Failures { get; set; }

        public int Holds { get; set; }

        public DateTimeOffset NextRecovery { get; set; }
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
