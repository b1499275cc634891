using System.CommandLine;
using PublishPipeline.Evaluation;

namespace PublishPipeline.Cli.Commands;

/// <summary>
/// `minutes eval DIR [--gold FILE] [--floors FILE] [--json]`: reads every upload of a folder and prints
/// the reading figures per source and overall (see docs/normalize.md). Exit codes: 0 done (and every
/// floor met), 1 below a floor, 2 usage error (missing folder, unreadable gold or floors file).
/// </summary>
internal static class EvalCommand
{
    public const int Ok = 0;
    public const int BelowFloor = 1;
    public const int UsageError = 2;

    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "A folder of uploads; sources are the file names' prefixes before -NNN." };
        var gold = new Option<string?>("--gold") { Description = "A gold file of the names each upload contains (schema of devcorpus/gold.json)." };
        var floors = new Option<string?>("--floors") { Description = "A JSON file of minimums per source and overall; exit 1 below any." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON instead of a table." };
        var namesDetail = new Option<string?>("--names-detail") { Description = "Write every name miss and every mask that is not a gold name to this file (tab-separated), to read them one by one." };
        var command = new Command("eval", "Measure reading and redaction on a folder of real minutes: speaker turns, rolls, dates, names hidden and words kept, per source.") { dir, gold, floors, json, namesDetail };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(dir)!, parse.GetValue(gold), parse.GetValue(floors), parse.GetValue(json),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken, parse.GetValue(namesDetail)));
        return command;
    }

    internal static async Task<int> RunAsync(string dir, string? goldPath, string? floorsPath, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, string? namesDetailPath = null)
    {
        if (!Directory.Exists(dir))
        {
            await stderr.WriteLineAsync($"minutes eval: {dir}: no such folder.").ConfigureAwait(false);
            return UsageError;
        }

        IReadOnlyDictionary<string, GoldEntry>? gold = null;
        EvalFloors? floors = null;
        try
        {
            gold = goldPath is null ? null : GoldFile.Load(goldPath);
            floors = floorsPath is null ? null : EvalFloors.Load(floorsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await stderr.WriteLineAsync($"minutes eval: {e.Message}").ConfigureAwait(false);
            return UsageError;
        }

        // The name figures (docs/redact.md) need a gold file; without one they would all be empty.
        await using var details = namesDetailPath is null ? null : new StreamWriter(namesDetailPath);
        IReadOnlyList<IDocumentScorer> scorers = gold is null
            ? EvalRunner.ReadingScorers()
            : [.. EvalRunner.ReadingScorers(), new NameScorer(details: details)];
        var report = await new EvalRunner(scorers).RunAsync(dir, gold, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            await stdout.WriteLineAsync(EvalJson.Serialize(report)).ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteLineAsync($"Reading figures for {Path.GetFullPath(dir)}{(gold is null ? "" : " (with gold)")}").ConfigureAwait(false);
            await stdout.WriteAsync(EvalTable.Format(report)).ConfigureAwait(false);
            foreach (var d in report.Documents.Where(d => d.Error is not null))
            {
                await stdout.WriteLineAsync($"not read: {d.Name}: {d.Error}").ConfigureAwait(false);
            }
        }

        if (floors is null)
        {
            return Ok;
        }

        var failures = floors.Check(report);
        foreach (var failure in failures)
        {
            await stderr.WriteLineAsync($"minutes eval: BELOW FLOOR: {failure}").ConfigureAwait(false);
        }

        if (failures.Count > 0)
        {
            await stderr.WriteLineAsync($"minutes eval: {failures.Count} floor(s) of {floorsPath} not met.").ConfigureAwait(false);
            return BelowFloor;
        }

        await stderr.WriteLineAsync($"minutes eval: every floor of {floorsPath} met.").ConfigureAwait(false);
        return Ok;
    }
}
