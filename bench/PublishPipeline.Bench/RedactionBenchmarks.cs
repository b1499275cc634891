using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;

namespace PublishPipeline.Bench;

/// <summary>
/// Redaction throughput on the five samples (offline recogniser, no network): redaction alone and
/// normalise + redact together, as MB/s of upload bytes on one core. <c>Scale</c> repeats the
/// samples' text N times in one upload to show memory per byte stays flat as documents grow.
/// Run: dotnet run -c Release --project bench/PublishPipeline.Bench -- --filter *Redaction* --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class RedactionBenchmarks
{
    private SourceFile[] uploads = [];
    private Minutes[] normalised = [];
    private Redactor redactor = null!;
    private RedactionRequest request = null!;

    [Params(1, 16)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var samples = Directory.GetFiles(FindSamples(), "*.txt").Order(StringComparer.Ordinal).ToArray();
        uploads = [.. samples.Select(path =>
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            if (Scale > 1)
            {
                // One long upload: the header once, the proceedings repeated.
                var body = text[(text.Length / 5)..];
                text += string.Concat(Enumerable.Repeat("\n\n" + body, Scale - 1));
            }

            return new SourceFile(Path.GetFileName(path), Encoding.UTF8.GetBytes(text));
        })];
        normalised = [.. uploads.Select(MinutesNormalizer.Normalize)];
        redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        request = new RedactionRequest("bench", ConfirmedPublicVersion: true);
        _ = redactor.RedactAsync(normalised[0], request).GetAwaiter().GetResult(); // lexicon loaded outside the timing
    }

    [Benchmark(Description = "redact")]
    public int Redact()
    {
        var n = 0;
        foreach (var minutes in normalised)
        {
            n += redactor.RedactAsync(minutes, request).GetAwaiter().GetResult().Audit.Entries.Count;
        }

        return n;
    }

    [Benchmark(Description = "normalise+redact")]
    public int NormaliseAndRedact()
    {
        var n = 0;
        foreach (var upload in uploads)
        {
            n += redactor.RedactAsync(MinutesNormalizer.Normalize(upload), request).GetAwaiter().GetResult().Audit.Entries.Count;
        }

        return n;
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(dir.FullName, "PublishPipeline.sln")) && Directory.Exists(samples))
            {
                return samples;
            }
        }

        throw new InvalidOperationException("samples/ not found above " + AppContext.BaseDirectory);
    }

    private sealed class ThroughputConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    /// <summary>Upload megabytes (10^6 bytes) per second on one core, from the mean time.</summary>
    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Upload megabytes per second, single thread";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats)
            {
                return "-";
            }

            var scale = (int)benchmarkCase.Parameters["Scale"];
            var bytes = SampleBytes(scale);
            return (bytes / 1e6 / (stats.Mean / 1e9)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        // The column runs in the host process, not the benchmark process: recompute the byte count the same way.
        private static long SampleBytes(int scale)
        {
            long total = 0;
            foreach (var path in Directory.GetFiles(FindSamples(), "*.txt"))
            {
                var text = File.ReadAllText(path, Encoding.UTF8);
                if (scale > 1)
                {
                    var body = text[(text.Length / 5)..];
                    text += string.Concat(Enumerable.Repeat("\n\n" + body, scale - 1));
                }

                total += Encoding.UTF8.GetByteCount(text);
            }

            return total;
        }
    }
}
