namespace PublishPipeline.Pipeline;

/// <summary>
/// What a stage of a large document (its JSON over <see cref="MinutesPipeline.WholeReadLimit"/>,
/// a 30 MB upload's is 60 MB) leaves behind: the upload's lines, the normalised document once it is
/// handed on, the parse and redaction of it, the page and search fragments. That garbage is large
/// objects and objects promoted while the stage ran, which the collector takes back only at its
/// next full collection; until then the next stage commits fresh memory beside it, and the
/// process's peak is set by garbage, not by what is live (docs/scale.md, round 17: live 26–93 MB
/// at each step against a 250–300 MB peak). So a large document's stage starts with a full,
/// blocking collection that does not compact (compacting after normalising raised the peak in
/// round 12: the next stage committed fresh memory beside the compacted heap). A small document
/// never pays for one.
/// </summary>
internal static class StageGarbage
{
    /// <summary>
    /// Collects before a stage whose document is <paramref name="documentBytes"/> of JSON, when that is large; the
    /// collection's pause, or null when none was made. The pipeline logs each one (a full collection is a pause, and
    /// a run's log says why one was made).
    /// </summary>
    public static TimeSpan? CollectBefore(long documentBytes)
    {
        if (documentBytes <= MinutesPipeline.WholeReadLimit)
        {
            return null;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }
}
