using System.CommandLine;
using PublishPipeline.Review;

namespace PublishPipeline.Cli.Commands;

/// <summary>
/// `minutes approve UPLOAD [--note …]` and `minutes reject UPLOAD --reason …`: a reviewer's decision
/// on exactly the upload's current content, recorded privately next to it (who, when, why, which
/// content hash). The stages apply it: locally the next `minutes publish`, in Azure the upload
/// event the record raises. An approval never publishes 非公開 minutes and never unmasks names.
/// </summary>
internal static class ReviewCommands
{
    public static Command Approve()
    {
        var note = new Option<string?>("--note") { Description = "Why the document may be published (recorded with the decision)." };
        return Create(
            "approve",
            "Approve a held document for publication: exactly its current content, names still redacted; never 非公開 minutes.",
            note,
            required: false,
            (reviews, upload, reviewer, text, ct) => reviews.ApproveAsync(upload, reviewer, text, ct));
    }

    public static Command Reject()
    {
        var reason = new Option<string?>("--reason") { Description = "Why the document must not be published (recorded with the decision).", Required = true };
        return Create(
            "reject",
            "Reject a document: its current content stays off the site (and leaves it, if published).",
            reason,
            required: true,
            (reviews, upload, reviewer, text, ct) => reviews.RejectAsync(upload, reviewer, text!, ct));
    }

    private static Command Create(
        string name,
        string description,
        Option<string?> text,
        bool required,
        Func<HoldReviews, string, string, string?, CancellationToken, Task<ReviewResult>> decide)
    {
        var upload = new Argument<string>("UPLOAD") { Description = "The upload: its name in the input folder (e.g. 001.txt or sub/001.txt), a path ending in it, or its minutes id." };
        var reviewer = new Option<string?>("--reviewer") { Description = "Who decides (default: the MINUTES_REVIEWER environment variable, else your user name)." };
        var where = new ReviewStore();
        var command = new Command(name, description) { upload, text, reviewer };
        where.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (store, location, local, problem) = where.Open(parse);
            var who = parse.GetValue(reviewer) ?? Environment.GetEnvironmentVariable("MINUTES_REVIEWER") ?? Environment.UserName;
            var words = parse.GetValue(text);
            problem ??= string.IsNullOrWhiteSpace(who) ? "--reviewer: is empty; expected who decides." : null;
            problem ??= required && string.IsNullOrWhiteSpace(words) ? $"{text.Name}: is empty; expected why." : null;
            if (store is null || problem is not null)
            {
                await Console.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var reviews = new HoldReviews(store);
            var (resolved, notFound) = await reviews.ResolveAsync(parse.GetValue(upload)!, cancellationToken).ConfigureAwait(false);
            if (resolved is null)
            {
                await Console.Error.WriteLineAsync($"error: {notFound}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var result = await decide(reviews, resolved, who.Trim(), words, cancellationToken).ConfigureAwait(false);
            if (!result.Recorded)
            {
                await Console.Error.WriteLineAsync($"refused: {result.Message}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            Console.WriteLine($"recorded: {result.Message}");
            Console.WriteLine($"  record: {location(result.RecordName!)}");
            Console.WriteLine(local
                ? "  run minutes publish again (same folders) to apply it."
                : "  the pipeline applies it when the upload event arrives (or at the nightly run).");
            return ExitCodes.Success;
        });
        return command;
    }
}
