using System.Globalization;
using System.Text;

namespace PublishPipeline.Evaluation;

/// <summary>The report as a plain-text table for a terminal or a CI log: one row per source, then overall.</summary>
public static class EvalTable
{
    public static string Format(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var header = new List<string> { "source" };
        header.AddRange(report.Metrics.Select(m => m.Header));
        var rows = new List<List<string>> { header };
        foreach (var figures in report.Sources.Append(report.Overall))
        {
            var row = new List<string> { figures.Source };
            row.AddRange(report.Metrics.Select(m => Cell(m, figures.Counts)));
            rows.Add(row);
        }

        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToList();
        var text = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            if (r == rows.Count - 1)
            {
                text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }

            text.AppendLine(string.Join("  ", rows[r].Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
            if (r == 0)
            {
                text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        return text.ToString();
    }

    /// <summary>"1234" for a count; "1234/1256 98.2%" for a ratio; "-" when there is nothing to divide by.</summary>
    public static string Cell(Metric metric, IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(counts);
        var numerator = counts.GetValueOrDefault(metric.Numerator);
        if (metric.Denominator is null)
        {
            return numerator.ToString(CultureInfo.InvariantCulture);
        }

        var denominator = counts.GetValueOrDefault(metric.Denominator);
        return denominator == 0
            ? "-"
            : string.Create(CultureInfo.InvariantCulture, $"{numerator}/{denominator} {100.0 * numerator / denominator:0.0}%");
    }
}
