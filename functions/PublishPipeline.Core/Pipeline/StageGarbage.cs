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
    private static long _collections;

    /// <summary>The collections made so far in this process (for the tests: one per large document's stage).</summary>
    public static long Collections => Interlocked.Read(ref _collections);

    /// <summary>Collects before a stage whose document is <paramref name="documentBytes"/> of JSON, when that is large.</summary>
    public static bool CollectBefore(long documentBytes)
    {
        if (documentBytes <= MinutesPipeline.WholeReadLimit)
        {
            return false;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        Interlocked.Increment(ref _collections);
        return true;
    }
}
