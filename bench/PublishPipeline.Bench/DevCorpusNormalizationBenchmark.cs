using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PublishPipeline.Ingest;
using PublishPipeline.Normalization;

namespace PublishPipeline.Bench;

/// <summary>
/// Normalisation (read + normalise, as the pipeline does) of the 43 real minutes of
/// ../shared/devcorpus/uploads (3.7 MB of assembly minutes: markers, rolls, tab tables, saved pages):
/// one operation = every upload. The target for normalise + redact is ≥ 25 MB/s per core.
/// Run: dotnet run -c Release -- --filter *DevCorpus* --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DevCorpusThroughputConfig))]
public class DevCorpusNormalizationBenchmark
{
    private SourceFile[] _files = [];

    [GlobalSetup]
    public void Setup() => _files = DevCorpus.Uploads();

    [Benchmark(Description = "Normalize the dev corpus (43 uploads)")]
    public int NormalizeDevCorpus()
    {
        var turns = 0;
        foreach (var file in _files)
        {
            turns += MinutesNormalizer.Normalize(file).Sections.Sum(s => s.Turns.Count);
        }

        return turns;
    }
}

/// <summary>The dev corpus beside the repository (../shared/devcorpus), as uploads.</summary>
internal static class DevCorpus
{
    public static SourceFile[] Uploads() =>
        [.. Directory.GetFiles(Folder()).Order(StringComparer.Ordinal).Select(p => new SourceFile(Path.GetFileName(p), File.ReadAllBytes(p)))];

    public static long Bytes() => Directory.GetFiles(Folder()).Sum(p => new FileInfo(p).Length);

    private static string Folder()
    {
        var repository = Directory.GetParent(BenchSamples.Folder)!.FullName;
        var uploads = Path.Combine(repository, "..", "shared", "devcorpus", "uploads");
        return Directory.Exists(uploads) ? uploads : throw new DirectoryNotFoundException("../shared/devcorpus/uploads not found beside " + repository);
    }
}

/// <summary>An MB/s column over the dev corpus' bytes (mean time of one operation, one thread).</summary>
internal sealed class DevCorpusThroughputConfig : ManualConfig
{
    public DevCorpusThroughputConfig() => AddColumn(new Column());

    private sealed class Column : IColumn
    {
        public string Id => "DevCorpusMBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Dev-corpus megabytes (10^6 bytes) normalised per second, one thread";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } stats
                ? (DevCorpus.Bytes() / 1e6 / (stats.Mean / 1e9)).ToString("F1", CultureInfo.InvariantCulture)
                : "NA";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
