using PublishPipeline.Model;

namespace PublishPipeline.Review;

/// <summary>
/// How a reviewer's decision meets the checks that held a document. An approval publishes only
/// the exact content it was given for, only when every check is one a person may overrule (never
/// 非公開 minutes, never a document whose names could not be redacted); a rejection of the same
/// content holds it whatever else is true. A decision about other content does nothing.
/// </summary>
public static class ReviewRules
{
    /// <param name="decision">The upload's current decision, if any.</param>
    /// <param name="minutes">The normalised document (its <see cref="Minutes.Source"/> hash is what decisions cover).</param>
    /// <param name="reasons">The hold reasons so far; a rejection adds its own.</param>
    /// <param name="checks">The hold checks so far; a rejection adds its own.</param>
    public static ReviewOutcome Apply(ReviewDecision? decision, Minutes minutes, List<string> reasons, List<HoldCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(checks);
        if (decision is null)
        {
            return ReviewOutcome.None;
        }

        if (!decision.Covers(minutes))
        {
            return new ReviewOutcome(decision, Publish: false, Applied: false,
                $"A decision exists ({decision.Describe()}) for other content (SHA-256 {Short(decision.SourceSha256)}); "
                + $"this version ({Short(minutes.Source?.Sha256)}) needs its own review.");
        }

        if (decision.Verdict == ReviewVerdict.Rejected)
        {
            var message = $"レビューで公開しないと判断されました (rejected in review: {decision.Describe()}).";
            reasons.Add(message);
            checks.Add(new HoldCheck(HoldCodes.Rejected, message));
            return new ReviewOutcome(decision, Publish: false, Applied: true, message);
        }

        var blocking = checks.Where(c => !c.Approvable).ToList();
        if (blocking.Count > 0)
        {
            return new ReviewOutcome(decision, Publish: false, Applied: false,
                $"The approval ({decision.Describe()}) cannot publish these minutes: "
                + string.Join("; ", blocking.Select(c => c.Code == HoldCodes.Closed ? "会議録 is 非公開 (closed), which no approval overrides" : c.Message)));
        }

        return new ReviewOutcome(decision, Publish: true, Applied: true, $"Published on review: {decision.Describe()}.");
    }

    private static string Short(string? sha) => sha is { Length: > 12 } ? sha[..12] + "…" : sha ?? "unknown";
}

/// <summary>What a decision did: publish despite the checks, or not, and why (for the hold report and the audit).</summary>
/// <param name="Decision">The decision that was looked at.</param>
/// <param name="Publish">The checks are overruled: publish (names still redacted).</param>
/// <param name="Applied">The decision covers this content and took effect (an approval that published, or a rejection).</param>
/// <param name="Note">One line for reviewers.</param>
public sealed record ReviewOutcome(ReviewDecision? Decision, bool Publish, bool Applied, string? Note)
{
    public static ReviewOutcome None { get; } = new(null, false, false, null);
}
