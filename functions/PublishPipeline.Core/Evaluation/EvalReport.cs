namespace PublishPipeline.Evaluation;

/// <summary>The summed counts of one source (or of all, <see cref="EvalReport.Overall"/>).</summary>
public sealed record SourceFigures(string Source, int Files, IReadOnlyDictionary<string, long> Counts);

/// <summary>One document's counts, and why it was not read when it was not.</summary>
public sealed record DocumentFigures(string Name, string Source, string? Error, IReadOnlyDictionary<string, long> Counts);

/// <summary>An evaluation run: the columns, per-source and overall figures, and each document's counts.</summary>
public sealed record EvalReport(
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<SourceFigures> Sources,
    SourceFigures Overall,
    IReadOnlyList<DocumentFigures> Documents);
