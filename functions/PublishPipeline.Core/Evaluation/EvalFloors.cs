using System.Globalization;
using System.Text.Json;

namespace PublishPipeline.Evaluation;

/// <summary>
/// Minimums (maximums for a metric that is better lower) per source and overall, from a committed
/// JSON file: <c>{"overall": {"markerTurns": 0.99}, "sources": {"otaru": {"markerTurns": 0.99}}}</c>.
/// Ratios are fractions (0.99), counts are counts. Floors only ever rise.
/// </summary>
public sealed class EvalFloors
{
    private EvalFloors(IReadOnlyDictionary<string, double> overall, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> sources)
    {
        Overall = overall;
        Sources = sources;
    }

    public IReadOnlyDictionary<string, double> Overall { get; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Sources { get; }

    /// <exception cref="InvalidDataException">Not a floors file; the message says what is wrong.</exception>
    public static EvalFloors Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var overall = root.TryGetProperty("overall", out var o) ? Values(o, path, "overall") : new Dictionary<string, double>();
            var sources = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
            if (root.TryGetProperty("sources", out var s))
            {
                foreach (var source in s.EnumerateObject())
                {
                    sources[source.Name] = Values(source.Value, path, source.Name);
                }
            }

            return new EvalFloors(overall, sources);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a floors file ({e.Message})", e);
        }
    }

    /// <summary>Every floor the report does not reach, as a sentence; empty when all are met.</summary>
    public IReadOnlyList<string> Check(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failures = new List<string>();
        var metrics = report.Metrics.ToDictionary(m => m.Key, StringComparer.Ordinal);
        Check("overall", report.Overall, Overall);
        foreach (var (source, floors) in Sources)
        {
            var figures = report.Sources.FirstOrDefault(s => s.Source == source);
            if (figures is null)
            {
                failures.Add($"{source}: has floors but no upload of this source was read");
                continue;
            }

            Check(source, figures, floors);
        }

        return failures;

        void Check(string source, SourceFigures figures, IReadOnlyDictionary<string, double> floors)
        {
            foreach (var (key, floor) in floors)
            {
                if (!metrics.TryGetValue(key, out var metric))
                {
                    failures.Add($"{source}: floor for unknown metric '{key}' (known: {string.Join(", ", metrics.Keys)})");
                    continue;
                }

                var value = metric.ValueOf(figures.Counts);
                var shown = value is { } v ? Show(metric, v) : "nothing to measure";
                if (value is null || (metric.Better == Better.Higher ? value < floor : value > floor))
                {
                    failures.Add($"{source}: {key} ({metric.Header}) is {shown}, {(metric.Better == Better.Higher ? "below the floor" : "above the ceiling")} {Show(metric, floor)}");
                }
            }
        }
    }

    private static string Show(Metric metric, double value) =>
        metric.IsRatio ? value.ToString("0.0000", CultureInfo.InvariantCulture) : value.ToString("0", CultureInfo.InvariantCulture);

    private static Dictionary<string, double> Values(JsonElement element, string path, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: '{what}' must be an object of metric: minimum");
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            values[p.Name] = p.Value.ValueKind == JsonValueKind.Number
                ? p.Value.GetDouble()
                : throw new InvalidDataException($"{path}: '{what}'.{p.Name} must be a number");
        }

        return values;
    }
}
