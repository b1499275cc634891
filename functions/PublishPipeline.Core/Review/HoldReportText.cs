using PublishPipeline.Redaction;

namespace PublishPipeline.Review;

/// <summary>
/// A hold report as a person reads it: what to check, numbered, each with where in their own file,
/// whether an approval can overrule it, and the decision so far. The JSON report says the same.
/// </summary>
public static class HoldReportText
{
    /// <summary>One line per check (no header), indented by <paramref name="indent"/>; the reasons when an older report has no checks.</summary>
    public static IEnumerable<string> Checks(HoldReport report, string indent = "  ")
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Checks.Count == 0 ? report.Reasons.Select(r => $"{indent}- {r}") : Checks(report.Checks, indent);
    }

    /// <summary>One line per check: "1. line 12 (sections[3].turns[1].text): 「…」 what to check".</summary>
    public static IEnumerable<string> Checks(IReadOnlyList<HoldCheck> checks, string indent = "  ")
    {
        ArgumentNullException.ThrowIfNull(checks);
        var n = 1;
        foreach (var check in checks)
        {
            var excerpt = check.Excerpt is { Length: > 0 } e && check.Location is not "disclosure" ? $" 「{e}」" : string.Empty;
            var approvable = check.Approvable || check.Code == HoldCodes.Rejected ? string.Empty : " [no approval can overrule this]";
            yield return $"{indent}{n++}. {check.Where()}:{excerpt} {check.Message}{approvable}";
        }
    }

    /// <summary>The whole report: upload, id, when, where the report is, the checks and the decision.</summary>
    public static IEnumerable<string> Lines(HeldDocument held, string reportLocation, bool local)
    {
        ArgumentNullException.ThrowIfNull(held);
        var report = held.Report;
        yield return $"{report.SourceName}  ({report.Id}, held {report.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC)";
        yield return $"  report: {reportLocation}";
        yield return "  to check:";
        foreach (var line in Checks(report, "    "))
        {
            yield return line;
        }

        if (held.DecisionWaiting)
        {
            yield return $"  decision: {held.Decision!.Describe()}; "
                + (local ? "run minutes publish again to apply it." : "the pipeline applies it when the upload event arrives (or at the nightly run).");
        }
        else if (report.ReviewNote is { } note)
        {
            yield return $"  decision: {note}";
        }
        else if (report.Checks.Count > 0 && report.Checks.All(c => c.Approvable))
        {
            yield return $"  decision: none yet: minutes approve \"{report.SourceName}\" --note … or minutes reject \"{report.SourceName}\" --reason …";
        }
        else
        {
            yield return "  decision: none possible: correct the file and upload it again.";
        }
    }
}
