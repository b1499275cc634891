using System.Collections.Concurrent;
using System.CommandLine;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;
using Spectre.Console;

namespace PublishPipeline.Cli.Commands;

/// <summary>
/// `minutes publish INPUT... --site DIR [--work DIR]`: the whole pipeline on the local file system.
/// Inputs are copied into the work area's uploads container, then normalise → redact → render runs
/// for each (the same stages the Functions run), the indexes are rebuilt once, and a summary says
/// what was published, held (with the reason and the report's path) and failed.
/// </summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Minutes files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var site = new Option<string>("--site") { Description = "Folder that receives the public site.", Required = true };
        var work = new Option<string?>("--work") { Description = "Folder for private artefacts (normalised JSON, audit records, hold and failure reports). Default: .minutes-work beside the site folder." };
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site will be served from (feeds, sitemap)." };
        var settings = LocalPipeline.SettingsOption();
        var command = new Command("publish", "Normalise, redact and publish minutes files into a static site.") { inputs, site, work, baseUrl, settings };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(site)!,
            parse.GetValue(work),
            parse.GetValue(baseUrl),
            parse.GetValue(settings),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, string site, string? work, string? baseUrl, FileInfo? settingsFile, CancellationToken cancellationToken)
    {
        if (LocalPipeline.LoadSettings(settingsFile) is not { } settings)
        {
            return 2;
        }

        var sitePath = Path.GetFullPath(site);
        var workPath = Path.GetFullPath(work ?? Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(sitePath)) ?? ".", ".minutes-work"));
        if (FolderSeparation.Problem(sitePath, workPath) is { } overlap)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {overlap}; private artefacts must never be published.");
            return 2;
        }

        var uploads = CollectInputs(inputs, out var problems);
        foreach (var problem in problems)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {problem}");
        }

        if (uploads.Count == 0)
        {
            AnsiConsole.MarkupLine("[red]error:[/] no input files.");
            return 2;
        }

        var store = new FileSystemObjectStore(workPath, new Dictionary<string, string> { [Containers.Web] = sitePath });
        var pipeline = LocalPipeline.Create(store, baseUrl, settings);
        var results = new ConcurrentDictionary<string, IReadOnlyList<StageResult>>(StringComparer.Ordinal);
        var crashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        async Task ProcessAsync(KeyValuePair<string, string> upload, CancellationToken ct)
        {
            try
            {
                var bytes = await File.ReadAllBytesAsync(upload.Value, ct).ConfigureAwait(false);
                var existing = await store.GetAsync(Containers.Uploads, upload.Key, ct).ConfigureAwait(false);
                if (existing is null || !existing.Content.Span.SequenceEqual(bytes))
                {
                    await store.PutAsync(Containers.Uploads, upload.Key, bytes, new ObjectProperties(), cancellationToken: ct).ConfigureAwait(false);
                }

                results[upload.Key] = await pipeline.PublishAsync(upload.Key, updateIndexes: false, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                crashes[upload.Key] = $"{e.GetType().Name}: {e.Message}";
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        IndexUpdate update;
        if (AnsiConsole.Profile.Capabilities.Interactive && uploads.Count > 1)
        {
            update = IndexUpdate.None;
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("publishing", maxValue: uploads.Count + 1);
                await Parallel.ForEachAsync(uploads, parallel, async (upload, ct) =>
                {
                    await ProcessAsync(upload, ct).ConfigureAwait(false);
                    task.Increment(1);
                }).ConfigureAwait(false);
                task.Description = "indexes";
                update = await pipeline.Index.UpdateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                task.Increment(1);
            }).ConfigureAwait(false);
        }
        else
        {
            var done = 0;
            await Parallel.ForEachAsync(uploads, parallel, async (upload, ct) =>
            {
                await ProcessAsync(upload, ct).ConfigureAwait(false);
                var n = Interlocked.Increment(ref done);
                if (uploads.Count >= 20 && n % 10 == 0)
                {
                    Console.Error.WriteLine($"  {n}/{uploads.Count} processed");
                }
            }).ConfigureAwait(false);
            update = await pipeline.Index.UpdateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var status = PrintSummary(store, uploads.Keys, results, crashes, update, sitePath, workPath);
        return problems.Count > 0 ? Math.Max(status, 1) : status;
    }

    private static int PrintSummary(
        FileSystemObjectStore store,
        IEnumerable<string> names,
        ConcurrentDictionary<string, IReadOnlyList<StageResult>> results,
        ConcurrentDictionary<string, string> crashes,
        IndexUpdate update,
        string sitePath,
        string workPath)
    {
        var table = new Table().AddColumns("upload", "result", "detail");
        int published = 0, held = 0, failed = 0;
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            if (crashes.TryGetValue(name, out var crash))
            {
                failed++;
                table.AddRow(Markup.Escape(name), "[red]failed[/]", Markup.Escape(crash));
                continue;
            }

            var last = results[name][^1];
            var report = last.Report is { } r ? ReportPath(store, r) : null;
            switch (last.Outcome)
            {
                case StageOutcome.Done or StageOutcome.Unchanged when last.Stage == Stages.Render:
                    published++;
                    table.AddRow(Markup.Escape(name), "[green]published[/]", Markup.Escape($"{last.Id}{(last.Outcome == StageOutcome.Unchanged ? " (unchanged)" : string.Empty)}"));
                    break;
                case StageOutcome.Held:
                    held++;
                    table.AddRow(Markup.Escape(name), "[yellow]held[/]", Markup.Escape($"{last.Message}\nreport: {report}"));
                    break;
                default:
                    failed++;
                    table.AddRow(Markup.Escape(name), "[red]failed[/]", Markup.Escape($"{last.Stage}: {last.Message}" + (report is null ? string.Empty : $"\nreport: {report}")));
                    break;
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"published: {published}, held: {held}, failed: {failed}");
        AnsiConsole.MarkupLineInterpolated($"site: {sitePath} ({update.Written.Count} index files written)");
        AnsiConsole.MarkupLineInterpolated($"private work folder: {workPath}");
        return failed > 0 ? 1 : 0;
    }

    private static string ReportPath(FileSystemObjectStore store, string report)
    {
        var slash = report.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? report : Path.Combine(store.ContainerFolder(report[..slash]), report[(slash + 1)..]);
    }

    /// <summary>Upload name (path inside the upload area) → file on disk.</summary>
    private static Dictionary<string, string> CollectInputs(string[] inputs, out List<string> problems)
    {
        problems = [];
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
                foreach (var skip in skipped)
                {
                    AnsiConsole.MarkupLineInterpolated($"[yellow]skipped:[/] {Path.Combine(input, skip)}");
                }
            }
            else if (File.Exists(full))
            {
                found = [(Path.GetFileName(full), full)];
            }
            else
            {
                problems.Add($"{input}: no such file or folder");
                continue;
            }

            foreach (var (written, file) in found)
            {
                // The NFC spelling is the upload's name: a decomposed file name (macOS) is the same document.
                var name = PublishPipeline.Unicode.TextNormalization.ToNfc(written);
                if (ObjectName.Problem(name) is { } problem)
                {
                    problems.Add($"{file}: {problem}");
                }
                else if (!uploads.TryAdd(name, file) && uploads[name] != file)
                {
                    problems.Add($"{file}: another input is also named {name}; only {uploads[name]} is published");
                }
            }
        }

        return uploads;
    }
}
