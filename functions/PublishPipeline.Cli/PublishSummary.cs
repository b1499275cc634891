using PublishPipeline.LocalSite;
using PublishPipeline.Review;
using Spectre.Console;

namespace PublishPipeline.Cli;

/// <summary>
/// What `minutes publish` prints: an entry per input that changed, is held, failed, is a duplicate
/// or was withdrawn (sidecars are not inputs of their own), with its result, what to check for a
/// hold, its report's path, and its warnings; the minutes already on the site and unchanged are
/// counted, not listed (a re-publish of a ward's archive printed thousands of identical lines),
/// unless <c>all</c> asks for every entry. On a terminal a table as wide as the terminal;
/// otherwise whole lines, so a log or a pipe gets nothing cut or wrapped. Report paths are always
/// printed whole, on lines of their own.
/// </summary>
internal static class PublishSummary
{
    public static void Write(FolderPublishReport report, Func<string, string> where, string sitePath, string workPath, TextWriter output, IAnsiConsole? terminal, bool all = false)
    {
        var listed = all ? report.Documents : report.Documents.Where(d => !IsUnchangedOnSite(d)).ToList();
        if (listed.Count == 0)
        {
            // No table and no lines: the counts below say it all.
        }
        else if (terminal is not null)
        {
            WriteTable(listed, terminal);
        }
        else
        {
            WriteLines(listed, output);
        }

        var unlisted = report.Documents.Count - listed.Count;
        if (unlisted > 0)
        {
            var warned = report.Documents.Count(d => IsUnchangedOnSite(d) && d.Warnings.Count > 0);
            output.WriteLine($"unchanged: {unlisted} minutes already on the site, not listed"
                + (warned > 0 ? $" ({warned} of them with warnings)" : string.Empty) + "; --all lists every input");
        }

        var reports = listed.Where(d => d.Report is not null && d.Outcome is not DocumentOutcome.Published).ToList();
        if (terminal is not null && reports.Count > 0)
        {
            output.WriteLine("reports:");
            foreach (var document in reports)
            {
                output.WriteLine($"  {document.SourceName}: {where(document.Report!)}");
            }
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        output.WriteLine(
            $"published: {report.Count(DocumentOutcome.Published)}, held: {report.Count(DocumentOutcome.Held)}, failed: {report.Count(DocumentOutcome.Failed)}, "
            + $"duplicates: {report.Count(DocumentOutcome.Duplicate)}, withdrawn: {report.Count(DocumentOutcome.Withdrawn)}");
        output.WriteLine($"site: {sitePath} ({report.IndexFilesWritten} index files written"
            + (report.Repaired.Count > 0 ? $"; {report.Repaired.Count} documents written again because the site folder lacked or changed their files" : string.Empty) + ")");
        output.WriteLine($"private work folder: {workPath}");
        if (report.Count(DocumentOutcome.Held) > 0)
        {
            output.WriteLine($"review the held documents: minutes holds --work {Quote(workPath)}");
        }

        void WriteLines(IEnumerable<DocumentResult> documents, TextWriter o)
        {
            foreach (var d in documents)
            {
                o.WriteLine($"{Word(d.Outcome),-9} {d.SourceName}  {Headline(d)}");
                foreach (var line in Details(d))
                {
                    o.WriteLine("    " + line);
                }

                if (d.Report is not null && d.Outcome is not DocumentOutcome.Published)
                {
                    o.WriteLine($"    {(d.Outcome is DocumentOutcome.Held or DocumentOutcome.Failed ? "report" : "record")}: {where(d.Report)}");
                }
            }
        }
    }

    /// <summary>Published before this run and nothing done for it now: counted, listed only with --all.</summary>
    private static bool IsUnchangedOnSite(DocumentResult d) => d.Outcome == DocumentOutcome.Published && d.Unchanged;

    private static void WriteTable(IEnumerable<DocumentResult> documents, IAnsiConsole console)
    {
        var table = new Table().Expand().AddColumn("result").AddColumn("upload").AddColumn(new TableColumn("detail"));
        foreach (var d in documents)
        {
            var colour = d.Outcome switch
            {
                DocumentOutcome.Published => "green",
                DocumentOutcome.Held or DocumentOutcome.Duplicate or DocumentOutcome.Withdrawn => "yellow",
                _ => "red",
            };
            var detail = string.Join('\n', [Headline(d), .. Details(d)]);
            table.AddRow(new Markup($"[{colour}]{Word(d.Outcome)}[/]"), new Text(d.SourceName), new Text(detail));
        }

        console.Write(table);
    }

    private static string Word(DocumentOutcome outcome) => outcome switch
    {
        DocumentOutcome.Published => "published",
        DocumentOutcome.Held => "held",
        DocumentOutcome.Duplicate => "duplicate",
        DocumentOutcome.Withdrawn => "withdrawn",
        _ => "failed",
    };

    private static string Headline(DocumentResult d) => d.Outcome switch
    {
        DocumentOutcome.Published => $"{d.Id}{(d.Unchanged ? " (unchanged)" : d.Message.StartsWith("written again", StringComparison.Ordinal) ? " (" + d.Message + ")" : string.Empty)}",
        DocumentOutcome.Held => $"{d.Id}: held for review{(d.Unchanged ? " (unchanged)" : string.Empty)}",
        _ => d.Message,
    };

    private static IEnumerable<string> Details(DocumentResult d)
    {
        if (d.Outcome == DocumentOutcome.Held)
        {
            foreach (var line in d.Checks.Count > 0 ? HoldReportText.Checks(d.Checks, string.Empty) : [d.Message])
            {
                yield return line;
            }

            if (d.ReviewNote is { } note)
            {
                yield return "decision: " + note;
            }
        }

        foreach (var warning in d.Warnings)
        {
            yield return "warning: " + warning;
        }
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
