using PublishPipeline.LocalSite;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Storage;

namespace PublishPipeline.Review;

/// <summary>
/// The review queue, the same through both doors (a local work folder or the Azure account):
/// the held documents with what to check, and the reviewer's decisions on them. A decision is
/// only recorded here; the stages apply it (<see cref="ReviewRules"/>), so an approval publishes
/// through the same redaction as everything else.
/// </summary>
public sealed class HoldReviews
{
    private readonly IObjectStore _store;
    private readonly TimeProvider _time;

    public HoldReviews(IObjectStore store, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Every held document, by upload name, with its report and any decision on it.</summary>
    public async Task<IReadOnlyList<HeldDocument>> ListAsync(CancellationToken cancellationToken = default)
    {
        var held = new List<HeldDocument>();
        var names = new List<string>();
        await foreach (var item in _store.ListAsync(Containers.Held, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (PipelineNames.IdFromDocument(item.Name) is not null)
            {
                names.Add(item.Name);
            }
        }

        foreach (var name in names)
        {
            if (await DocumentNotes.HoldAsync(_store, PipelineNames.IdFromDocument(name)!, cancellationToken).ConfigureAwait(false) is not { } report)
            {
                continue;
            }

            var (decision, _) = await ReviewRecords.ReadAsync(_store, report.SourceName, report.SourceSha256, cancellationToken).ConfigureAwait(false);
            held.Add(new HeldDocument(report, $"{Containers.Held}/{name}", decision));
        }

        return [.. held.OrderBy(h => h.Report.SourceName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The upload a person means: its exact name, its minutes id, or a path ending in it (e.g.
    /// <c>samples/001.txt</c> for the upload <c>001.txt</c>); the longest such name wins.
    /// </summary>
    public async Task<(string? Upload, string? Problem)> ResolveAsync(string typed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var wanted = typed.Replace('\\', '/').Trim();
        while (wanted.StartsWith("./", StringComparison.Ordinal))
        {
            wanted = wanted[2..];
        }

        var uploads = new List<string>();
        await foreach (var item in _store.ListAsync(Containers.Uploads, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!UploadSidecars.IsSidecar(item.Name))
            {
                uploads.Add(item.Name);
            }
        }

        var match = uploads.FirstOrDefault(u => u == wanted)
            ?? (MinutesId.IsValid(wanted) ? uploads.FirstOrDefault(u => MinutesId.FromSourceName(u) == wanted) : null)
            ?? uploads.Where(u => wanted.EndsWith("/" + u, StringComparison.Ordinal)).OrderByDescending(u => u.Length).FirstOrDefault();
        return match is not null
            ? (match, null)
            : (null, $"no upload named \"{typed}\" in the work area ({uploads.Count} uploads; `minutes holds` lists the held ones).");
    }

    /// <summary>Records an approval of the upload's current content, if it may be approved.</summary>
    public async Task<ReviewResult> ApproveAsync(string upload, string reviewer, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var id = MinutesId.FromSourceName(upload);
        var current = await CurrentShaAsync(upload, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return ReviewResult.Refused($"{upload}: no such upload.");
        }

        var hold = await DocumentNotes.HoldAsync(_store, id, cancellationToken).ConfigureAwait(false);
        if (hold is null)
        {
            return ReviewResult.Refused(await NotHeldAsync(upload, id, cancellationToken).ConfigureAwait(false));
        }

        if (hold.SourceSha256 is null || hold.Checks.Count == 0)
        {
            return ReviewResult.Refused($"{upload}: its hold report does not say what to check (made by an older version); run minutes publish again, then review the new report.");
        }

        if (!string.Equals(hold.SourceSha256, current, StringComparison.OrdinalIgnoreCase))
        {
            return ReviewResult.Refused($"{upload}: the file changed since it was held; publish it again and review the new report (an approval covers exactly the content reviewed).");
        }

        var blocking = hold.Checks.Where(c => !c.Approvable && c.Code != HoldCodes.Rejected).ToList();
        if (blocking.Any(c => c.Code == HoldCodes.Closed))
        {
            return ReviewResult.Refused($"{upload}: 会議録 is 非公開 (closed minutes); no approval can publish it.");
        }

        if (blocking.Count > 0)
        {
            return ReviewResult.Refused($"{upload}: cannot be approved: " + string.Join("; ", blocking.Select(c => c.Message)));
        }

        return await RecordAsync(upload, ReviewVerdict.Approved, current, reviewer, note, hold, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a rejection of the upload's current content: it stays off the site (and leaves it, if published).</summary>
    public async Task<ReviewResult> RejectAsync(string upload, string reviewer, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var current = await CurrentShaAsync(upload, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return ReviewResult.Refused($"{upload}: no such upload.");
        }

        var hold = await DocumentNotes.HoldAsync(_store, MinutesId.FromSourceName(upload), cancellationToken).ConfigureAwait(false);
        return await RecordAsync(upload, ReviewVerdict.Rejected, current, reviewer, reason, hold, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReviewResult> RecordAsync(string upload, ReviewVerdict verdict, string sha, string reviewer, string? note, HoldReport? hold, CancellationToken cancellationToken)
    {
        var decision = new ReviewDecision
        {
            SourceName = upload,
            Verdict = verdict,
            SourceSha256 = sha,
            Reviewer = reviewer,
            At = _time.GetUtcNow(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Checks = [.. (hold?.Checks ?? []).Select(c => c.Code).Distinct()],
        };
        var record = await ReviewRecords.WriteAsync(_store, decision, cancellationToken).ConfigureAwait(false);
        return new ReviewResult(true, $"{decision.SourceName}: {decision.Describe()} (content SHA-256 {decision.SourceSha256[..12]}…)", $"{Containers.Uploads}/{record}", decision);
    }

    private async Task<string?> CurrentShaAsync(string upload, CancellationToken cancellationToken)
    {
        if (ObjectName.Problem(upload) is not null || UploadSidecars.IsSidecar(upload))
        {
            return null;
        }

        var stored = await _store.GetAsync(Containers.Uploads, upload, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : PipelineNames.Sha256(stored.Content.Span);
    }

    private async Task<string> NotHeldAsync(string upload, string id, CancellationToken cancellationToken)
    {
        if (await _store.GetAsync(Containers.Quarantine, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false) is not null)
        {
            return $"{upload}: not held but failed ({Containers.Quarantine}/{PipelineNames.Document(id)}): it could not be read, so there is nothing to approve; correct the file.";
        }

        return await _store.GetAsync(Containers.Redacted, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false) is not null
            ? $"{upload}: not held: it is published; there is nothing to approve."
            : $"{upload}: not held (not yet taken through the stages); publish it first.";
    }
}

/// <summary>A held document: its report, where the report is, and the decision on the upload if any.</summary>
public sealed record HeldDocument(HoldReport Report, string ReportName, ReviewDecision? Decision)
{
    /// <summary>A decision on exactly the held content that the stages have not applied yet.</summary>
    public bool DecisionWaiting =>
        Decision is not null && string.Equals(Decision.SourceSha256, Report.SourceSha256, StringComparison.OrdinalIgnoreCase)
        && !Decision.SameAs(Report.Review);
}

/// <summary>Whether a decision was recorded, and a line for the reviewer.</summary>
public sealed record ReviewResult(bool Recorded, string Message, string? RecordName, ReviewDecision? Decision)
{
    public static ReviewResult Refused(string message) => new(false, message, null, null);
}
