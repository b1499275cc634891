namespace PublishPipeline.Evaluation;

/// <summary>Dates read against documents that state one (<see cref="StatedDate"/>): found at all, and equal to the stated one.</summary>
public sealed class DateScorer : IDocumentScorer
{
    public IReadOnlyList<Metric> Metrics { get; } =
    [
        new("dates", "dates", "datesFound", "datesStated"),
        new("datesRight", "dates right", "datesRight", "datesStated"),
    ];

    public ValueTask ScoreAsync(EvalDocument document, ScoreSheet sheet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sheet);
        if (document.Text is null || StatedDate.Find(document.Text) is not { } stated)
        {
            return ValueTask.CompletedTask;
        }

        sheet.Add("datesStated", 1);
        sheet.Add("datesFound", document.Minutes?.Date is null ? 0 : 1);
        sheet.Add("datesRight", document.Minutes?.Date == stated ? 1 : 0);
        return ValueTask.CompletedTask;
    }
}
