using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace PublishPipeline.Evaluation;

/// <summary>
/// The report as JSON for machines: <c>metrics</c> (key, header, counts, direction), <c>sources</c> and
/// <c>overall</c> (files, counts, values by metric key; a ratio with nothing to divide by is null),
/// and <c>documents</c> (each document's counts and error).
/// </summary>
public static class EvalJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        NewLine = "\n",
    };

    public static string Serialize(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metrics = new JsonArray();
        foreach (var m in report.Metrics)
        {
            metrics.Add(new JsonObject
            {
                ["key"] = m.Key,
                ["header"] = m.Header,
                ["numerator"] = m.Numerator,
                ["denominator"] = m.Denominator,
                ["better"] = m.Better == Better.Higher ? "higher" : "lower",
            });
        }

        var sources = new JsonObject();
        foreach (var s in report.Sources)
        {
            sources[s.Source] = Figures(report, s);
        }

        var documents = new JsonArray();
        foreach (var d in report.Documents)
        {
            documents.Add(new JsonObject
            {
                ["name"] = d.Name,
                ["source"] = d.Source,
                ["error"] = d.Error,
                ["counts"] = Counts(d.Counts),
            });
        }

        var root = new JsonObject
        {
            ["metrics"] = metrics,
            ["sources"] = sources,
            ["overall"] = Figures(report, report.Overall),
            ["documents"] = documents,
        };
        return root.ToJsonString(Options);
    }

    private static JsonObject Figures(EvalReport report, SourceFigures figures)
    {
        var values = new JsonObject();
        foreach (var m in report.Metrics)
        {
            values[m.Key] = m.ValueOf(figures.Counts) is { } v ? JsonValue.Create(Math.Round(v, 6)) : null;
        }

        return new JsonObject { ["files"] = figures.Files, ["counts"] = Counts(figures.Counts), ["values"] = values };
    }

    private static JsonObject Counts(IReadOnlyDictionary<string, long> counts)
    {
        var o = new JsonObject();
        foreach (var (key, value) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            o[key] = value;
        }

        return o;
    }
}
