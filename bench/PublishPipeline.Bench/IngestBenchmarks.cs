using BenchmarkDotNet.Attributes;
using PublishPipeline.Ingest;

namespace PublishPipeline.Bench;

/// <summary>
/// Ingest alone (bytes → blocks) over the samples, per encoding and format: MB/s is the sample size
/// divided by the mean time; allocations come from the memory diagnoser.
/// Run: dotnet run -c Release --project bench/PublishPipeline.Bench -- --filter '*IngestBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private readonly Dictionary<string, SourceFile> files = [];

    [ParamsSource(nameof(Variants))]
    public string Variant { get; set; } = "utf-8";

    public static IEnumerable<string> Variants => ["utf-8", "shift_jis", "utf-16le"];

    [GlobalSetup]
    public void Setup()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        foreach (var path in BenchSamples.Files)
        {
            var text = File.ReadAllText(path);
            var bytes = Variant switch
            {
                "shift_jis" => System.Text.Encoding.GetEncoding(932).GetBytes(text.Replace('—', '―').Replace('\u00A0', ' ')),
                "utf-16le" => [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)],
                _ => File.ReadAllBytes(path),
            };
            files[Path.GetFileName(path)] = new SourceFile(Path.GetFileName(path), bytes);
        }

        Console.WriteLine($"// {Variant}: {TotalBytes:N0} bytes over {files.Count} samples");
    }

    /// <summary>Bytes read per invocation (all samples), for MB/s.</summary>
    public long TotalBytes => files.Values.Sum(f => (long)f.Content.Length);

    [Benchmark(Description = "MinutesReader.Read over all samples")]
    public int ReadAllSamples()
    {
        var blocks = 0;
        foreach (var file in files.Values)
        {
            blocks += MinutesReader.Read(file).Blocks.Count;
        }

        return blocks;
    }
}
