using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PublishPipeline.Ingest;
using PublishPipeline.Normalization;

namespace PublishPipeline.Bench;

/// <summary>
/// Normalisation of all five samples from bytes (read + normalise, as the pipeline does), one
/// operation = the five files; a second case times the normaliser alone on the read blocks. Throughput is reported in the MB/s column (total sample bytes /
/// mean time); the target is ≥ 50 MB/s per core. Run: dotnet run -c Release -- --filter *Normalization* --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class NormalizationBenchmark
{
    private SourceFile[] _files = [];
    private SourceDocument[] _documents = [];

    /// <summary>Sum of the sample sizes, read by the MB/s column.</summary>
    public static long TotalBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var samples = FindSamples();
        _files = [.. Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal).Select(p => new SourceFile("samples/" + Path.GetFileName(p), File.ReadAllBytes(p)))];
        TotalBytes = _files.Sum(f => (long)f.Content.Length);
        _documents = [.. _files.Select(MinutesReader.Read)];
    }

    [Benchmark(Description = "Normalize 5 samples")]
    public int NormalizeSamples()
    {
        var turns = 0;
        foreach (var file in _files)
        {
            turns += MinutesNormalizer.Normalize(file).Sections.Sum(s => s.Turns.Count);
        }

        return turns;
    }

    /// <summary>The normaliser alone, on blocks already read: the part this area owns.</summary>
    [Benchmark(Description = "Normalize 5 read documents")]
    public int NormalizeDocuments()
    {
        var turns = 0;
        var normalizer = new MinutesNormalizer();
        foreach (var document in _documents)
        {
            turns += normalizer.Normalize(document, "m0000000000000000").Sections.Sum(s => s.Turns.Count);
        }

        return turns;
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(dir.FullName, "PublishPipeline.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        // BenchmarkDotNet runs the benchmark from a generated project under bin/; fall back to the working directory.
        var cwd = Path.Combine(Directory.GetCurrentDirectory(), "samples");
        return Directory.Exists(cwd) ? cwd : throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    /// <summary>Total sample bytes divided by the mean time of one operation.</summary>
    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => nameof(MegabytesPerSecondColumn);
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Megabytes (10^6) of sample input normalised per second (one thread)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats || stats.Mean <= 0)
            {
                return "NA";
            }

            var bytes = SampleBytes();
            var seconds = stats.Mean / 1e9;
            return (bytes / 1e6 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        // The column is computed in the host process, where GlobalSetup has not run: measure the files here.
        private static long SampleBytes() => Directory.GetFiles(FindSamples(), "*.txt").Sum(p => new FileInfo(p).Length);
    }
}
