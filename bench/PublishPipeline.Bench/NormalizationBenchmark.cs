using BenchmarkDotNet.Attributes;
using PublishPipeline.Ingest;
using PublishPipeline.Normalization;

namespace PublishPipeline.Bench;

/// <summary>
/// Normalisation of all five samples from bytes (read + normalise, as the pipeline does), one
/// operation = the five files; a second case times the normaliser alone on the read blocks. Throughput is reported in the MB/s column (total sample bytes /
/// mean time); the target is ≥ 50 MB/s per core. Run: dotnet run -c Release -- --filter *Normalization* --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SampleThroughputConfig))]
public class NormalizationBenchmark
{
    private SourceFile[] _files = [];
    private SourceDocument[] _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = BenchSamples.Uploads();
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
}
