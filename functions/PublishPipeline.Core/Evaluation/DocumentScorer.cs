namespace PublishPipeline.Evaluation;

/// <summary>How many uploads were read into minutes at all.</summary>
public sealed class DocumentScorer : IDocumentScorer
{
    public IReadOnlyList<Metric> Metrics { get; } = [new("documents", "docs read", "documentsRead", "files")];

    public ValueTask ScoreAsync(EvalDocument document, ScoreSheet sheet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sheet);
        sheet.Add("files", 1);
        sheet.Add("documentsRead", document.Minutes is null ? 0 : 1);
        return ValueTask.CompletedTask;
    }
}
