namespace PublishPipeline.Pipeline;

/// <summary>
/// How much one run of the shared catch-up (<c>MinutesPipeline.SweepAsync</c>) may do. The nightly
/// run takes everything not current within its time budget and rebuilds every index file; the
/// recovery sweep takes a bounded number of documents, leaves alone what changed too recently
/// (the triggers are probably still on it), except documents a failed delivery names.
/// </summary>
internal sealed class SweepScope
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>The stage name in logs and the report's folder.</summary>
    public required string Stage { get; init; }

    public required string ReportPrefix { get; init; }

    /// <summary>No document is taken through a stage after this time.</summary>
    public required DateTimeOffset StopAt { get; init; }

    /// <summary>At most this many documents are taken through stages (each counts once, whatever its stages).</summary>
    public int MaxDocuments { get; init; } = int.MaxValue;

    /// <summary>Uploads, documents and public files changed less than this long ago are not touched.</summary>
    public TimeSpan Grace { get; init; }

    /// <summary>Ids named by failed deliveries (the poison queue): taken whatever their age.</summary>
    public IReadOnlySet<string> Named { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Rebuild and compare every index file, not only when the set of documents changed.</summary>
    public bool ForceIndexes { get; init; }

    /// <summary>What the budget left for the next run, as "container/name".</summary>
    public List<string> Left { get; } = [];

    /// <summary>The ids of <see cref="Left"/>.</summary>
    public HashSet<string> LeftIds { get; } = new(StringComparer.Ordinal);

    public static SweepScope Nightly(DateTimeOffset stopAt) => new()
    {
        Stage = Stages.Rerender,
        ReportPrefix = PipelineNames.RerenderReportPrefix,
        StopAt = stopAt,
        ForceIndexes = true,
    };

    /// <summary>True when the item may be taken now: old enough, named by a failed delivery, or already taken by this run (its next stage).</summary>
    public bool Settled(string? id, DateTimeOffset modified, DateTimeOffset now) =>
        Grace <= TimeSpan.Zero || // the nightly run: whatever the clocks of storage and host say
        modified <= now - Grace || (id is not null && (Named.Contains(id) || _taken.Contains(id)));

    /// <summary>Counts <paramref name="id"/> against the budget; false when it may be taken, true (and recorded as left) when not.</summary>
    public bool OutOfBudget(string what, string id, DateTimeOffset now)
    {
        if (now < StopAt && (_taken.Contains(id) || _taken.Count < MaxDocuments))
        {
            _taken.Add(id);
            return false;
        }

        Left.Add(what);
        LeftIds.Add(id);
        return true;
    }
}
