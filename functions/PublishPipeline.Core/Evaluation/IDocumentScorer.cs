namespace PublishPipeline.Evaluation;

/// <summary>
/// One concern of the evaluation (speaker turns, rolls, dates, names …). A scorer declares its
/// columns (<see cref="Metrics"/>) and adds each document's counts to a <see cref="ScoreSheet"/>;
/// the runner sums the counts per source and overall, so every figure is a micro-average over the
/// documents. A new set of columns is a new scorer added to the list, nothing else changes.
/// </summary>
public interface IDocumentScorer
{
    /// <summary>The columns this scorer adds, in the order they are printed.</summary>
    IReadOnlyList<Metric> Metrics { get; }

    /// <summary>Adds the document's counts (the numerators and denominators its metrics name).</summary>
    ValueTask ScoreAsync(EvalDocument document, ScoreSheet sheet, CancellationToken cancellationToken);
}

/// <summary>Which way a metric improves; a floor is a minimum for <see cref="Higher"/>, a maximum for <see cref="Lower"/>.</summary>
public enum Better
{
    Higher,
    Lower,
}

/// <summary>
/// One column: a count (<see cref="Denominator"/> null) or a ratio of two counts summed over
/// documents. <see cref="Key"/> is what the floors file and the JSON use; <see cref="Header"/> is the
/// table's column title.
/// </summary>
public sealed record Metric(string Key, string Header, string Numerator, string? Denominator = null, Better Better = Better.Higher)
{
    public bool IsRatio => Denominator is not null;

    /// <summary>The metric's value over summed counts; null for a ratio with nothing to divide by.</summary>
    public double? ValueOf(IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var numerator = counts.GetValueOrDefault(Numerator);
        if (Denominator is null)
        {
            return numerator;
        }

        var denominator = counts.GetValueOrDefault(Denominator);
        return denominator == 0 ? null : (double)numerator / denominator;
    }
}

/// <summary>The named counts one document contributed.</summary>
public sealed class ScoreSheet
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public void Add(string counter, long amount)
    {
        ArgumentNullException.ThrowIfNull(counter);
        _counts[counter] = _counts.GetValueOrDefault(counter) + amount;
    }
}
