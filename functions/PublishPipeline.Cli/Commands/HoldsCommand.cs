using System.CommandLine;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Review;

namespace PublishPipeline.Cli.Commands;

/// <summary>
/// `minutes holds --work DIR` (or `--storage CONNECTION`): the review queue. Every held document
/// with what a reviewer must check and where in the original file, the report's path, and the
/// decision so far. `--json` prints the same as JSON for scripts.
/// </summary>
internal static class HoldsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the held documents as JSON (reports, report paths, decisions)." };
        var where = new ReviewStore();
        var command = new Command("holds", "List held documents: what to check, where, the report's path and any decision.") { json };
        where.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (store, location, local, problem) = where.Open(parse);
            if (store is null)
            {
                await Console.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var held = await new HoldReviews(store).ListAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                var items = held.Select(h => new { report = h.Report, reportPath = location(h.ReportName), decision = h.Decision, decisionWaiting = h.DecisionWaiting });
                Console.WriteLine(JsonSerializer.Serialize(items, MinutesJson.Options));
                return ExitCodes.Success;
            }

            if (held.Count == 0)
            {
                Console.WriteLine("nothing is held.");
                return ExitCodes.Success;
            }

            foreach (var document in held)
            {
                foreach (var line in HoldReportText.Lines(document, location(document.ReportName), local))
                {
                    Console.WriteLine(line);
                }

                Console.WriteLine();
            }

            Console.WriteLine($"{held.Count} held.");
            return ExitCodes.Success;
        });
        return command;
    }
}
