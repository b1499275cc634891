using System.CommandLine;
using System.Runtime.ExceptionServices;
using PublishPipeline.LocalSite;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;
using Spectre.Console;

namespace PublishPipeline.Cli.Commands;

/// <summary>
/// `minutes publish INPUT... --site DIR [--work DIR]`: makes the site match the inputs. New and
/// changed files go through normalise → redact → render (the stages the Functions run), files no
/// longer given are withdrawn, the same minutes under two names are published once, and a site
/// folder that lost files (or is new) is written whole again (<see cref="FolderPublisher"/>). The
/// summary says what was published, held (what to check, the report's path) and failed.
/// </summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Minutes files or folders (searched recursively): the whole set the site shows; what is not given any more is withdrawn.", Arity = ArgumentArity.OneOrMore };
        var site = new Option<string>("--site") { Description = "Folder that receives the public site.", Required = true };
        var work = new Option<string?>("--work") { Description = "Folder for private artefacts (normalised JSON, audit records, hold and failure reports, review decisions). Default: .minutes-work beside the site folder." };
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute http(s) URL the site will be served from (feeds, sitemap, catalogue), e.g. https://www.city.example.lg.jp/minutes/." };
        var all = new Option<bool>("--all") { Description = "List every input in the summary, the unchanged minutes already on the site too (by default they are counted: the summary lists what changed, is held, failed, is a duplicate or was withdrawn)." };
        var settings = LocalPipeline.SettingsOption();
        var command = new Command("publish", "Normalise, redact and publish minutes files into a static site that follows its inputs. " + ExitCodes.Help) { inputs, site, work, baseUrl, all, settings };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(site)!,
            parse.GetValue(work),
            parse.GetValue(baseUrl),
            parse.GetValue(all),
            parse.GetValue(settings),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, string site, string? work, string? baseUrl, bool all, FileInfo? settingsFile, CancellationToken cancellationToken)
    {
        if (LocalPipeline.LoadSettings(settingsFile) is not { } settings ||
            LocalPipeline.SiteOptionsFor(baseUrl, settings, Console.Error) is not { } siteOptions)
        {
            return ExitCodes.Usage;
        }

        var sitePath = Path.GetFullPath(site);
        var workPath = Path.GetFullPath(work ?? ReviewStore.DefaultWork(sitePath));

        // The separation walk lists every folder of the site and the work folder (~15,000 at
        // 10,000 minutes, a fifth of a second): it runs on another core while the inputs are
        // enumerated and the pipeline is made, which only read, and nothing is written or printed
        // before it has passed.
        var separation = Task.Run(() => FolderSeparation.Problem(sitePath, workPath), cancellationToken);
        Dictionary<string, string> uploads = [];
        List<string> missing = [], skipped = [];
        List<DocumentResult> unusable = [];
        FileSystemObjectStore store = null!;
        FolderPublisher? publisher = null;
        ExceptionDispatchInfo? failed = null;
        try
        {
            (uploads, missing, unusable, skipped) = CollectInputs(inputs);
            store = new FileSystemObjectStore(workPath, new Dictionary<string, string> { [Containers.Web] = sitePath }) { Durable = PipelineNames.IsDurable };
            publisher = uploads.Count == 0 ? null : new FolderPublisher(LocalPipeline.Create(store, siteOptions, settings));
        }
        catch (Exception e)
        {
            failed = ExceptionDispatchInfo.Capture(e); // thrown once the walk has spoken: its refusal comes first, as before
        }

        if (await separation.ConfigureAwait(false) is { } overlap)
        {
            await Console.Error.WriteLineAsync($"error: --work: {overlap}; private artefacts must never be published.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        failed?.Throw();

        foreach (var skip in skipped)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]skipped:[/] {skip}");
        }

        if (missing.Count > 0 || publisher is null)
        {
            // The inputs are the whole site: a mistyped folder, or one with nothing usable in it,
            // must not withdraw everything.
            foreach (var problem in missing.Concat(unusable.Select(u => $"{u.SourceName}: {u.Message}")).DefaultIfEmpty("no input files."))
            {
                await Console.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            }

            if (missing.Count == 0 && unusable.Count > 0)
            {
                await Console.Error.WriteLineAsync("error: no usable input files.").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("nothing was changed.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        FolderPublishReport report;
        var terminal = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (terminal && uploads.Count > 1)
        {
            report = null!;
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("publishing", maxValue: 1);
                report = await publisher.PublishAsync(uploads, (done, total) => task.Value = total == 0 ? 1 : (double)done / total, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            report = await publisher.PublishAsync(
                uploads,
                (done, total) =>
                {
                    // About twenty lines a run, not one per 20 steps (a thousand for a ward's archive).
                    if (total >= 40 && done % Math.Max(20, total / 20) == 0)
                    {
                        Console.Error.WriteLine($"  {done}/{total} steps");
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }

        report = report with { Documents = [.. report.Documents, .. unusable] };
        PublishSummary.Write(report, path => ReviewStore.Where(store, path), sitePath, workPath, Console.Out, terminal ? AnsiConsole.Console : null, all);
        return report.Count(DocumentOutcome.Failed) > 0 ? ExitCodes.Failed
            : report.Count(DocumentOutcome.Held) > 0 ? ExitCodes.Held
            : ExitCodes.Success;
    }

    /// <summary>Upload name (path inside the input folder) → file; arguments that name nothing; files that cannot be uploads; what was skipped (printed by the caller).</summary>
    private static (Dictionary<string, string> Uploads, List<string> Missing, List<DocumentResult> Unusable, List<string> Skipped) CollectInputs(string[] inputs)
    {
        var skippedAll = new List<string>();
        var missing = new List<string>();
        var unusable = new List<DocumentResult>();
        var uploads = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            IEnumerable<(string Name, string File)> found;
            if (Directory.Exists(full))
            {
                var skipped = new List<string>();
                found = InputFiles.Enumerate(full, skipped)
                    .Select(f => (Path.GetRelativePath(full, f).Replace(Path.DirectorySeparatorChar, '/'), f))
                    .ToList();
                skippedAll.AddRange(skipped.Select(skip => Path.Combine(input, skip)));
            }
            else if (File.Exists(full))
            {
                found = [(Path.GetFileName(full), full)];
            }
            else
            {
                missing.Add($"{input}: no such file or folder");
                continue;
            }

            foreach (var (written, file) in found)
            {
                // The NFC spelling is the upload's name: a decomposed file name (macOS) is the same document.
                var name = PublishPipeline.Unicode.TextNormalization.ToNfc(written);
                if (ObjectName.Problem(name) is { } problem)
                {
                    unusable.Add(new DocumentResult(file, null, DocumentOutcome.Failed, $"the name cannot be an upload name: {problem}"));
                }
                else if (!uploads.TryAdd(name, file) && uploads[name] != file)
                {
                    unusable.Add(new DocumentResult(file, null, DocumentOutcome.Failed, $"another input is also named {name}; only {uploads[name]} is published"));
                }
            }
        }

        return (uploads, missing, unusable, skippedAll);
    }
}
