using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PublishPipeline.Ingest;

namespace PublishPipeline.Bench;

/// <summary>The bundled samples as benchmark input, found from the benchmark's own folder.</summary>
internal static class BenchSamples
{
    public static string Folder { get; } = Find();

    public static IReadOnlyList<string> Files { get; } = [.. Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal)];

    /// <summary>
    /// The samples as uploads. With <paramref name="scale"/> &gt; 1 each becomes one long upload:
    /// the header once and the proceedings repeated, to show cost per byte as documents grow.
    /// </summary>
    public static SourceFile[] Uploads(int scale = 1) =>
        [.. Files.Select(path => new SourceFile(Path.GetFileName(path), scale == 1 ? File.ReadAllBytes(path) : Encoding.UTF8.GetBytes(Repeat(File.ReadAllText(path, Encoding.UTF8), scale))))];

    /// <summary>One upload of at least <paramref name="bytes"/>: the sample whose name starts with <paramref name="sample"/>, its proceedings repeated.</summary>
    public static SourceFile LongUpload(long bytes, string sample)
    {
        var path = Files.First(f => Path.GetFileName(f).StartsWith(sample, StringComparison.Ordinal));
        var text = File.ReadAllText(path, Encoding.UTF8);
        var once = Encoding.UTF8.GetByteCount(text);
        var repeated = Encoding.UTF8.GetByteCount("\n\n" + text[(text.Length / 5)..]);
        var scale = 1 + (int)Math.Max(0, Math.Ceiling((double)(bytes - once) / repeated));
        return new SourceFile($"long-{Path.GetFileName(path)}", Encoding.UTF8.GetBytes(Repeat(text, scale)));
    }

    /// <summary>Bytes of <see cref="Uploads"/> at that scale.</summary>
    public static long Bytes(int scale = 1) => Uploads(scale).Sum(u => (long)u.Content.Length);

    private static string Repeat(string text, int scale)
    {
        var body = text[(text.Length / 5)..];
        return text + string.Concat(Enumerable.Repeat("\n\n" + body, scale - 1));
    }

    private static string Find()
    {
        // BenchmarkDotNet may run from a generated project under bin/, or in process: walk up to the repository.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var samples = Path.Combine(dir.FullName, "samples");
                if (File.Exists(Path.Combine(dir.FullName, "PublishPipeline.sln")) && Directory.Exists(samples))
                {
                    return samples;
                }
            }
        }

        throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// Adds an MB/s column: the samples' upload bytes (times the case's <c>Scale</c> parameter, when it
/// has one) over the mean time of one operation, on one thread. Computed in the host process,
/// where the benchmark's setup has not run, so it measures the input itself.
/// </summary>
internal sealed class SampleThroughputConfig : ManualConfig
{
    public SampleThroughputConfig() => AddColumn(new MegabytesPerSecondColumn(BenchSamples.Bytes));

    /// <summary>The MB/s column over any input: <paramref name="bytes"/> gives the upload bytes for a case's Scale (1 when it has none).</summary>
    internal sealed class MegabytesPerSecondColumn(Func<int, long> bytes) : IColumn
    {
        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Upload megabytes (10^6 bytes) processed per second, one thread";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (summary[benchmarkCase]?.ResultStatistics is not { Mean: > 0 } stats)
            {
                return "NA";
            }

            var scale = benchmarkCase.Parameters.Items.Any(p => p.Name == "Scale") ? (int)benchmarkCase.Parameters["Scale"] : 1;
            return (bytes(scale) / 1e6 / (stats.Mean / 1e9)).ToString("F1", CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
